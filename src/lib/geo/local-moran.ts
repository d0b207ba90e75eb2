/**
 * Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA") with
 * row-standardised weights: each neighbour of desa i counts 1/k_i.
 *
 *   z_i = x_i − x̄,  m₂ = Σz² / n,  lag_i = Σ_j w_ij z_j,  I_i = z_i · lag_i / m₂
 *
 * (PySAL's `Moran_Local.Is` divide by Σz²/(n−1) instead, so they are (n−1)/n times these; the
 * z-scores and p-values do not depend on the scaling.) Two kinds of inference:
 *
 * - analytic: moments of I_i when the values are randomly relabelled over all units (total
 *   randomisation), b₂ = m₄/m₂², w_i(2) = Σ_j w_ij², w_i(kh) = Σ_{k≠h} w_ik w_ih:
 *     E[I_i] = −w_i / (n−1)
 *     Var[I_i] = w_i(2)(n − b₂)/(n−1) + w_i(kh)(2b₂ − n)/((n−1)(n−2)) − w_i²/(n−1)²
 *   where w_i = Σ_j w_ij = 1 here; p is the two-sided normal tail of the z-score.
 * - conditional permutation (as GeoDa and PySAL `p_sim`): x_i stays put and its neighbours'
 *   values are drawn from the other n−1 units; the pseudo p-value is (extreme + 1)/(P + 1),
 *   counting draws at least as far out as I_i in the tail it lies in (one-sided, folded, as
 *   PySAL does). Seeded, so the map does not flicker between runs.
 */
import { twoSidedNormalP } from './normal';
import { createRng, randomInt, type Rng } from './rng';
import { hasSpread } from './spread';
import { presentSubset, spreadToAll, type MaybeNumber, type SpatialWeights } from './weights';

/** PySAL's and GeoDa's default: p_sim can reach 0.001 and 999 + 1 avoids half-counting. */
export const DEFAULT_PERMUTATIONS = 999;
/** Any fixed seed does; fixing it makes the permutation p-values reproducible. */
export const DEFAULT_SEED = 12345;
/**
 * Simulated values this close to the observed I_i (relative) count as ties, i.e. as extreme. With
 * integer counts many neighbour sets give exactly the observed I, but summing in a different
 * order leaves ulps of difference that would otherwise decide the tie at random.
 */
const TIE_TOLERANCE = 1e-9;

/** Draws between checks of whether a unit's p-value is already known to exceed `exactUpTo`. */
const STOP_CHECK = 32;

/** The usual 5 % level for calling a LISA cluster. */
export const DEFAULT_ALPHA = 0.05;

export type Quadrant = 'high-high' | 'low-low' | 'high-low' | 'low-high';
export type ClusterType = Quadrant | 'ns';

export interface LocalMoranOptions {
	/** conditional permutations per unit; 0 skips them (`pSim` is then null) */
	permutations?: number;
	seed?: number;
	/**
	 * Pseudo p-values above this level are not needed exactly (a map that only asks "significant at
	 * this level?"): a unit stops drawing once both tails hold more draws than a p-value at this
	 * level allows, and its `pSim` is then the lower bound reached, still above the level. Units
	 * at or below it are exact. Unset: every unit gets every draw.
	 */
	exactUpTo?: number;
}

export interface LocalMoranResult {
	I: (number | null)[];
	/** row-standardised spatial lag of the deviations: the neighbours' mean minus x̄ */
	lag: (number | null)[];
	/** analytic z-score under total randomisation */
	z: (number | null)[];
	/** two-sided normal p-value of z */
	p: (number | null)[];
	/** conditional permutation pseudo p-value, or null when permutations were skipped */
	pSim: (number | null)[] | null;
	/** the scatterplot quadrant, whatever the significance; null when x_i or its lag is exactly average */
	quadrant: (Quadrant | null)[];
}

/**
 * Local Moran per unit. Units without a value are dropped with their links. Islands have no lag
 * and get null statistics, as does everyone when all values are equal; a unit exactly at the
 * mean has I = 0 and no quadrant.
 */
export function localMoran(values: readonly MaybeNumber[], weights: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
	const subset = presentSubset(values, weights);
	const stats = localMoranOf(subset.values, subset.neighbours);
	const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
	const total = values.length;
	const spread = <T>(xs: T[]) => spreadToAll(subset, xs, total);
	const pSim = permutations > 0 ? permutationP(stats, subset.neighbours, permutations, options.seed ?? DEFAULT_SEED, options.exactUpTo) : null;
	return {
		I: spread(stats.I),
		lag: spread(stats.lag),
		z: spread(stats.z),
		p: spread(stats.z.map((v) => (v === null ? null : twoSidedNormalP(v)))),
		pSim: pSim ? spread(pSim) : null,
		quadrant: spread(stats.lag.map((l, i) => quadrantOf(stats.deviation[i], l)))
	};
}

/** Significant units get their quadrant, the rest 'ns'. Pass FDR-adjusted p-values to control false clusters. */
export function clusterTypes(result: Pick<LocalMoranResult, 'quadrant'>, p: readonly (number | null)[], alpha = DEFAULT_ALPHA): ClusterType[] {
	return result.quadrant.map((q, i) => {
		const pi = p[i];
		return q !== null && pi !== null && pi <= alpha ? q : 'ns';
	});
}

function quadrantOf(deviation: number, lag: number | null): Quadrant | null {
	if (lag === null || deviation === 0 || lag === 0) return null;
	if (deviation > 0) return lag > 0 ? 'high-high' : 'high-low';
	return lag < 0 ? 'low-low' : 'low-high';
}

