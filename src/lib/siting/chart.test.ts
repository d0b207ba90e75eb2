import { describe, expect, test } from 'vitest';
import { axisNote, buildCurveOption, coverageAxis, curveSeries, planGap } from './chart';
import { randomInstance, subsets } from './instances.fixture';
import { cumulativeHeader, curveText, planGapText } from './messages';
import { solvePCenter } from './pcenter';
import { buildProblem, coveredWeight } from './problem';
import { rankedRows } from './report';
import { runScenario, type CurvePoint, type ScenarioResult } from './scenario';
import type { DesaRow } from './sql';

/** A result whose curve runs through these shares of 1000, with no site listed. */
const curve = (shares: number[]): ScenarioResult => {
	const points: CurvePoint[] = shares.map((s, n) => ({ n, covered: { weight: s * 10, miskin: s * 10, keluhan: 0 }, worst: 1, set: [] }));
	const none = { weight: 0, miskin: 0, keluhan: 0 };
	return {
		options: { radius: 5, n: 0, objective: 'mclp', weighting: { keluhan: 0 } },
		unit: 'km',
		total: { weight: 1000, miskin: 1000, keluhan: 0 },
		nearestExisting: [],
		baseline: points[0].covered,
		before: [],
		baselineWorst: 1,
		sites: [],
		covered: none,
		worst: 1,
		newlyCovered: [],
		curve: points,
		shortfall: null
	};
};
type Axis = { min?: number; max?: number; breaks?: { start: number; end: number }[] };
const yAxis = (o: ReturnType<typeof buildCurveOption>) => (o.yAxis as Axis[])[0];

describe('the coverage curve axis', () => {
	test('Tegal, 97,4 % → 100 %: the axis runs from just below the lowest point, with the cut from 0 shown as a break', () => {
		expect(coverageAxis([97.4, 99.1, 100])).toEqual({ start: 97, max: 100, step: 0.5 });
		const y = yAxis(buildCurveOption(curve([97.4, 99.1, 100]), 'id'));
		expect(y.min).toBe(0);
		expect(y.max).toBe(100);
		expect(y.breaks).toEqual([expect.objectContaining({ start: 0, end: 97 })]);
		// The drawn line spans most of the plot: 97,4 → 100 over an axis of 97 → 100.
		expect((100 - 97.4) / (100 - 97)).toBeGreaterThan(0.8);
	});

	test('a curve from low values starts at 0 without a break; one from 71 % starts at 65 %; the top stops at 100 %', () => {
		expect(coverageAxis([4, 30, 52])).toEqual({ start: 0, max: 60, step: 10 });
		expect(yAxis(buildCurveOption(curve([4, 30, 52]), 'en')).breaks).toBeUndefined();
		expect(coverageAxis([71.1, 90, 100])).toEqual({ start: 65, max: 100, step: 5 });
		expect(coverageAxis([100])).toEqual({ start: 99.5, max: 100, step: 0.5 });
		expect(coverageAxis([])).toEqual({ start: 0, max: 100, step: 20 });
	});

	test('the note under a cut axis says so in both languages', () => {
		expect(axisNote(97, 'id')).toBe('Sumbu tegak tidak dimulai dari 0: bagian 0–97\u00a0% dipotong (tanda zigzag) agar perbedaan kecil terlihat.');
		expect(axisNote(97.5, 'en')).toBe('The vertical axis does not start at 0: the part 0–97.5% is cut out (zigzag mark) so small differences show.');
	});
});

