import { describe, expect, test } from 'vitest';
import { randomInstance, subsets } from './instances.fixture';
import { PCENTER_TOLERANCE, solvePCenter, type PCenterInput } from './pcenter';
import { buildProblem, type SitingInput } from './problem';

/** Haversine with Turf's mean Earth radius, written out so the oracle shares no code with the solver. */
const EARTH_KM = 6371.0088;
function haversine(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** The best worst-case distance over every n-subset of candidate desa, weighted desa only. */
function exhaustive(input: SitingInput, n: number): number {
	const cands = input.candidates;
	const counted = input.demand.filter((d) => d.miskin > 0);
	let best = Infinity;
	for (const s of subsets(cands.length, n)) {
		const sites = [...input.existing, ...s.map((i) => input.demand[cands[i]])];
		const worst = Math.max(...counted.map((d) => Math.min(...sites.map((f) => haversine(f, d)))));
		best = Math.min(best, worst);
	}
	return best;
}

function pcInput(input: SitingInput): PCenterInput {
	const built = buildProblem(input, 5, { keluhan: 0 });
	const demand = Int32Array.from([...input.demand.keys()].filter((d) => built.problem.weight[d] > 0));
	return { source: built.source, demand, existing: built.existingFacilities, candidates: built.candidateFacilities };
}

const CASES = 60;

describe('p-center against exhaustive search', () => {
	test(`${CASES} seeded instances, N = 1–3: the exact search finds the optimal worst distance`, () => {
		for (let seed = 1; seed <= CASES; seed++) {
			const input = randomInstance(1000 + seed, { candidates: 10 + (seed % 6) });
			// Some desa without poor households: they must not count.
			input.demand.forEach((d, i) => i % 7 === 3 && (d.miskin = 0));
			const n = 1 + (seed % 3);
			const res = solvePCenter(pcInput(input), n);
			expect(res.exact).toBe(true);
			expect(res.sites.length).toBeLessThanOrEqual(n);
			expect(res.worst, `seed ${seed}`).toBeCloseTo(exhaustive(input, n), 9);
		}
	});

	test('bisection (forced) lands within the tolerance of the optimum', () => {
		for (let seed = 1; seed <= 15; seed++) {
			const input = randomInstance(2000 + seed, { candidates: 14 });
			const n = 2 + (seed % 2);
			const res = solvePCenter(pcInput(input), n, { discretePairLimit: 0 });
			const opt = exhaustive(input, n);
			expect(res.worst).toBeGreaterThanOrEqual(opt - 1e-9);
			expect(res.worst).toBeLessThanOrEqual(opt + PCENTER_TOLERANCE);
		}
	});

	test('existing sites stay fixed: desa they serve need no new site', () => {
		const input = randomInstance(77, { candidates: 12, existing: 0 });
		// Put an existing Puskesos on every desa: nothing is left to cover.
		const everywhere = { ...input, existing: input.demand.map((d, i) => ({ id: `E${i}`, lng: d.lng, lat: d.lat })) };
		const res = solvePCenter(pcInput(everywhere), 2);
		expect(res).toEqual({ sites: [], worst: 0, exact: true });
	});

	test('a tiny node budget falls back to greedy cover and says so', () => {
		const input = randomInstance(31, { candidates: 25, extraDemand: 10, existing: 0 });
		const res = solvePCenter(pcInput(input), 4, { nodeBudget: 1 });
		expect(res.exact).toBe(false);
		expect(res.worst).toBeGreaterThanOrEqual(exhaustive(input, 4) - 1e-9);
	});
});
