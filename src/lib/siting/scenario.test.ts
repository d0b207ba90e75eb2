import { describe, expect, test } from 'vitest';
import { randomInstance } from './instances.fixture';
import { buildProblem, coveredWeight, type SitingInput } from './problem';
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
		// The curve runs on to 20 sites, or until no site adds anything.
		const { problem: all } = buildProblem(input, 5, { keluhan: 0 });
		const coverable = coveredWeight(all, [...all.candidates.keys()]);
		expect(r.curve.length === 21 || r.curve.at(-1)!.covered.weight === coverable).toBe(true);
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

/** Four desa 1–2 km apart around one existing Puskesos: at 10 km it already reaches them all. */
const CLUSTER: SitingInput = {
	demand: [0, 1, 2, 3].map((i) => ({ kode: `33.28.01.200${i + 1}`, lng: 109.1 + i * 0.01, lat: -7.0, miskin: 10 + i, keluhan: i })),
	existing: [{ id: 'P1', lng: 109.115, lat: -7.0 }],
	candidates: [0, 1, 2, 3]
};

describe('no site that adds nothing', () => {
	test('everyone already within the radius: no site is proposed, and the result says why', () => {
		const r = runScenario(CLUSTER, { ...OPTS, radius: 10, n: 5 });
		expect(r.sites).toEqual([]);
		expect(r.covered).toEqual(r.total);
		expect(r.shortfall).toEqual({ reason: 'no-gain', proposed: 0, asked: 5 });
		expect(r.options.n).toBe(5);
		expect(r.curve).toEqual([expect.objectContaining({ n: 0 })]);
	});

	test('maximal coverage asked for more sites than can add anything: it stops where coverage stops rising', () => {
		const input = randomInstance(42, { candidates: 30, extraDemand: 20, existing: 2 });
		const r = runScenario(input, { ...OPTS, n: 20 });
		const { problem } = buildProblem(input, 5, { keluhan: 0 });
		const coverable = coveredWeight(problem, [...problem.candidates.keys()]);
		expect(r.sites.length).toBeLessThan(20);
		for (const s of r.sites) expect(s.added.weight).toBeGreaterThan(0);
		expect(r.covered.weight).toBeCloseTo(coverable, 9);
		expect(r.shortfall).toEqual({ reason: 'no-gain', proposed: r.sites.length, asked: 20 });
		// The curve ends at the answer.
		expect(r.curve.at(-1)).toMatchObject({ n: r.sites.length, covered: r.covered });
	});

	test('fewer candidates than asked: the candidates that add something, and the result says so', () => {
		const far = { ...CLUSTER, existing: [], candidates: [0, 3] };
		const r = runScenario(far, { ...OPTS, radius: 1, n: 3 });
		expect(r.sites.map((s) => s.desa)).toEqual([3, 0]);
		expect(r.shortfall).toEqual({ reason: 'candidates', proposed: 2, asked: 3 });
		// Two listed desa already reached by the Puskesos: neither is proposed.
		const near = runScenario({ ...CLUSTER, candidates: [1, 2] }, { ...OPTS, radius: 10, n: 3 });
		expect(near.sites).toEqual([]);
		expect(near.shortfall).toEqual({ reason: 'no-gain', proposed: 0, asked: 3 });
	});

	test('equity: every proposed site shortens the worst distance or adds coverage; none is kept that does neither', () => {
		for (const seed of [5, 11, 23]) {
			const input = randomInstance(seed, { candidates: 20, extraDemand: 5, existing: 1 });
			const r = runScenario(input, { ...OPTS, objective: 'pcenter', n: 20 });
			expect(r.sites.length).toBeLessThan(20);
			expect(r.shortfall).toMatchObject({ reason: 'no-gain', proposed: r.sites.length, asked: 20 });
			expect(r.curve.at(-1)).toMatchObject({ n: r.sites.length, worst: r.worst, covered: r.covered });
			for (const s of r.sites) {
				const others = r.sites.filter((o) => o !== s).map((o) => o.desa);
				const without = runScenario({ ...input, candidates: others }, { ...OPTS, objective: 'pcenter', n: others.length });
				const worse = without.worst > r.worst + 1e-9 || without.covered.weight < r.covered.weight - 1e-9;
				expect(worse, `seed ${seed}: site ${s.desa}`).toBe(true);
			}
		}
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
