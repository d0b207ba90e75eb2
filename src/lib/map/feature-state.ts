/**
 * Deciding what to change on the map, as data, before touching MapLibre. Recolouring is a list of
 * per-desa feature-state edits; only a new district replaces the GeoJSON source's data.
 */

/** Class index per desa code; null (or a missing code) means no data. */
export type ClassStates = ReadonlyMap<string, number | null>;

export type StateEdit = { kode: string; action: 'set'; kelas: number } | { kode: string; action: 'remove' };

/**
 * The feature-state edits that turn `prev` into `next`: set where the class changed or appeared,
 * remove where a class disappeared, nothing where it is unchanged.
 */
export function classStateEdits(prev: ClassStates, next: ClassStates): StateEdit[] {
	const edits: StateEdit[] = [];
	for (const [kode, kelas] of next) {
		const before = prev.get(kode) ?? null;
		if (kelas === null) {
			if (before !== null) edits.push({ kode, action: 'remove' });
		} else if (kelas !== before) edits.push({ kode, action: 'set', kelas });
	}
	for (const [kode, before] of prev) {
		if (before !== null && !next.has(kode)) edits.push({ kode, action: 'remove' });
	}
	return edits;
}

export type SourceChange = 'none' | 'replace' | 'remove';

/**
 * What the GeoJSON source needs when the district shown changes: the same district keeps its
 * data (recolouring is feature-state only); another district replaces it; none removes it.
 */
export function sourceChange(shown: string | null, wanted: string | null): SourceChange {
	if (wanted === shown) return 'none';
	return wanted === null ? 'remove' : 'replace';
}
