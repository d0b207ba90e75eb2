/**
 * One planning scenario end to end: today's coverage, N new sites for the chosen objective,
 * each site's catchment and what it adds, and the coverage curve (k new sites → share covered).
 * A site that improves nothing is never proposed: maximal coverage stops once no candidate adds
 * covered demand, equity drops any site whose removal neither lengthens the worst distance nor
 * loses coverage, and the result says why it holds fewer sites than asked (`shortfall`).
 * Pure; the worker runs it off the main thread, the benchmark and tests call it directly.
 */
import type { DistanceSource } from './distance';
import { bestOfStarts, eps, greedy, greedyStarts, interchange, rank } from './mclp';
import { solvePCenter, worstDistance, type PCenterInput } from './pcenter';
import { buildProblem, coveredWeight, demandWeights, type Problem, type SitingInput, type Weighting } from './problem';

export type Objective = 'mclp' | 'pcenter';

/** The curve always reaches this many new sites (or every candidate), whatever N is asked for. */
export const CURVE_MAX = 20;

export interface ScenarioOptions {
	radius: number;
	n: number;
	objective: Objective;
	weighting: Weighting;
	/** how far the MCLP curve runs (default CURVE_MAX) */
	curveMax?: number;
	/** a supplied distance source instead of great-circle km */
	source?: DistanceSource;
	onProgress?: (fraction: number, stage: string) => void;
}

export interface Totals {
	weight: number;
	miskin: number;
	keluhan: number;
}

export interface ProposedSite {
	/** demand index of the desa hosting the site */
	desa: number;
	added: Totals;
	/** covered after this site, existing sites included */
	cumulative: Totals;
	/** demand indices within the radius */
	catchment: number[];
	/** demand indices this site covers that no site before it did (what `added` counts) */
	fresh: number[];
	/** worst distance from a weighted desa to its nearest site once this site and those before it are open */
	worstAfter: number;
}

export interface CurvePoint {
	n: number;
	covered: Totals;
	/** worst distance from a weighted desa to its nearest site */
	worst: number;
	/** demand indices covered (what `covered` counts), ascending */
	set: number[];
}

/**
 * Why fewer sites are proposed than asked: after `proposed` sites no further site adds anything
 * (`no-gain`: coverage for maximal coverage; coverage or the worst distance for equity), or there
 * are only that many candidates (`candidates`).
 */
export interface Shortfall {
	reason: 'no-gain' | 'candidates';
	proposed: number;
	asked: number;
}

/** Worst distances closer than this (km or minutes) count as equal. */
const DISTANCE_EPS = 1e-9;

export interface ScenarioResult {
	/** n: the number of new sites asked for; `sites` may hold fewer (see `shortfall`) */
	options: { radius: number; n: number; objective: Objective; weighting: Weighting };
	unit: string;
	total: Totals;
	/** per desa, distance to the nearest existing Puskesos (Infinity without one) */
	nearestExisting: number[];
	baseline: Totals;
	/** demand indices the existing sites cover (what `baseline` counts), ascending */
	before: number[];
	baselineWorst: number;
	sites: ProposedSite[];
	covered: Totals;
	worst: number;
	/** demand indices covered now that were not before */
	newlyCovered: number[];
	curve: CurvePoint[];
	/** p-center only: proven optimal among the candidates */
	exact?: boolean;
	/** set when `sites` holds fewer than asked */
	shortfall: Shortfall | null;
}

function totalsOf(input: SitingInput, weight: Float64Array, pts: Iterable<number>): Totals {
	const t = { weight: 0, miskin: 0, keluhan: 0 };
	for (const d of pts) {
		t.weight += weight[d];
		t.miskin += input.demand[d].miskin;
		t.keluhan += input.demand[d].keluhan;
	}
	return t;
}

function coveredSet(p: Problem, sites: readonly number[]): number[] {
	const hit = new Uint8Array(p.base.length);
	p.base.forEach((b, d) => (hit[d] = b > 0 ? 1 : 0));
	for (const k of sites) for (let j = p.reach.offsets[k]; j < p.reach.offsets[k + 1]; j++) hit[p.reach.demand[j]] = 1;
	return [...hit.keys()].filter((d) => hit[d]);
}

