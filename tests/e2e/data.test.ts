/**
 * The Data page in real Chromium: a district's own CSV export goes through the browser's intake
 * and replaces the bundled extract in every view; bad rows are named; identifying columns never
 * reach DuckDB. Figures are checked against native DuckDB over the bundled Parquet extracts.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { closeBrowser, crashEngine, launchBrowser, offOriginRequests, openPage } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const EXPORT = join(ROOT, 'data', 'demo', 'pilot', 'export');
const EXTRACTS = join(ROOT, 'build', 'extracts');
const KAB = '35.76';
const TABLES = ['wilayah', 'puskesos', 'fasilitator', 'rumah_tangga', 'keluhan', 'rujukan'];
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
const END = manifest.window.end as string;
const [ey, em] = END.split('-').map(Number);
const startIdx = ey * 12 + em - 1 - 11;
const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
const FIGURES = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai', 'median_hari_rujukan', 'puskesos'];

let ctx: BrowserContext;
let conn: DuckDBConnection;
let dir: string;
/** Kota Mojokerto's rows of the pilot export, one CSV per table, as the case database exports them. */
const lines: Record<string, string[]> = {};

async function districtLines(table: string): Promise<string[]> {
	const out: string[] = [];
	const rl = createInterface({ input: createReadStream(join(EXPORT, `${table}.csv`), 'utf8'), crlfDelay: Infinity });
	for await (const line of rl) {
		// Only Kemendagri codes are written with dots: a district's rows are those holding its code.
		if (out.length === 0 || line.startsWith(`${KAB}.`) || line.includes(`,${KAB}.`)) out.push(line);
	}
	return out;
}

function write(name: string, content: string[]): string {
	const p = join(dir, name);
	writeFileSync(p, content.join('\n') + '\n');
	return p;
}

beforeAll(async () => {
	ctx = await launchBrowser();
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
	dir = mkdtempSync(join(tmpdir(), 'slrt-data-'));
	for (const t of TABLES) lines[t] = await districtLines(t);
});

