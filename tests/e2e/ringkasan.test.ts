/**
 * Ringkasan in real Chromium: the figures a user reads equal the same figures computed here,
 * independently, by native DuckDB over the Parquet extracts the app serves.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseExportCsv } from '../../src/lib/export/csv';
import { roundCount } from '../../src/lib/export/rounding';
import { AGGREGATES } from '../../src/lib/db/aggregates';
import { formatPercent, parseIndonesianNumber } from '../../src/lib/i18n/format';
import { baseURL, closeBrowser, crashEngine, engineWorkers, launchBrowser, offOriginRequests, openPage } from './harness';
import { startStaticServer } from '../../scripts/lib/static-server';

const EXTRACTS = join(import.meta.dirname, '..', '..', 'build', 'extracts');
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
/** The deployment's key public files round with (export/rounding.ts). */
const KEY = manifest.kunci_pembulatan as string;
// The page's default period: the last 12 months of the data's window.
const END = manifest.window.end as string;
const [ey, em] = END.split('-').map(Number);
const startIdx = ey * 12 + em - 1 - 11;
const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);

let ctx: BrowserContext;
let conn: DuckDBConnection;

beforeAll(async () => {
	ctx = await launchBrowser();
	const db = await DuckDBInstance.create(':memory:');
	conn = await db.connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
});

afterAll(async () => {
	await closeBrowser(ctx);
	conn?.closeSync();
});