export function runScenario(input: SitingInput, opts: ScenarioOptions): ScenarioResult {
	const progress = opts.onProgress ?? (() => {});
	progress(0, 'index');
	const built = buildProblem(input, opts.radius, opts.weighting, opts.source);
	const { problem: p, source } = built;
	// The solvers weigh by p.weight (a desa's `weighAs`, where given); what is covered and added is
	// counted by the desa's own counts.
	const own = demandWeights(input.demand, opts.weighting, 'exact');
	const asked = Math.max(0, opts.n);
	const n = Math.min(asked, p.candidates.length);
	const all = [...input.demand.keys()];
	const counted = Int32Array.from(all.filter((d) => p.weight[d] > 0));
	const pc: PCenterInput = { source, demand: counted, existing: built.existingFacilities, candidates: built.candidateFacilities };
	const nearestExisting = source.nearest(built.existingFacilities);
	const worstOf = (sites: readonly number[]) => worstDistance(pc, sites, nearestExisting);
	const point = (k: number, sites: readonly number[]): CurvePoint => {
		const set = coveredSet(p, sites);
		return { n: k, covered: totalsOf(input, own, set), worst: worstOf(sites), set };
	};
	const tol = eps(p);

	let curve: CurvePoint[] = [point(0, [])];
	let chosen: number[] = [];
	let exact: boolean | undefined;
	if (opts.objective === 'mclp') {
		// Every candidate at once covers all a new site could ever reach: once that is covered, stop.
		const coverable = coveredWeight(p, [...p.candidates.keys()]);
		const kMax = Math.max(n, Math.min(opts.curveMax ?? CURVE_MAX, p.candidates.length));
		const orders = greedyStarts(p, kMax);
		let prev: number[] = [];
		for (let k = 1; k <= kMax && coveredWeight(p, prev) < coverable - tol; k++) {
			// Every start for every point: the curve is drawn as the best plan of k sites beside the list's
			// first k, and one start alone missed it (a 2-site point at 56,7 % where two sites reach 59,6 %).
			let sites = bestOfStarts(p, orders, k);
			// Greedy prefixes are nested; interchange may not keep that, so never fall below k − 1's answer.
			if (coveredWeight(p, sites) < coveredWeight(p, prev)) sites = interchange(p, greedy(p, k, prev));
			curve.push(point(k, sites));
			if (k === n) chosen = sites;
			prev = sites;
			progress(k / kMax, 'mclp');
		}
		// Saturated before n: the sites that got there are the answer.
		if (curve.length <= n) chosen = prev;
		// Ranked by what each adds in turn, the sites adding nothing come last: drop them.
		const order = rank(p, chosen);
		chosen = order.sites.filter((_, i) => order.added[i] > tol);
	} else {
		let prev: number[] = [];
		for (let k = 1; k <= n; k++) {
			const res = solvePCenter(pc, k);
			// The cover may need fewer than k sites: the rest go where they add the most coverage.
			let sites = greedy(p, k, res.sites);
			if (worstOf(sites) > worstOf(prev)) sites = greedy(p, k, prev);
			if (k === n) exact = res.exact;
			curve.push(point(k, sites));
			prev = sites;
			progress(k / Math.max(n, 1), 'pcenter');
		}
		chosen = pruneIdle(p, rank(p, prev).sites, worstOf, tol);
	}
	// Fewer sites than asked: the curve ends at the answer, which it passes through.
	if (chosen.length < n) curve = [...curve.slice(0, chosen.length), point(chosen.length, chosen)];
	const shortfall: Shortfall | null =
		chosen.length < n ? { reason: 'no-gain', proposed: chosen.length, asked } : n < asked ? { reason: 'candidates', proposed: n, asked } : null;

	// The list reads as a plan funded from the top: for equity, each next site the one leaving the
	// shortest worst distance (then the most coverage added); for maximal coverage, the most added.
	const ranked = opts.objective === 'pcenter' ? rankByWorst(p, chosen, worstOf) : rank(p, chosen);
	// The curve's k is the best plan of k sites found: the list's first k when they do better than the
	// plan solved for k alone (solved with fewer starts, it can miss it). Judged by the weights the
	// solvers use, so the choice gives no exact count away.
	const weigh = (set: readonly number[]) => set.reduce((t, d) => t + p.weight[d], 0);
	for (let k = 1; k < Math.min(ranked.sites.length, curve.length); k++) {
		const prefix = ranked.sites.slice(0, k);
		const mine = point(k, prefix);
		const [a, b] = [weigh(mine.set), weigh(curve[k].set)];
		const better = opts.objective === 'pcenter' ? mine.worst < curve[k].worst - DISTANCE_EPS || (mine.worst <= curve[k].worst + DISTANCE_EPS && a > b + tol) : a > b + tol;
		if (better) curve[k] = mine;
	}
	const beforeSet = coveredSet(p, []);
	const before = new Set(beforeSet);
	const sites: ProposedSite[] = [];
	const soFar = new Set(before);
	ranked.sites.forEach((k, i) => {
		const row = [...p.reach.demand.subarray(p.reach.offsets[k], p.reach.offsets[k + 1])];
		const fresh = row.filter((d) => !soFar.has(d));
		fresh.forEach((d) => soFar.add(d));
		sites.push({ desa: p.candidates[k], added: totalsOf(input, own, fresh), cumulative: totalsOf(input, own, soFar), catchment: row, fresh: [...fresh].sort((a, b) => a - b), worstAfter: worstOf(ranked.sites.slice(0, i + 1)) });
	});
	return {
		options: { radius: opts.radius, n: asked, objective: opts.objective, weighting: opts.weighting },
		unit: source.unit,
		total: totalsOf(input, own, all),
		nearestExisting: [...nearestExisting],
		baseline: totalsOf(input, own, before),
		before: beforeSet,
		baselineWorst: worstOf([]),
		sites,
		covered: totalsOf(input, own, soFar),
		worst: worstOf(chosen),
		newlyCovered: [...soFar].filter((d) => !before.has(d)).sort((a, b) => a - b),
		curve,
		exact,
		shortfall
	};
}

