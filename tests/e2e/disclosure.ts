/**
 * What a reader could work out from a public download: for each group of rows whose counts add up
 * to a total published elsewhere (a kecamatan's desa, a district's kecamatan), and each count
 * column, the total (from the internal copy) less the counts shown leaves the hidden ones. A "<5"
 * is 1–4, an "x" (withheld) 5 or more. A "<5" is given back when those bounds pin it to one value.
 */
const number = (s: string) => Number(s.replace(',', '.'));

export interface Disclosure {
	group: string;
	column: string;
	row: string;
	value: number;
}

export function pinnedCounts(header: string[], pub: string[][], internal: string[][], opts: { id: string; group: (r: string[]) => string; columns: string[] }): { pinned: Disclosure[]; hidden: number; withheld: number } {
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
			const shown = rows.filter((r) => r[c] !== '<5' && r[c] !== 'x' && r[c] !== '').reduce((s, r) => s + number(r[c]), 0);
			const residual = total - shown;
			const k = small.length;
			const upper = Math.min(4, residual - (k - 1) - 5 * x);
			const lower = x > 0 ? 1 : Math.max(1, residual - 4 * (k - 1));
			if (lower >= upper) for (const r of small) pinned.push({ group, column, row: r[id], value: number(truth.get(r[id])![c]) });
		}
	}
	return { pinned, hidden, withheld };
}
