/**
 * npm run bench:siting — the planning solvers at province scale: N = 10 new Puskesos among the
 * 8,563 desa of Jawa Tengah (every desa is demand and candidate), 5 km radius.
 *
 * Demand: the province's desa centroids (data/reference/villages/indonesia_desa_centroids.csv).
 * The demo data has no province-wide extract, so the per-desa figures are synthetic and seeded
 * (SEED): poor households log-normal with median POOR_MEDIAN (many small desa, a few large),
 * open complaints about COMPLAINT_RATE per poor household; existing Puskesos: one per kecamatan,
 * at a seeded random desa of it. Same seed, same numbers.
 *
 * Rows: building the grid index and reach lists; greedy; greedy + multi-start interchange; the
 * page's full run (answer + coverage curve to 20); p-center; and a naive reference that computes
 * the full desa × desa distance matrix (no spatial index) and runs the same greedy on it.
 * Prints a table and writes bench/siting.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../src/lib/geo/rng';
import { greatCircleKm } from '../src/lib/siting/grid';
import { bestOfStarts, greedy, greedyStarts } from '../src/lib/siting/mclp';
import { solvePCenter } from '../src/lib/siting/pcenter';
import { buildProblem, coveredWeight, totalWeight, type DemandPoint, type SitingInput } from '../src/lib/siting/problem';
import { runScenario } from '../src/lib/siting/scenario';

const ROOT = join(import.meta.dirname, '..');
const PROVINCE = '33';
const N = 10;
const RADIUS_KM = 5;
const SEED = 20261128;
const POOR_MEDIAN = 120;
const POOR_SIGMA = 0.7;
const COMPLAINT_RATE = 0.01;

function loadInput(): SitingInput {
	const lines = readFileSync(join(ROOT, 'data', 'reference', 'villages', 'indonesia_desa_centroids.csv'), 'utf8').trim().split('\n');
	const header = lines[0].split(',');
	const col = (name: string) => header.indexOf(name);
	const rng = createRng(SEED);
	const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
	const rows = lines.slice(1).map((l) => l.split(',')).filter((f) => f[col('kode_prov')] === PROVINCE);
	rows.sort((a, b) => (a[col('kode')] < b[col('kode')] ? -1 : 1));
	const demand: DemandPoint[] = rows.map((f) => {
		const miskin = Math.round(POOR_MEDIAN * Math.exp(POOR_SIGMA * normal()));
		return { kode: f[col('kode')], lat: Number(f[col('lat')]), lng: Number(f[col('lng')]), miskin, keluhan: Math.round(miskin * COMPLAINT_RATE * 2 * rng()) };
	});
	const byKec = new Map<string, number[]>();
	rows.forEach((f, i) => byKec.set(f[col('kode_kec')], [...(byKec.get(f[col('kode_kec')]) ?? []), i]));
	const existing = [...byKec.entries()].map(([kec, idx]) => {
		const d = demand[idx[Math.floor(rng() * idx.length)]];
		return { id: `PKS-${kec}`, lat: d.lat, lng: d.lng };
	});
	return { demand, existing, candidates: [...demand.keys()] };
}

function time<T>(f: () => T): { ms: number; value: T } {
	const t0 = performance.now();
	const value = f();
	return { ms: performance.now() - t0, value };
}

/** The naive reference: every desa × desa distance, then greedy scanning whole matrix rows. */
function naiveGreedy(input: SitingInput, n: number): number[] {
	const m = input.demand.length;
	const covers = new Uint8Array(m * m);
	const d = input.demand;
	for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) covers[i * m + j] = greatCircleKm(d[i].lng, d[i].lat, d[j].lng, d[j].lat) <= RADIUS_KM ? 1 : 0;
	const covered = new Uint8Array(m);
	for (const s of input.existing) for (let j = 0; j < m; j++) if (greatCircleKm(s.lng, s.lat, d[j].lng, d[j].lat) <= RADIUS_KM) covered[j] = 1;
	const chosen: number[] = [];
	for (let k = 0; k < n; k++) {
		let [best, bestGain] = [-1, -1];
		for (let i = 0; i < m; i++) {
			if (chosen.includes(i)) continue;
			let g = 0;
			for (let j = 0; j < m; j++) if (covers[i * m + j] && !covered[j]) g += d[j].miskin;
			if (g > bestGain) [best, bestGain] = [i, g];
		}
		chosen.push(best);
		for (let j = 0; j < m; j++) if (covers[best * m + j]) covered[j] = 1;
	}
	return chosen;
}

const input = loadInput();
console.log(`Jawa Tengah: ${input.demand.length} desa (demand and candidates), ${input.existing.length} existing Puskesos (synthetic, seed ${SEED}); N = ${N}, radius ${RADIUS_KM} km`);
const weighting = { keluhan: 0 };
const built = time(() => buildProblem(input, RADIUS_KM, weighting));
const p = built.value.problem;
const total = totalWeight(p);
const share = (sites: readonly number[]) => coveredWeight(p, sites) / total;
const g = time(() => greedy(p, N));
const gi = time(() => bestOfStarts(p, greedyStarts(p, N), N));
const page = time(() => runScenario(input, { radius: RADIUS_KM, n: N, objective: 'mclp', weighting }));
const counted = Int32Array.from([...input.demand.keys()].filter((d) => p.weight[d] > 0));
const pc = time(() => solvePCenter({ source: built.value.source, demand: counted, existing: built.value.existingFacilities, candidates: built.value.candidateFacilities }, N));
const pagePc = time(() => runScenario(input, { radius: RADIUS_KM, n: N, objective: 'pcenter', weighting }));
const naive = time(() => naiveGreedy(input, N));
const naiveSites = naive.value.map((desa) => [...p.candidates].indexOf(desa));

const rows = [
	{ step: 'index: grid + reach lists', ms: built.ms, covered: share([]), note: `${p.reach.demand.length} (site, desa) pairs within ${RADIUS_KM} km` },
	{ step: 'greedy', ms: g.ms, covered: share(g.value), note: '' },
	{ step: 'greedy + interchange (5 starts)', ms: gi.ms, covered: share(gi.value), note: '' },
	{ step: 'page run: answer + curve to 20', ms: page.ms, covered: page.value.covered.weight / page.value.total.weight, note: 'includes the index' },
	{ step: 'p-center', ms: pc.ms, covered: share(pc.value.sites), note: `worst ${pc.value.worst.toFixed(2)} km (today ${page.value.baselineWorst.toFixed(2)} km), ${pc.value.exact ? 'exact' : 'bisection, not proven optimal'}` },
	{ step: 'page run, equity: p-center for k = 1…10', ms: pagePc.ms, covered: pagePc.value.covered.weight / pagePc.value.total.weight, note: `worst ${pagePc.value.worst.toFixed(2)} km` },
	{ step: 'naive: full matrix + greedy, no index', ms: naive.ms, covered: share(naiveSites), note: 'same answer as greedy: ' + (JSON.stringify(naiveSites) === JSON.stringify(g.value)) }
];
console.table(rows.map((r) => ({ step: r.step, ms: Math.round(r.ms), 'covered %': (100 * r.covered).toFixed(2), note: r.note })));
writeFileSync(
	join(ROOT, 'bench', 'siting.json'),
	JSON.stringify({ date: new Date().toISOString(), node: process.version, desa: input.demand.length, existing: input.existing.length, n: N, radius_km: RADIUS_KM, seed: SEED, rows }, null, 1) + '\n'
);
