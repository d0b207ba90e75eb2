/**
 * Regular lattices with known neighbours, shared by the statistics tests. Written from the
 * definition (row/column offsets), independently of the polygon-based contiguity builder.
 */
import type { SpatialWeights } from './weights';

export type LatticeKind = 'rook' | 'queen';

const ROOK_OFFSETS = [
	[-1, 0],
	[0, -1],
	[0, 1],
	[1, 0]
] as const;

const QUEEN_OFFSETS = [[-1, -1], [-1, 0], [-1, 1], [0, -1], [0, 1], [1, -1], [1, 0], [1, 1]] as const;

/** Unit `r*c` ordering, row by row; ids read `r{row}c{col}`. */
export function latticeWeights(rows: number, cols: number, kind: LatticeKind): SpatialWeights {
	const offsets = kind === 'rook' ? ROOK_OFFSETS : QUEEN_OFFSETS;
	const ids: string[] = [];
	const neighbours: number[][] = [];
	for (let r = 0; r < rows; r++) {
		for (let c = 0; c < cols; c++) {
			ids.push(`r${r}c${c}`);
			neighbours.push(
				offsets
					.map(([dr, dc]) => [r + dr, c + dc])
					.filter(([rr, cc]) => rr >= 0 && rr < rows && cc >= 0 && cc < cols)
					.map(([rr, cc]) => rr * cols + cc)
					.sort((a, b) => a - b)
			);
		}
	}
	return { ids, neighbours };
}
