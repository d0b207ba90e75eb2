/**
 * Peta's second hotspot view (local Moran's I clusters) and the referral sub-views (median days,
 * share past a service standard set in the URL), in real Chromium. Figures are compared with
 * native DuckDB over the Parquet extracts; the past-standard rule is recomputed here in plain
 * TypeScript from the referral rows, independently of the app's SQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { area, distance, pointOnFeature } from '@turf/turf';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseExportCsv } from '../../src/lib/export/csv';
import { queenContiguity } from '../../src/lib/geo/contiguity';
import { empiricalBayes, PER_THOUSAND } from '../../src/lib/geo/smoothing';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { DESA_HATCH, HATCH_IMAGES, HATCH_SOURCE, hatchPatternExpression, REASON_PROPERTY } from '../../src/lib/map/hatch';
import { hexToRgb, swatchCss, UNCOLOURED_SWATCH, type UncolouredReason } from '../../src/lib/map/uncoloured';
import { MORAN_COLORS } from '../../src/lib/map/palette';
import { moranLabel } from '../../src/lib/peta/moran-layer';
import { MIN_REFERRALS } from '../../src/lib/peta/layers';
import { MORAN_ORDER, moranClusters } from '../../src/lib/peta/moran';
import { pinnedBySubtraction, saysRounded, type SumRelation } from './disclosure';
import { pdfPageSizes, pdfPageTexts } from './pdf-text';
import { baseURL, classedDesa, closeBrowser, crashEngine, drawnDesa, hoverLargestDesa, fillColours, launchBrowser, nativeDuckDB, offOriginRequests, openPage, petaDrawn, firstPainted, recordFrames } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTRACTS = join(ROOT, 'build', 'extracts');
const GEO = JSON.parse(readFileSync(join(ROOT, 'build', 'geo', 'desa', 'kode_kab=33.28.geojson'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
// The page's default period: the last 12 months of the data's window.
const [ey, em] = (manifest.window.end as string).split('-').map(Number);
const startIdx = ey * 12 + em - 1 - 11;
const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

let ctx: BrowserContext;
let conn: DuckDBConnection;

beforeAll(async () => {
	ctx = await launchBrowser();
	conn = await nativeDuckDB();
});

afterAll(async () => {
	await closeBrowser(ctx);
	conn?.closeSync();
});

const files = (t: string, kab = '33.28') => `read_parquet('${join(EXTRACTS, t, `kode_kab=${kab}`, '*.parquet')}')`;
async function rows(sql: string): Promise<Record<string, unknown>[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

const ready = (page: Page) => petaDrawn(page);

/** Each desa's referrals of the default period past `standar` days, counted in TypeScript from the raw rows. */
async function pastStandard(kode: string, standar: number): Promise<{ past: number; all: number }> {
	const list = await rows(`SELECT status, tgl_terdaftar::VARCHAR AS t0, tgl_selesai::VARCHAR AS t1, tgl_ditolak::VARCHAR AS tx FROM ${files('rujukan')}
		WHERE kode_desa = '${kode}' AND tgl_terdaftar >= DATE '${START}' AND tgl_terdaftar <= DATE '${LAST}'`);
	const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY_MS;
	let past = 0;
	for (const r of list) {
		const [t0, t1, tx] = [r.t0 as string, r.t1 as string | null, r.tx as string | null];
		const doneInTime = r.status === 'selesai' && t1 !== null && t1 <= LAST;
		const refusedInTime = tx !== null && tx <= LAST;
		if (doneInTime ? days(t0, t1!) > standar : !refusedInTime && days(t0, LAST) > standar) past++;
	}
	return { past, all: list.length };
}

