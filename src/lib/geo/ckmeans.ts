/**
 * Optimal 1-D k-means ("natural breaks"): Ckmeans.1d.dp (Wang & Song 2011, The R Journal 3/2).
 * Sorted data splits into k contiguous groups minimising the total within-group sum of squared
 * deviations, found exactly by dynamic programming rather than Jenks' iterative heuristic.
 *
 *   D[q][i] = min over q ≤ j ≤ i of D[q−1][j−1] + SSQ(j … i)
 *
 * Each layer is filled by divide and conquer: the best j never decreases as i grows (SSQ obeys
 * the quadrangle inequality), so solving the middle i first halves both ranges, O(n log n) per
 * layer instead of O(n²). The DP runs on distinct values weighted by multiplicity, which keeps
 * ties together in one group and shrinks the problem when many desa share a rate (e.g. 0).
 */

export interface WeightedValues {
	/** distinct values, ascending */
	values: number[];
	/** how often each occurs */
	counts: number[];
}

/** Groups of the sorted input values, lowest first; at most k, fewer when there are fewer distinct values. */
export function ckmeansClusters(data: readonly number[], k: number): number[][] {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`number of classes must be a positive integer, got ${k}`);
	if (data.some((v) => !Number.isFinite(v))) throw new RangeError('ckmeans needs finite numbers; drop no-data values first');
	const sorted = [...data].sort((a, b) => a - b);
	const distinct = distinctCounts(sorted);
	if (distinct.values.length === 0) return [];
	const starts = optimalStarts(distinct, Math.min(k, distinct.values.length));
	// Where each group starts in the sorted input: the counts of the distinct values before it.
	const offsets = [0];
	distinct.counts.forEach((c, i) => offsets.push(offsets[i] + c));
	return starts.map((start, q) => sorted.slice(offsets[start], q + 1 < starts.length ? offsets[starts[q + 1]] : sorted.length));
}

/** Distinct values of an ascending array, with their multiplicities. */
export function distinctCounts(sorted: readonly number[]): WeightedValues {
	const out: WeightedValues = { values: [], counts: [] };
	for (const v of sorted) {
		const last = out.values.length - 1;
		if (last >= 0 && out.values[last] === v) out.counts[last]++;
		else {
			out.values.push(v);
			out.counts.push(1);
		}
	}
	return out;
}

/** Index (into the distinct values) where each of the k optimal groups starts. */
export function optimalStarts(data: WeightedValues, k: number): number[] {
	const m = data.values.length;
	const ssq = withinSumOfSquares(data);
	let previous = Float64Array.from({ length: m }, (_, i) => ssq(0, i));
	const choice: Int32Array[] = [new Int32Array(m)];
	for (let q = 1; q < k; q++) {
		const current = new Float64Array(m).fill(Infinity);
		const best = new Int32Array(m);
		fillLayer(q, q, m - 1, q, m - 1, previous, current, best, ssq);
		choice.push(best);
		previous = current;
	}
	const starts = new Array<number>(k);
	let end = m - 1;
	for (let q = k - 1; q >= 0; q--) {
		starts[q] = q === 0 ? 0 : choice[q][end];
		end = starts[q] - 1;
	}
	return starts;
}

type Ssq = (from: number, to: number) => number;

/** Solves D[q][i] for i in [iLo, iHi], knowing the best j lies in [jLo, jHi]. */
function fillLayer(
	q: number,
	iLo: number,
	iHi: number,
	jLo: number,
	jHi: number,
	previous: Float64Array,
	current: Float64Array,
	best: Int32Array,
	ssq: Ssq
): void {
	if (iLo > iHi) return;
	const i = (iLo + iHi) >> 1;
	let bestJ = Math.max(jLo, q);
	// Strict < keeps the smallest best j, a choice that stays monotone in i.
	for (let j = bestJ; j <= Math.min(jHi, i); j++) {
		const cost = previous[j - 1] + ssq(j, i);
		if (cost < current[i]) {
			current[i] = cost;
			bestJ = j;
		}
	}
	best[i] = bestJ;
	fillLayer(q, iLo, i - 1, jLo, bestJ, previous, current, best, ssq);
	fillLayer(q, i + 1, iHi, bestJ, jHi, previous, current, best, ssq);
}

/**
 * SSQ of distinct values from…to (inclusive) in O(1) from prefix sums. Values are centred on
 * their median first: Σy² − (Σy)²/n cancels catastrophically when the values sit far from 0
 * compared with their spread, and centring costs nothing.
 */
function withinSumOfSquares(data: WeightedValues): Ssq {
	const m = data.values.length;
	const centre = data.values[m >> 1];
	const weight = new Float64Array(m + 1);
	const sum = new Float64Array(m + 1);
	const sumSquares = new Float64Array(m + 1);
	for (let i = 0; i < m; i++) {
		const y = data.values[i] - centre;
		const c = data.counts[i];
		weight[i + 1] = weight[i] + c;
		sum[i + 1] = sum[i] + c * y;
		sumSquares[i + 1] = sumSquares[i] + c * y * y;
	}
	return (from, to) => {
		const w = weight[to + 1] - weight[from];
		const s = sum[to + 1] - sum[from];
		// Rounding can push a zero SSQ (one distinct value) a hair below 0.
		return Math.max(0, sumSquares[to + 1] - sumSquares[from] - (s * s) / w);
	};
}