/**
 * Equity's sites in the order a planner funding them from the top would want: each next the one
 * that leaves the shortest worst distance, among equals the one adding the most covered weight,
 * then the lower candidate index (the lower kode_desa). Sites adding to neither come last.
 */
export function rankByWorst(p: Problem, sites: readonly number[], worstOf: (sites: readonly number[]) => number): { sites: number[] } {
	const left = [...sites].sort((a, b) => a - b);
	const out: number[] = [];
	const tol = eps(p);
	while (left.length) {
		let at = 0;
		let best = { worst: Infinity, cover: -Infinity };
		left.forEach((k, i) => {
			const next = [...out, k];
			const c = { worst: worstOf(next), cover: coveredWeight(p, next) };
			if (c.worst < best.worst - DISTANCE_EPS || (c.worst <= best.worst + DISTANCE_EPS && c.cover > best.cover + tol)) [at, best] = [i, c];
		});
		out.push(...left.splice(at, 1));
	}
	return { sites: out };
}

/**
 * Equity's sites without those that improve nothing: from the last ranked back, a site goes when
 * the others alone keep both the worst distance and the covered weight. Each site left is needed
 * for one or the other.
 */
function pruneIdle(p: Problem, ranked: readonly number[], worstOf: (sites: readonly number[]) => number, tol: number): number[] {
	const worst = worstOf(ranked);
	const cover = coveredWeight(p, ranked);
	let kept = [...ranked];
	for (let i = kept.length - 1; i >= 0; i--) {
		const without = kept.filter((_, j) => j !== i);
		if (worstOf(without) <= worst + DISTANCE_EPS && coveredWeight(p, without) >= cover - tol) kept = without;
	}
	return kept;
}