describe('the curve beside the list: best plan of k sites, and the list’s first k sites', () => {
	// Seed 8: the best single site is not the list's first (QA, Bantaeng: Lembang 48,4 % listed first, Pallantikang alone 50,1 %).
	const input = randomInstance(8, { candidates: 25, extraDemand: 15, existing: 1 });
	const OPTS = { radius: 3, n: 4, weighting: { keluhan: 0 } };
	const desa: DesaRow[] = input.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: 'K', puskesos: 0 }));
	const pct = (x: number) => Math.round(1000 * x) / 10;

	test('maximal coverage: "first k" is the list’s cumulative column, "best of k" the exhaustive optimum of k sites, and they part at k = 1', () => {
		const r = runScenario(input, { ...OPTS, objective: 'mclp' });
		const v = curveSeries(r);
		expect(v.plan).toEqual([pct(r.baseline.weight / r.total.weight), ...rankedRows(r, desa).map((row) => pct(row.cumulative))]);
		const { problem } = buildProblem(input, OPTS.radius, OPTS.weighting);
		for (const k of [1, 2, 3]) {
			let best = 0;
			for (const s of subsets(problem.candidates.length, k)) best = Math.max(best, coveredWeight(problem, s));
			expect(v.best[k], `k = ${k}`).toBe(pct(best / r.total.weight));
		}
		// At N both are the plan shown.
		expect(v.best[4]).toBe(v.plan[4]);
		expect(v.plan[1]).toBe(35.8);
		expect(v.best[1]).toBe(40.4);
		expect(planGap(r)).toEqual({ k: 1, plan: 35.8, best: 40.4 });
		expect(planGapText('mclp', 4, planGap(r)!, 'id')).toBe(
			'Daftar ini adalah rencana terbaik untuk 4 lokasi, diurutkan menurut yang ditambah tiap lokasi. Jika hanya sebagian yang didanai, lokasi teratas belum tentu rencana terbaik untuk jumlah itu: dengan 1 lokasi pertama cakupan 35,8\u00a0%, sedangkan rencana terbaik 1 lokasi (lokasi lain) mencapai 40,4\u00a0%. Kurva menunjukkan keduanya.'
		);
		// The chart draws both, named in its legend, the list's as far as the list goes.
		const o = buildCurveOption(r, 'en');
		const series = o.series as { name: string; data: ({ value: number | null } | number | null)[] }[];
		expect(series.map((s) => s.name)).toEqual(['Best plan of k sites (solved anew for each k)', 'First k sites of this list']);
		expect(series[0].data.map((d) => (d as { value: number }).value)).toEqual(v.best);
		expect(series[1].data.slice(0, 5)).toEqual(v.plan);
		expect(series[1].data.slice(5).every((d) => d === null)).toBe(true);
	});

	test('equity: the curve is the worst distance; "best of k" is p-center solved for k, "first k" the list’s worst distance after each site', () => {
		const r = runScenario(input, { ...OPTS, objective: 'pcenter' });
		const v = curveSeries(r);
		const km = (x: number) => Math.round(x * 100) / 100;
		// Independently: each desa with poor households to its nearest site, existing or among the list's first k.
		const hav = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
			const rad = Math.PI / 180;
			const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
			return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
		};
		const worstWith = (sites: { lat: number; lng: number }[]) => Math.max(...input.demand.filter((d) => d.miskin > 0).map((d) => Math.min(...[...input.existing, ...sites].map((s) => hav(s, d)))));
		r.sites.forEach((s, i) => expect(s.worstAfter, `row ${i + 1}`).toBeCloseTo(worstWith(r.sites.slice(0, i + 1).map((x) => input.demand[x.desa])), 6));
		expect(v.plan).toEqual([km(r.baselineWorst), ...r.sites.map((s) => km(s.worstAfter))]);
		// The list reads as a plan funded from the top: the worst distance never rises down the list.
		for (let i = 1; i < v.plan.length; i++) expect(v.plan[i]!).toBeLessThanOrEqual(v.plan[i - 1]!);
		const { problem, source, existingFacilities, candidateFacilities } = buildProblem(input, OPTS.radius, OPTS.weighting);
		const pc = { source, demand: Int32Array.from([...problem.weight.keys()].filter((d) => problem.weight[d] > 0)), existing: existingFacilities, candidates: candidateFacilities };
		for (const k of [1, 2, 3]) expect(v.best[k], `k = ${k}`).toBe(km(solvePCenter(pc, k).worst));
		const o = buildCurveOption(r, 'id');
		expect((o.series as { name: string }[]).map((s) => s.name)).toEqual(['Rencana terbaik untuk k lokasi (dihitung tersendiri tiap k)', 'k lokasi pertama dari daftar ini']);
		expect(((o.series as { data: { value: number }[] }[])[0].data).map((d) => d.value)).toEqual(v.best);
		expect(curveText('pcenter', 0, 'id').measure).toBe('Sumbu tegak: jarak terjauh RT miskin ke Puskesos terdekat (km).');
	});
});

describe('what the coverage share counts', () => {
	test('with open complaints weighed in, the column and the curve say the share is weighted, and of what', () => {
		expect(cumulativeHeader(0, 'id')).toBe('Cakupan kumulatif (% RT miskin)');
		expect(cumulativeHeader(100, 'id')).toBe('Cakupan kumulatif berbobot (% dari RT miskin + 100 × keluhan terbuka)');
		expect(cumulativeHeader(100, 'en')).toBe('Cumulative weighted coverage (% of poor households + 100 × open complaints)');
		expect(curveText('mclp', 100, 'id').measure).toBe('Sumbu tegak: cakupan berbobot, % dari RT miskin + 100 × keluhan terbuka yang terjangkau (bukan % RT miskin).');
		expect(curveText('mclp', 0, 'en').measure).toBe('Vertical axis: % of poor households reached.');
	});
});