afterAll(async () => {
	await closeBrowser(ctx);
	conn?.closeSync();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The headline figures of the district, written independently of the app's SQL. */
async function expected(): Promise<Record<string, number>> {
	const files = (t: string) => `'${join(EXTRACTS, t, `kode_kab=${KAB}`, '*.parquet')}'`;
	const one = async (sql: string) => Number(Object.values((await conn.runAndReadAll(sql)).getRowObjectsJS()[0])[0]);
	return {
		rumah_tangga: await one(`SELECT count(*) FROM read_parquet(${files('rumah_tangga')}) WHERE tgl_registrasi <= DATE '${LAST}'`),
		rumah_tangga_miskin: await one(`SELECT count(*) FROM read_parquet(${files('rumah_tangga')}) WHERE tgl_registrasi <= DATE '${LAST}' AND desil <= 4`),
		keluhan_diterima: await one(`SELECT count(*) FROM read_parquet(${files('keluhan')}) WHERE tgl_keluhan BETWEEN DATE '${START}' AND DATE '${LAST}'`),
		keluhan_selesai: await one(`SELECT count(*) FROM read_parquet(${files('keluhan')}) WHERE status = 'selesai' AND tgl_selesai BETWEEN DATE '${START}' AND DATE '${LAST}'`),
		rujukan_selesai: await one(`SELECT count(*) FROM read_parquet(${files('rujukan')}) WHERE status = 'selesai' AND tgl_selesai BETWEEN DATE '${START}' AND DATE '${LAST}'`),
		median_hari_rujukan: await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM read_parquet(${files('rujukan')}) WHERE status = 'selesai' AND tgl_selesai BETWEEN DATE '${START}' AND DATE '${LAST}'`),
		puskesos: await one(`SELECT count(*) FROM read_parquet(${files('puskesos')}) WHERE tgl_buka <= DATE '${LAST}'`)
	};
}

async function shown(page: Page, ids = FIGURES): Promise<Record<string, number>> {
	await page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 90_000 });
	const out: Record<string, number> = {};
	for (const id of ids) out[id] = parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText());
	return out;
}

/** Uploads files on the Data page and waits for the report. */
async function upload(page: Page, paths: string[]) {
	await page.getByTestId('file-input').setInputFiles(paths);
	await page.getByTestId('report-files').waitFor({ timeout: 120_000 });
	const files: Record<string, { read: number; accepted: number; rejected: number }> = {};
	for (const row of await page.getByTestId('report-file').all()) {
		const num = async (id: string) => parseIndonesianNumber(await row.getByTestId(id).innerText());
		files[String(await row.getAttribute('data-table'))] = { read: await num('file-read'), accepted: await num('file-accepted'), rejected: await num('file-rejected') };
	}
	return files;
}

/** A household export whose header row is missing, its first record a NIK, a name and an address. */
function rtNoHeader(): string[] {
	return ['3576019911220001,Siti Aminah,"Jl. Kenanga 4, RT 02",35.76.01.1001', '3576019911220002,Rahmat,"Jl. Kenanga 6, RT 02",35.76.01.1001'];
}

async function loadIntoDashboard(page: Page) {
	await page.getByTestId('load-upload').click();
	await page.getByTestId('load-done').waitFor({ timeout: 120_000 });
}

describe('Data: bring your own extract', () => {
	test("Kota Mojokerto's CSV export, uploaded, gives Ringkasan the same figures as the bundled extracts", async () => {
		const paths = TABLES.map((t) => write(`${t}.csv`, lines[t]));
		const { page, errors, requests } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, paths);
		for (const t of TABLES) expect(files[t], t).toEqual({ read: lines[t].length - 1, accepted: lines[t].length - 1, rejected: 0 });
		await loadIntoDashboard(page);
		// The districts loaded by name (QA: the code alone).
		expect(await page.getByTestId('load-done').innerText()).toBe(`Dimuat. Semua halaman kini memakai data unggahan untuk Kota Mojokerto (${KAB}).`);
		await page.getByRole('link', { name: 'Ringkasan' }).click();
		const want = await expected();
		expect(want.rumah_tangga).toBeGreaterThan(30_000);
		expect(await shown(page)).toEqual(want);
		// Every page says whose data it shows: uploaded here, for this tab only; the briefing too.
		expect(await page.getByTestId('upload-notice').innerText()).toContain('Data unggahan di tab ini untuk Kota Mojokerto');
		// Its sentences are spaced (QA: "…Okt 2026.Wilayah lain").
		expect(await page.getByTestId('upload-notice').innerText()).not.toMatch(/\.\S/u);
		expect(await page.getByTestId('figure-source').innerText()).toContain('dari data unggahan');
		await page.getByRole('link', { name: 'Laporan' }).click();
		await expect.poll(() => page.getByTestId('laporan-source').innerText(), { timeout: 90_000 }).toContain('diunggah pengguna');
		// A reload loses the upload: the page says so rather than showing the bundled figures as if nothing happened.
		await page.reload();
		await expect.poll(() => page.getByTestId('upload-gone').innerText(), { timeout: 30_000 }).toContain('35.76');
		expect(await page.getByTestId('upload-notice').count()).toBe(0);
		await expect.poll(() => page.getByTestId('laporan-source').innerText(), { timeout: 90_000 }).toContain('Data demo sintetis');
		await page.reload();
		await page.getByTestId('area-title').waitFor();
		expect(await page.getByTestId('upload-gone').count()).toBe(0);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});

	test('a stray village row of another district does not empty it: the page says so before loading and that district keeps its extract (QA, HIGH)', async () => {
		// One village of Kabupaten Tegal among Kota Mojokerto's, as a copy-paste slip leaves it.
		const head = lines.wilayah[0].split(',');
		const tegal = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(EXTRACTS, 'wilayah', 'kode_kab=33.28', '*.parquet')}') LIMIT 1`)).getRowObjectsJS()[0] as Record<string, unknown>;
		const stray = head.map((c) => String(tegal[c] ?? '')).join(',');
		const paths = TABLES.map((t) => write(`${t}.csv`, t === 'wilayah' ? [...lines.wilayah, stray] : lines[t]));
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, paths);
		expect(files.wilayah).toEqual({ read: lines.wilayah.length, accepted: lines.wilayah.length, rejected: 0 });
		expect(await page.getByTestId('load-plan-note').allInnerTexts()).toEqual([
			'Tidak dimuat: Kabupaten Tegal (33.28) — unggahan memuat 1 desa/kelurahan-nya tetapi tidak satu pun rumah tangga; data ekstraknya tetap dipakai.'
		]);
		await loadIntoDashboard(page);
		expect(await page.getByTestId('load-done').innerText()).toBe(`Dimuat. Semua halaman kini memakai data unggahan untuk Kota Mojokerto (${KAB}).`);
		// Tegal's figures are its extract's, not zero.
		await page.goto(new URL('/?wilayah=33.28', page.url()).href.replace(/\/\?/, '/?'));
		await page.waitForSelector('[data-testid="figure-source"]', { timeout: 90_000 });
		expect(parseIndonesianNumber(await page.getByTestId('hl-rumah_tangga-value').innerText())).toBeGreaterThan(100_000);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('an extract dated two years earlier than the bundled one is shown in its own months: the period picker and the figures follow the upload', async () => {
		// Every date moved back 730 days, as an older real extract would be.
		const shift = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 730 * 86_400_000).toISOString().slice(0, 10);
		let latest = '';
		const shifted = Object.fromEntries(
			TABLES.map((t) => [
				t,
				lines[t].map((line, i) =>
					i === 0
						? line
						: line.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => {
								const n = shift(d);
								if (n > latest) latest = n;
								return n;
							})
				)
			])
		);
		const paths = TABLES.map((t) => write(`lama_${t}.csv`, shifted[t]));
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		await upload(page, paths);
		await loadIntoDashboard(page);
		await page.getByRole('link', { name: 'Ringkasan' }).click();
		// The last 12 months of the upload, ending with its latest date's month.
		const [ly, lm] = latest.split('-').map(Number);
		const s = ly * 12 + lm - 1 - 11;
		const start = `${Math.floor(s / 12)}-${String((s % 12) + 1).padStart(2, '0')}`;
		const end = latest.slice(0, 7);
		await expect.poll(() => page.getByTestId('pick-periode').inputValue()).toBe(`${start}..${end}`);
		const last = new Date(Date.UTC(ly, lm, 0)).toISOString().slice(0, 10);
		const received = Number(
			(await conn.runAndReadAll(`SELECT count(*) FROM read_csv('${join(dir, 'lama_keluhan.csv')}', header = true, all_varchar = true) WHERE tgl_keluhan::DATE BETWEEN DATE '${start}-01' AND DATE '${last}'`)).getRowObjectsJS()[0][
				'count_star()'
			]
		);
		expect(received).toBeGreaterThan(500);
		expect((await shown(page, ['keluhan_diterima'])).keluhan_diterima).toBe(received);
		// The footer names the upload's months.
		expect(await page.getByTestId('upload-notice').innerText()).toContain(`Bulan-bulan data unggahan:`);
		expect(await page.getByTestId('upload-notice').innerText()).toContain(`– ${['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'][lm - 1]} ${ly}.`);
		// Its extract date is the upload's latest date.
		expect(await page.locator('footer').innerText()).toContain(new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${latest}T00:00:00Z`)));
		// A bundled district keeps the extract's months and figures; back on the upload, its months again.
		await page.getByTestId('pick-provinsi').selectOption('33');
		await page.getByTestId('pick-kabupaten').selectOption('33.28');
		await expect.poll(() => page.getByTestId('pick-periode').inputValue()).toBe(`${START.slice(0, 7)}..${END}`);
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('Kabupaten Tegal');
		await page.getByTestId('pick-provinsi').selectOption('35');
		await page.getByTestId('pick-kabupaten').selectOption(KAB);
		await expect.poll(() => page.getByTestId('pick-periode').inputValue()).toBe(`${start}..${end}`);
		expect((await shown(page, ['keluhan_diterima'])).keluhan_diterima).toBe(received);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a village code that Kemendagri does not have is rejected with its row; without the list (unreachable) the report says codes were not checked', async () => {
		const fake = (line: string, kode: string, kec: string) => [kode, ...line.split(',').slice(1)].join(',').replace(`,${line.split(',')[3]},`, `,${kec},`);
		const wilayah = [...lines.wilayah, fake(lines.wilayah[1], '35.76.09.1999', '35.76.09'), fake(lines.wilayah[1], '35.76.01.1099', '35.76.01')];
		const path = write('wilayah.csv', wilayah);
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, [path]);
		expect(files.wilayah).toEqual({ read: lines.wilayah.length + 1, accepted: lines.wilayah.length - 1, rejected: 2 });
		const rejected = await page.getByTestId('rejected-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.getAttribute('data-column'), tr.getAttribute('data-code')]));
		expect(rejected).toEqual([
			[String(lines.wilayah.length + 1), 'kode_desa', 'kode_tidak_dikenal'],
			[String(lines.wilayah.length + 2), 'kode_desa', 'kode_tidak_dikenal']
		]);
		expect(await page.getByTestId('codes-unchecked').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
		// The list out of reach (offline, never kept): the codes pass, and the report says they were not checked.
		// A browser of its own without the service worker, whose kept copy would answer.
		const own = await launchBrowser({ serviceWorkers: 'block' });
		try {
			const off = await openPage(own, `/data?wilayah=${KAB}`);
			await off.page.route('**/geo/kode-desa.txt', (r) => r.abort('internetdisconnected'));
			const again = await upload(off.page, [path]);
			expect(again.wilayah.rejected).toBe(0);
			expect(await off.page.getByTestId('codes-unchecked').innerText()).toContain('tidak dapat diambil');
			expect(off.errors.filter((e) => !/kode-desa\.txt|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
			await off.page.close();
			// Something else in its place (a server's error page): the same, not a failed import.
			const wrong = await openPage(own, `/data?wilayah=${KAB}`);
			await wrong.page.route('**/geo/kode-desa.txt', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Not here</p>' }));
			expect((await upload(wrong.page, [path])).wilayah.rejected).toBe(0);
			expect(await wrong.page.getByTestId('codes-unchecked').count()).toBe(1);
			expect(wrong.errors).toEqual([]);
			await wrong.page.close();
		} finally {
			await closeBrowser(own);
		}
	});

	test('an engine that stops takes the loaded rows with it: the page says so, the extract is back, and the same report loads them again', async () => {
		// Rows of one desa dropped: figures that differ from the bundled extract's.
		const desa = lines.rumah_tangga[1].split(',')[lines.rumah_tangga[0].split(',').indexOf('kode_desa')];
		const fewer = lines.rumah_tangga.filter((l, i) => i === 0 || !l.includes(`,${desa},`));
		expect(fewer.length).toBeLessThan(lines.rumah_tangga.length);
		const paths = [write('rumah_tangga.csv', fewer), ...TABLES.filter((t) => t !== 'rumah_tangga').map((t) => write(`${t}.csv`, lines[t]))];
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		await upload(page, paths);
		await loadIntoDashboard(page);
		await crashEngine(page);
		const notice = page.getByTestId('engine-restarted');
		await expect.poll(() => notice.innerText(), { timeout: 20_000 }).toContain('unggah lagi di halaman Data');
		// Nothing says the rows are loaded any more; the report's rows can be loaded again.
		await expect.poll(() => page.getByTestId('load-done').count()).toBe(0);
		await expect.poll(() => page.getByTestId('load-upload').isEnabled()).toBe(true);
		await loadIntoDashboard(page);
		await page.getByRole('link', { name: 'Ringkasan' }).click();
		const withUpload = await shown(page, ['rumah_tangga']);
		const want = await expected();
		expect(withUpload.rumah_tangga).toBeLessThan(want.rumah_tangga);
		// Stopped on Ringkasan, the bundled extract's figures come back.
		await crashEngine(page);
		await expect.poll(() => notice.innerText(), { timeout: 20_000 }).toContain('unggah lagi di halaman Data');
		await expect.poll(async () => (await shown(page)).rumah_tangga, { timeout: 60_000 }).toBe(want.rumah_tangga);
		expect(await shown(page)).toEqual(want);
		// Only the library's own report of the two stops.
		expect(errors.filter((e) => !/^console: (ErrorEvent|error in duckdb worker: Uncaught Error: uji \/ test) /.test(e))).toEqual([]);
		expect(errors.length).toBe(4);
		await page.close();
	});

	test("the data-quality panel of the bundled extract: DTSEN matches and households per kecamatan equal native DuckDB's, in both languages", async () => {
		const rt = `read_parquet('${join(EXTRACTS, 'rumah_tangga', `kode_kab=${KAB}`, '*.parquet')}')`;
		const [dtsen] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE padan_dtsen)::INTEGER AS padan FROM ${rt}`)).getRowObjectsJS() as { n: number; padan: number }[];
		const perKec = (await conn.runAndReadAll(`SELECT substr(kode_desa, 1, 8) AS kec, count(*)::INTEGER AS n FROM ${rt} GROUP BY 1 ORDER BY 1`)).getRowObjectsJS() as { kec: string; n: number }[];
		expect(perKec.length).toBeGreaterThan(1);
		for (const [lang, header] of [['id', 'Kecamatan'], ['en', 'Sub-district']] as const) {
			const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}${lang === 'en' ? '&lang=en' : ''}`);
			const panel = page.getByTestId('quality-panel');
			await panel.waitFor({ timeout: 90_000 });
			const [padan, total] = (await panel.locator('section').first().locator('p').nth(1).innerText()).split(' / ').map((x) => (lang === 'id' ? parseIndonesianNumber(x) : Number(x.replaceAll(',', ''))));
			expect({ padan, total }, lang).toEqual({ padan: dtsen.padan, total: dtsen.n });
			const table = page.getByTestId('quality-kecamatan');
			expect(await table.locator('th').first().innerText()).toBe(header);
			const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim())));
			expect(rows.map(([name, n]) => ({ kec: /\((\d{2}\.\d{2}\.\d{2})\)$/.exec(name)![1], n: lang === 'id' ? parseIndonesianNumber(n) : Number(n.replaceAll(',', '')) })), lang).toEqual(perKec);
			// The demo's tables agree with each other: every check across them counts 0 of its rows.
			const checks = await page.getByTestId('quality-consistency').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-check'), tr.querySelectorAll('td')[1].textContent!.trim()]));
			expect(checks, lang).toEqual([['keluhan_sebelum_registrasi', '0'], ['keluhan_desa_lain', '0'], ['rujukan_rt_lain', '0'], ['rujukan_sebelum_keluhan', '0']]);
			expect(errors).toEqual([]);
			await page.close();
		}
	});

	test('a file with 3 known bad rows shows exactly those rows with their reasons and loads the rest', async () => {
		const rt = [...lines.rumah_tangga];
		const head = rt[0].split(',');
		const col = (name: string) => head.indexOf(name);
		const set = (i: number, name: string, v: string) => {
			const f = rt[i].split(',');
			f[col(name)] = v;
			rt[i] = f.join(',');
		};
		// Rows registered within the period, so that each one missing is visible in the household count.
		const inPeriod = rt.map((l, i) => ({ i, reg: l.split(',')[col('tgl_registrasi')] })).filter((x) => x.i > 0 && x.reg <= LAST).map((x) => x.i);
		const [a, b, c] = [inPeriod[10], inPeriod[200], inPeriod[3000]];
		set(a, 'desil', '11');
		set(b, 'kode_desa', '35.76.09.1999');
		set(c, 'id_rt', rt[inPeriod[11]].split(',')[col('id_rt')]);
		const paths = [write('wilayah.csv', lines.wilayah), write('puskesos.csv', lines.puskesos), write('fasilitator.csv', lines.fasilitator), write('rt-buruk.csv', rt)];
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, paths);
		expect(files.rumah_tangga).toEqual({ read: rt.length - 1, accepted: rt.length - 4, rejected: 3 });
		const rows = await page.getByTestId('rejected-row').all();
		const shownRows = await Promise.all(rows.map(async (r) => [Number(await r.getAttribute('data-row')), await r.getAttribute('data-column'), (await r.locator('td').nth(3).innerText()).trim()]));
		// Spreadsheet numbering: the header is row 1, line i of the file is row i + 1.
		expect(shownRows).toEqual([
			[a + 1, 'desil', 'Nilai di luar rentang yang diizinkan'],
			[b + 1, 'kode_desa', 'Kode wilayah Kemendagri tidak dikenal'],
			[c + 1, 'id_rt', 'ID duplikat']
		]);
		await loadIntoDashboard(page);
		await page.getByRole('link', { name: 'Ringkasan' }).click();
		const want = await expected();
		// The uploaded rows replace the bundled district: three households fewer, and no complaints (none uploaded).
		expect(await shown(page, ['rumah_tangga', 'keluhan_diterima'])).toEqual({ rumah_tangga: want.rumah_tangga - 3, keluhan_diterima: 0 });

		// Peta uses the same rows: the desa of the first bad row has its rejected households fewer.
		const desaOf = (i: number) => lines.rumah_tangga[i].split(',')[col('kode_desa')];
		const desa = desaOf(a);
		const lost = [a, b, c].filter((i) => desaOf(i) === desa).length;
		const bundled = Number(Object.values((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet('${join(EXTRACTS, 'rumah_tangga', `kode_kab=${KAB}`, '*.parquet')}') WHERE kode_desa = '${desa}' AND tgl_registrasi <= DATE '${LAST}'`)).getRowObjectsJS()[0])[0]);
		await page.getByRole('link', { name: 'Peta' }).click();
		await page.waitForSelector('[data-testid="peta"][data-status="ready"]', { timeout: 120_000 });
		await page.locator(`[data-testid="desa-row"][data-kode="${desa}"]`).click();
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(desa);
		expect(parseIndonesianNumber(await page.getByTestId('panel-rumah_tangga').innerText())).toBe(bundled - lost);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the refusal to load and a bad date\'s reason follow the language; a bad date says which form is accepted', async () => {
		// Households alone (no wilayah): nothing can be loaded; one of them with a date no calendar has.
		const rt = lines.rumah_tangga.slice(0, 31);
		const head = rt[0].split(',');
		rt[2] = rt[2].split(',').map((f, k) => (head[k] === 'tgl_registrasi' ? '31/02/2025' : f)).join(',');
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		await upload(page, [write('rt-kecil.csv', rt)]);
		const dateReason = () => page.locator('[data-testid="rejected-row"][data-column="tgl_registrasi"] td').nth(3).innerText();
		expect(await dateReason()).toBe('Bukan tanggal yang sah; tulis sebagai YYYY-MM-DD (mis. 2025-08-17) atau DD/MM/YYYY');
		await page.getByTestId('load-upload').click();
		const refusal = page.getByTestId('load-failed');
		expect(await refusal.innerText()).toBe('Unggah juga tabel wilayah (desa/kelurahan) untuk kabupaten/kota yang dimuat');
		await page.getByTestId('pick-lang').selectOption('en');
		await expect.poll(() => refusal.innerText()).toBe('Also upload the wilayah table (villages) of the districts you load');
		expect(await dateReason()).toBe('Not a valid date; write it as YYYY-MM-DD (e.g. 2025-08-17) or DD/MM/YYYY');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a file with a NIK column is loaded without it, the report says so, and the saved extract has no trace of it', async () => {
		const rt = lines.rumah_tangga.map((l, i) => (i === 0 ? `NIK,${l},Alamat` : `${String(3576010101900000 + i)},${l},"Jl. Contoh ${i}, RT 01"`));
		const paths = [write('wilayah.csv', lines.wilayah), write('rumah_tangga_nik.csv', rt)];
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, paths);
		expect(files.rumah_tangga).toEqual({ read: rt.length - 1, accepted: rt.length - 1, rejected: 0 });
		const note = page.locator('[data-testid="file-issue"][data-code="kolom_identitas_dibuang"]');
		expect(await note.innerText()).toContain('NIK, Alamat');
		await loadIntoDashboard(page);
		const download = page.waitForEvent('download');
		await page.getByTestId('save-extract').click();
		const tarPath = join(dir, 'saved.tar');
		await (await download).saveAs(tarPath);
		const out = join(dir, 'saved');
		mkdirSync(out, { recursive: true });
		execFileSync('tar', ['-xf', tarPath], { cwd: out });
		const saved = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		const file = saved.files.find((f: { table: string }) => f.table === 'rumah_tangga');
		expect(file.path).toBe(`rumah_tangga/kode_kab=${KAB}/data_0.parquet`);
		const cols = (await conn.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('${join(out, file.path)}'))`)).getRowObjectsJS().map((r) => String(r.column_name));
		expect(cols).not.toContain('NIK');
		expect(cols).not.toContain('Alamat');
		expect(cols).toContain('id_rt');
		const count = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(out, file.path)}')`)).getRowObjectsJS()[0].n;
		expect([count, file.rows]).toEqual([rt.length - 1, rt.length - 1]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a file without its header row, or a name where a category belongs, is refused without the page or its report repeating them (QA, HIGH)', async () => {
		const headerless = rtNoHeader();
		const kel = lines.keluhan.map((l, i) => (i === 2 ? l.split(',').map((f, k) => (lines.keluhan[0].split(',')[k] === 'kategori' ? 'Budi Santoso' : f)).join(',') : l));
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		await upload(page, [write('data.csv', headerless), write('wilayah.csv', lines.wilayah), write('keluhan.csv', kel)]);
		expect(await page.locator('[data-testid="file-issue"][data-code="tabel_tidak_dikenal"]').innerText()).toContain('baris judul tidak ada?');
		expect(await page.locator('[data-testid="rejected-row"][data-column="kategori"]').count()).toBe(1);
		const download = page.waitForEvent('download');
		await page.getByTestId('download-report').click();
		const report = readFileSync((await (await download).path())!, 'utf8');
		for (const secret of ['3576019911220001', 'Siti Aminah', 'Jl. Kenanga', 'Budi Santoso']) {
			expect(await page.locator('body').innerText(), secret).not.toContain(secret);
			expect(report, secret).not.toContain(secret);
		}
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a misspelled column is named with "did you mean", and a quote never closed near the end loses only its own row', async () => {
		const broken = lines.rumah_tangga.length - 5;
		const rt = lines.rumah_tangga.map((l, i) => (i === 0 ? l.replace('id_puskesos', 'id_puskesmas') : i === broken ? `"${l}` : l));
		const paths = [write('wilayah.csv', lines.wilayah), write('rumah_tangga_typo.csv', rt)];
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, paths);
		expect(files.rumah_tangga).toEqual({ read: rt.length - 1, accepted: rt.length - 2, rejected: 1 });
		const hint = page.locator('[data-testid="file-issue"][data-code="kolom_mirip"]');
		expect(await hint.innerText()).toContain('id_puskesmas → id_puskesos?');
		const row = page.locator('[data-testid="rejected-row"][data-code="kutip_tidak_ditutup"]');
		expect([await row.getAttribute('data-row'), await row.getAttribute('data-column')]).toEqual([String(broken + 1), 'id_rt']);
		expect(errors).toEqual([]);
		await page.close();
	});

	test("the district's bundled Parquet extract is accepted whole; a Parquet file of the wrong schema is named", async () => {
		const { tableFromArrays } = await import('apache-arrow');
		const { writeParquetNode } = await import('../../src/lib/import/node-parquet');
		const wrong = join(dir, 'lain.parquet');
		writeFileSync(wrong, writeParquetNode(tableFromArrays({ foo: Int32Array.from([1, 2, 3]) })));
		const parquet = (t: string) => join(EXTRACTS, t, `kode_kab=${KAB}`, 'data_0.parquet');
		const rows = (t: string) => manifest.files.find((f: { table: string; kode_kab: string }) => f.table === t && f.kode_kab === KAB).rows as number;
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, [parquet('wilayah'), parquet('rumah_tangga'), wrong]);
		expect(files.wilayah).toEqual({ read: rows('wilayah'), accepted: rows('wilayah'), rejected: 0 });
		expect(files.rumah_tangga).toEqual({ read: rows('rumah_tangga'), accepted: rows('rumah_tangga'), rejected: 0 });
		const bad = page.locator('[data-testid="report-file"][data-file="lain.parquet"] [data-testid="file-issue"]');
		expect(await bad.getAttribute('data-code')).toBe('parquet_skema');
		expect(await bad.innerText()).toContain('Skema Parquet tidak sesuai kontrak');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a Parquet file with a damaged row group in the middle keeps the rows of the others and names the rows lost', async () => {
		const { readParquetNode, writeParquetNode } = await import('../../src/lib/import/node-parquet');
		const { zeroRowGroup } = await import('../../src/lib/import/parquet-test-files');
		const parquet = (t: string) => join(EXTRACTS, t, `kode_kab=${KAB}`, 'data_0.parquet');
		const rt = readParquetNode(new Uint8Array(readFileSync(parquet('rumah_tangga'))));
		// three row groups, the second zeroed as a faulty disk or copy leaves it
		const size = Math.ceil(rt.numRows / 3);
		const damaged = join(dir, 'rumah_tangga.parquet');
		writeFileSync(damaged, await zeroRowGroup(writeParquetNode(rt, size), 1));
		const { page, errors } = await openPage(ctx, `/data?wilayah=${KAB}`);
		const files = await upload(page, [parquet('wilayah'), damaged]);
		// before: the file refused whole (parquet_rusak), none of its rows read
		expect(files.rumah_tangga).toEqual({ read: rt.numRows - size, accepted: rt.numRows - size, rejected: 0 });
		const lost = page.locator('[data-testid="report-file"][data-file="rumah_tangga.parquet"] [data-testid="file-issue"][data-code="parquet_grup_rusak"]');
		expect(await lost.innerText()).toContain(`grup baris 2 dari 3, baris ${size + 2}–${2 * size + 1} (${size} baris)`);
		expect(errors).toEqual([]);
		await page.close();
	});
});
