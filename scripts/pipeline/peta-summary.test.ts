/**
 * Peta draws its first map from the pipeline's pre-aggregate (src/lib/peta/summary.ts); once
 * DuckDB-WASM is ready the live layer queries confirm it. The rows rebuilt from the pre-aggregate
 * must equal the rows of those queries run over the Parquet extracts, and the figures shaped from
 * them (rates, EB smoothing, Gi*, Moran) must be the same.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/contract/manifest';
import { queenContiguity } from '../../src/lib/geo/contiguity';
import { firstDay, lastDay } from '../../src/lib/overview/period';
import { CENTROIDS_SQL, nearestPuskesosKm, puskesosParams, SITES_SQL, type CentroidRow, type SiteRow } from '../../src/lib/peta/puskesos';
import { shapeDesa, type DesaInfo } from '../../src/lib/peta/shape';
import { ALL_KELUHAN, PETA_SQL, petaParams, type KeluhanRow, type KemiskinanRow, type RujukanRow } from '../../src/lib/peta/sql';
import { answers, checkPetaSummary, rowsFromSummary, type PetaSummary } from '../../src/lib/peta/summary';
import { DEFAULT_STANDAR } from '../../src/lib/peta/params';
import { defaultPeriod } from '../../src/lib/state/view';
import { loadKnownDesaCodes } from '../demo/reference';
import { runExtract } from './extract';
import { rows as boundRows } from './summary';
import { EXTRACT_DATE, MONTHS, writeExport } from './test-export';
import { nativeForTests, viewsOver } from './test-native';

const ROOT = join(import.meta.dirname, '..', '..');
const STATIC_EXTRACTS = join(ROOT, 'static', 'extracts');

const conn = nativeForTests();
let tmp: string;

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'slrt-peta-summary-'));
});
afterAll(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function rows<T>(schema: string, sql: string, params: (string | number)[]): Promise<T[]> {
	await conn().run(`SET search_path = '${schema}'`);
	return boundRows<T>(conn(), sql, params);
}

/** What the page's live queries return for the summary's view. */
async function live(schema: string, s: PetaSummary) {
	const [first, last] = [firstDay(s.period.start), lastDay(s.period.end)];
	const kab = s.kode_kab;
	const kemiskinan = await rows<KemiskinanRow>(schema, PETA_SQL.kemiskinan, petaParams('kemiskinan', kab, first, last));
	const keluhan = await rows<KeluhanRow>(schema, PETA_SQL.keluhan, petaParams('keluhan', kab, first, last, ALL_KELUHAN));
	const rujukan = await rows<RujukanRow>(schema, PETA_SQL.rujukan, petaParams('rujukan', kab, first, last, ALL_KELUHAN, s.standar));
	const sites = await rows<SiteRow>(schema, SITES_SQL, puskesosParams(kab, last));
	const centroids = await rows<CentroidRow>(schema, CENTROIDS_SQL, puskesosParams(kab, last).slice(0, 1));
	return { kemiskinan, keluhan, rujukan, sites, puskesos_km: nearestPuskesosKm(centroids, sites) };
}

function summaryOf(dir: string, manifest: Manifest, kab: string): PetaSummary {
	const entry = manifest.peta_summaries?.find((e) => e.kode_kab === kab);
	if (!entry) throw new Error(`no Peta summary for ${kab} in the manifest`);
	return JSON.parse(readFileSync(join(dir, entry.path), 'utf8'));
}

/** The desa of the live rows, named as wilayah names them (what the page's boundaries carry). */
const infoOf = (kem: readonly KemiskinanRow[]): DesaInfo[] => kem.map((k) => ({ kode: k.kode, nama: k.nama, kode_kec: k.kode_kec, nama_kec: k.nama_kec }));

