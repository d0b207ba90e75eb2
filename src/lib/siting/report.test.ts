import { beforeAll, describe, expect, test } from 'vitest';
import { setRoundingKey } from '../export/rounding';

beforeAll(() => setRoundingKey('kunci-uji'));
import { buildCurveOption } from './chart';
import { randomInstance } from './instances.fixture';
import { parseExportCsv } from '../export/csv';
import { coverArea, coverClasses, HIDDEN_AS, publicCurveValues, publicWeighing, WITHHELD_AS, rankedRows, scenarioCsv, scenarioGeoJSON, siteOverlap, summarise } from './report';
import { publicValue } from '../export/privacy';
import { roundCount } from '../export/rounding';
import { complementary } from '../export/complementary';
import { runScenario } from './scenario';
import type { DesaRow } from './sql';

const input = randomInstance(21, { candidates: 25, extraDemand: 10, existing: 2 });
// A few desa with 1–4 poor households, to see suppression.
input.demand.forEach((d, i) => i % 5 === 0 && (d.miskin = 1 + (i % 4)));
const desa: DesaRow[] = input.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: `Kec ${d.kode.slice(6, 8)}`, puskesos: 0 }));
const r = runScenario(input, { radius: 5, n: 3, objective: 'mclp', weighting: { keluhan: 0 } });

