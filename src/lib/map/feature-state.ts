/**
 * Deciding what to change on the map, as data, before touching MapLibre. Recolouring is a list of
 * per-desa feature-state edits; only a new district replaces the GeoJSON source's data.
 */

import type { UncolouredReason } from './uncoloured';

/** Class index per desa code; null (or a missing code) means no data. */
export type ClassStates = ReadonlyMap<string, number | null>;

export type StateEdit<V = number> = { kode: string; action: 'set'; value: V } | { kode: string; action: 'remove' };

/**
 * The feature-state edits that turn `prev` into `next` (null or missing: no state): set where the
 * value changed or appeared, remove where it disappeared, nothing where it is unchanged.
 */
export function stateEdits<V extends string | number>(prev: ReadonlyMap<string, V | null>, next: ReadonlyMap<string, V | null>): StateEdit<V>[] {
	const edits: StateEdit<V>[] = [];
	for (const [kode, value] of next) {
		const before = prev.get(kode) ?? null;
		if (value === null) {
			if (before !== null) edits.push({ kode, action: 'remove' });
		} else if (value !== before) edits.push({ kode, action: 'set', value });
	}
	for (const [kode, before] of prev) {
		if (before !== null && !next.has(kode)) edits.push({ kode, action: 'remove' });
	}
	return edits;
}

/** The class edits (feature-state `kelas`) that turn `prev` into `next`. */
export function classStateEdits(prev: ClassStates, next: ClassStates): StateEdit[] {
	return stateEdits(prev, next);
}

/**
 * Each desa's reason state (feature-state `alasan`, expression.ts): the reason of a desa without a
 * class, except no data, which is what no state draws (so a map that only has no-data desa sets none).
 */
export function reasonStates(classes: ClassStates, reasons: ReadonlyMap<string, UncolouredReason>): Map<string, UncolouredReason | null> {
	const out = new Map<string, UncolouredReason | null>();
	for (const [kode, kelas] of classes) {
		const r = kelas === null ? (reasons.get(kode) ?? null) : null;
		out.set(kode, r === 'none' ? null : r);
	}
	return out;
}

export type SourceChange = 'none' | 'replace' | 'remove';

/**
 * What the GeoJSON source needs when the polygons asked for change: the same collection keeps its
 * data (recolouring is feature-state only); another replaces it; none removes it. Compared by
 * identity, not by district code: a page can name the next district a moment before its polygons
 * arrive, and the previous district's polygons must not be kept (or drawn) under the new name.
 */
export function sourceChange<T extends object>(shown: T | null, wanted: T | null): SourceChange {
	if (wanted === shown) return 'none';
	return wanted === null ? 'remove' : 'replace';
}

/**
 * The colours a map's fill draws, each at a fixed slot: the fill expression (classColorExpression
 * over `colours`) turns a feature's slot, held in its feature-state, into its colour, so a change of
 * palette (another layer) is feature-state edits alone.
 *
 * Setting a new fill expression instead has MapLibre re-tile the source in its worker, and until
 * that is done it draws every feature whose state did not change with the expression it had: a desa
 * in class 2 of both layers kept the old layer's colour for two frames or more, next to desa already
 * in the new one's.
 */
export class ColourSlots {
	private readonly list: string[] = [];
	private readonly slot = new Map<string, number>();

	/** `known`: the palettes the map will draw, so their colours are in the first expression. */
	constructor(known: readonly (readonly string[])[] = []) {
		for (const palette of known) this.add(palette);
	}

	/** Every colour, by slot: the fill expression's palette. */
	get colours(): readonly string[] {
		return this.list;
	}

	/** Gives the palette's colours not yet known a slot; true when there were any (the expression must then be set again). */
	add(palette: readonly string[]): boolean {
		const before = this.list.length;
		for (const c of palette) {
			if (this.slot.has(c)) continue;
			this.slot.set(c, this.list.length);
			this.list.push(c);
		}
		return this.list.length > before;
	}

	/**
	 * Each feature's slot for its class in `palette` (whose colours must have been added): the states
	 * to set. A class with no colour in the palette (null, or out of range) has no slot: no data.
	 */
	states(palette: readonly string[], classes: ClassStates): ClassStates {
		const slots = palette.map((c) => {
			const s = this.slot.get(c);
			if (s === undefined) throw new RangeError(`colour ${c} has no slot: add its palette first`);
			return s;
		});
		const out = new Map<string, number | null>();
		for (const [kode, kelas] of classes) out.set(kode, kelas === null ? null : (slots[kelas] ?? null));
		return out;
	}
}
