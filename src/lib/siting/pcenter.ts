/**
 * Equity (p-center) with existing sites fixed: choose N candidates so that the worst distance
 * from any demand point with weight to its nearest site is smallest.
 *
 * The optimum is one of the distances between a demand point and a candidate or an existing
 * site, and "can N sites bring everyone within r?" gets easier as r grows, so we search r:
 * over the sorted distinct distances when there are few enough (exact), otherwise by bisection
 * to PCENTER_TOLERANCE. Each check is a set-cover question answered exactly by branching on the
 * candidates that can reach the least-reachable uncovered point; if that exceeds a node budget
 * (large instances) a greedy cover answers instead and the result is marked not proven optimal.
 */
import type { DistanceSource, Reach } from './distance';

/** Above this many demand × candidate pairs we bisect instead of listing every distance. */
const DISCRETE_PAIR_LIMIT = 2_000_000;
/** Bisection stops when the interval is this narrow (in the source's unit: 50 m, half the shown 0.1 km, or 0.05 min). */
export const PCENTER_TOLERANCE = 0.05;
/** Branching nodes one covering check may visit before it falls back to greedy. */
const DEFAULT_NODE_BUDGET = 20_000;
/** Point visits one covering check may spend (nodes × unserved points), some tens of milliseconds. */
const WORK_BUDGET = 5_000_000;

export interface PCenterInput {
	source: DistanceSource;
	/** demand points that count (weight > 0) */
	demand: Int32Array;
	existing: Int32Array;
	/** facility indices of the candidates, in tie-break order */
	candidates: Int32Array;
}

export interface PCenterResult {
	/** candidate positions (indices into `candidates`) */
	sites: number[];
	/** worst distance from a counted demand point to its nearest site */
	worst: number;
	/** every covering check was exact and the distances were searched exhaustively */
	exact: boolean;
}

class BudgetExceeded extends Error {}

/** Worst nearest-site distance over the counted demand for existing sites plus `sites`. */
export function worstDistance(pc: PCenterInput, sites: readonly number[], toExisting = pc.source.nearest(pc.existing)): number {
	// Farthest from the existing sites first: once that distance is no more than the worst found,
	// no later point can be worse, so most points are never measured against the new sites.
	const order = [...pc.demand].sort((a, b) => toExisting[b] - toExisting[a] || a - b);
	let worst = 0;
	for (const d of order) {
		if (toExisting[d] <= worst) break;
		let best = toExisting[d];
		for (const k of sites) best = Math.min(best, pc.source.distance(pc.candidates[k], d));
		worst = Math.max(worst, best);
	}
	return worst;
}

/** Can `n` candidates reach, within r, every counted point the existing sites leave beyond r? */
function cover(pc: PCenterInput, toExisting: Float64Array, n: number, r: number, budget: number): { sites: number[] | null; exact: boolean } {
	const need = new Uint8Array(pc.source.demandCount);
	const needed: number[] = [];
	for (const d of pc.demand) if (toExisting[d] > r) (need[d] = 1), needed.push(d);
	if (needed.length === 0) return { sites: [], exact: true };
	// Each node scans the needed points: bound the total work, not just the node count.
	budget = Math.max(1, Math.min(budget, Math.floor(WORK_BUDGET / needed.length)));
	const reach = pc.source.reach(pc.candidates, r, need);
	const byDemand = invert(reach, pc.source.demandCount);
	const covered = new Int32Array(pc.source.demandCount);
	const chosen: number[] = [];
	let nodes = 0;
	const rows = (k: number, by: number) => {
		for (let j = reach.offsets[k]; j < reach.offsets[k + 1]; j++) covered[reach.demand[j]] += by;
	};
	const search = (left: number): boolean => {
		if (++nodes > budget) throw new BudgetExceeded();
		// The uncovered point with the fewest candidates: smallest branching, earliest failure.
		let pick = -1;
		let fewest = Infinity;
		for (const d of needed) {
			if (covered[d]) continue;
			const m = byDemand[d].length;
			if (m < fewest) [pick, fewest] = [d, m];
		}
		if (pick < 0) return true;
		if (left === 0 || fewest === 0) return false;
		for (const k of byDemand[pick]) {
			chosen.push(k);
			rows(k, 1);
			if (search(left - 1)) return true;
			rows(k, -1);
			chosen.pop();
		}
		return false;
	};
	try {
		return { sites: search(n) ? [...chosen] : null, exact: true };
	} catch (e) {
		if (!(e instanceof BudgetExceeded)) throw e;
		covered.fill(0);
		return { sites: greedyCover(reach, needed, covered, n), exact: false };
	}
}

