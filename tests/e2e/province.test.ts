/**
 * The province at full scale (Jawa Tengah: 35 districts, 8,563 desa, ~11 M households), served as
 * `npm run start:province` serves it: the app's build with the province's extracts and boundaries.
 * Jawa Tengah is above the row budget, so Ringkasan answers it from the per-district summaries
 * without fetching a single row; a district's rows are fetched only when the user drills into it.
 * Every figure is checked against native DuckDB over the province's Parquet files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { provinceMissing, provincePaths, provinceServedDir } from '../../scripts/lib/province';
import { removeServedDir } from '../../scripts/lib/served-dir';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { ROW_BUDGET } from '../../src/lib/state/view';
import { closeBrowser, launchBrowser, nativeDuckDB, offOriginRequests, openPage, petaDrawn } from './harness';

const P = provincePaths();
const missing = provinceMissing();
if (missing) throw new Error(`e2e province: ${missing} (npm test makes it)`);
const manifest = JSON.parse(readFileSync(P.manifest, 'utf8'));
// The page's default period: the last 12 months of the data's window.
const [ey, em] = (manifest.window.end as string).split('-').map(Number);
const startIdx = ey * 12 + em - 1 - 11;
const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
const HEADLINE = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai', 'median_hari_rujukan', 'puskesos'] as const;
/** Drilled into from the province: a pilot district. */
const DRILL = { kode: '33.28', nama: 'Kabupaten Tegal' };
/** Peta outside the pilot: its boundaries exist only as the province's. */
const PETA = { kode: '33.74', nama: 'Kota Semarang' };

let dir: string;
let server: StaticServer;
let ctx: BrowserContext;
let conn: DuckDBConnection;

beforeAll(async () => {
	dir = provinceServedDir();
	server = await startStaticServer(dir);
	// No service worker: every request the page makes is seen here, none answered from a cache.
	ctx = await launchBrowser({ serviceWorkers: 'block' });
	conn = await nativeDuckDB();
});

afterAll(async () => {
	await closeBrowser(ctx);
	conn?.closeSync();
	await server?.close();
	if (dir) removeServedDir(dir);
});

const url = (path: string) => `${server.url}${path}`;
/** A table's Parquet files: one district, or every district of the province. */
const files = (table: string, kab = '*') => `read_parquet('${join(P.extracts, table, `kode_kab=${kab}`, '*.parquet')}')`;

async function one(sql: string): Promise<number | null> {
	const v = Object.values((await conn.runAndReadAll(sql)).getRowObjectsJS()[0])[0];
	return v === null ? null : Number(v);
}

/** Ringkasan's headline figures for the province or one district, written independently of the app's SQL. */
async function expectedHeadline(kab = '*'): Promise<Record<(typeof HEADLINE)[number], number | null>> {
	const f = (t: string) => files(t, kab);
	return {
		rumah_tangga: await one(`SELECT count(*) FROM ${f('rumah_tangga')} WHERE tgl_registrasi <= DATE '${LAST}'`),
		rumah_tangga_miskin: await one(`SELECT count(*) FROM ${f('rumah_tangga')} WHERE tgl_registrasi <= DATE '${LAST}' AND desil IN (1, 2, 3, 4)`),
		keluhan_diterima: await one(`SELECT count(*) FROM ${f('keluhan')} WHERE tgl_keluhan >= DATE '${START}' AND tgl_keluhan <= DATE '${LAST}'`),
		keluhan_selesai: await one(`SELECT count(*) FROM ${f('keluhan')} WHERE status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		rujukan_selesai: await one(`SELECT count(*) FROM ${f('rujukan')} WHERE status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		median_hari_rujukan: await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM ${f('rujukan')} WHERE status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		puskesos: await one(`SELECT count(*) FROM ${f('puskesos')} WHERE tgl_buka <= DATE '${LAST}'`)
	};
}

async function shownHeadline(page: Page): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const id of HEADLINE) out[id] = parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText());
	return out;
}

/** Paths under /extracts/ the page requested, without the version query. */
function extractPaths(requests: readonly string[]): string[] {
	return requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/extracts/')).map((p) => decodeURIComponent(p.slice('/extracts/'.length)));
}