describe('report', () => {
	test('ranked rows carry the desa, and the last cumulative share is the covered share', () => {
		const rows = rankedRows(r, desa);
		expect(rows.map((x) => x.rank)).toEqual([1, 2, 3]);
		expect(rows[0].kode).toBe(desa[r.sites[0].desa].kode);
		expect(rows[2].cumulative).toBeCloseTo(r.covered.weight / r.total.weight, 12);
		for (let i = 1; i < rows.length; i++) expect(rows[i].cumulative).toBeGreaterThanOrEqual(rows[i - 1].cumulative);
	});

	test('CSV: header, one line per site, counts 1–4 suppressed', () => {
		// A site adding one desa of 1–4 poor households and no open complaints.
		const j = desa.findIndex((d) => d.miskin > 0 && d.miskin < 5 && d.keluhan === 0);
		expect(j).toBeGreaterThanOrEqual(0);
		const csv = scenarioCsv({ ...r, sites: r.sites.map((s, i) => (i === 0 ? { ...s, fresh: [j], added: { ...s.added, miskin: desa[j].miskin, keluhan: 0 } } : s)) }, desa);
		const { header, rows } = parseExportCsv(csv);
		const lines = [header, ...rows].map((l) => l.join(';'));
		expect(lines[0].split(';')[0]).toBe('peringkat');
		expect(lines).toHaveLength(4);
		expect(lines[1].split(';')[7]).toBe('<5');
		expect(lines[1].split(';')[8]).toBe('0');
	});

	test('GeoJSON: a circle and a point per site, and the existing Puskesos', () => {
		const gj = scenarioGeoJSON(r, desa, [{ id: 'P1', nama: 'Puskesos Satu', kode_desa: desa[0].kode, lng: desa[0].lng, lat: desa[0].lat }]);
		const kinds = gj.features.map((f) => f.properties.jenis);
		expect(kinds.filter((k) => k === 'jangkauan')).toHaveLength(3);
		expect(kinds.filter((k) => k === 'usulan')).toHaveLength(3);
		expect(kinds.filter((k) => k === 'puskesos')).toHaveLength(1);
		const ring = (gj.features[0].geometry.coordinates as number[][][])[0];
		expect(ring[0]).toEqual(ring.at(-1));
	});

	test('cover classes: new-only, existing, none; and the comparison of two scenarios', () => {
		const classes = coverClasses(r, desa, 5);
		for (const d of r.newlyCovered) expect(classes.get(desa[d].kode)).toBe(2);
		expect([...classes.values()].filter((c) => c === 1).length).toBe(r.nearestExisting.filter((km) => km <= 5).length);
		const r2 = runScenario(input, { radius: 5, n: 3, objective: 'pcenter', weighting: { keluhan: 0 } });
		const [a, b] = [summarise(r, desa), summarise(r2, desa)];
		const o = siteOverlap(a, b);
		expect(o.both.length + o.onlyA.length).toBe(3);
		expect(o.both.length + o.onlyB.length).toBe(3);
		expect(a.covered).toBeGreaterThanOrEqual(b.covered);
	});

	test('curve option: one point per k, in percent, the chosen N highlighted; equity draws worst distances', () => {
		const o = buildCurveOption(r, 'id');
		const s = (o.series as { data: { value: number; symbolSize: number }[] }[])[0];
		expect(s.data).toHaveLength(r.curve.length);
		expect(s.data[3].symbolSize).toBeGreaterThan(s.data[2].symbolSize);
		expect(s.data[0].value).toBeCloseTo((100 * r.baseline.weight) / r.total.weight, 1);
		const eq = runScenario(input, { radius: 5, n: 3, objective: 'pcenter', weighting: { keluhan: 0 } });
		const first = (buildCurveOption(eq, 'en').series as { data: { value: number }[] }[])[0];
		expect(first.data.map((d) => d.value)).toEqual(eq.curve.map((p) => Math.round(p.worst * 100) / 100));
	});

	test('a count over desa is rounded as one desa by its code (as Peta), as several by the district\'s: one count, one value, whatever set it is of', () => {
		expect(coverArea([4], desa)).toBe(desa[4].kode);
		expect(coverArea(desa.map((_, i) => i), desa)).toBe(desa[0].kode.slice(0, 5));
		expect(coverArea([1, 7, 3], desa)).toBe(desa[0].kode.slice(0, 5));
	});

	test('public cumulative shares are computed from the rounded counts of what is covered and of the district, so one row less the one before gives no hidden complaint back', () => {
		// Open complaints weigh 100 poor households, as the page allows; some sites add 1–4 of them.
		const inp = randomInstance(33, { candidates: 30, extraDemand: 20, existing: 1 });
		inp.demand.forEach((d, i) => ((d.miskin = 40 + ((i * 37) % 400)), (d.keluhan = i % 3 === 0 ? 1 + (i % 4) : 0)));
		const rows: DesaRow[] = inp.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: 'K', puskesos: 0 }));
		const res = runScenario(inp, { radius: 3, n: 8, objective: 'mclp', weighting: { keluhan: 100 } });
		expect(res.sites.length).toBeGreaterThan(3);
		const csv = parseExportCsv(scenarioCsv(res, rows));
		const col = (name: string) => csv.rows.map((r) => r[csv.header.indexOf(name)]);
		const key = 'kunci-uji';
		const round = (n: number, area: string) => (n === 0 ? 0 : roundCount(n, area, key));
		const all = rows.map((_, i) => i);
		// A public sum takes each count of 1–4 as 2 (HIDDEN_AS), whatever it is.
		const sum = (set: number[], k: 'miskin' | 'keluhan') => set.reduce((t, i) => t + (rows[i][k] >= 1 && rows[i][k] <= 4 ? 2 : rows[i][k]), 0);
		const district = coverArea(all, rows);
		const [tm, tk] = [round(sum(all, 'miskin'), district), round(sum(all, 'keluhan'), district)];
		const covered = new Set(res.before);
		res.sites.forEach((site, i) => {
			site.fresh.forEach((d) => covered.add(d));
			const set = [...covered].sort((a, b) => a - b);
			const area = coverArea(set, rows);
			const [m, k] = [sum(set, 'miskin'), sum(set, 'keluhan')];
			const want = Math.min(100, ((round(m, area) + 100 * round(k, area)) / (tm + 100 * tk)) * 100);
			expect(col('persen_cakupan_kumulatif')[i], `row ${i + 1}`).toBe(want.toFixed(1).replace('.', ','));
			expect(col('persen_rt_miskin_kumulatif')[i]).toBe(((round(m, area) / tm) * 100).toFixed(1).replace('.', ','));
			// What a site adds is rounded as its fresh desa: one desa as Peta writes it.
			const added = col('keluhan_terbuka_tambahan')[i];
			const several = sum(site.fresh, 'keluhan');
			// One desa with any: that desa's count as Peta writes it. Several: their public sum, blank when 1–4.
			const some = site.fresh.filter((d) => rows[d].keluhan > 0);
			const one = site.fresh.length === 1 ? site.fresh[0] : some.length === 1 ? some[0] : -1;
			expect(added).toBe(one >= 0 ? String(publicValue(rows[one].keluhan, rows[one].kode)) : several === 0 ? '0' : several <= 4 ? '' : String(round(several, district)));
			if (site.fresh.length === 1) expect(col('rt_miskin_tambahan')[i]).toBe(String(publicValue(rows[site.fresh[0]].miskin, rows[site.fresh[0]].kode)));
		});
		// The attack QA made on the exact shares: (Δ weighted − Δ households) ÷ 100 is a difference of rounded
		// counts now, a multiple of 5 give or take the files' one decimal, never a hidden 1–4.
		const pct = (c: string) => Number(c.replace(',', '.')) / 100;
		const [w, h] = [col('persen_cakupan_kumulatif').map(pct), col('persen_rt_miskin_kumulatif').map(pct)];
		let hidden = 0;
		for (let i = 1; i < w.length; i++) {
			if (col('keluhan_terbuka_tambahan')[i] !== '<5') continue;
			hidden++;
			const recovered = ((w[i] - w[i - 1]) * (tm + 100 * tk) - (h[i] - h[i - 1]) * tm) / 100;
			expect(Math.abs(recovered - res.sites[i].added.keluhan), `row ${i + 1}: ${recovered}`).toBeGreaterThan(0.5);
		}
		expect(hidden).toBeGreaterThan(0);
		// The curve's picture draws the same shares.
		const curve = publicCurveValues(res, rows);
		const at = res.curve.findIndex((p) => p.n === res.sites.length);
		expect(curve.best[at]).toBe(Number(col('persen_cakupan_kumulatif').at(-1)!.replace(',', '.')));
		// Its "first k sites of this list" are the file's cumulative column, row by row.
		expect(curve.plan.slice(1)).toEqual(col('persen_cakupan_kumulatif').map((c) => Number(c.replace(',', '.'))));
	});

	test('a site adding one desa whose poor households Peta withholds ("x") withholds them too', () => {
		const withheld = complementary(desa.map((d) => ({ group: d.kode_kec, key: d.kode, value: d.miskin })));
		const j = desa.findIndex((d) => withheld.has(d.kode));
		expect(j).toBeGreaterThanOrEqual(0);
		const other = desa.findIndex((d, i) => i !== j && !withheld.has(d.kode) && d.miskin >= 5);
		const site = (fresh: number) => ({ ...r.sites[0], fresh: [fresh], added: { ...r.sites[0].added, miskin: desa[fresh].miskin } });
		const written = (fresh: number) => parseExportCsv(scenarioCsv({ ...r, sites: [site(fresh), ...r.sites.slice(1)] }, desa)).rows[0][7];
		expect(written(j)).toBe('x');
		expect(written(other)).toBe(String(publicValue(desa[other].miskin, desa[other].kode)));
		const gj = scenarioGeoJSON({ ...r, sites: [site(j), ...r.sites.slice(1)] }, desa, []);
		expect(gj.features.find((f) => f.properties.jenis === 'usulan')!.properties.rt_miskin_tambahan).toBe('x');
	});

	test('no public figure depends on a count of 1–4: the files are the same whatever the hidden counts are (QA: sets chosen by a candidate list and radius gave them back)', () => {
		const inp = randomInstance(41, { candidates: 30, extraDemand: 20, existing: 1 });
		inp.demand.forEach((d, i) => ((d.miskin = i % 7 === 0 ? 1 + (i % 4) : 30 + ((i * 37) % 300)), (d.keluhan = i % 3 === 0 ? 1 + (i % 4) : i % 3 === 1 ? 0 : 6 + (i % 9))));
		const rows: DesaRow[] = inp.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: 'K', puskesos: 0 }));
		const res = runScenario(inp, { radius: 3, n: 8, objective: 'mclp', weighting: { keluhan: 100 } });
		expect(res.sites.some((s) => s.fresh.length > 1 && s.fresh.some((d) => rows[d].keluhan > 0 && rows[d].keluhan < 5))).toBe(true);
		// Every hidden count set to another value of 1–4 (the exact ones stay as the result computed them).
		const other = rows.map((d) => ({ ...d, miskin: d.miskin > 0 && d.miskin < 5 ? 5 - d.miskin : d.miskin, keluhan: d.keluhan > 0 && d.keluhan < 5 ? 5 - d.keluhan : d.keluhan }));
		expect(other.some((d, i) => d.keluhan !== rows[i].keluhan)).toBe(true);
		const files = (desa: DesaRow[]) => [parseExportCsv(scenarioCsv(res, desa)).rows, scenarioGeoJSON(res, desa, []).features.map((f) => f.properties), publicCurveValues(res, desa)];
		expect(files(other)).toEqual(files(rows));
	});

	test('sites are chosen and ordered by the public counts, so which and in what order gives no hidden count back (QA: the order of two sites turned at a complaint weight that gave one back)', () => {
		const inp = randomInstance(41, { candidates: 30, extraDemand: 20, existing: 1 });
		inp.demand.forEach((d, i) => ((d.miskin = i % 7 === 0 ? 1 + (i % 4) : 30 + ((i * 37) % 300)), (d.keluhan = i % 3 === 0 ? 1 + (i % 4) : i % 3 === 1 ? 0 : 6 + (i % 9))));
		const rows: DesaRow[] = inp.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: 'K', puskesos: 0 }));
		// Every hidden count set to another value of 1–4.
		const other = rows.map((d) => ({ ...d, miskin: d.miskin > 0 && d.miskin < 5 ? 5 - d.miskin : d.miskin, keluhan: d.keluhan > 0 && d.keluhan < 5 ? 5 - d.keluhan : d.keluhan }));
		const opts = { radius: 3, n: 8, objective: 'mclp' as const, weighting: { keluhan: 7.5 } };
		const run = (desa: DesaRow[], weighed: boolean) => {
			const weighAs = publicWeighing(desa);
			return runScenario({ ...inp, demand: desa.map(({ kode, lng, lat, miskin, keluhan }, i) => ({ kode, lng, lat, miskin, keluhan, ...(weighed ? { weighAs: weighAs[i] } : {}) })) }, opts);
		};
		const order = (r: ReturnType<typeof run>) => r.sites.map((s) => s.desa);
		// Weighed by the exact counts, the hidden ones change which sites come, or their order.
		expect(order(run(other, false))).not.toEqual(order(run(rows, false)));
		const [a, b] = [run(rows, true), run(other, true)];
		expect(order(b)).toEqual(order(a));
		const files = (res: ReturnType<typeof run>, desa: DesaRow[]) => [parseExportCsv(scenarioCsv(res, desa)).rows, scenarioGeoJSON(res, desa, []).features.map((f) => f.properties), publicCurveValues(res, desa)];
		expect(files(b, other)).toEqual(files(a, rows));
		// What a site adds is still its own exact count, on the page and in the internal copy.
		expect(a.sites.map((s) => s.added.keluhan)).toEqual(a.sites.map((s) => s.fresh.reduce((t, d) => t + rows[d].keluhan, 0)));
	});

	test('the public counts weighed: each as the public file writes it, a count of 1–4 as HIDDEN_AS, one withheld ("x") as WITHHELD_AS', () => {
		const rows = [
			{ kode: '33.28.01.2001', miskin: 692, keluhan: 3 },
			{ kode: '33.28.01.2002', miskin: 4, keluhan: 0 },
			{ kode: '33.28.01.2003', miskin: 17, keluhan: 5 }
		].map((d) => ({ ...d, lng: 0, lat: 0, nama: '', kode_kec: '33.28.01', nama_kec: '', puskesos: 0 })) as DesaRow[];
		expect(publicWeighing(rows)).toEqual([
			{ miskin: publicValue(692, '33.28.01.2001'), keluhan: HIDDEN_AS },
			{ miskin: HIDDEN_AS, keluhan: 0 },
			// Beside the hidden 4, Peta's file withholds the smallest of 5 or more in the kecamatan ("x"):
			// weighed as the least it can be, not by a rounded value no file prints (QA round 8).
			{ miskin: WITHHELD_AS, keluhan: publicValue(5, '33.28.01.2003') }
		]);
		expect(complementary(rows.map((d) => ({ group: d.kode_kec, key: d.kode, value: d.miskin })))).toEqual(new Set(['33.28.01.2003']));
		expect(publicWeighing(rows.map((d, i) => (i === 2 ? { ...d, miskin: 23 } : d)))).toEqual(publicWeighing(rows));
		// Without a hidden count beside it, a count is weighed as written.
		expect(publicWeighing(rows.filter((_, i) => i !== 1))[1].miskin).toBe(publicValue(17, '33.28.01.2003'));
	});

	test('an internal copy (RAHASIA) holds the exact counts and shares; a public one imputes and rounds', () => {
		const inp = randomInstance(41, { candidates: 30, extraDemand: 20, existing: 1 });
		inp.demand.forEach((d, i) => ((d.miskin = i % 7 === 0 ? 1 + (i % 4) : 30 + ((i * 37) % 300)), (d.keluhan = i % 3 === 0 ? 1 + (i % 4) : 6 + (i % 9))));
		const rows: DesaRow[] = inp.demand.map((d, i) => ({ ...d, nama: `Desa ${i}`, kode_kec: d.kode.slice(0, 8), nama_kec: 'K', puskesos: 0 }));
		const res = runScenario(inp, { radius: 3, n: 5, objective: 'mclp', weighting: { keluhan: 1 } });
		const internal = parseExportCsv(scenarioCsv(res, rows, 'internal'));
		expect(internal.note).toMatch(/^RAHASIA/);
		// The one line an internal copy holds besides RAHASIA: what its shares count (open complaints weigh 1 here).
		expect(internal.about).toEqual(['persen_cakupan_kumulatif: Cakupan kumulatif berbobot (% dari RT miskin + 1 × keluhan terbuka); persen_rt_miskin_kumulatif: % RT miskin / persen_cakupan_kumulatif: Cumulative weighted coverage (% of poor households + 1 × open complaints); persen_rt_miskin_kumulatif: % of poor households']);
		const col = (f: typeof internal, n: string) => f.rows.map((r) => r[f.header.indexOf(n)]);
		expect(col(internal, 'keluhan_terbuka_tambahan')).toEqual(res.sites.map((s) => String(s.added.keluhan)));
		expect(col(internal, 'rt_miskin_tambahan')).toEqual(res.sites.map((s) => String(s.added.miskin)));
		expect(col(internal, 'persen_cakupan_kumulatif')).toEqual(res.sites.map((s) => ((100 * s.cumulative.weight) / res.total.weight).toFixed(1).replace('.', ',')));
		const gj = scenarioGeoJSON(res, rows, [], 'internal').features.filter((f) => f.properties.jenis === 'usulan');
		expect(gj.map((f) => f.properties.keluhan_terbuka_tambahan)).toEqual(res.sites.map((s) => s.added.keluhan));
		expect(parseExportCsv(scenarioCsv(res, rows)).about.join(' ')).toContain('1–4 sebagai 2');
	});

	test('a site adding several desa of which one has 1–4 open complaints writes "<5" (QA: Lebaksiu Lor blank); two of 1–4 each, a blank the file says is not 0; never the exact count', () => {
		// Four desa 1 km apart, no Puskesos: one site at desa 1 reaches all four within 2,5 km.
		const four: DesaRow[] = [3, 0, 2, 0].map((keluhan, i) => ({ kode: `33.28.01.200${i + 1}`, nama: `Desa ${i}`, kode_kec: '33.28.01', nama_kec: 'K', lng: 109.1 + i * 0.009, lat: -7, miskin: 40 + 10 * i, keluhan, puskesos: 0 }));
		const run = (desa: DesaRow[]) => runScenario({ demand: desa, existing: [], candidates: [1] }, { radius: 2.5, n: 1, objective: 'mclp', weighting: { keluhan: 0 } });
		const written = (desa: DesaRow[]) => {
			const res = run(desa);
			expect(res.sites[0].fresh).toHaveLength(4);
			const csv = parseExportCsv(scenarioCsv(res, desa));
			const gj = scenarioGeoJSON(res, desa, []);
			return { csv: csv.rows[0][csv.header.indexOf('keluhan_terbuka_tambahan')], about: csv.about.join(' '), geo: gj.features.find((f) => f.properties.jenis === 'usulan')!.properties.keluhan_terbuka_tambahan, gj };
		};
		// Only desa 1 has any (3): the sum is its count, written as Peta writes it.
		const one = written(four.map((d, i) => (i === 2 ? { ...d, keluhan: 0 } : d)));
		expect([one.csv, one.geo]).toEqual(['<5', '<5']);
		// Two desa of 1–4 (3 and 2, exact sum 5): neither "<5" nor a figure is true of the sum, so blank; never 5.
		const two = written(four);
		expect([two.csv, two.geo]).toEqual(['', null]);
		expect(two.about).toContain('Sel kosong (null di GeoJSON) pada rt_miskin_tambahan atau keluhan_terbuka_tambahan bukan 0');
		expect(two.about).toContain('A blank (null in GeoJSON) in rt_miskin_tambahan or keluhan_terbuka_tambahan is not 0');
		expect(two.gj.tentang).toContain('is not 0');
		expect(two.gj.keterangan).toContain('"<5"');
	});
});
