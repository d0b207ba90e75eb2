/**
 * Local Getis–Ord Gi* hotspot statistic (Getis & Ord 1992; Ord & Getis 1995), the "star" form
 * that counts each desa in its own neighbourhood, with binary weights: w_ij = 1 for the desa
 * itself and each queen neighbour, 0 otherwise. Matches PySAL `esda.G_Local(star=True,
 * transform='B')` z-scores.
 *
 *   x̄ = Σx / n,  S = √(Σx² / n − x̄²)
 *   W_i = Σ_j w_ij  (neighbours + 1),  with binary weights Σ_j w_ij² = W_i too
 *   z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²) / (n − 1)))
 *
 * This is the exact z-score of the neighbourhood sum under random relabelling of the n values
 * (sampling W_i of them without replacement), and is asymptotically normal, so the p-values are
 * two-sided normal tails. Multiple testing across desa is handled afterwards (fdr.ts).
 */
import { twoSidedNormalP } from './normal';
import { hasSpread } from './spread';
import { presentSubset, spreadToAll, type MaybeNumber, type SpatialWeights } from './weights';

export interface LocalTestResult {
	/** z-score per unit; null without data, when all values are equal, or when the neighbourhood is every unit */
	z: (number | null)[];
	/** two-sided normal p-value, null where z is */
	p: (number | null)[];
}

/**
 * Gi* per unit. Units without a value are dropped along with their links before computing. An
 * island's neighbourhood is itself alone, so its z is just its own standardised value.
 */
export function getisOrdGiStar(values: readonly MaybeNumber[], weights: SpatialWeights): LocalTestResult {
	const subset = presentSubset(values, weights);
	const z = giStarZ(subset.values, subset.neighbours);
	const total = values.length;
	return {
		z: spreadToAll(subset, z, total),
		p: spreadToAll(subset, z.map((v) => (v === null ? null : twoSidedNormalP(v))), total)
	};
}

function giStarZ(x: readonly number[], neighbours: readonly number[][]): (number | null)[] {
	const n = x.length;
	if (!hasSpread(x)) return x.map(() => null);
	const mean = x.reduce((a, b) => a + b, 0) / n;
	// Σ(x − x̄)² / n rather than Σx²/n − x̄²: same value, without cancellation for large rates.
	const s = Math.sqrt(x.reduce((acc, v) => acc + (v - mean) ** 2, 0) / n);
	return x.map((xi, i) => {
		const w = neighbours[i].length + 1;
		// A neighbourhood of all n units always sums to n·x̄: zero variance, no test.
		if (w >= n) return null;
		const sum = neighbours[i].reduce((acc, j) => acc + x[j], xi);
		return (sum - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
	});
}