function invert(reach: Reach, demandCount: number): number[][] {
	const out: number[][] = Array.from({ length: demandCount }, () => []);
	for (let k = 0; k + 1 < reach.offsets.length; k++) for (let j = reach.offsets[k]; j < reach.offsets[k + 1]; j++) out[reach.demand[j]].push(k);
	return out;
}

/** Greedy set cover: the candidate reaching most uncovered needed points, until none is left or n are used. */
function greedyCover(reach: Reach, needed: readonly number[], covered: Int32Array, n: number): number[] | null {
	const sites: number[] = [];
	for (;;) {
		if (!needed.some((d) => !covered[d])) return sites;
		if (sites.length === n) return null;
		let [bestK, bestCount] = [-1, 0];
		for (let k = 0; k + 1 < reach.offsets.length; k++) {
			let c = 0;
			for (let j = reach.offsets[k]; j < reach.offsets[k + 1]; j++) if (!covered[reach.demand[j]]) c++;
			if (c > bestCount) [bestK, bestCount] = [k, c];
		}
		if (bestK < 0) return null;
		sites.push(bestK);
		for (let j = reach.offsets[bestK]; j < reach.offsets[bestK + 1]; j++) covered[reach.demand[j]] = 1;
	}
}

/** Farthest-first: repeatedly open the candidate nearest the worst-served point. A feasible upper bound. */
function farthestFirst(pc: PCenterInput, toExisting: Float64Array, n: number): number[] {
	const dist = Float64Array.from(toExisting);
	const sites: number[] = [];
	while (sites.length < Math.min(n, pc.candidates.length)) {
		let far = -1;
		for (const d of pc.demand) if (far < 0 || dist[d] > dist[far]) far = d;
		if (far < 0 || dist[far] === 0) break;
		let near = -1;
		let nearD = Infinity;
		for (let k = 0; k < pc.candidates.length; k++) {
			const v = pc.source.distance(pc.candidates[k], far);
			if (v < nearD && !sites.includes(k)) [near, nearD] = [k, v];
		}
		if (near < 0) break;
		sites.push(near);
		for (const d of pc.demand) dist[d] = Math.min(dist[d], pc.source.distance(pc.candidates[near], d));
	}
	return sites;
}

export interface PCenterOptions {
	nodeBudget?: number;
	/** list every distance up to this many demand × candidate pairs, else bisect (default DISCRETE_PAIR_LIMIT) */
	discretePairLimit?: number;
	onProgress?: (fraction: number) => void;
}

export function solvePCenter(pc: PCenterInput, n: number, opts: PCenterOptions = {}): PCenterResult {
	const budget = opts.nodeBudget ?? DEFAULT_NODE_BUDGET;
	const toExisting = pc.source.nearest(pc.existing);
	const upper = farthestFirst(pc, toExisting, n);
	let best = { sites: upper, worst: worstDistance(pc, upper, toExisting) };
	let exact = true;
	const check = (r: number) => {
		const res = cover(pc, toExisting, n, r, budget);
		exact &&= res.exact;
		return res.sites;
	};
	if (pc.demand.length * pc.candidates.length <= (opts.discretePairLimit ?? DISCRETE_PAIR_LIMIT)) {
		const values = new Set<number>();
		for (const d of pc.demand) {
			if (Number.isFinite(toExisting[d])) values.add(toExisting[d]);
			for (const f of pc.candidates) values.add(pc.source.distance(f, d));
		}
		const sorted = [...values].filter((v) => v <= best.worst).sort((a, b) => a - b);
		let [lo, hi] = [0, sorted.length - 1];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			const sites = check(sorted[mid]);
			if (sites) [hi, best] = [mid, { sites, worst: worstDistance(pc, sites, toExisting) }];
			else lo = mid + 1;
			opts.onProgress?.(1 - (hi - lo) / sorted.length);
		}
		return { ...best, exact };
	}
	let [lo, hi] = [0, best.worst];
	const width = hi;
	while (hi - lo > PCENTER_TOLERANCE) {
		const mid = (lo + hi) / 2;
		const sites = check(mid);
		if (sites) [hi, best] = [mid, { sites, worst: worstDistance(pc, sites, toExisting) }];
		else lo = mid;
		opts.onProgress?.(1 - (hi - lo) / width);
	}
	// Within PCENTER_TOLERANCE of the optimum when every check was exact, but not proven optimal.
	return { ...best, exact: false };
}