/** The Moran clusters of the default period from native DuckDB's counts and the served boundaries. */
async function expectedClusters(): Promise<Map<string, string>> {
	const kode: string[] = GEO.features.map((f: { properties: { kode: string } }) => f.properties.kode);
	const rt = new Map((await rows(`SELECT kode_desa, count(*)::INTEGER AS n FROM ${files('rumah_tangga')} WHERE tgl_registrasi <= DATE '${LAST}' GROUP BY 1`)).map((r) => [r.kode_desa as string, r.n as number]));
	const kel = new Map((await rows(`SELECT kode_desa, count(*)::INTEGER AS n FROM ${files('keluhan')} WHERE tgl_keluhan BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).map((r) => [r.kode_desa as string, r.n as number]));
	const eb = empiricalBayes(kode.map((k) => kel.get(k) ?? 0), kode.map((k) => rt.get(k) ?? 0), { scale: PER_THOUSAND });
	const m = moranClusters(eb.smoothed, queenContiguity(GEO.features));
	return new Map(kode.map((k, i) => [k, moranLabel(m.cluster[i], 'id')]));
}

describe('Peta: local Moran clusters', () => {
	test('hotspot=moran draws LISA clusters: legend counts add up, table and map agree with a native recomputation', async () => {
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=hotspot&hotspot=moran');
		await ready(page);
		expect(await page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Klaster keluhan (Moran lokal)');
		expect(await page.getByTestId('pick-hotspot').inputValue()).toBe('moran');
		expect(await page.getByTestId('layer-hotspot').innerText()).toBe('Klaster keluhan (Moran lokal)');
		const labels = (await page.getByTestId('legend-entry').locator('.label').allInnerTexts()).map((s) => s.trim());
		// Every desa of Tegal has a cluster: no "no data" line (a legend names only the reasons some desa has).
		expect(labels).toEqual(['Tinggi–tinggi', 'Rendah–tinggi', 'Tinggi–rendah', 'Rendah–rendah', 'Tidak signifikan']);
		const counts = (await page.getByTestId('legend-count').allInnerTexts()).map(parseIndonesianNumber);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(GEO.features.length);

		const shown = new Map(await page.getByTestId('desa-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kode')!, tr.querySelector('[data-testid="cell-moran"]')!.textContent!.trim()] as [string, string])));
		const want = await expectedClusters();
		expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(want));
		expect([...want.values()]).not.toContain('Tanpa data');
		// The legend counts are the table's cluster counts; the demo data has real clusters.
		expect(counts.slice(0, 5)).toEqual(labels.slice(0, 5).map((l) => [...shown.values()].filter((v) => v === l).length));
		expect(counts[0] + counts[3]).toBeGreaterThan(0);

		// The map fills each desa with its cluster's colour.
		const sample = [...shown.entries()].filter(([, v]) => v !== 'Tidak signifikan').slice(0, 10);
		const drawn = await fillColours(page, sample.map(([kode]) => kode));
		for (const [kode, label] of sample) expect(drawn[kode], kode).toBe(MORAN_COLORS[MORAN_ORDER.findIndex((c) => moranLabel(c, 'id') === label)]);

		// The panel names the cluster; the CSV carries it.
		const [kode, label] = sample[0];
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(() => page.getByTestId('panel-moran').innerText()).toContain(label);
		// A public CSV's clusters are of the EB rates it writes (from rounded counts, blank where hidden): what a
		// reader computes from the file and the boundaries. The internal copy's are the page's.
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		const csv = parseExportCsv(readFileSync((await file.path())!, 'utf8'));
		const col = csv.header.indexOf('klaster_moran');
		const written = new Map(csv.rows.map((r) => [r[0], r[csv.header.indexOf('keluhan_per_1000_rt_eb')]]));
		const codes: string[] = GEO.features.map((f: { properties: { kode: string } }) => f.properties.kode);
		const eb = codes.map((k) => (written.get(k) ? parseIndonesianNumber(written.get(k)!) : null));
		const fromFile = moranClusters(eb, queenContiguity(GEO.features));
		expect(Object.fromEntries(csv.rows.map((r) => [r[0], r[col]]))).toEqual(Object.fromEntries(codes.map((k, i) => [k, moranLabel(fromFile.cluster[i], 'id')])));
		await page.getByTestId('export-internal').check();
		const [inFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		const internal = parseExportCsv(readFileSync((await inFile.path())!, 'utf8'));
		expect(Object.fromEntries(internal.rows.map((r) => [r[0], r[col]]))).toEqual(Object.fromEntries(want));
		await page.getByTestId('export-internal').uncheck();

		// Back to Gi*: the parameter leaves the URL.
		await page.getByTestId('pick-hotspot').selectOption('gi');
		await expect.poll(() => new URL(page.url()).searchParams.has('hotspot')).toBe(false);
		await expect.poll(() => page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Hotspot keluhan (Gi*)');
		expect(await page.getByTestId('layer-hotspot').innerText()).toBe('Hotspot keluhan (Gi*)');
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});
});

describe('Peta: referral sub-views', () => {
	test('rujukan=lewat with standar=30 shows the share past 30 days, and changing the standard recomputes it', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan&rujukan=lewat&standar=30');
		await ready(page);
		expect(await page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Melewati standar layanan (30 hari)');
		expect(await page.getByTestId('pick-standar').inputValue()).toBe('30');
		// A desa with many referrals, so the share is not a small-number accident.
		const busiest = (await rows(`SELECT kode_desa FROM ${files('rujukan')} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`))[0].kode_desa as string;
		await page.locator(`[data-testid="desa-row"][data-kode="${busiest}"]`).click();
		const at30 = await pastStandard(busiest, 30);
		const at7 = await pastStandard(busiest, 7);
		expect(at7.past).toBeGreaterThan(at30.past);
		const shownShare = async () => parseIndonesianNumber((await page.getByTestId('panel-lewat').innerText()).split('(')[0]);
		await expect.poll(shownShare).toBeCloseTo((100 * at30.past) / at30.all, 1);
		expect(await page.getByTestId('panel-lewat').innerText()).toContain(`(${at30.past} dari ${at30.all})`);

		await page.getByTestId('pick-standar').fill('7');
		await page.getByTestId('pick-standar').press('Enter');
		await page.getByTestId('pick-standar').blur();
		await expect.poll(() => new URL(page.url()).searchParams.get('standar')).toBe('7');
		await expect.poll(shownShare, { timeout: 60_000 }).toBeCloseTo((100 * at7.past) / at7.all, 1);
		await expect.poll(() => page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Melewati standar layanan (7 hari)');
		const counts = (await page.getByTestId('legend-count').allInnerTexts()).map(parseIndonesianNumber);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(GEO.features.length);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('rujukan=median colours by median days, legend ranges in days, and the default standard stays out of the URL', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan');
		await ready(page);
		await page.getByTestId('pick-rujukan').selectOption('median');
		await expect.poll(() => new URL(page.url()).searchParams.get('rujukan')).toBe('median');
		expect(new URL(page.url()).searchParams.has('standar')).toBe(false);
		await expect.poll(() => page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Median hari sampai selesai');
		const labels = await page.getByTestId('legend-entry').locator('.label').allInnerTexts();
		expect(labels[0]).toMatch(/^\d+,\d – \d+,\d hari$/);
		// The lowest class starts at the smallest desa median native DuckDB finds.
		const min = (await rows(`SELECT min(m) AS m FROM (SELECT median(tgl_selesai - tgl_terdaftar)::DOUBLE AS m FROM ${files('rujukan')}
			WHERE status = 'selesai' AND tgl_selesai <= DATE '${LAST}' AND tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY kode_desa)`))[0].m as number;
		expect(parseIndonesianNumber(labels[0].split('–')[0])).toBeCloseTo(min, 1);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('Peta: target bands and the no-data hatch', () => {
	test('klasifikasi=target bands referral completion at 60/80/90 %, counting the desa native DuckDB puts in each band', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan&klasifikasi=target');
		await ready(page);
		expect(await page.getByTestId('pick-klasifikasi').inputValue()).toBe('target');
		const labels = (await page.getByTestId('legend-entry').locator('.label').allInnerTexts()).map((s) => s.trim());
		const counts = (await page.getByTestId('legend-count').allInnerTexts()).map(parseIndonesianNumber);
		// Banded: the desa with at least 5 referrals registered in the period; 1–4 are a line of their own. A desa is
		// banded by its share as printed, to 0,1 %.
		const bands = await rows(`WITH s AS (SELECT kode_desa, count(*) AS n, round(100 * count(*) FILTER (WHERE status = 'selesai' AND tgl_selesai <= DATE '${LAST}') / count(*), 1) AS v
			FROM ${files('rujukan')} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1)
			SELECT count(*) FILTER (WHERE n >= 5 AND v < 60)::INTEGER AS a, count(*) FILTER (WHERE n >= 5 AND v >= 60 AND v < 80)::INTEGER AS b,
			count(*) FILTER (WHERE n >= 5 AND v >= 80 AND v < 90)::INTEGER AS c, count(*) FILTER (WHERE n >= 5 AND v >= 90)::INTEGER AS d,
			count(*) FILTER (WHERE n < 5)::INTEGER AS few FROM s`);
		const want = Object.values(bands[0]) as number[];
		expect(want[4]).toBeGreaterThan(0);
		// The desa without referrals are on a "no data" line, there only when there are some.
		const noData = GEO.features.length - want.reduce((a, b) => a + b, 0);
		expect(labels).toEqual(['< 60,0\u00a0%', '60,0 – 79,9\u00a0%', '80,0 – 89,9\u00a0%', '≥ 90,0\u00a0%', 'Kurang dari 5 rujukan (tidak diwarnai)', ...(noData ? ['Tanpa data'] : [])]);
		expect(counts).toEqual([...want, ...(noData ? [noData] : [])]);
		// Poverty has no target: its legend does not offer bands.
		await page.getByTestId('layer-kemiskinan').click();
		await expect.poll(() => page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Rumah tangga miskin (desil 1–4)');
		expect(await page.getByTestId('pick-klasifikasi').locator('option').allInnerTexts()).not.toContain('Pita target');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('desa without data and desa with too few cases are each drawn with their own pattern made in code, on the map and in the legend', async () => {
		// Kabupaten Gorontalo: some desa had no referral completed in the period, so no median.
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=75.01&lapisan=rujukan&rujukan=median');
		await ready(page);
		const geo = JSON.parse(readFileSync(join(ROOT, 'build', 'geo', 'desa', 'kode_kab=75.01.geojson'), 'utf8'));
		const completed = new Map((await rows(`SELECT kode_desa, count(*)::INTEGER AS n FROM ${files('rujukan', '75.01')}
			WHERE status = 'selesai' AND tgl_selesai <= DATE '${LAST}' AND tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).map((r) => [r.kode_desa as string, r.n as number]));
		const empty = geo.features.filter((f: { properties: { kode: string } }) => !completed.has(f.properties.kode));
		expect(empty.length).toBeGreaterThan(0);
		const counts = (await page.getByTestId('legend-count').allInnerTexts()).map(parseIndonesianNumber);
		expect(counts.at(-1)).toBe(empty.length);
		// A median of 1–4 completed referrals is not coloured either, and is counted on its own line.
		expect(counts.at(-2)).toBe([...completed.values()].filter((n) => n < MIN_REFERRALS).length);
		const coloured = geo.features.filter((f: { properties: { kode: string } }) => (completed.get(f.properties.kode) ?? 0) >= MIN_REFERRALS);
		const few = geo.features.filter((f: { properties: { kode: string } }) => (completed.get(f.properties.kode) ?? 0) > 0 && (completed.get(f.properties.kode) ?? 0) < MIN_REFERRALS);
		expect(few.length).toBeGreaterThan(0);
		// The legend: a line for each reason, its swatch the map's tile for it, the two unlike each other.
		const lines = page.locator('[data-testid="legend-entry"][data-reason]');
		expect(await lines.evaluateAll((els) => els.map((el) => el.getAttribute('data-reason')))).toEqual(['few', 'none']);
		const swatches = await lines.locator('.swatch').evaluateAll((els) => els.map((el) => ({ color: getComputedStyle(el).backgroundColor, image: getComputedStyle(el).backgroundImage })));
		const want = (r: UncolouredReason) => ({ color: `rgb(${hexToRgb(UNCOLOURED_SWATCH[r].background).join(', ')})`, image: swatchCss(r).match(/url\("[^"]+"\)/)![0] });
		expect(swatches).toEqual([want('few'), want('none')]);
		expect(swatches[0].image).not.toBe(swatches[1].image);

		const map = await page.evaluate(([images, layer, source, property]) => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			// Each uncoloured desa's reason: as the hatch source holds it (its pattern), and in feature-state (its ground).
			const hatched = Object.fromEntries(m.querySourceFeatures(source).map((f) => [f.properties.kode, f.properties[property]]));
			const state = (kode: string) => m.getFeatureState({ source: 'desa', id: kode }).alasan ?? null;
			return { images: images.map((i) => m.hasImage(i)), pattern: m.getPaintProperty(layer, 'fill-pattern'), sprite: m.getStyle().sprite ?? null, hatched, state: Object.fromEntries(Object.keys(hatched).map((k) => [k, state(k)])) };
		}, [Object.values(HATCH_IMAGES), DESA_HATCH, HATCH_SOURCE, REASON_PROPERTY] as const);
		expect(map.images).toEqual([true, true, true]);
		expect(map.pattern).toEqual(hatchPatternExpression());
		expect(map.sprite).toBeNull();
		const kodes = (fs: { properties: { kode: string } }[]) => fs.map((f) => f.properties.kode).sort();
		expect(Object.keys(map.hatched).sort()).toEqual([...kodes(empty), ...kodes(few)].sort());
		for (const k of kodes(few)) expect([map.hatched[k], map.state[k]], k).toEqual(['few', 'few']);
		for (const k of kodes(empty)) expect([map.hatched[k], map.state[k]], k).toEqual(['none', null]);

		// The pixels: inside the largest no-data desa, stripes of two colours; inside a desa with data, one flat colour.
		const pixels = async (feature: object) => {
			const [lng, lat] = pointOnFeature(feature as never).geometry.coordinates;
			const { x, y } = await page.evaluate(([lng, lat]) => (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap.project([lng, lat]), [lng, lat]);
			const box = (await page.getByTestId('peta-map').locator('canvas').boundingBox())!;
			const png = await page.screenshot({ clip: { x: box.x + x - 4, y: box.y + y - 4, width: 9, height: 9 } });
			return page.evaluate(async (b64) => {
				const img = new Image();
				img.src = `data:image/png;base64,${b64}`;
				await img.decode();
				const c = document.createElement('canvas');
				[c.width, c.height] = [img.width, img.height];
				const g = c.getContext('2d')!;
				g.drawImage(img, 0, 0);
				const d = g.getImageData(0, 0, c.width, c.height).data;
				const colours = new Set<string>();
				for (let i = 0; i < d.length; i += 4) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
				return [...colours];
			}, png.toString('base64'));
		};
		const largest = (fs: object[]) => [...fs].sort((a, b) => area(b as never) - area(a as never))[0];
		await page.mouse.move(0, 0);
		// The pixels: inside the largest no-data desa and the largest of too few cases, the ground and the
		// pattern of each one's own swatch; inside a desa with data, one flat colour.
		const [noData, tooFew] = [await pixels(largest(empty)), await pixels(largest(few))];
		const rgb = (hex: string) => hexToRgb(hex).join();
		expect(noData).toEqual(expect.arrayContaining([rgb(UNCOLOURED_SWATCH.none.background), rgb(UNCOLOURED_SWATCH.none.ink)]));
		expect(tooFew).toEqual(expect.arrayContaining([rgb(UNCOLOURED_SWATCH.few.background), rgb(UNCOLOURED_SWATCH.few.ink)]));
		expect(noData).not.toContain(rgb(UNCOLOURED_SWATCH.few.background));
		expect(tooFew).not.toContain(rgb(UNCOLOURED_SWATCH.none.background));
		expect(await pixels(largest(coloured))).toHaveLength(1);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});
});

describe('Peta: drill-down', () => {
	test('province → district list → district → a desa’s kecamatan via the breadcrumb → back up; another district, picked from a kecamatan, is drawn whole', async () => {
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=33');
		await page.getByTestId('peta-pick-district').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('crumb-provinsi').innerText()).toBe('Jawa Tengah');
		const listed = await page.getByTestId('peta-districts').locator('a').allInnerTexts();
		const inProvince = manifest.areas.filter((a: { kode_prov: string }) => a.kode_prov === '33').map((a: { nama_kab: string }) => a.nama_kab);
		expect([...listed].sort()).toEqual([...inProvince].sort());

		await page.getByTestId('pick-district-33.28').click();
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('33.28');
		await ready(page);
		expect(await page.getByTestId('desa-row').count()).toBe(GEO.features.length);

		const kode = '33.28.02.2001';
		const kec = GEO.features.find((f: { properties: { kode: string } }) => f.properties.kode === kode).properties;
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(() => page.getByTestId('crumb-desa').innerText()).toBe(kec.nama);
		expect(await page.getByTestId('crumb-kecamatan').innerText()).toBe(`Kec. ${kec.nama_kec}`);
		await page.getByTestId('crumb-kecamatan').click();
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('33.28.02');
		await ready(page);
		const inKec = GEO.features.filter((f: { properties: { kode_kec: string } }) => f.properties.kode_kec === '33.28.02').length;
		await expect.poll(() => page.getByTestId('desa-row').count()).toBe(inKec);
		expect(await page.getByTestId('area-title').innerText()).toContain(kec.nama_kec);
		// The map draws that kecamatan's desa alone.
		await expect.poll(async () => (await drawnDesa(page)).length).toBe(inKec);

		await page.getByTestId('crumb-kabupaten').click();
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('33.28');
		await expect.poll(() => page.getByTestId('desa-row').count()).toBe(GEO.features.length);
		await expect.poll(async () => (await drawnDesa(page)).length).toBe(GEO.features.length);

		// From a kecamatan to another district: none of its desa is filtered out by the old kecamatan.
		await page.getByTestId('pick-kecamatan').selectOption('33.28.02');
		await expect.poll(async () => (await drawnDesa(page)).length).toBe(inKec);
		await page.getByTestId('pick-kabupaten').selectOption('33.11');
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('33.11');
		const sukoharjo = JSON.parse(readFileSync(join(ROOT, 'build', 'geo', 'desa', 'kode_kab=33.11.geojson'), 'utf8')).features.map((f: { properties: { kode: string } }) => f.properties.kode).sort();
		await expect.poll(() => drawnDesa(page), { timeout: 30_000 }).toEqual(sukoharjo);
		await expect.poll(() => classedDesa(page)).toBe(sukoharjo.length);
		await page.getByTestId('pick-kabupaten').selectOption('33.28');
		await expect.poll(async () => (await drawnDesa(page)).length, { timeout: 30_000 }).toBe(GEO.features.length);
		await page.getByTestId('crumb-provinsi').click();
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('33');
		await page.getByTestId('peta-pick-district').waitFor();
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});
});