/** The headline figures for one district, written independently of the app's SQL. */
async function expected(kab: string, areaPrefix = `${kab}.`) {
	const files = (t: string) => `'${join(EXTRACTS, t, `kode_kab=${kab}`, '*.parquet')}'`;
	const one = async (sql: string) => {
		const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
		return Number(Object.values(rows[0])[0]);
	};
	const inArea = `kode_desa LIKE '${areaPrefix}%'`;
	return {
		rumah_tangga: await one(`SELECT count(*) FROM read_parquet(${files('rumah_tangga')}) WHERE ${inArea} AND tgl_registrasi <= DATE '${LAST}'`),
		rumah_tangga_miskin: await one(`SELECT count(*) FROM read_parquet(${files('rumah_tangga')}) WHERE ${inArea} AND tgl_registrasi <= DATE '${LAST}' AND desil IN (1, 2, 3, 4)`),
		keluhan_diterima: await one(`SELECT count(*) FROM read_parquet(${files('keluhan')}) WHERE ${inArea} AND tgl_keluhan >= DATE '${START}' AND tgl_keluhan <= DATE '${LAST}'`),
		keluhan_selesai: await one(`SELECT count(*) FROM read_parquet(${files('keluhan')}) WHERE ${inArea} AND status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		rujukan_selesai: await one(`SELECT count(*) FROM read_parquet(${files('rujukan')}) WHERE ${inArea} AND status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		median_hari_rujukan: await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM read_parquet(${files('rujukan')}) WHERE ${inArea} AND status = 'selesai' AND tgl_selesai >= DATE '${START}' AND tgl_selesai <= DATE '${LAST}'`),
		puskesos: await one(`SELECT count(*) FROM read_parquet(${files('puskesos')}) WHERE ${inArea} AND tgl_buka <= DATE '${LAST}'`)
	};
}

async function shown(page: Page): Promise<Record<string, number>> {
	await page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 90_000 });
	const out: Record<string, number> = {};
	for (const id of ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai', 'median_hari_rujukan', 'puskesos']) {
		out[id] = parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText());
	}
	return out;
}

/**
 * Kota Mojokerto opened without the service worker, with `intercept` set up first; resolves once the
 * page names DuckDB-WASM's failure (`named`) and keeps the summary's figures, labelled as such.
 */
async function failedStart(intercept: (page: Page) => Promise<unknown>, named: RegExp): Promise<{ own: BrowserContext; page: Page }> {
	const own = await launchBrowser({ serviceWorkers: 'block' });
	const page = await own.newPage();
	await intercept(page);
	await page.goto(new URL('/?wilayah=35.76', baseURL() + '/').href);
	await expect.poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 60_000 }).toContainEqual(expect.stringMatching(named));
	await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source')).toBe('fallback');
	return { own, page };
}

/** A copy of the built app, changed by `edit` (given its extracts folder), served on its own port for one describe block. */
function servedCopy(prefix: string, edit: (extracts: string) => void | Promise<void>): { url: () => string } {
	let dir = '';
	let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), prefix));
		cpSync(join(import.meta.dirname, '..', '..', 'build'), dir, { recursive: true });
		await edit(join(dir, 'extracts'));
		server = await startStaticServer(dir);
	});
	afterAll(async () => {
		await server?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});
	return { url: () => server!.url };
}

describe('Ringkasan', () => {
	test('Kabupaten Tegal: every headline figure equals native DuckDB over the Parquet files', async () => {
		const { page, errors, requests } = await openPage(ctx, '/?wilayah=33.28');
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Kabupaten Tegal');
		const want = await expected('33.28');
		expect(want.rumah_tangga).toBeGreaterThan(400_000);
		expect(await shown(page)).toEqual(want);
		// The resolved card's ratio says what it divides (resolved in the period, older complaints too, by received in it).
		const note = page.getByTestId('hl-keluhan_selesai').locator('.note');
		expect(await note.innerText()).toBe(`rasio selesai ÷ diterima: ${formatPercent(want.keluhan_selesai / want.keluhan_diterima, 'id')}`);
		expect(await note.getAttribute('title')).toContain('Di atas 100 % berarti tunggakan berkurang');
		// The trend chart is drawn (ECharts canvas with pixels in it).
		expect(await page.locator('[role="img"] canvas').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});

	test('switching area (district, then kecamatan) updates the figures and the URL', async () => {
		const { page, errors } = await openPage(ctx, '/?wilayah=33.28');
		await shown(page);
		await page.getByTestId('pick-provinsi').selectOption('75');
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Gorontalo');
		await page.getByTestId('pick-kabupaten').selectOption('75.01');
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Kabupaten Gorontalo');
		await expect.poll(() => new URL(page.url()).searchParams.get('wilayah')).toBe('75.01');
		await expect.poll(async () => shown(page), { timeout: 90_000 }).toEqual(await expected('75.01'));

		await page.getByTestId('pick-kecamatan').selectOption('75.01.24');
		await expect.poll(() => page.getByTestId('area-title').innerText()).toContain('Dungaliyo');
		await expect.poll(async () => shown(page), { timeout: 90_000 }).toEqual(await expected('75.01', '75.01.24.'));
		expect(errors).toEqual([]);
		await page.close();
	});

	test("a period change on live figures keeps the source line on 'live': the summary's figures shown for a moment do not make it flicker", async () => {
		const { page, errors } = await openPage(ctx, '/?wilayah=33.28');
		await shown(page);
		const line = page.getByTestId('figure-source');
		const liveText = await line.innerText();
		expect(liveText).toBe('Dihitung langsung oleh DuckDB-WASM dari ekstrak');
		// Every source and every text the line takes, as the page changes it.
		await line.evaluate((el) => {
			const seen: string[][] = [];
			(window as unknown as { __line: string[][] }).__line = seen;
			new MutationObserver(() => seen.push([el.dataset.source ?? '', el.textContent?.trim() ?? ''])).observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
		});
		const generation = Number(await line.getAttribute('data-generation'));
		const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		await page.getByTestId('pick-periode').selectOption(periods[0]);
		await expect.poll(async () => Number(await line.getAttribute('data-generation')), { timeout: 60_000 }).toBeGreaterThan(generation);
		const seen = await page.evaluate(() => (window as unknown as { __line: string[][] }).__line);
		// The summary's figures came first (the refresh this is about), the live ones confirmed them,
		expect(seen.map(([source]) => source)).toContain('summary');
		expect(seen.at(-1)![0]).toBe('live');
		// and the line said live throughout.
		expect(new Set(seen.map(([, text]) => text))).toEqual(new Set([liveText]));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a change is shown at once and its URL follows once the view settles: quick changes make one history entry, and Back returns to the view before', async () => {
		const { page, errors } = await openPage(ctx, '/?wilayah=33.28');
		await shown(page);
		const picker = page.getByTestId('pick-periode');
		const before = { period: await picker.inputValue(), url: page.url(), entries: await page.evaluate(() => history.length) };
		const options = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const [a, b] = options.filter((o) => o !== before.period);
		// Two changes in one go, as arrowing through the options does: the page shows the second at once.
		const atOnce = await page.evaluate(async ([a, b]) => {
			const el = document.querySelector('[data-testid="pick-periode"]') as HTMLSelectElement;
			for (const v of [a, b]) {
				el.value = v;
				el.dispatchEvent(new Event('change', { bubbles: true }));
			}
			await new Promise((r) => requestAnimationFrame(r));
			return { shown: el.value, search: location.search };
		}, [a, b]);
		expect(atOnce.shown).toBe(b);
		expect(new URLSearchParams(atOnce.search).get('periode')).not.toBe(b);
		await expect.poll(() => new URL(page.url()).searchParams.get('periode')).toBe(b);
		expect(await page.evaluate(() => history.length)).toBe(before.entries + 1);
		await page.goBack();
		await expect.poll(() => page.url()).toBe(before.url);
		await expect.poll(() => picker.inputValue()).toBe(before.period);
		expect(await shown(page)).toEqual(await expected('33.28'));
		expect(errors).toEqual([]);
		await page.close();
	});

	test("a province with only some of its kabupaten/kota in the extract says which, of how many, on the page and in its CSV; a district says nothing", async () => {
		// Kemendagri's list, counted here: Jawa Tengah's kabupaten/kota.
		const list = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'reference', 'stats', 'kabkota_kode_bps_kemendagri.csv'), 'utf8').trim().split('\n').slice(1);
		const total = list.filter((l) => l.split(',')[2] === '33').length;
		const inExtract = (manifest.areas as { kode_kab: string; nama_kab: string; kode_prov: string }[]).filter((a) => a.kode_prov === '33').sort((a, b) => a.kode_kab.localeCompare(b.kode_kab));
		expect(inExtract.length).toBeLessThan(total);
		const want = `Cakupan ekstrak: ${inExtract.length} dari ${total} kabupaten/kota di Jawa Tengah (${inExtract.map((a) => a.nama_kab).join(', ')}). Angka wilayah ini hanya menjumlahkan kabupaten/kota tersebut.`;
		const { page, errors } = await openPage(ctx, '/?wilayah=33');
		await expect.poll(() => page.getByTestId('coverage-note').innerText(), { timeout: 60_000 }).toBe(want);
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		expect(parseExportCsv(readFileSync((await file.path())!, 'utf8')).about).toContain(want);
		// One of those districts is whole: nothing to say.
		await page.getByTestId('pick-kabupaten').selectOption(inExtract[0].kode_kab);
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe(inExtract[0].nama_kab);
		expect(await page.getByTestId('coverage-note').count()).toBe(0);
		// Indikator shows no province figures (it asks for a district), so it says nothing of coverage either.
		await page.getByTestId('pick-kabupaten').selectOption('');
		await page.getByRole('link', { name: 'Indikator' }).click();
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Kartu skor indikator · Jawa Tengah');
		expect(await page.getByTestId('coverage-note').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the CSV download holds the figures shown with no count of 1–4; the chart downloads as a PNG; the link copies the view', async () => {
		const { page, errors } = await openPage(ctx, '/?wilayah=35.76');
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		const figures = await shown(page);
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		expect(file.suggestedFilename()).toMatch(/^ringkasan_35\.76_\d{4}-\d{2}\.\.\d{4}-\d{2}\.csv$/);
		const { note, header, rows } = parseExportCsv(readFileSync((await file.path())!, 'utf8'));
		expect(note).toContain('<5');
		const value = (ind: string, bulan = '') => rows.find((r) => r[header.indexOf('indikator')] === ind && r[header.indexOf('bulan')] === bulan)?.[header.indexOf('nilai')];
		// Counts of households and cases rounded by the deployment's key (export/rounding.ts); Puskesos are posts, written as they are.
		for (const id of ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai'] as const) {
			const want = figures[id];
			expect(value(id), id).toBe(want > 0 && want < 5 ? '<5' : String(roundCount(want, '35.76', KEY)));
		}
		expect(value('puskesos')).toBe(String(figures.puskesos));
		expect(Object.values(figures).some((v) => Number.isInteger(v) && v % 5 !== 0)).toBe(true);
		expect(parseIndonesianNumber(value('median_hari_rujukan')!)).toBe(figures.median_hari_rujukan);
		const monthly = rows.filter((r) => r[header.indexOf('bagian')] === 'tren');
		expect(monthly.length).toBe(12 * 3);
		for (const r of monthly) expect(r[header.indexOf('nilai')]).toMatch(/^(0|<5|x|5|[1-9]\d*[05])$/);
		// The months add up to the period's complaints where none is suppressed, within the rounding of each (up to 4 either way).
		const received = monthly.filter((r) => r[header.indexOf('indikator')] === 'keluhan_diterima').map((r) => r[header.indexOf('nilai')]);
		if (!received.some((v) => v === '<5' || v === 'x')) expect(Math.abs(received.reduce((a, v) => a + Number(v), 0) - figures.keluhan_diterima)).toBeLessThanOrEqual(4 * received.length);

		const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(png.suggestedFilename()).toMatch(/^tren_35\.76_\d{4}-\d{2}\.\.\d{4}-\d{2}\.png$/);
		const bytes = readFileSync((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
		expect(bytes.length).toBeGreaterThan(10_000);
		// Twice the chart's size, and taller by the lines written under it (the area, its months, the privacy rule).
		const chartBox = (await page.locator('.chart').first().boundingBox())!;
		expect(bytes.readUInt32BE(16)).toBe(Math.round(chartBox.width) * 2);
		expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round(chartBox.height) * 2 + 40);
		// The internal copy of the picture is unsuppressed and named so.
		await page.getByTestId('export-internal').check();
		const [secret] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(secret.suggestedFilename()).toMatch(/^RAHASIA_tren_35\.76_.*_internal\.png$/);
		await page.getByTestId('export-internal').uncheck();

		await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin });
		await page.getByTestId('copy-link').click();
		await expect.poll(() => page.getByTestId('copy-link').innerText()).toContain('tersalin');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
		expect(errors).toEqual([]);
		await page.close();
	});

	test('on paper the trend chart is drawn again at the page\'s width, its box as high as the chart, and back at the screen\'s after', async () => {
		const { page, errors } = await openPage(ctx, '/?wilayah=33.28');
		await page.waitForFunction(() => performance.getEntriesByName('slrt:chart-drawn').length > 0, undefined, { timeout: 90_000 });
		/**
		 * The chart's canvas width, its box's and its own height, and the share of its right-hand fifth
		 * inked (the last months' bars), read in the same task as `event` is sent: the browser lays the
		 * page out for paper as soon as `beforeprint`'s handlers return, before any animation frame.
		 */
		const measure = (event?: 'beforeprint' | 'afterprint') =>
			page.locator('.chart').first().evaluate((box, event) => {
				if (event) dispatchEvent(new Event(event));
				const canvas = box.querySelector('canvas')!;
				const { data, width, height } = canvas.getContext('2d')!.getImageData(Math.floor(canvas.width * 0.8), 0, Math.ceil(canvas.width * 0.2), canvas.height);
				let inked = 0;
				for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 600) inked++;
				return { canvas: canvas.getBoundingClientRect().width, box: box.getBoundingClientRect().height, chart: canvas.getBoundingClientRect().height, inked: inked / (width * height) };
			}, event);
		const screen = await measure();
		expect(screen.canvas).toBeGreaterThan(1000);
		expect(screen.inked).toBeGreaterThan(0.02);
		await page.emulateMedia({ media: 'print' });
		const paper = await measure('beforeprint');
		expect(paper.canvas).toBe(680);
		expect(Math.abs(paper.box - paper.chart)).toBeLessThanOrEqual(1);
		// Drawn, the whole year across the page (bars in its right-hand fifth too), not a blank canvas. (That
		// the paint also reaches a real PDF, which Chromium records before the next frame, was checked by eye.)
		expect(paper.inked).toBeGreaterThan(0.02);
		await page.emulateMedia({ media: 'screen' });
		await measure('afterprint');
		await expect.poll(async () => (await measure()).canvas).toBe(screen.canvas);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the first figures come from the summary while DuckDB-WASM is still loading, and equal the live ones', async () => {
		// Its own browser without the service worker, which would answer the WASM request from its cache.
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		// Hold DuckDB-WASM's binary back: whatever the page shows meanwhile comes from the summary.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/*.wasm', async (route) => {
			if (route.request().url().includes('duckdb')) await held;
			await route.continue();
		});
		await page.goto(new URL('/?wilayah=35.76', baseURL() + '/').href);
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 60_000 }).toBe('summary');
		const want = await expected('35.76');
		const fromSummary: Record<string, number> = {};
		for (const id of Object.keys(want)) fromSummary[id] = parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText());
		expect(fromSummary).toEqual(want);
		release();
		expect(await shown(page)).toEqual(want);
		await closeBrowser(own);
	});

	test('a DuckDB-WASM worker that cannot start is named on the page, which keeps the summary figures', async () => {
		const { own, page } = await failedStart(
			// The worker's script arrives broken (a truncated or wrong file on the server).
			(page) => page.route('**/duckdb-eh.worker*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'this is not JavaScript (' })),
			/^DuckDB-WASM: worker gagal dimulai \/ failed to start: /
		);
		const want = await expected('35.76');
		for (const id of Object.keys(want)) expect(parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText()), id).toBe(want[id as keyof typeof want]);
		await closeBrowser(own);
	});
});

describe('a DuckDB-WASM worker file missing behind a fallback page', () => {
	test('is named on the page with its URL', async () => {
		const { own } = await failedStart(
			// A server that answers every unknown path with the app's HTML page, as many do.
			(page) => page.route('**/duckdb-eh.worker*.js', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Dasbor SLRT</title>' })),
			/^DuckDB-WASM: worker gagal dimulai \/ failed to start: http:\/\/[^ ]+duckdb-eh\.worker[^ ]*\.js: halaman HTML, bukan JavaScript/
		);
		await closeBrowser(own);
	});
});

describe("DuckDB-WASM's engine that cannot be fetched", () => {
	test('is named on the page, which keeps the summary figures, instead of loading forever; the next view tries again', async () => {
		const { own, page } = await failedStart(
			// The network fails for the 23.6 MB engine only.
			(page) => page.route('**/duckdb-eh*.wasm', (route) => route.abort('failed')),
			/^DuckDB-WASM: .*duckdb-eh[^ ]*\.wasm: /
		);
		// Nothing is said to be loading any more.
		await expect.poll(() => page.getByTestId('load-status').count()).toBe(0);
		// The network is back: the next view starts the engine again and its figures are live.
		await page.unroute('**/duckdb-eh*.wasm');
		const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		await page.getByTestId('pick-periode').selectOption(periods[periods.length - 1]);
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 60_000 }).toBe('live');
		expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
		await closeBrowser(own);
	});
});

describe("DuckDB-WASM's library failing to load", () => {
	test('is named on the page, and the engine its worker had started is stopped', async () => {
		const { own, page } = await failedStart(
			// The chunk holding the library's page side (its worker protocol) fails, as on a broken connection.
			(page) =>
				page.route('**/_app/immutable/chunks/*.js', async (route) => {
					const response = await route.fetch();
					const body = await response.text();
					if (body.includes('INSTANTIATE_PROGRESS')) await route.fulfill({ status: 503, body: '' });
					else await route.fulfill({ response, body });
				}),
			/^DuckDB-WASM: .*import/i
		);
		// The worker started its engine by itself: it must not be left running without a page side.
		await expect.poll(() => page.workers().filter((w) => /\/duckdb-eh\.worker[^/]*\.js$/.test(w.url())).length, { timeout: 10_000 }).toBe(0);
		await closeBrowser(own);
	});
});

describe('a DuckDB-WASM worker that stops after starting', () => {
	test('is started again by itself and the figures come back live, twice; stopping a third time, the page asks for a reload and keeps the summary figures', async () => {
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		await page.goto(new URL('/?wilayah=35.76', baseURL() + '/').href);
		const want = await expected('35.76');
		expect(await shown(page)).toEqual(want);
		const source = () => page.getByTestId('figure-source').getAttribute('data-source');
		for (const round of [1, 2]) {
			const before = await shown(page);
			const generation = Number(await page.getByTestId('figure-source').getAttribute('data-generation'));
			await crashEngine(page);
			// Said, without alarm, and the view loads again on a new engine: live figures, the same as before.
			await expect.poll(() => page.getByTestId('engine-restarted').innerText(), { timeout: 20_000 }).toContain('berhenti dan sudah dimulai ulang');
			expect(await page.getByTestId('engine-restarted').innerText()).toContain('Uncaught Error: uji / test');
			await expect.poll(async () => Number(await page.getByTestId('figure-source').getAttribute('data-generation')), { timeout: 60_000 }).toBeGreaterThan(generation);
			await expect.poll(source, { timeout: 60_000 }).toBe('live');
			expect(await shown(page), `round ${round}`).toEqual(before);
			expect(await page.getByRole('alert').allInnerTexts(), `round ${round}`).toEqual([]);
			// The next view is answered by the new engine too.
			const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
			await page.getByTestId('pick-periode').selectOption(periods[round === 1 ? 0 : periods.length - 1]);
			await expect.poll(source, { timeout: 60_000 }).toBe('live');
		}
		await page.getByTestId('engine-restarted').getByRole('button').click();
		expect(await page.getByTestId('engine-restarted').count()).toBe(0);
		await crashEngine(page);
		await expect.poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 20_000 }).toContainEqual('DuckDB-WASM: worker berhenti / stopped (Uncaught Error: uji / test); muat ulang halaman / reload the page');
		expect(await page.getByTestId('engine-restarted').count()).toBe(0);
		// No engine is started any more: the next view keeps the summary's figures, and says so.
		const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		await page.getByTestId('pick-periode').selectOption(periods[1]);
		await expect.poll(source).toBe('fallback');
		expect(await page.getByTestId('figure-source').innerText()).toContain('data rinci wilayah ini gagal dimuat');
		expect(engineWorkers(page)).toEqual([]);
		await closeBrowser(own);
	});
});

describe('a DuckDB-WASM worker that stops while the district database is downloading', () => {
	test('the download is attached to the new engine once, and the figures come back live and exact, with no failure said', async () => {
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		// Each request for the district's database is held back until released, in order.
		const holds: (() => void)[] = [];
		await page.route('**/db/kode_kab=35.76.duckdb*', async (route) => {
			await new Promise<void>((r) => holds.push(r));
			await route.continue();
		});
		await page.goto(new URL('/?wilayah=35.76', baseURL() + '/').href);
		await page.waitForFunction(() => performance.getEntriesByName('slrt:duckdb-ready').length > 0, undefined, { timeout: 60_000 });
		await expect.poll(() => holds.length, { timeout: 30_000 }).toBe(1);
		// The engine's tables are made as it starts; the stop comes after them, mid-download.
		await page.waitForTimeout(1_000);
		await crashEngine(page);
		await expect.poll(() => page.getByTestId('engine-restarted').innerText(), { timeout: 20_000 }).toContain('berhenti dan sudah dimulai ulang');
		// The page asks for the district again, for the new engine, before the first download ends;
		// that first download then arrives, and the second after it.
		await expect.poll(() => holds.length, { timeout: 30_000 }).toBe(2);
		holds[0]();
		await page.waitForTimeout(1_500);
		holds[1]();
		expect(await shown(page)).toEqual(await expected('35.76'));
		expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
		expect(await page.getByTestId('load-errors').count()).toBe(0);
		// Still live and exact on the next view: the views over the district were built once, on this engine.
		const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		await page.getByTestId('pick-periode').selectOption(periods[0]);
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 60_000 }).toBe('live');
		expect(await page.getByRole('alert').allInnerTexts()).toEqual([]);
		await closeBrowser(own);
	});
});

describe('a corrupted extract file', () => {
	const corrupted = manifest.databases.find((f: { kode_kab: string }) => f.kode_kab === '33.28').path as string;
	const copy = servedCopy('slrt-corrupt-', (extracts) => {
		const file = join(extracts, corrupted);
		const bytes = readFileSync(file);
		bytes[Math.floor(bytes.length / 2)] ^= 0xff;
		writeFileSync(file, bytes);
	});

	test('is named in a clear message, the page keeps the verified summary figures, and other districts still load', async () => {
		const { page, errors } = await openPage(ctx, `${copy.url()}/?wilayah=33.28`);
		const alert = page.getByTestId('load-errors');
		await alert.waitFor({ timeout: 90_000 });
		const text = await alert.innerText();
		expect(text).toContain(corrupted);
		expect(text).toContain('checksum SHA-256 tidak cocok');
		expect(await page.getByTestId('load-errors-note').innerText()).toBe('Angka di bawah tidak mencakup berkas yang gagal dimuat.');
		// No zeros from a half-loaded district: the summary's figures stay, and say where they come from.
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source')).toBe('fallback');
		const want = await expected('33.28');
		for (const id of Object.keys(want)) expect(parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText()), id).toBe(want[id as keyof typeof want]);
		// Another district's file is intact and loads live.
		await page.getByTestId('pick-provinsi').selectOption('75');
		await page.getByTestId('pick-kabupaten').selectOption('75.01');
		await expect.poll(async () => shown(page), { timeout: 90_000 }).toEqual(await expected('75.01'));
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('a corrupted summary file', () => {
	const corrupted = manifest.summaries.find((f: { kode_kab: string }) => f.kode_kab === '33.28').path as string;
	const copy = servedCopy('slrt-corrupt-summary-', (extracts) => {
		const file = join(extracts, corrupted);
		writeFileSync(file, readFileSync(file, 'utf8').replace('"kode_kab"', '"kode_kab "'));
	});

	test('is named, and the page says its figures come from the rows instead of calling them incomplete', async () => {
		const { page, errors } = await openPage(ctx, `${copy.url()}/?wilayah=33.28`);
		const alert = page.getByTestId('load-errors');
		await alert.waitFor({ timeout: 90_000 });
		expect(await alert.innerText()).toContain(corrupted);
		expect(await page.getByTestId('load-errors-note').innerText()).toContain('angkanya dihitung dari data rinci');
		// And so they are: every headline figure, live.
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		expect(await shown(page)).toEqual(await expected('33.28'));
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('a district database written before the aggregates existed', () => {
	const entry = manifest.databases.find((f: { kode_kab: string }) => f.kode_kab === '33.28') as { path: string };
	const copy = servedCopy('slrt-old-db-', async (extracts) => {
		// Tegal's database again, with its contract tables only (no per-desa aggregate), as the pipeline wrote it before.
		const file = join(extracts, entry.path);
		const old = `${file}.old`;
		const db = await DuckDBInstance.create(':memory:');
		const c = await db.connect();
		await c.run(`ATTACH '${file}' AS cur (READ_ONLY); ATTACH '${old}' AS old (STORAGE_VERSION 'v1.0.0')`);
		const tables = (await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'cur' ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.table_name));
		expect(tables).toContain('rt_desa_bulan');
		for (const t of tables.filter((t) => !AGGREGATES.some((a) => a.name === t))) await c.run(`CREATE TABLE old.${t} AS SELECT * FROM cur.${t}`);
		await c.run('DETACH cur; DETACH old');
		c.closeSync();
		db.closeSync();
		renameSync(old, file);
		const bytes = readFileSync(file);
		const m = JSON.parse(readFileSync(join(extracts, 'manifest.json'), 'utf8'));
		Object.assign(m.databases.find((f: { kode_kab: string }) => f.kode_kab === '33.28'), { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
		writeFileSync(join(extracts, 'manifest.json'), JSON.stringify(m));
	});

	test('still gives the live figures, the aggregate computed from its rows', async () => {
		const { page, errors } = await openPage(ctx, `${copy.url()}/?wilayah=33.28`);
		expect(await shown(page)).toEqual(await expected('33.28'));
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('a period from a link', () => {
	test('the period picker names it as the heading does ("Jan 2026 – Jun 2026", not "2026-01 – 2026-06"), in both languages', async () => {
		for (const [lang, label] of [
			['id', 'Jan 2026 – Jun 2026'],
			['en', 'Jan 2026 – Jun 2026']
		]) {
			const { page, errors } = await openPage(ctx, `/?wilayah=33.11&periode=2026-01..2026-06&lang=${lang}`);
			const picker = page.getByTestId('pick-periode');
			await expect.poll(() => picker.inputValue(), { timeout: 60_000 }).toBe('2026-01..2026-06');
			expect(await picker.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe(label);
			expect(await page.locator('p.period').first().innerText()).toContain(label);
			expect(errors).toEqual([]);
			await page.close();
		}
	});
});
