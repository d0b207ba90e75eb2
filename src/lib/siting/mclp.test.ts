import { describe, expect, test } from 'vitest';
import { randomInstance, subsets } from './instances.fixture';
import { greedy, interchange, rank, solveMclp } from './mclp';
import { buildProblem, coveredWeight, type Problem } from './problem';

const RADIUS_KM = 5;
const INSTANCES = 200;
const GREEDY_BOUND = 1 - 1 / Math.E;

/** Coverage of a set computed from scratch with plain loops: the oracle does not share the solver's code. */
function coverageOracle(p: Problem, sites: readonly number[]): number {
	let sum = 0;
	for (let d = 0; d < p.weight.length; d++) {
		let hit = p.base[d] > 0;
		for (const k of sites) for (let j = p.reach.offsets[k]; j < p.reach.offsets[k + 1]; j++) if (p.reach.demand[j] === d) hit = true;
		if (hit) sum += p.weight[d];
	}
	return sum;
}

function exhaustive(p: Problem, n: number): number {
	let best = -Infinity;
	for (const s of subsets(p.candidates.length, n)) best = Math.max(best, coverageOracle(p, s));
	return best;
}

describe('MCLP against exhaustive search', () => {
	test(`on ${INSTANCES} seeded instances: greedy ≥ (1 − 1/e) of the optimum's gain, interchange reaches the optimum on ≥ 95 %`, () => {
		let optimal = 0;
		let worstRatio = Infinity;
		for (let seed = 1; seed <= INSTANCES; seed++) {
			const input = randomInstance(seed);
			const n = 2 + (seed % 3);
			const { problem: p } = buildProblem(input, RADIUS_KM, { keluhan: seed % 2 });
			const base = coverageOracle(p, []);
			const best = exhaustive(p, n);
			const g = greedy(p, n);
			const gi = solveMclp(p, n).sites;
			// One start alone is never worse than greedy either.
			expect(coverageOracle(p, interchange(p, g))).toBeGreaterThanOrEqual(coverageOracle(p, g) - 1e-9);
			expect(g).toHaveLength(n);
			expect(new Set(gi).size).toBe(n);
			const greedyGain = coverageOracle(p, g) - base;
			const optGain = best - base;
			if (optGain > 0) worstRatio = Math.min(worstRatio, greedyGain / optGain);
			expect(greedyGain, `seed ${seed}`).toBeGreaterThanOrEqual(GREEDY_BOUND * optGain - 1e-9);
			const gic = coverageOracle(p, gi);
			expect(gic).toBeGreaterThanOrEqual(coverageOracle(p, g) - 1e-9);
			expect(gic).toBeLessThanOrEqual(best + 1e-9);
			if (Math.abs(gic - best) < 1e-9) optimal++;
		}
		const share = optimal / INSTANCES;
		console.log(`MCLP: greedy + interchange optimal on ${optimal}/${INSTANCES} (${(100 * share).toFixed(1)} %); worst greedy/optimum gain ratio ${worstRatio.toFixed(3)}`);
		expect(share).toBeGreaterThanOrEqual(0.95);
	});
});

describe('MCLP details', () => {
	test('existing sites stay fixed: what they reach counts as covered, and a candidate on top of one adds nothing', () => {
		const input = randomInstance(7, { existing: 3 });
		const { problem: p } = buildProblem(input, RADIUS_KM, { keluhan: 0 });
		const base = coverageOracle(p, []);
		expect(base).toBeGreaterThan(0);
		const r = solveMclp(p, 3);
		expect(r.covered).toBeCloseTo(coverageOracle(p, r.sites), 9);
		expect(r.added.reduce((a, b) => a + b, 0)).toBeCloseTo(r.covered - base, 9);
		// A desa whose whole reach is already served: turn it into a candidate and put an existing site on it.
		const host = input.candidates[0];
		const d = input.demand[host];
		const sameSpot = buildProblem({ ...input, existing: [...input.existing, { id: 'X', lng: d.lng, lat: d.lat }] }, RADIUS_KM, { keluhan: 0 }).problem;
		const k = [...sameSpot.candidates].indexOf(host);
		expect(coverageOracle(sameSpot, [k])).toBeCloseTo(coverageOracle(sameSpot, []), 9);
		expect(rank(sameSpot, [k]).added).toEqual([0]);
		// It is never picked while another candidate still adds something.
		expect(solveMclp(sameSpot, 1).sites).not.toContain(k);
	});

	test('ties go to the lower kode_desa, whatever order the candidates come in', () => {
		// Four identical desa far apart, equal demand: every choice ties.
		const demand = [3, 1, 2, 0].map((i) => ({ kode: `75.01.01.200${i}`, lng: 122.9 + i * 0.5, lat: 0.6, miskin: 10, keluhan: 0 }));
		const input = { demand, existing: [], candidates: [0, 1, 2, 3] };
		const { problem: p } = buildProblem(input, RADIUS_KM, { keluhan: 0 });
		const kodes = (sites: number[]) => sites.map((k) => demand[p.candidates[k]].kode);
		expect(kodes(solveMclp(p, 2).sites)).toEqual(['75.01.01.2000', '75.01.01.2001']);
		const shuffled = buildProblem({ ...input, candidates: [2, 3, 0, 1] }, RADIUS_KM, { keluhan: 0 }).problem;
		expect(kodes(solveMclp(shuffled, 2).sites)).toEqual(['75.01.01.2000', '75.01.01.2001']);
	});

	test('rank orders the chosen set by what each adds in turn, and the gains sum to the total', () => {
		const input = randomInstance(11, { candidates: 20, existing: 0 });
		const { problem: p } = buildProblem(input, RADIUS_KM, { keluhan: 0 });
		const r = rank(p, [5, 3, 12, 0]);
		expect([...r.sites].sort((a, b) => a - b)).toEqual([0, 3, 5, 12]);
		for (let i = 1; i < r.added.length; i++) expect(r.added[i]).toBeLessThanOrEqual(r.added[i - 1] + 1e-9);
		expect(r.added.reduce((a, b) => a + b, 0)).toBeCloseTo(coverageOracle(p, r.sites), 9);
	});

	test('complaint weighting changes the weights: one complaint counts as `keluhan` households', () => {
		const input = randomInstance(3);
		const a = buildProblem(input, RADIUS_KM, { keluhan: 0 }).problem;
		const b = buildProblem(input, RADIUS_KM, { keluhan: 2 }).problem;
		input.demand.forEach((d, i) => expect(b.weight[i] - a.weight[i]).toBe(2 * d.keluhan));
	});

	test('asking for more sites than candidates gives every candidate', () => {
		const input = randomInstance(5, { candidates: 10 });
		const { problem: p } = buildProblem(input, RADIUS_KM, { keluhan: 0 });
		expect(solveMclp(p, 15).sites).toHaveLength(10);
	});
});
