/**
 * What a reader could work out from a public download: for each group of rows whose counts add up
 * to a total published elsewhere (a kecamatan's desa, a district's kecamatan), and each count
 * column, the total (from the internal copy: a reader knowing it exactly, more than any public
 * file gives) less the counts shown leaves the hidden ones. A "<5" is 1–4, an "x" (withheld) 5 or
 * more, a 0 exactly 0, and any other count shown was rounded to a multiple of 5 (export/rounding.ts),
 * so it stands for anything from 4 below it to 4 above it, and never less than 5. A "<5" is given
 * back when those bounds pin it to one value.
 */
const number = (s: string) => Number(s.replace(',', '.'));
/** Whether a file says its counts are rounded (EXPORT_NOTE): a reader takes its numbers as exact otherwise. */
export const saysRounded = (note: string) => note.includes('kelipatan 5');
/** What a count shown could have been: itself, or when the file rounds, anything within 4 of it and never below 5. */
const shownBounds = (s: string, rounded: boolean): [number, number] => {
	const v = number(s);
	return v === 0 || !rounded ? [v, v] : [Math.max(5, v - 4), v + 4];
};

export interface Disclosure {
	group: string;
	column: string;
	row: string;
	value: number;
}

export function pinnedCounts(header: string[], pub: string[][], internal: string[][], opts: { id: string; group: (r: string[]) => string; columns: string[]; rounded: boolean }): { pinned: Disclosure[]; hidden: number; withheld: number } {
	const id = header.indexOf(opts.id);
	const truth = new Map(internal.map((r) => [r[id], r]));
	const pinned: Disclosure[] = [];
	let hidden = 0;
	let withheld = 0;
	for (const column of opts.columns) {
		const c = header.indexOf(column);
		const groups = new Map<string, string[][]>();
		for (const r of pub) groups.set(opts.group(r), [...(groups.get(opts.group(r)) ?? []), r]);
		for (const [group, rows] of groups) {
			const small = rows.filter((r) => r[c] === '<5');
			const x = rows.filter((r) => r[c] === 'x').length;
			hidden += small.length;
			withheld += x;
			if (!small.length) continue;
			const total = rows.reduce((s, r) => s + number(truth.get(r[id])![c]), 0);
			const shown = rows.filter((r) => r[c] !== '<5' && r[c] !== 'x' && r[c] !== '').map((r) => shownBounds(r[c], opts.rounded));
			// The hidden and withheld together: the total less the most and the least the shown could be.
			const [residualLo, residualHi] = [total - shown.reduce((s, b) => s + b[1], 0), total - shown.reduce((s, b) => s + b[0], 0)];
			const k = small.length;
			const upper = Math.min(4, residualHi - (k - 1) - 5 * x);
			const lower = x > 0 ? 1 : Math.max(1, residualLo - 4 * (k - 1));
			if (lower >= upper) for (const r of small) pinned.push({ group, column, row: r[id], value: number(truth.get(r[id])![c]) });
		}
	}
	return { pinned, hidden, withheld };
}

/** A total and the parts it is the sum of, each named by a key of the values shown. */
export interface SumRelation {
	total: string;
	parts: string[];
}

/**
 * What a reader could work out by subtracting one public file from another (a period from a longer
 * one, kecamatan from their district): every value shown as bounds ("<5" 1–4, "x" 5 or more, a
 * rounded count within 4 of itself and never below 5, a 0 exactly 0, a blank anything), narrowed by
 * each sum relation until nothing changes. Returns the "<5" pinned to one value.
 */
export function pinnedBySubtraction(shown: ReadonlyMap<string, string>, relations: readonly SumRelation[], rounded: boolean): { key: string; value: number }[] {
	const lo = new Map<string, number>();
	const hi = new Map<string, number>();
	const init = (k: string) => {
		if (lo.has(k)) return;
		const s = shown.get(k) ?? '';
		const [l, h]: [number, number] = s === '' ? [0, Infinity] : s === '<5' ? [1, 4] : s === 'x' ? [5, Infinity] : shownBounds(s, rounded);
		lo.set(k, l);
		hi.set(k, h);
	};
	for (const r of relations) [r.total, ...r.parts].forEach(init);
	let changed = true;
	for (let round = 0; changed && round < 200; round++) {
		changed = false;
		const tighten = (k: string, l: number, h: number) => {
			if (l > lo.get(k)!) (lo.set(k, l), (changed = true));
			if (h < hi.get(k)!) (hi.set(k, h), (changed = true));
		};
		for (const r of relations) {
			const sumLo = r.parts.reduce((s, p) => s + lo.get(p)!, 0);
			const sumHi = r.parts.reduce((s, p) => s + hi.get(p)!, 0);
			tighten(r.total, sumLo, sumHi);
			for (const p of r.parts) tighten(p, lo.get(r.total)! - (sumHi - hi.get(p)!), hi.get(r.total)! - (sumLo - lo.get(p)!));
		}
	}
	return [...lo.keys()].filter((k) => shown.get(k) === '<5' && lo.get(k) === hi.get(k)).map((k) => ({ key: k, value: lo.get(k)! }));
}