describe('province mode (Jawa Tengah, served with the province extracts)', () => {
	test('the served province is the whole of Jawa Tengah, above the row budget', () => {
		expect(manifest.areas).toHaveLength(35);
		expect(manifest.tables.wilayah.rows).toBe(8563);
		expect(manifest.tables.rumah_tangga.rows).toBeGreaterThan(ROW_BUDGET);
	});

	test('Ringkasan of Jawa Tengah shows the figures native DuckDB computes over every Parquet file, from the province summary alone; drilling into a district fetches its database only and turns the figures live', async () => {
		const { page, errors, requests } = await openPage(ctx, url('/?wilayah=33'));
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Jawa Tengah');
		await page.waitForSelector('[data-testid="figure-source"][data-source="aggregate"]', { timeout: 120_000 });
		const want = await expectedHeadline();
		expect(want.rumah_tangga).toBeGreaterThan(10_000_000);
		expect(await shownHeadline(page)).toEqual(want);
		// All 35 of the province's kabupaten/kota are in the extract: nothing to say about coverage.
		expect(await page.getByTestId('coverage-note').count()).toBe(0);
		// Nothing else is on its way: no rows, no database, no DuckDB-WASM for an area this size.
		await page.waitForLoadState('networkidle');
		const fetched = extractPaths(requests);
		// One file for the province's first figures: its roll-up of the 35 district summaries.
		expect(manifest.summaries).toHaveLength(35);
		expect([...new Set(fetched)].sort()).toEqual(['manifest.json', 'ringkasan/kode_prov=33.json']);
		expect(requests.filter((u) => /\.(duckdb|parquet|wasm)(\?|$)/.test(new URL(u).pathname + '?'))).toEqual([]);

		// Drill into one district with the area picker.
		const before = requests.length;
		await page.getByTestId('pick-kabupaten').selectOption(DRILL.kode);
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe(DRILL.nama);
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe(DRILL.kode);
		await page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 150_000 });
		const district = await expectedHeadline(DRILL.kode);
		expect(district.rumah_tangga).toBeGreaterThan(400_000);
		expect(await shownHeadline(page)).toEqual(district);
		const drilled = extractPaths(requests.slice(before));
		expect(drilled.filter((p) => p.startsWith('db/'))).toEqual([`db/kode_kab=${DRILL.kode}.duckdb`]);
		expect(drilled.filter((p) => p.startsWith('ringkasan/'))).toEqual([`ringkasan/kode_kab=${DRILL.kode}.json`]);
		expect(drilled.filter((p) => p.endsWith('.parquet'))).toEqual([]);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests, server.url)).toEqual([]);
		await page.close();
	});

	test(`Peta of ${PETA.nama}, outside the pilot, draws every desa from the app's own boundaries with figures equal to native DuckDB`, async () => {
		// The boundaries, read independently from the province's reference file, and the district's wilayah rows.
		const reference = JSON.parse(gunzipSync(readFileSync(P.source)).toString('utf8')).features.filter((f: { properties: { kode_kab: string } }) => f.properties.kode_kab === PETA.kode);
		const wilayah = (await one(`SELECT count(*) FROM ${files('wilayah', PETA.kode)}`))!;
		expect(reference.length).toBeGreaterThan(100);
		expect(wilayah).toBe(reference.length);

		const { page, errors, requests } = await openPage(ctx, url(`/peta?wilayah=${PETA.kode}`));
		await petaDrawn(page, 'ready', 150_000);
		expect(await page.getByTestId('area-title').innerText()).toContain(PETA.nama);
		const rows = await page.getByTestId('desa-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kode')!));
		expect(rows.sort()).toEqual(reference.map((f: { properties: { kode: string } }) => f.properties.kode).sort());
		const onMap = await page.evaluate(() => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			const ids = (fs: { id?: string | number }[]) => new Set(fs.map((f) => String(f.id))).size;
			return { source: ids(m.querySourceFeatures('desa')), rendered: ids(m.queryRenderedFeatures({ layers: ['desa-isi'] })) };
		});
		expect(onMap).toEqual({ source: wilayah, rendered: wilayah });

		// One desa (the most households) clicked in the table: its panel against native DuckDB.
		const f = files('rumah_tangga', PETA.kode);
		const kode = String(Object.values((await conn.runAndReadAll(`SELECT kode_desa FROM ${f} WHERE tgl_registrasi <= DATE '${LAST}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).getRowObjectsJS()[0])[0]);
		const rt = (await one(`SELECT count(*) FROM ${f} WHERE kode_desa = '${kode}' AND tgl_registrasi <= DATE '${LAST}'`))!;
		const miskin = (await one(`SELECT count(*) FROM ${f} WHERE kode_desa = '${kode}' AND tgl_registrasi <= DATE '${LAST}' AND desil IN (1, 2, 3, 4)`))!;
		const keluhan = (await one(`SELECT count(*) FROM ${files('keluhan', PETA.kode)} WHERE kode_desa = '${kode}' AND tgl_keluhan >= DATE '${START}' AND tgl_keluhan <= DATE '${LAST}'`))!;
		const inPeriod = `kode_desa = '${kode}' AND tgl_terdaftar >= DATE '${START}' AND tgl_terdaftar <= DATE '${LAST}'`;
		const rujukan = (await one(`SELECT count(*) FROM ${files('rujukan', PETA.kode)} WHERE ${inPeriod}`))!;
		const selesai = (await one(`SELECT count(*) FROM ${files('rujukan', PETA.kode)} WHERE ${inPeriod} AND status = 'selesai' AND tgl_selesai <= DATE '${LAST}'`))!;
		const median = await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM ${files('rujukan', PETA.kode)} WHERE ${inPeriod} AND status = 'selesai' AND tgl_selesai <= DATE '${LAST}'`);
		expect(rt).toBeGreaterThan(0);
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(kode);
		const shown = (id: string) => page.getByTestId(id).innerText().then(parseIndonesianNumber);
		expect(await shown('panel-rumah_tangga')).toBe(rt);
		expect(await shown('panel-keluhan-count')).toBe(keluhan);
		expect(await shown('panel-median_hari')).toBe(median);
		// Shares as shown, to their one decimal.
		expect(Math.abs((await shown('panel-kemiskinan')) - (100 * miskin) / rt)).toBeLessThanOrEqual(0.05 + 1e-9);
		expect(Math.abs((await shown('panel-rujukan')) - (100 * selesai) / rujukan)).toBeLessThanOrEqual(0.05 + 1e-9);

		// The boundaries came from the app itself; the only database fetched is this district's.
		const paths = requests.map((u) => new URL(u).pathname);
		expect(paths).toContain(`/geo/desa/kode_kab=${PETA.kode}.geojson`);
		expect(extractPaths(requests).filter((p) => p.startsWith('db/'))).toEqual([`db/kode_kab=${PETA.kode}.duckdb`]);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests, server.url)).toEqual([]);
		await page.close();
	});
});