describe('Peta summary on the fixture extract', () => {
	let manifest: Manifest;
	let summary: PetaSummary;
	beforeAll(async () => {
		writeExport(join(tmp, 'export'));
		const out = join(tmp, 'out');
		({ manifest } = await runExtract({ inDir: join(tmp, 'export'), outDir: out, reportDir: join(tmp, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: loadKnownDesaCodes(), source: 'extract' }));
		await viewsOver(conn(), out, manifest, 'fixture');
		summary = summaryOf(out, manifest, '35.76');
	});

	it('answers the view a visit opens on: the default period, every complaint, the default standard', () => {
		expect(checkPetaSummary(summary)).toEqual([]);
		expect(summary.period).toEqual(defaultPeriod(manifest));
		expect(summary.standar).toBe(DEFAULT_STANDAR);
		const view = { period: defaultPeriod(manifest), filter: ALL_KELUHAN, standar: DEFAULT_STANDAR };
		expect(answers(summary, view)).toBe(true);
		expect(answers(summary, { ...view, filter: { kategori: 'eksklusi', program: '' } })).toBe(false);
		expect(answers(summary, { ...view, filter: { kategori: '', program: 'pkh' } })).toBe(false);
		expect(answers(summary, { ...view, standar: 30 })).toBe(false);
		expect(answers(summary, { ...view, period: { start: '2025-03', end: '2025-12' } })).toBe(false);
	});

	it('holds the hand-counted figures of each village', () => {
		// 2025, standard 14 days. Surodinawan: RT-01/02, K-02, R-01 done in 30 days. Mentikan: RT-03/04,
		// K-03/04, R-02 done in 10 days, R-03 refused. Wates: RT-05/06/08 (RT-07 bad), K-06/07 (K-05 bad),
		// R-04 open since May, R-06 done in 20 days (R-05 bad, R-07 registered in 2024).
		expect(summary.kode).toEqual(['35.76.01.1003', '35.76.01.1007', '35.76.02.1010']);
		expect(summary.rumah_tangga).toEqual([2, 2, 3]);
		expect(summary.miskin).toEqual([2, 1, 1]);
		expect(summary.keluhan).toEqual([2, 1, 2]);
		expect(summary.rujukan).toEqual([2, 1, 2]);
		expect(summary.selesai).toEqual([1, 1, 1]);
		expect(summary.median_hari).toEqual([10, 30, 20]);
		expect(summary.lewat).toEqual([0, 1, 2]);
		expect(summary.sites.map((s) => s.id)).toEqual(['PKS-1', 'PKS-2']);
		// Surodinawan's Puskesos is ~0.2 km from its centroid.
		expect(summary.puskesos_km[1]).toBeGreaterThan(0.1);
		expect(summary.puskesos_km[1]).toBeLessThan(0.3);
	});

	it('gives back the rows of the live queries, and the same shaped figures', async () => {
		const sql = await live('fixture', summary);
		const fromSummary = rowsFromSummary(summary, infoOf(sql.kemiskinan));
		expect(fromSummary.kemiskinan).toEqual(sql.kemiskinan);
		expect(fromSummary.keluhan).toEqual(sql.keluhan);
		expect(fromSummary.rujukan).toEqual(sql.rujukan);
		expect(fromSummary.sites).toEqual(sql.sites);
		expect(fromSummary.puskesos_km).toEqual(sql.puskesos_km);
		const desa = infoOf(sql.kemiskinan);
		const weights = { ids: desa.map((d) => d.kode), neighbours: desa.map((_, i) => desa.map((_, j) => j).filter((j) => j !== i)) };
		expect(shapeDesa(desa, fromSummary, weights as never)).toEqual(shapeDesa(desa, sql, weights as never));
	});

	it('is refused when a column is missing or of another length, or it is another district’s', () => {
		const { lewat: _, ...noLewat } = summary;
		expect(checkPetaSummary(noLewat)).toEqual(['lewat']);
		expect(checkPetaSummary({ ...summary, keluhan: [1] })).toEqual(['keluhan']);
		expect(checkPetaSummary('x')).toEqual(['bukan objek JSON / not a JSON object']);
		// Another district's file under this district's entry.
		expect(checkPetaSummary(summary, '35.76')).toEqual([]);
		expect(checkPetaSummary(summary, '33.28')).toEqual(['kode_kab']);
	});
});

describe('Peta summary on the full demo extract', () => {
	it('every district with boundaries: shaped figures equal those of the live queries', async ({ skip }) => {
		if (!existsSync(join(STATIC_EXTRACTS, 'manifest.json'))) skip('static/extracts/manifest.json is missing: run `npm run data` to build the demo extracts');
		const manifest = JSON.parse(readFileSync(join(STATIC_EXTRACTS, 'manifest.json'), 'utf8')) as Manifest;
		await viewsOver(conn(), STATIC_EXTRACTS, manifest, 'demo');
		let checked = 0;
		for (const area of manifest.areas) {
			const geo = join(ROOT, 'static', 'geo', 'desa', `kode_kab=${area.kode_kab}.geojson`);
			if (!existsSync(geo)) continue;
			const summary = summaryOf(STATIC_EXTRACTS, manifest, area.kode_kab);
			expect(summary.period).toEqual(defaultPeriod(manifest));
			const fc = JSON.parse(readFileSync(geo, 'utf8'));
			// The page's desa: the boundaries' names and order, their contiguity.
			const desa: DesaInfo[] = fc.features.map((f: { properties: DesaInfo }) => ({ kode: f.properties.kode, nama: f.properties.nama, kode_kec: f.properties.kode_kec, nama_kec: f.properties.nama_kec }));
			const weights = queenContiguity(fc.features);
			const sql = await live('demo', summary);
			expect(sql.kemiskinan.reduce((n, r) => n + r.rumah_tangga, 0), area.kode_kab).toBeGreaterThan(0);
			const fromSummary = rowsFromSummary(summary, desa);
			expect(fromSummary.keluhan, area.kode_kab).toEqual(sql.keluhan);
			expect(fromSummary.rujukan, area.kode_kab).toEqual(sql.rujukan);
			expect(fromSummary.sites, area.kode_kab).toEqual(sql.sites);
			expect(shapeDesa(desa, fromSummary, weights), area.kode_kab).toEqual(shapeDesa(desa, sql, weights));
			checked++;
		}
		expect(checked).toBeGreaterThanOrEqual(1);
	});
});