describe('Peta: a change in the header takes away what no longer belongs to the view', () => {
	const hoverDesa = (page: Page, kodeKec: string) => hoverLargestDesa(page, GEO.features.filter((f: { properties: { kode_kec: string } }) => f.properties.kode_kec === kodeKec));

	test('another kecamatan closes the panel of a desa outside it; the desa’s own kecamatan keeps it', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		await page.locator('[data-testid="desa-row"][data-kode="33.28.01.2001"] button.desa').click();
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe('33.28.01.2001');
		await page.getByTestId('pick-kecamatan').selectOption('33.28.01');
		await expect.poll(() => page.getByTestId('desa-row').count()).toBe(GEO.features.filter((f: { properties: { kode_kec: string } }) => f.properties.kode_kec === '33.28.01').length);
		expect(await page.getByTestId('desa-panel').getAttribute('data-kode')).toBe('33.28.01.2001');
		await page.getByTestId('pick-kecamatan').selectOption('33.28.02');
		await expect.poll(() => page.getByTestId('desa-panel').count()).toBe(0);
		expect(await page.getByTestId('crumb-desa').count()).toBe(0);
		expect(await page.getByTestId('crumb-kecamatan').innerText()).toBe('Kec. Bumijawa');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the tooltip of the desa under the pointer goes when its kecamatan is filtered out or another district is drawn', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		await hoverDesa(page, '33.28.06');
		await page.getByTestId('pick-kecamatan').selectOption('33.28.15');
		await expect.poll(() => page.getByTestId('peta-tooltip').count()).toBe(0);
		await page.getByTestId('pick-kecamatan').selectOption('');
		await ready(page);
		await hoverDesa(page, '33.28.06');
		await page.getByTestId('pick-kabupaten').selectOption('33.11');
		await expect.poll(async () => (await drawnDesa(page))[0]?.slice(0, 5), { timeout: 30_000 }).toBe('33.11');
		expect(await page.getByTestId('peta-tooltip').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('Peta: Puskesos layer', () => {
	test('sites open by the period end as points with catchment circles; each desa’s km to the nearest, as recomputed here', async () => {
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=puskesos&radius=8');
		await ready(page);
		expect(await page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Jarak ke Puskesos');
		expect(await page.getByTestId('pick-radius').inputValue()).toBe('8');
		const sites = await rows(`SELECT lat::DOUBLE AS lat, lng::DOUBLE AS lng FROM ${files('puskesos')} WHERE tgl_buka <= DATE '${LAST}'`);
		expect(sites.length).toBeGreaterThan(0);
		const overlay = () =>
			page.evaluate(() => {
				const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
				const src = m.getSource('peta-puskesos') as import('maplibre-gl').GeoJSONSource | undefined;
				return src ? (src.serialize().data as unknown as { features: { properties: { jenis: string }; geometry: { coordinates: unknown } }[] }) : null;
			});
		await expect.poll(async () => (await overlay())?.features.length ?? 0).toBe(2 * sites.length);
		const fc = (await overlay())!;
		const points = fc.features.filter((f) => f.properties.jenis === 'puskesos');
		expect(points).toHaveLength(sites.length);
		const ring = (fc.features.find((f) => f.properties.jenis === 'jangkauan')!.geometry.coordinates as number[][][])[0];
		const centre = points[0].geometry.coordinates as number[];
		expect(distance(centre as [number, number], ring[0] as [number, number], { units: 'kilometers' })).toBeCloseTo(8, 3);

		// Every desa's distance in the table, against the nearest site by brute force from the wilayah centroids.
		const centroids = await rows(`SELECT kode_desa, lat::DOUBLE AS lat, lng::DOUBLE AS lng FROM ${files('wilayah')}`);
		const shown = new Map(await page.getByTestId('desa-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kode')!, tr.querySelector('[data-testid="cell-jarak"]')!.textContent!] as [string, string])));
		expect(shown.size).toBe(GEO.features.length);
		for (const c of centroids) {
			const want = Math.min(...sites.map((s) => distance([c.lng as number, c.lat as number], [s.lng as number, s.lat as number], { units: 'kilometers' })));
			const text = shown.get(c.kode_desa as string)!;
			expect(Math.abs(parseIndonesianNumber(text) - want), `${c.kode_desa} ${text} vs ${want}`).toBeLessThanOrEqual(0.05 + 1e-9);
		}
		const counts = (await page.getByTestId('legend-count').allInnerTexts()).map(parseIndonesianNumber);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(GEO.features.length);
		// Classes of the service radius, not quantiles: within half of it, within it, beyond.
		const legend = await page.getByTestId('peta-legend').innerText();
		for (const band of ['< 4,0 km', '4,0 – 7,9 km', '≥ 8,0 km']) expect(legend).toContain(band);

		// A new radius redraws the circles and lands in the URL; another layer clears the overlay.
		await page.getByTestId('pick-radius').fill('3');
		await page.getByTestId('pick-radius').blur();
		await expect.poll(() => new URL(page.url()).searchParams.get('radius')).toBe('3');
		await expect.poll(async () => {
			const f = (await overlay())!.features.find((x) => x.properties.jenis === 'jangkauan')!;
			const r = (f.geometry.coordinates as number[][][])[0][0] as [number, number];
			return Math.round(distance(centre as [number, number], r, { units: 'kilometers' }) * 1000) / 1000;
		}).toBe(3);
		await page.getByTestId('layer-kemiskinan').click();
		await expect.poll(async () => (await overlay())?.features.length).toBe(0);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});
});

describe('Peta: Puskesos open by the period end', () => {
	test('an earlier period leaves out the sites opened after it', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=puskesos&periode=2024-07..2025-06');
		await ready(page);
		const [open, all] = (await rows(`SELECT count(*) FILTER (WHERE tgl_buka <= DATE '2025-06-30')::INTEGER AS a, count(*)::INTEGER AS b FROM ${files('puskesos')}`)).map((r) => [r.a as number, r.b as number])[0];
		expect(open).toBeLessThan(all);
		const points = () =>
			page.evaluate(() => {
				const src = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap.getSource('peta-puskesos') as import('maplibre-gl').GeoJSONSource | undefined;
				return src ? (src.serialize().data as unknown as { features: { properties: { jenis: string } }[] }).features.filter((f) => f.properties.jenis === 'puskesos').length : -1;
			});
		await expect.poll(points).toBe(open);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('Peta: nothing eases', () => {
	test('a paint change and a new layer are each drawn in one frame, not eased over several', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		// Each frame of software WebGL costs the page ~60 ms of a core; an eased change (MapLibre's default
		// 300 ms paint transition) draws one per animation frame: 7–8 for this change before.
		const frames = await page.evaluate(async () => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			const settle = () => new Promise((r) => setTimeout(r, 800));
			const count = async (change: () => void) => {
				await settle();
				let n = 0;
				const on = () => n++;
				m.on('render', on);
				change();
				await settle();
				m.off('render', on);
				return n;
			};
			const paint = await count(() => m.setPaintProperty('desa-batas', 'line-opacity', 0.5));
			const layer = await count(() => m.addLayer({ id: 'uji-lapisan', type: 'background', paint: { 'background-color': '#000', 'background-opacity': 0 } }));
			return { paint, layer };
		});
		expect(frames.paint).toBeGreaterThanOrEqual(1);
		expect(frames.paint).toBeLessThanOrEqual(2);
		expect(frames.layer).toBeGreaterThanOrEqual(1);
		expect(frames.layer).toBeLessThanOrEqual(2);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the map appears whole: no frame is painted before every source of the district is tiled', async () => {
		const page = await ctx.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.addInitScript(recordFrames('__slrtMap', 'desa'));
		await page.goto(`${baseURL()}/peta?wilayah=33.28`);
		await ready(page);
		// The first frame painted is of the whole district (before, the background was painted alone
		// first, then the district's sources as their tiles came); until then the box shows the map's
		// own background colour, not white.
		expect(await firstPainted(page, 'peta-map')).toEqual({ frame: { painted: true, tiled: true }, box: 'rgb(233, 238, 243)' });
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('Peta: an engine that stops', () => {
	test('is started again and the map and table come back as they were, from live figures', async () => {
		const { page } = await openPage(ctx, '/peta?wilayah=35.76&lapisan=keluhan');
		await petaDrawn(page);
		const peta = page.getByTestId('peta');
		const table = () => page.getByTestId('desa-row').allInnerTexts();
		const before = { rows: await table(), generation: Number(await peta.getAttribute('data-generation')) };
		const ids = await page.getByTestId('desa-row').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.kode!));
		const colours = await fillColours(page, ids);
		expect(Object.values(colours).filter((c) => c !== null).length).toBeGreaterThan(0);
		await crashEngine(page);
		await expect.poll(() => page.getByTestId('engine-restarted').innerText(), { timeout: 20_000 }).toContain('berhenti dan sudah dimulai ulang');
		await expect.poll(async () => Number(await peta.getAttribute('data-generation')), { timeout: 60_000 }).toBeGreaterThan(before.generation);
		await petaDrawn(page);
		expect(await table()).toEqual(before.rows);
		expect(await fillColours(page, ids)).toEqual(colours);
		expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
		await page.close();
	});
});

describe('public downloads of different periods', () => {
	// The files a reader can have: the whole window, its calendar years, the last year's quarters, the
	// page's default 12 months and the quarter before them (what a QA pass combined).
	const [ws, we] = [manifest.window.start as string, manifest.window.end as string];
	const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
	const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1;
	const span = (a: number, b: number) => `${month(Math.max(a, index(ws)))}..${month(Math.min(b, index(we)))}`;
	const [first, end] = [Number(ws.slice(0, 4)), Number(we.slice(0, 4))];
	const years = Array.from({ length: end - first + 1 }, (_, i) => span((first + i) * 12, (first + i) * 12 + 11));
	const quarters = [0, 3, 6, 9].map((q) => end * 12 + q).filter((q) => q <= index(we)).map((q) => span(q, q + 2));
	const start12 = index(we) - 11;
	const last12 = span(start12, index(we));
	// The calendar quarter the default 12 months start in.
	const qs = start12 - (start12 % 3);
	const before = span(qs, qs + 2);
	const whole = span(index(ws), index(we));

	test('subtracting one period’s file from another’s gives back no "<5" of a desa (Kota Mojokerto)', { timeout: 300_000 }, async () => {
		const periods = [...new Set([whole, ...years, ...quarters, last12, before])];
		const shown = new Map<string, string>();
		let small = 0;
		let rounded = true;
		const page = (await openPage(ctx, '/peta?wilayah=35.76')).page;
		for (const periode of periods) {
			await page.goto(`${baseURL()}/peta?wilayah=35.76&periode=${periode}`);
			await ready(page);
			const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
			const csv = parseExportCsv(readFileSync((await file.path())!, 'utf8'));
			rounded &&= saysRounded(csv.note);
			const col = (name: string) => csv.header.indexOf(name);
			for (const r of csv.rows)
				for (const c of ['keluhan', 'rujukan']) {
					shown.set(`${periode}|${r[col('kode_desa')]}|${c}`, r[col(c)]);
					if (r[col(c)] === '<5') small++;
				}
		}
		await page.close();
		// Complaints and referrals of a period add up over its parts; what is completed or late by a period's end does not.
		const [lastYear, yearBefore] = [years.at(-1)!, years.at(-2)!];
		const twoMonths = span(start12, end * 12 - 1);
		const relations: SumRelation[] = [...new Set([...shown.keys()].map((k) => k.slice(k.indexOf('|') + 1)))].flatMap((dc) => {
			const v = (p: string) => `${p}|${dc}`;
			return [
				{ total: v(whole), parts: years.map(v) },
				{ total: v(lastYear), parts: quarters.map(v) },
				{ total: v(last12), parts: [v(twoMonths), v(lastYear)] },
				{ total: v(before), parts: [v(span(qs, start12 - 1)), v(twoMonths)] },
				{ total: v(yearBefore), parts: [v(span((end - 1) * 12, qs - 1)), v(before)] }
			];
		});
		// The files hold small counts to protect.
		expect(small).toBeGreaterThan(20);
		expect(periods.length).toBeGreaterThanOrEqual(8);
		expect(pinnedBySubtraction(shown, relations, rounded)).toEqual([]);
	});
});

describe('the EB rate of a public download', () => {
	test('is computed from what the public files write, so it gives no exact total back (Bantaeng, one month of PKH complaints)', { timeout: 120_000 }, async () => {
		const { page } = await openPage(ctx, '/peta?wilayah=73.03');
		const files: Record<string, ReturnType<typeof parseExportCsv>> = {};
		for (const wilayah of ['73.03', '73.03.06']) {
			await page.goto(`${baseURL()}/peta?wilayah=${wilayah}&periode=2026-01..2026-01&program=pkh`);
			await ready(page);
			const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
			files[wilayah] = parseExportCsv(readFileSync((await file.path())!, 'utf8'));
		}
		await page.close();
		// The prior, worked out here from the district file's written counts alone (the method of moments, smoothing.ts's formula):
		// a reader can compute it too, so the EB column tells nothing the counts beside it do not.
		const district = files['73.03'];
		const col = (f: typeof district, name: string) => f.header.indexOf(name);
		const written = district.rows.filter((r) => /^\d+$/.test(r[col(district, 'keluhan')]) && /^\d+$/.test(r[col(district, 'rumah_tangga')]) && Number(r[col(district, 'rumah_tangga')]) > 0);
		const k = written.map((r) => Number(r[col(district, 'keluhan')]));
		const n = written.map((r) => Number(r[col(district, 'rumah_tangga')]));
		const sumK = k.reduce((a, b) => a + b, 0);
		const sumN = n.reduce((a, b) => a + b, 0);
		const mean = sumK / sumN;
		const variance = Math.max(0, n.reduce((s, ni, i) => s + ni * (k[i] / ni - mean) ** 2, 0) / sumN - mean / (sumN / n.length));
		const expected = (ki: number, ni: number) => 1000 * (variance > 0 ? mean + (variance / (variance + mean / ni)) * (ki / ni - mean) : mean);
		let checked = 0;
		for (const f of [district, files['73.03.06']])
			for (const r of f.rows) {
				const [ki, ni, eb] = [r[col(f, 'keluhan')], r[col(f, 'rumah_tangga')], r[col(f, 'keluhan_per_1000_rt_eb')]];
				if (!/^\d+$/.test(ki) || !/^\d+$/.test(ni) || eb === '') continue;
				expect(Math.abs(parseIndonesianNumber(eb) - expected(Number(ki), Number(ni))), `${r[0]}: ${eb}`).toBeLessThanOrEqual(0.05 + 1e-9);
				checked++;
			}
		expect(checked).toBeGreaterThan(40);
		// The kecamatan's file holds small counts to protect.
		expect(files['73.03.06'].rows.some((r) => r[col(files['73.03.06'], 'keluhan')] === '<5')).toBe(true);
	});
});

describe('Peta on paper', () => {
	test('printing the page prints every desa of the table, not the part its box scrolls to on screen, with every column, on landscape pages', async () => {
		const { page } = await openPage(ctx, '/peta?wilayah=33.28');
		await petaDrawn(page);
		const pdf = await page.pdf({ format: 'A4' });
		const sizes = pdfPageSizes(pdf);
		const texts = pdfPageTexts(pdf);
		const text = texts.join('\n');
		const kode: string[] = GEO.features.map((f: { properties: { kode: string } }) => f.properties.kode);
		expect(kode).toHaveLength(287);
		expect(kode.filter((k) => !text.includes(k))).toEqual([]);
		// Each desa's row whole, its 14 figures as the screen shows them, the last (distance to a Puskesos) too.
		// A referral figure on 1–4 cases carries its star (drawn by CSS, a run of its own in the PDF).
		const rows = await page.locator('[data-testid="desa-row"]').evaluateAll((trs) =>
			trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim() + (td.classList.contains('few') ? '*' : '')))
		);
		expect(rows).toHaveLength(287);
		expect(rows.every((r) => r.length === 14 && /km$/.test(r[13]))).toBe(true);
		expect(rows.some((r) => r.some((c) => c.endsWith('*')))).toBe(true);
		const wide = texts.filter((_, i) => sizes[i][0] > sizes[i][1]).join(' ').replace(/ \*/g, '*');
		expect(rows.filter((r) => !wide.includes(r.join(' '))).map((r) => r[2])).toEqual([]);
		expect(wide).toContain('Jarak ke Puskesos');
		// The map above it stays on a portrait page.
		expect(sizes[0][0]).toBeLessThan(sizes[0][1]);
		await page.close();
	});
});