interface MoranStats {
	deviation: number[];
	m2: number;
	I: (number | null)[];
	lag: (number | null)[];
	z: (number | null)[];
}

function localMoranOf(x: readonly number[], neighbours: readonly number[][]): MoranStats {
	const n = x.length;
	const mean = x.reduce((a, b) => a + b, 0) / n;
	const deviation = x.map((v) => v - mean);
	const m2 = deviation.reduce((acc, d) => acc + d * d, 0) / n;
	const m4 = deviation.reduce((acc, d) => acc + d ** 4, 0) / n;
	const lag = neighbours.map((list) => (list.length === 0 ? null : list.reduce((acc, j) => acc + deviation[j], 0) / list.length));
	// Fewer than 3 units leaves the variance formula undefined; equal values leave nothing to test.
	const testable = n >= 3 && hasSpread(x);
	const I = lag.map((l, i) => (l === null || !testable ? null : (deviation[i] * l) / m2));
	const z = I.map((Ii, i) => (Ii === null ? null : analyticZ(Ii, neighbours[i].length, n, m4 / (m2 * m2))));
	return { deviation, m2, I, lag: lag.map((l) => (testable ? l : null)), z };
}

/** z of I_i under total randomisation, for k row-standardised neighbours (each weight 1/k). */
function analyticZ(I: number, k: number, n: number, b2: number): number | null {
	const sumSquares = 1 / k; // w_i(2) = k · (1/k)²
	const crossPairs = 1 - sumSquares; // w_i(kh) = (Σw)² − Σw² over ordered pairs k ≠ h
	const expected = -1 / (n - 1);
	const variance = (sumSquares * (n - b2)) / (n - 1) + (crossPairs * (2 * b2 - n)) / ((n - 1) * (n - 2)) - 1 / (n - 1) ** 2;
	return variance > 0 ? (I - expected) / Math.sqrt(variance) : null;
}

/**
 * Conditional permutation pseudo p-values. As in PySAL's `crand`, one table of random draws is
 * shared by all units: row d holds k_max distinct indices in [0, n−1), and unit i reads index r
 * as unit r + (r ≥ i), which skips i itself. Each unit still sees an exact random sample of the
 * others; drawing once instead of per unit makes 8,563 desa × 999 permutations cost a table of
 * ~8,000 random numbers instead of ~50 million.
 */
function permutationP(stats: MoranStats, neighbours: readonly number[][], permutations: number, seed: number, exactUpTo = 1): (number | null)[] {
	const n = stats.deviation.length;
	// A unit whose two tails both hold more than `enough` draws has p > exactUpTo, however the rest fall.
	const enough = Math.floor(exactUpTo * (permutations + 1)) - 1;
	const width = neighbours.reduce((m, list) => Math.max(m, list.length), 0);
	const table = sharedDrawTable(seed, permutations, width, n - 1);
	const cells = permutations * width;
	// The deviations of every unit but i, so that draw r reads others[r] (unit r + (r ≥ i)) without
	// a branch. Unit i + 1's array differs from unit i's in one cell: kept up to date in O(1).
	const others = new Float64Array(Math.max(n - 1, 0));
	for (let r = 0; r < n - 1; r++) others[r] = stats.deviation[r + 1];
	const out: (number | null)[] = new Array(n).fill(null);
	for (let i = 0; i < n; i++) {
		if (i > 0) others[i - 1] = stats.deviation[i - 1];
		const observed = stats.I[i];
		if (observed === null) continue;
		const k = neighbours[i].length;
		const scale = stats.deviation[i] / (k * stats.m2);
		const slack = TIE_TOLERANCE * Math.abs(observed);
		let atLeast = 0;
		let atMost = 0;
		for (let row = 0, drawn = 0; row < cells; row += width) {
			let sum = 0;
			for (let t = 0; t < k; t++) sum += others[table[row + t]];
			const simulated = scale * sum;
			if (simulated >= observed - slack) atLeast++;
			if (simulated <= observed + slack) atMost++;
			if (++drawn % STOP_CHECK === 0 && atLeast > enough && atMost > enough) break;
		}
		// The tail the observed value lies in. Ties count in both tails, so a degenerate
		// distribution (x_i exactly average, every draw equal) gives p = 1, not 1/(P + 1).
		const extreme = Math.min(atLeast, atMost);
		out[i] = (extreme + 1) / (permutations + 1);
	}
	return out;
}

/**
 * The table depends only on the seed and its shape, and a map redrawn for another filter keeps
 * its desa: the last table is reused rather than drawn again (the same numbers either way).
 */
let lastTable: { key: string; table: Int32Array } | null = null;
function sharedDrawTable(seed: number, rows: number, width: number, range: number): Int32Array {
	const key = `${seed}|${rows}|${width}|${range}`;
	if (lastTable?.key !== key) lastTable = { key, table: drawTable(createRng(seed), rows, width, range) };
	return lastTable.table;
}

/**
 * `rows` × `width` table; each row holds `width` distinct integers from [0, range), picked by
 * rejection (redraw on a repeat), which is cheap while width is far below range.
 */
function drawTable(rng: Rng, rows: number, width: number, range: number): Int32Array {
	const table = new Int32Array(rows * width);
	for (let row = 0; row < table.length; row += width) {
		for (let t = 0; t < width; t++) {
			let r: number;
			do r = randomInt(rng, range);
			while (table.subarray(row, row + t).includes(r));
			table[row + t] = r;
		}
	}
	return table;
}
