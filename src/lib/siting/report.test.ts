import { beforeAll, describe, expect, test } from 'vitest';
import { setRoundingKey } from '../export/rounding';

beforeAll(() => setRoundingKey('kunci-uji'));
import { buildCurveOption } from './chart';
import { randomInstance } from './instances.fixture';
import { parseExportCsv } from '../export/csv';
import { coverClasses, rankedRows, scenarioCsv, scenarioGeoJSON, siteOverlap, summarise } from './report';
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
		const csv = scenarioCsv({ ...r, sites: r.sites.map((s, i) => (i === 0 ? { ...s, added: { ...s.added, miskin: 3, keluhan: 0 } } : s)) }, desa);
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

	test('curve option: one point per k, in percent, the chosen N highlighted; equity adds the worst distance', () => {
		const o = buildCurveOption(r.curve, r.total.weight, 3, 'mclp', 'id');
		const s = (o.series as { data: { value: number; symbolSize: number }[] }[])[0];
		expect(s.data).toHaveLength(r.curve.length);
		expect(s.data[3].symbolSize).toBeGreaterThan(s.data[2].symbolSize);
		expect(s.data[0].value).toBeCloseTo((100 * r.baseline.weight) / r.total.weight, 1);
		expect((buildCurveOption(r.curve, r.total.weight, 3, 'pcenter', 'en').series as unknown[]).length).toBe(2);
	});
});
