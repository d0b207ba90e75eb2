import { describe, expect, test } from 'vitest';
import { randomInstance } from './instances.fixture';
import { buildProblem, coveredWeight } from './problem';
import { solveMclp } from './mclp';
import { runScenario } from './scenario';

const OPTS = { radius: 5, n: 3, objective: 'mclp' as const, weighting: { keluhan: 0 } };

describe('runScenario', () => {
	test('MCLP: ranked sites add up to the covered total, the curve rises and passes through the answer', () => {
		const input = randomInstance(42, { candidates: 30, extraDemand: 20, existing: 2 });
		const r = runScenario(input, OPTS);
		expect(r.sites).toHaveLength(3);
		const added = r.sites.reduce((a, s) => a + s.added.miskin, 0);
		expect(r.baseline.miskin + added).toBe(r.covered.miskin);
		expect(r.sites.at(-1)!.cumulative).toEqual(r.covered);
		for (let i = 1; i < r.curve.length; i++) expect(r.curve[i].covered.weight).toBeGreaterThanOrEqual(r.curve[i - 1].covered.weight);
		expect(r.curve[0].covered).toEqual(r.baseline);
		expect(r.curve[3].covered).toEqual(r.covered);
		expect(r.curve).toHaveLength(21);
		// The answer is the solver's: same coverage as solveMclp on the same problem.
		const { problem } = buildProblem(input, 5, { keluhan: 0 });
		expect(r.covered.weight).toBeCloseTo(solveMclp(problem, 3).covered, 9);
	});

	test('newly covered desa are exactly those within the radius of a new site and of no existing one', () => {
		const input = randomInstance(9, { candidates: 25, extraDemand: 10, existing: 1 });
		const r = runScenario(input, OPTS);
		const catchments = new Set(r.sites.flatMap((s) => s.catchment));
		const { problem } = buildProblem(input, 5, { keluhan: 0 });
		const want = [...catchments].filter((d) => problem.base[d] === 0).sort((a, b) => a - b);
		expect(r.newlyCovered).toEqual(want);
		expect(r.nearestExisting.filter((km) => km <= 5).length).toBe([...problem.base].filter((b) => b > 0).length);
	});

	test('p-center: the worst distance never rises with more sites, and beats or equals today', () => {
		const input = randomInstance(5, { candidates: 20, extraDemand: 5, existing: 1 });
		const r = runScenario(input, { ...OPTS, objective: 'pcenter', n: 4 });
		expect(r.sites).toHaveLength(4);
		expect(r.exact).toBe(true);
		for (let i = 1; i < r.curve.length; i++) expect(r.curve[i].worst).toBeLessThanOrEqual(r.curve[i - 1].worst + 1e-12);
		expect(r.worst).toBeLessThanOrEqual(r.baselineWorst);
		expect(r.curve.at(-1)!.worst).toBe(r.worst);
	});

	test('deterministic: the same input twice gives the same answer; complaint weighting can change it', () => {
		const input = randomInstance(13, { candidates: 30, extraDemand: 10, existing: 0 });
		const a = runScenario(input, OPTS);
		expect(runScenario(input, OPTS)).toEqual(a);
		const w = runScenario(input, { ...OPTS, weighting: { keluhan: 50 } });
		expect(w.total.weight).toBe(w.total.miskin + 50 * w.total.keluhan);
		const { problem } = buildProblem(input, 5, { keluhan: 50 });
		expect(w.covered.weight).toBeCloseTo(coveredWeight(problem, w.sites.map((s) => [...problem.candidates].indexOf(s.desa))), 9);
	});

	test('no candidates: no sites, today is the answer', () => {
		const input = { ...randomInstance(3), candidates: [] };
		const r = runScenario(input, OPTS);
		expect(r.sites).toEqual([]);
		expect(r.covered).toEqual(r.baseline);
	});
});

describe('bad input', () => {
	test('a desa without coordinates or a bad radius is refused with a message naming it', () => {
		const input = randomInstance(4);
		const broken = { ...input, demand: input.demand.map((d, i) => (i === 2 ? { ...d, lat: Number.NaN } : d)) };
		expect(() => runScenario(broken, OPTS)).toThrow(new RegExp(`desa ${input.demand[2].kode.replace(/\./g, '\\.')}: koordinat tidak valid`));
		expect(() => runScenario(input, { ...OPTS, radius: 0 })).toThrow(/radius 0/);
		expect(() => runScenario({ ...input, candidates: [999] }, OPTS)).toThrow(/candidate #999/);
	});
});
