/**
 * Peta in real Chromium: every desa of the district is drawn, a clicked desa's figures equal the
 * same figures computed here independently by native DuckDB over the Parquet extracts, layers
 * recolour without touching the geometry, the view lives in the URL, and the downloads (CSV,
 * GeoJSON, PNG) are suppressed unless an internal copy is asked for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { area, pointOnFeature } from '@turf/turf';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseExportCsv } from '../../src/lib/export/csv';
import { DESA_EXPORT_HEADER } from '../../src/lib/peta/csv';
import { pinnedCounts, saysRounded } from './disclosure';
import { roundCount } from '../../src/lib/export/rounding';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { LOADING_NOTICE_MS } from '../../src/lib/state/notice';
import { SEQUENTIAL_GOOD } from '../../src/lib/map/palette';
import { classifyLayer, MIN_REFERRALS } from '../../src/lib/peta/layers';
import { hexToRgb, UNCOLOURED_SWATCH } from '../../src/lib/map/uncoloured';
import { DEFAULT_PETA } from '../../src/lib/peta/params';
import { baseURL, classedDesa, closeBrowser, copySelection, fillColours, hoverLargestDesa, launchBrowser, nativeDuckDB, offOriginRequests, openPage, petaDrawn } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTRACTS = join(ROOT, 'build', 'extracts');
const TEGAL = JSON.parse(readFileSync(join(ROOT, 'data', 'reference', 'boundaries', 'kab_tegal.geojson'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
// The page's default period: the last 12 months of the data's window.
const [ey, em] = (manifest.window.end as string).split('-').map(Number);
const startIdx = ey * 12 + em - 1 - 11;
const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
const GEOJSON_URL = '/geo/desa/kode_kab=33.28.geojson';
/** The public CSV's column of the share of referrals completed. */
const DESA_SHARE_COLUMN = DESA_EXPORT_HEADER.indexOf('persen_rujukan_selesai');
/** A count as a public file writes it: the deployment's key from the manifest, rounded as export/rounding.ts says. */
const KEY = manifest.kunci_pembulatan as string;
const publicCount = (n: number, area: string) => (n > 0 && n < 5 ? '<5' : String(roundCount(n, area, KEY)));

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

const files = (t: string) => `read_parquet('${join(EXTRACTS, t, 'kode_kab=33.28', '*.parquet')}')`;
async function one(sql: string): Promise<number | null> {
	const v = Object.values((await conn.runAndReadAll(sql)).getRowObjectsJS()[0])[0];
	return v === null ? null : Number(v);
}

/** One desa's figures for the default period, written independently of the app's SQL. */
async function expectedDesa(kode: string) {
	const rt = (await one(`SELECT count(*) FROM ${files('rumah_tangga')} WHERE kode_desa = '${kode}' AND tgl_registrasi <= DATE '${LAST}'`))!;
	const miskin = (await one(`SELECT count(*) FROM ${files('rumah_tangga')} WHERE kode_desa = '${kode}' AND tgl_registrasi <= DATE '${LAST}' AND desil IN (1, 2, 3, 4)`))!;
	const keluhan = (await one(`SELECT count(*) FROM ${files('keluhan')} WHERE kode_desa = '${kode}' AND tgl_keluhan >= DATE '${START}' AND tgl_keluhan <= DATE '${LAST}'`))!;
	const inPeriod = `kode_desa = '${kode}' AND tgl_terdaftar >= DATE '${START}' AND tgl_terdaftar <= DATE '${LAST}'`;
	const done = `${inPeriod} AND status = 'selesai' AND tgl_selesai <= DATE '${LAST}'`;
	const rujukan = (await one(`SELECT count(*) FROM ${files('rujukan')} WHERE ${inPeriod}`))!;
	const selesai = (await one(`SELECT count(*) FROM ${files('rujukan')} WHERE ${done}`))!;
	const median = await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM ${files('rujukan')} WHERE ${done}`);
	return { rt, miskin, keluhan, rujukan, selesai, median, kemiskinan: miskin / rt, keluhanRate: (1000 * keluhan) / rt, rujukanShare: selesai / rujukan };
}

/** Clicks a download button; checks the file's name; returns its text. */
async function download(page: Page, testid: string, name: RegExp): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
	expect(file.suggestedFilename()).toMatch(name);
	return readFileSync((await file.path())!, 'utf8');
}

const ready = (page: Page) => petaDrawn(page);

/** A shown number read back: "49,3 %" → 49.3; equal to the expected value to the shown decimal. */
function expectShown(text: string, want: number, decimals = 1): void {
	expect(Math.abs(parseIndonesianNumber(text) - want), `${text} vs ${want}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

/**
 * Changes the select `testid` to `value` and records, at every change to the page from then on (a
 * frame can only draw what the page holds), whether `named` (a JS expression over the page, true
 * once the page names the change) and whether the new figures are in (`data-generation` moved),
 * until both are true.
 */
async function namedAndDrawn(page: Page, testid: string, value: string, named: string): Promise<{ named: boolean; drawn: boolean }[]> {
	return page.evaluate(
		async ([testid, value, named]) => {
			const grid = document.querySelector('[data-testid="peta"]') as HTMLElement;
			const isNamed = new Function(`return (${named});`) as () => boolean;
			const before = Number(grid.dataset.generation);
			const states: { named: boolean; drawn: boolean }[] = [];
			const done = new Promise<void>((resolve) => {
				const observer = new MutationObserver(() => {
					const state = { named: isNamed(), drawn: Number(grid.dataset.generation) > before };
					states.push(state);
					if (state.named && state.drawn) {
						observer.disconnect();
						resolve();
					}
				});
				observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
			});
			const select = document.querySelector(`[data-testid="${testid}"]`) as HTMLSelectElement;
			select.value = value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await Promise.race([done, new Promise((r) => setTimeout(r, 60_000))]);
			return states;
		},
		[testid, value, named] as const
	);
}

describe('Peta, Kabupaten Tegal', () => {
	test('draws every desa of the boundary file, in the table and on the map, coloured by class', async () => {
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		expect(TEGAL.features).toHaveLength(287);
		expect(await page.getByTestId('desa-row').count()).toBe(TEGAL.features.length);
		const onMap = await page.evaluate(() => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			const ids = (fs: { id?: string | number }[]) => new Set(fs.map((f) => String(f.id))).size;
			const source = m.querySourceFeatures('desa');
			const rendered = m.queryRenderedFeatures({ layers: ['desa-isi'] });
			const classed = [...new Set(source.map((f) => String(f.id)))].filter((id) => m.getFeatureState({ source: 'desa', id }).kelas !== undefined).length;
			return { source: ids(source), rendered: ids(rendered), classed };
		});
		expect(onMap).toEqual({ source: 287, rendered: 287, classed: 287 });
		// The legend counts every desa once: classes plus no data.
		const counts = await page.getByTestId('legend-count').allInnerTexts();
		expect(counts.map(parseIndonesianNumber).reduce((a, b) => a + b, 0)).toBe(287);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});

	test('the table: its columns line up under their headers, and a row scrolled to shows its figures', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		const rows = page.getByTestId('desa-row');
		const last = rows.nth((await rows.count()) - 1);
		// The browser may skip laying out rows out of sight (content-visibility); scrolled to, a row is drawn.
		await last.scrollIntoViewIfNeeded();
		const cells = () => last.locator('td').evaluateAll((tds) => tds.map((td) => [(td as HTMLElement).innerText.trim(), td.textContent!.trim()]));
		// innerText is the text as laid out: empty for a cell the browser has not drawn.
		await expect.poll(async () => (await cells()).every(([shown, held]) => shown === held && shown !== '')).toBe(true);
		expect((await cells())[2][0]).toMatch(/^33\.28\.\d\d\.\d{4}$/);
		const height = (await last.boundingBox())?.height ?? 0;
		// One line of text, not a row squeezed to nothing or cells wrapped onto each other.
		expect(height).toBeGreaterThan(14);
		expect(height).toBeLessThan(40);
		// Every cell of the row sits under its column's header: same left edge, same width.
		const edges = (sel: string) => page.locator(sel).evaluateAll((cells) => cells.map((c) => [Math.round(c.getBoundingClientRect().left), Math.round(c.getBoundingClientRect().width)]));
		const head = await edges('[data-testid="desa-table"] thead th');
		const body = await edges('[data-testid="desa-row"]:last-child td');
		expect(head).toHaveLength(14);
		expect(body).toEqual(head);
		expect(await page.getByTestId('desa-table').getAttribute('aria-rowcount')).toBe(String(TEGAL.features.length + 1));
		// Scrolled to the end, the headers stay at the top of the table's box.
		const tops = await page.evaluate(`[document.querySelector('[data-testid="desa-table"]').parentElement, document.querySelector('[data-testid="desa-table"] thead')].map((e) => Math.round(e.getBoundingClientRect().top))`);
		expect(Math.abs((tops as number[])[1] - (tops as number[])[0])).toBeLessThanOrEqual(1);
		expect(await page.evaluate(`document.querySelector('[data-testid="desa-table"]').parentElement.scrollTop`)).toBeGreaterThan(1000);
		expect(errors).toEqual([]);
	});

	test.each(['33.28', '75.01'])('the table of %s reads in both languages: no header or figure runs into the next column, and a desa\'s figures keep to one line', async (kab) => {
		const { page, errors } = await openPage(ctx, `/peta?wilayah=${kab}&lapisan=hotspot`);
		await ready(page);
		// Every row laid out, not only those in view (the rows skip layout out of sight): Gorontalo's desa
		// without some figures show "Tanpa data" in columns that hold only numbers in Tegal.
		await page.addStyleTag({ content: 'tbody tr { content-visibility: visible !important; }' });
		// Text of the headers and rows that leaves its cell, and cells of the rows that wrap onto a second line.
		const misfits = () =>
			page.evaluate(`(() => {
				const out = [];
				const rows = document.querySelectorAll('[data-testid="desa-table"] tr');
				for (const tr of rows) for (const cell of tr.children) {
					const box = cell.getBoundingClientRect();
					const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
					const lines = new Set();
					for (let n = walker.nextNode(); n; n = walker.nextNode()) {
						if (!n.textContent.trim()) continue;
						const range = document.createRange();
						range.selectNodeContents(n);
						for (const r of range.getClientRects()) {
							if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push('leaves its cell: ' + n.textContent.trim());
							lines.add(Math.round(r.top));
						}
					}
					if (cell.tagName === 'TD' && lines.size > 1) out.push('wraps: ' + cell.textContent.trim());
				}
				return out;
			})()`) as Promise<string[]>;
		expect(await misfits()).toEqual([]);
		await page.getByTestId('pick-lang').selectOption('en');
		await expect.poll(() => page.getByTestId('sort-rumah_tangga').innerText()).toBe('Households');
		expect(await misfits()).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('a referral share on 1–4 referrals is greyed and starred, says why, and sorts after the others', async () => {
		const counts = (await conn.runAndReadAll(`SELECT kode_desa, count(*)::INTEGER AS n FROM ${files('rujukan')} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).getRowObjectsJS();
		const few = counts.filter((r) => (r.n as number) < MIN_REFERRALS).map((r) => [r.kode_desa as string, r.n as number] as const);
		const enough = new Set(counts.filter((r) => (r.n as number) >= MIN_REFERRALS).map((r) => r.kode_desa as string));
		expect(few.length).toBeGreaterThan(0);
		expect(enough.size).toBeGreaterThan(0);
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan');
		await ready(page);
		const [kode, n] = few[0];
		const cell = page.locator(`[data-testid="desa-row"][data-kode="${kode}"] [data-testid="cell-share"]`);
		expect(await cell.getAttribute('class')).toMatch(/\bfew\b/);
		expect(await cell.getAttribute('title')).toBe(`dari ${n} rujukan: terlalu sedikit untuk dibandingkan`);
		// The star is drawn, not held in the cell's text, so a copied figure stays a number.
		expect(await cell.evaluate((td) => getComputedStyle(td, '::after').content)).toBe('"*"');
		expect(await cell.textContent()).toMatch(/^\d{1,3},\d\s%$/);
		await expect.poll(() => page.getByTestId('few-note').innerText()).toContain('kurang dari 5 rujukan');
		// Sorted by the share, highest first: every desa on enough referrals comes before any on 1–4.
		await page.getByTestId('sort-rujukan_share').click();
		await expect.poll(() => page.getByTestId('sort-rujukan_share').innerText()).toMatch(/▼$/);
		const order = await page.getByTestId('desa-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kode')!));
		const lastEnough = Math.max(...order.map((k, i) => (enough.has(k) ? i : -1)));
		const firstFew = Math.min(...few.map(([k]) => order.indexOf(k)));
		expect(lastEnough).toBeLessThan(firstFew);
		// The desa's panel says the same beside its share, and its rank is left out.
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(() => page.getByTestId('panel-few').innerText()).toBe(`dari ${n} rujukan: terlalu sedikit untuk dibandingkan`);
		expect(await page.getByTestId('panel-rank-rujukan').innerText()).toMatch(/–.*–/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a desa opens from the table with the keyboard: Tab to its name, Enter; Escape closes it back to the name', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		const row = page.getByTestId('desa-row').nth(3);
		const kode = await row.getAttribute('data-kode');
		const name = row.getByRole('button');
		await name.focus();
		expect(await name.evaluate((b) => b === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(kode);
		expect(await name.getAttribute('aria-current')).toBe('true');
		// Focus goes to the panel (its close button); Escape closes it and focus is back on the name.
		expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="desa-panel"]'))).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.getByTestId('desa-panel').count()).toBe(0);
		expect(await name.evaluate((b) => b === document.activeElement)).toBe(true);
		// The sort buttons show where the focus is, as every control does.
		const sort = page.getByTestId('sort-kode');
		await sort.focus();
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Tab');
		expect(await sort.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
		// The layer buttons are one radio group: one Tab stop, the arrows choose the next layer.
		await page.getByTestId('layer-kemiskinan').focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => new URL(page.url()).searchParams.get('lapisan')).toBe('keluhan');
		expect(await page.getByTestId('layer-keluhan').evaluate((b) => b === document.activeElement && b.getAttribute('aria-checked') === 'true')).toBe(true);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => page.getByTestId('layer-kemiskinan').getAttribute('aria-checked')).toBe('true');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('radio');
		// The next name is one Tab away.
		await name.focus();
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="desa-row"]')?.getAttribute('data-kode'))).toBe(await page.getByTestId('desa-row').nth(4).getAttribute('data-kode'));
		expect(errors).toEqual([]);
		await page.close();
	});

	test('copying rows of the table gives tab-separated lines, pasted by a spreadsheet as a grid', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		const copy = (select: string) => copySelection(page, select);
		const whole = await copy(`range.selectNodeContents(document.querySelector('[data-testid="desa-table"]'))`);
		const lines = whole.text.split('\n');
		expect(lines).toHaveLength(TEGAL.features.length + 1);
		expect(lines.every((l) => l.split('\t').length === 14)).toBe(true);
		expect(lines[0].split('\t').slice(0, 3)).toEqual(['Desa/kelurahan', 'Kecamatan', 'Kode Kemendagri']);
		const cells = (i: number) => page.getByTestId('desa-row').nth(i).evaluate((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
		expect(lines[1].split('\t')).toEqual(await cells(0));
		expect(lines[TEGAL.features.length].split('\t')).toEqual(await cells(TEGAL.features.length - 1));
		// Two rows, from the middle of one to the middle of the next: both rows whole.
		const two = await copy(`const rows = document.querySelectorAll('[data-testid="desa-row"]'); range.setStart(rows[4].cells[2].firstChild, 3); range.setEnd(rows[5].cells[1].firstChild, 2)`);
		expect(two.text.split('\n').map((l) => l.split('\t'))).toEqual([await cells(4), await cells(5)]);
		// Inside one cell, the browser copies the text selected, as ever.
		const one = await copy(`const c = document.querySelector('[data-testid="desa-row"]').cells[2].firstChild; range.setStart(c, 0); range.setEnd(c, 5)`);
		expect(one).toEqual({ text: '', taken: false });
		expect(errors).toEqual([]);
	});

	test('a desa clicked on the map shows the figures native DuckDB computes for it', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		const { kode, x, y } = await hoverLargestDesa(page, TEGAL.features);
		const feature = TEGAL.features.find((f: { properties: { kode: string } }) => f.properties.kode === kode);
		await page.mouse.click(x, y);
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(kode);
		const want = await expectedDesa(kode);
		expect(await page.getByTestId('panel-nama').innerText()).toBe(feature.properties.nama);
		expect(parseIndonesianNumber(await page.getByTestId('panel-rumah_tangga').innerText())).toBe(want.rt);
		expectShown(await page.getByTestId('panel-kemiskinan').innerText(), want.kemiskinan * 100);
		expectShown(await page.getByTestId('panel-rujukan').innerText(), want.rujukanShare * 100);
		expect(parseIndonesianNumber(await page.getByTestId('panel-median_hari').innerText())).toBe(want.median);
		expect(parseIndonesianNumber(await page.getByTestId('panel-keluhan-count').innerText())).toBe(want.keluhan);
		expect(await page.getByTestId('panel-rank-kemiskinan').innerText()).toMatch(/dari \d+ di kecamatan, \d+ dari 287 di kabupaten/);
		// Its trend over the period: twelve months whose complaints add up to the desa's count, month by month as in DuckDB.
		const months = page.getByTestId('panel-trend').locator('tr');
		await expect.poll(() => months.count(), { timeout: 30_000 }).toBe(12);
		const byMonth = Object.fromEntries(
			(await conn.runAndReadAll(`SELECT strftime(tgl_keluhan, '%Y-%m') AS b, count(*)::INT AS n FROM ${files('keluhan')} WHERE kode_desa = '${kode}' AND tgl_keluhan BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).getRowObjectsJS().map((r) => [r.b, r.n])
		);
		for (const tr of await months.all()) expect(Number(await tr.getByTestId('panel-trend-keluhan').innerText()), (await tr.getAttribute('data-bulan'))!).toBe(byMonth[(await tr.getAttribute('data-bulan'))!] ?? 0);
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('panel-trend-png').click()]);
		expect(png.suggestedFilename()).toBe(`tren-desa_${kode}_${START.slice(0, 7)}..${LAST.slice(0, 7)}.png`);
		// Drawn at twice the chart's 240 px, with the desa, its months and the privacy rule written under it.
		const ihdr = readFileSync((await png.path())!);
		expect(ihdr.readUInt32BE(20)).toBeGreaterThan(2 * 240 + 40);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('with eb=0 a desa clicked in the table shows its raw complaint rate', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan&eb=0');
		await ready(page);
		const kode = '33.28.10.2003';
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(kode);
		expectShown(await page.getByTestId('panel-keluhan').innerText(), (await expectedDesa(kode)).keluhanRate);
		expect(await page.getByTestId('pick-eb').isChecked()).toBe(false);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('filtering complaints by category and programme shows the filtered count for a desa', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		await page.getByTestId('filter-kategori').selectOption('eksklusi');
		await page.getByTestId('filter-program').selectOption('pkh');
		await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe('pkh');
		expect(new URL(page.url()).searchParams.get('kategori')).toBe('eksklusi');
		await ready(page);
		await expect.poll(() => page.getByTestId('peta-legend').innerText()).toContain('Eksklusi (layak, tidak menerima), PKH');
		const kode = '33.28.01.2004';
		const want = (await one(`SELECT count(*) FROM ${files('keluhan')} WHERE kode_desa = '${kode}' AND kategori = 'eksklusi' AND program = 'pkh' AND tgl_keluhan >= DATE '${START}' AND tgl_keluhan <= DATE '${LAST}'`))!;
		const all = (await expectedDesa(kode)).keluhan;
		expect(want).toBeLessThan(all);
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		await expect.poll(async () => parseIndonesianNumber(await page.getByTestId('panel-keluhan-count').innerText()), { timeout: 60_000 }).toBe(want);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the legend names a programme filter with the filtered figures, never over the previous ones', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		// Was the programme in the legend before the new figures were in?
		const seen = await namedAndDrawn(page, 'filter-program', 'pkh', `document.querySelector('[data-testid="peta-legend"]').innerText.includes('PKH')`);
		expect(seen.at(-1)).toEqual({ named: true, drawn: true });
		expect(seen.filter((f) => f.named && !f.drawn)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the page header names a new period with its figures, never over the previous ones', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		const picker = page.getByTestId('pick-periode');
		const current = await picker.inputValue();
		const other = (await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== current)!;
		const header = await page.locator('main .period').innerText();
		const seen = await namedAndDrawn(page, 'pick-periode', other, `document.querySelector('main .period').innerText !== ${JSON.stringify(header)}`);
		expect(seen.at(-1)).toEqual({ named: true, drawn: true });
		expect(seen.filter((f) => f.named && !f.drawn)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a layer change is drawn whole from its first frame: no desa keeps the old layer’s colour', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		await page.mouse.move(0, 0);
		// A point inside each desa where the desa's own fill is the topmost thing drawn (no line, circle or label over it).
		const inside: { kode: string; at: [number, number] }[] = TEGAL.features.map((f: GeoJSON.Feature) => ({ kode: (f.properties as { kode: string }).kode, at: pointOnFeature(f as never).geometry.coordinates as [number, number] }));
		const points: { kode: string; x: number; y: number }[] = await page.evaluate((inside) => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			return inside
				.map(({ kode, at }) => ({ kode, ...m.project(at) }))
				.filter(({ kode, x, y }) => {
					const [top] = m.queryRenderedFeatures([x, y]);
					return top?.layer.id === 'desa-isi' && top.id === kode;
				});
		}, inside);
		expect(points.length).toBeGreaterThan(100);
		const before = await fillColours(page, points.map((p) => p.kode));
		// Every frame MapLibre draws from the click on, read at those points inside the frame's own render.
		const frames: string[][] = await page.evaluate(async (points) => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map & { painter: { context: { gl: WebGL2RenderingContext } } } }).__slrtMap;
			const gl = m.painter.context.gl;
			const ratio = gl.drawingBufferWidth / m.getCanvas().clientWidth;
			const out: string[][] = [];
			const read = () => {
				const px = new Uint8Array(4);
				out.push(points.map(({ x, y }) => (gl.readPixels(Math.round(x * ratio), Math.round(gl.drawingBufferHeight - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px), px.join())));
			};
			await new Promise<void>((resolve) => {
				m.once('render', () => (read(), resolve()));
				m.triggerRepaint();
			});
			m.on('render', read);
			(document.querySelector('[data-testid="layer-rujukan"]') as HTMLElement).click();
			await new Promise((r) => setTimeout(r, 1500));
			m.off('render', read);
			return out;
		}, points);
		await expect.poll(() => page.getByTestId('peta-legend').locator('h3').innerText()).toBe('Rujukan selesai');
		const after = await fillColours(page, points.map((p) => p.kode));
		// Desa with a colour in both layers (one without data in either gets its hatching a little later, by design).
		const both = points.map((p, i) => [p, i] as const).filter(([p]) => before[p.kode] !== null && after[p.kode] !== null);
		expect(both.length).toBeGreaterThan(50);
		const [old, ...drawn] = frames.map((f) => both.map(([, i]) => f[i]));
		const final = drawn.at(-1)!;
		const same = (a: string[], b: string[]) => a.every((c, i) => c === b[i]);
		expect(same(final, old)).toBe(false);
		// Each frame is the old picture (drawn before the change reached the map) or the new one, never a
		// mix: for each frame that is neither, how many desa are not yet in their new colour.
		expect(drawn.filter((f) => !same(f, old) && !same(f, final)).map((f) => f.filter((c, i) => c !== final[i]).length)).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('switching layers recolours by feature-state only: no new geometry request, no setData', async () => {
		const { page, errors, requests } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		await page.evaluate(() => {
			const w = window as unknown as { __slrtMap: import('maplibre-gl').Map; __setData: number };
			const source = w.__slrtMap.getSource('desa') as import('maplibre-gl').GeoJSONSource;
			const original = source.setData.bind(source);
			w.__setData = 0;
			source.setData = (...args: Parameters<typeof original>) => (w.__setData++, original(...args));
		});
		const legendTitle = () => page.getByTestId('peta-legend').locator('h3').innerText();
		for (const [lapisan, title] of [['hotspot', 'Hotspot keluhan (Gi*)'], ['keluhan', 'Keluhan per 1.000 rumah tangga'], ['rujukan', 'Rujukan selesai']]) {
			await page.getByTestId(`layer-${lapisan}`).click();
			await expect.poll(() => new URL(page.url()).searchParams.get('lapisan')).toBe(lapisan);
			await expect.poll(legendTitle).toBe(title);
		}
		// The last layer's (rujukan's) colours are on the map, none of the hotspot layer's before it: on
		// 40 desa whose share rests on enough referrals to be coloured.
		const rated = new Set(
			(await conn.runAndReadAll(`SELECT kode_desa FROM ${files('rujukan')} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1 HAVING count(*) >= ${MIN_REFERRALS}`)).getRowObjectsJS().map((r) => r.kode_desa as string)
		);
		const sample = TEGAL.features.map((f: { properties: { kode: string } }) => f.properties.kode).filter((k: string) => rated.has(k)).slice(0, 40);
		expect(sample).toHaveLength(40);
		await expect.poll(async () => Object.values(await fillColours(page, sample)).every((c) => c !== null && (SEQUENTIAL_GOOD as readonly string[]).includes(c))).toBe(true);
		expect(requests.filter((u) => new URL(u).pathname === GEOJSON_URL)).toHaveLength(1);
		expect(await page.evaluate(() => (window as unknown as { __setData: number }).__setData)).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a programme filter recolours in place: the view the user zoomed to stays, no source gets new data', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		type W = { __slrtMap: import('maplibre-gl').Map; __setData: Record<string, number> };
		// The user zooms in on a corner of the district.
		await page.evaluate(() => {
			const w = window as unknown as W;
			w.__slrtMap.jumpTo({ center: [109.05, -6.95], zoom: 12.5 });
			w.__setData = {};
			for (const id of Object.keys(w.__slrtMap.getStyle().sources)) {
				const source = w.__slrtMap.getSource(id) as import('maplibre-gl').GeoJSONSource;
				const original = source.setData.bind(source);
				source.setData = (...args: Parameters<typeof original>) => ((w.__setData[id] = (w.__setData[id] ?? 0) + 1), original(...args));
			}
		});
		const generation = () => page.getByTestId('peta').getAttribute('data-generation');
		const before = await generation();
		const program = (await page.getByTestId('filter-program').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== '')!;
		await page.getByTestId('filter-program').selectOption(program);
		await expect.poll(generation).not.toBe(before);
		await expect.poll(() => new URL(page.url()).searchParams.get('program')).toBe(program);
		const view = await page.evaluate(() => {
			const m = (window as unknown as W).__slrtMap;
			return { lng: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom(), setData: (window as unknown as W).__setData };
		});
		expect(view.zoom).toBeCloseTo(12.5, 6);
		expect(view.lng).toBeCloseTo(109.05, 6);
		expect(view.lat).toBeCloseTo(-6.95, 6);
		expect(view.setData).toEqual({});
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a quick filter change keeps the figures without a loading notice flashing; a slow one says it is loading; a programme needs no query', async () => {
		const page = await ctx.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		// A stand-in for a slow engine: while window.__slowWorker is set, DuckDB's answers reach the page that many ms late.
		await page.addInitScript(`(() => {
			const add = Worker.prototype.addEventListener;
			Worker.prototype.addEventListener = function (type, fn, ...rest) {
				if (type !== 'message') return add.call(this, type, fn, ...rest);
				return add.call(this, type, function (ev) { const d = window.__slowWorker; d ? setTimeout(() => fn.call(this, ev), d) : fn.call(this, ev); }, ...rest);
			};
		})()`);
		await page.goto(new URL('/peta?wilayah=33.28&lapisan=keluhan', baseURL() + '/').href);
		await ready(page);
		const programs = await page.getByTestId('filter-program').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		// A change, from the select to the new figures: how long it took and whether the notice was ever in the page.
		const change = (value: string, select = 'filter-program') =>
			page.evaluate(`(async () => {
				const read = () => Number(document.querySelector('[data-testid="peta"]').dataset.generation);
				const g0 = read();
				let noticed = false;
				const mo = new MutationObserver(() => { noticed ||= document.querySelector('[data-testid="peta-loading"]') !== null; });
				mo.observe(document.body, { childList: true, subtree: true });
				const t0 = performance.now();
				const el = document.querySelector('[data-testid="${select}"]');
				el.value = ${JSON.stringify(value)};
				el.dispatchEvent(new Event('change', { bubbles: true }));
				await new Promise((resolve) => { const tick = () => (read() > g0 ? resolve() : setTimeout(tick, 5)); tick(); });
				mo.disconnect();
				return { ms: performance.now() - t0, noticed };
			})()`) as Promise<{ ms: number; noticed: boolean }>;
		for (const value of programs.slice(1, 4)) {
			const quick = await change(value);
			// A change that outlasted the delay (a loaded machine) may rightly show the notice.
			if (quick.ms < LOADING_NOTICE_MS) expect(quick, `${value} in ${quick.ms.toFixed(0)} ms`).toMatchObject({ noticed: false });
		}
		// A programme is counted without the engine (keluhan-index.ts), even with the engine slow.
		await page.evaluate(`window.__slowWorker = ${2.5 * LOADING_NOTICE_MS}`);
		const offline = await change(programs[0]);
		expect(offline.ms).toBeLessThan(LOADING_NOTICE_MS);
		expect(offline.noticed).toBe(false);
		// Another period needs the engine: answering 2.5× the delay late, the notice shows while the old
		// figures stay, and goes with the new ones.
		const periods = await page.getByTestId('pick-periode').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const current = await page.getByTestId('pick-periode').inputValue();
		const slow = await change(periods.find((p) => p !== current)!, 'pick-periode');
		expect(slow.ms).toBeGreaterThan(2.5 * LOADING_NOTICE_MS);
		expect(slow.noticed).toBe(true);
		expect(await page.getByTestId('peta-loading').count()).toBe(0);
		expect(await page.getByTestId('desa-row').count()).toBe(TEGAL.features.length);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the URL carries the whole view and round-trips it', async () => {
		const url = '/peta?wilayah=33.28.01&periode=2025-07..2026-06&lapisan=rujukan&klasifikasi=ckmeans&eb=0';
		const { page, errors, requests } = await openPage(ctx, url);
		await ready(page);
		expect(await page.getByTestId('area-title').innerText()).toContain('Margasari');
		expect(await page.getByTestId('layer-rujukan').getAttribute('aria-checked')).toBe('true');
		expect(await page.getByTestId('pick-klasifikasi').inputValue()).toBe('ckmeans');
		const inKec = TEGAL.features.filter((f: { properties: { kode_kec: string } }) => f.properties.kode_kec === '33.28.01').length;
		expect(await page.getByTestId('desa-row').count()).toBe(inKec);
		await page.getByTestId('pick-klasifikasi').selectOption('equal');
		await expect.poll(() => new URL(page.url()).searchParams.get('klasifikasi')).toBe('equal');
		const shared = new URL(page.url());
		expect(Object.fromEntries(shared.searchParams)).toEqual({ wilayah: '33.28.01', periode: '2025-07..2026-06', lapisan: 'rujukan', klasifikasi: 'equal', eb: '0' });
		const legend = await page.getByTestId('peta-legend').innerText();
		const again = await openPage(ctx, shared.pathname + shared.search);
		await ready(again.page);
		expect(await again.page.getByTestId('peta-legend').innerText()).toBe(legend);
		expect([...errors, ...again.errors]).toEqual([]);
		expect(offOriginRequests([...requests, ...again.requests])).toEqual([]);
		await again.page.close();
		await page.close();
	});

	test('the CSV download has the rows of the table, suppresses counts below 5 and matches DuckDB otherwise', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await ready(page);
		expect(await page.getByTestId('export-note').innerText()).toContain('<5');
		const csv = parseExportCsv(await download(page, 'export-csv', /^peta-desa_33\.28_\d{4}-\d{2}\.\.\d{4}-\d{2}\.csv$/));
		expect(csv.note).toContain('<5');
		expect(csv.about).toEqual([expect.stringContaining('keluhan: semua kategori, semua program; standar layanan rujukan 14 hari')]);
		const { header, rows } = csv;
		const col = (name: string) => header.indexOf(name);
		// The same desa as the table on the page, with its household counts rounded by the deployment's key.
		const table = await page.getByTestId('desa-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kode')!, tr.children[3].textContent!]));
		expect(rows.map((r) => r[0]).sort()).toEqual(table.map(([k]) => k).sort());
		const shownRt = new Map(table.map(([k, v]) => [k, v]));
		for (const r of rows) {
			const rt = r[col('rumah_tangga')];
			if (rt !== 'x') expect(rt, r[0]).toBe(publicCount(parseIndonesianNumber(shownRt.get(r[0])!), r[0]));
		}
		const counts = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan', 'rujukan', 'rujukan_selesai'].map(col);
		// Every count shown is 0 or a multiple of 5 of at least 5; and some were not multiples of 5 before rounding.
		for (const r of rows) for (const c of counts) expect(r[c]).toMatch(/^(0|<5|x|[1-9]\d*[05])$|^5$/);
		expect(rows.some((r) => Number(shownRt.get(r[0])!.replace(/\./g, '')) % 5 !== 0)).toBe(true);
		const small = rows.filter((r) => r[col('rujukan_selesai')] === '<5');
		expect(small.length).toBeGreaterThan(0);
		for (const r of small) expect(r[col('persen_rujukan_selesai')]).toBe('');
		const kode = rows[0][0];
		const want = await expectedDesa(kode);
		expect(rows[0][col('rumah_tangga')]).toBe(publicCount(want.rt, kode));
		if (rows[0][col('rujukan')] !== 'x') expect(rows[0][col('rujukan')]).toBe(publicCount(want.rujukan, kode));

		// An internal copy, asked for deliberately: unsuppressed, equal to DuckDB, RAHASIA in its name and its first line.
		await page.getByTestId('export-internal').check();
		expect(await page.getByTestId('export-note').innerText()).toContain('RAHASIA');
		const internal = parseExportCsv(await download(page, 'export-csv', /^RAHASIA_peta-desa_33\.28_.*_internal\.csv$/));
		expect(internal.note).toMatch(/^RAHASIA/);
		const smallKode = small[0][0];
		const smallRow = internal.rows.find((r) => r[0] === smallKode)!;
		expect(Number(smallRow[col('rujukan_selesai')])).toBe((await expectedDesa(smallKode)).selesai);
		// No hidden count comes back as its kecamatan's total (the internal copy's sum) less the desa shown.
		const columns = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan', 'rujukan', 'rujukan_selesai', 'rujukan_lewat_standar'];
		const { pinned, hidden, withheld } = pinnedCounts(header, rows, internal.rows, { id: 'kode_desa', group: (r) => r[col('kode_kec')], columns, rounded: saysRounded(csv.note) });
		expect(pinned).toEqual([]);
		expect(hidden).toBeGreaterThan(0);
		expect(withheld).toBeGreaterThan(0);
		// What rests on a withheld count is blank, as for a hidden one.
		for (const r of rows.filter((r) => r[col('keluhan')] === 'x')) expect(r[col('keluhan_per_1000_rt')], r[0]).toBe('');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a download of the map filtered to one programme says so in its name and its first lines, and holds that programme’s counts', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=keluhan');
		await ready(page);
		const generation = Number(await page.getByTestId('peta').getAttribute('data-generation'));
		await page.getByTestId('filter-program').selectOption('pkh');
		await expect.poll(async () => Number(await page.getByTestId('peta').getAttribute('data-generation'))).toBeGreaterThan(generation);
		await expect.poll(() => page.getByTestId('peta-legend').innerText()).toContain('PKH');
		const csv = parseExportCsv(await download(page, 'export-csv', /^peta-desa_33\.28_\d{4}-\d{2}\.\.\d{4}-\d{2}_program-pkh\.csv$/));
		expect(csv.about).toEqual([expect.stringContaining('keluhan: semua kategori, program PKH')]);
		expect(csv.about[0]).toContain('complaints: all categories, programme PKH');
		// Its complaint counts are the programme's, as the table shows them.
		const table = new Map(await page.getByTestId('desa-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kode')!, tr.children[5].textContent!] as [string, string])));
		const k = csv.header.indexOf('keluhan');
		const shown = csv.rows.filter((r) => r[k] !== '<5' && r[k] !== 'x');
		expect(shown.length).toBeGreaterThan(100);
		for (const r of shown) expect(r[k], r[0]).toBe(publicCount(parseIndonesianNumber(table.get(r[0])!), r[0]));
		const fc = JSON.parse(await download(page, 'export-geojson', /^peta-desa_33\.28_.*_program-pkh\.geojson$/));
		expect(fc.tentang).toBe(csv.about[0]);
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(png.suggestedFilename()).toMatch(/^peta-keluhan_33\.28_.*_program-pkh\.png$/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the layer downloads as GeoJSON with every boundary and suppressed values, and the map as a PNG', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan');
		await ready(page);
		const fc = JSON.parse(await download(page, 'export-geojson', /^peta-desa_33\.28_.*\.geojson$/));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.keterangan).toContain('<5');
		expect(fc.features).toHaveLength(TEGAL.features.length);
		for (const f of fc.features) {
			expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
			for (const k of ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan', 'rujukan', 'rujukan_selesai']) {
				const v = f.properties[k];
				// "x": withheld beside a hidden count of its kecamatan (export/complementary.ts).
				expect(v === '<5' || v === 'x' || v === 0 || v >= 5, `${f.properties.kode_desa} ${k}=${v}`).toBe(true);
			}
		}
		const some = fc.features.find((f: { properties: { rujukan: unknown } }) => typeof f.properties.rujukan === 'number');
		expect(String(some.properties.rujukan)).toBe(publicCount((await expectedDesa(some.properties.kode_desa)).rujukan, some.properties.kode_desa));

		const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(png.suggestedFilename()).toMatch(/^peta-rujukan_33\.28_.*\.png$/);
		const bytes = readFileSync((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
		// A drawn map, not an empty canvas (which compresses to a few hundred bytes).
		expect(bytes.length).toBeGreaterThan(20_000);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the map PNG carries its caption, legend and rule; a public one draws with the hidden swatch the desa whose share rests on 1–4 completed referrals and classes the rest without them', async () => {
		const counts = (await conn.runAndReadAll(`SELECT kode_desa, count(*)::INTEGER AS n, count(*) FILTER (WHERE status = 'selesai' AND tgl_selesai <= DATE '${LAST}')::INTEGER AS s
			FROM ${files('rujukan')} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).getRowObjectsJS();
		// A public picture is of the public CSV's figures: uncoloured where the CSV blanks the share of a desa the page
		// colours (5+ referrals: 1–4 completed, or a count withheld beside such a count), classed by the shares it writes.
		const csvPage = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan');
		await ready(csvPage.page);
		const written = new Map(parseExportCsv(await download(csvPage.page, 'export-csv', /^peta-desa_33\.28_.*\.csv$/)).rows.map((r) => [r[0], r[DESA_SHARE_COLUMN]]));
		await csvPage.page.close();
		const enough = counts.filter((r) => (r.n as number) >= MIN_REFERRALS).map((r) => r.kode_desa as string);
		const hidden = enough.filter((k) => written.get(k) === '');
		const kept = enough.filter((k) => !hidden.includes(k));
		expect(counts.some((r) => (r.n as number) >= MIN_REFERRALS && (r.s as number) >= 1 && (r.s as number) < 5)).toBe(true);
		expect(hidden.length).toBeGreaterThan(0);
		// The classes of the page (every desa with 5+ referrals, exact shares from native DuckDB) and of a public
		// picture (those it colours, the shares the CSV writes).
		const exact = new Map(counts.map((r) => [r.kode_desa as string, (r.s as number) / (r.n as number)]));
		const published = new Map(kept.map((k) => [k, parseIndonesianNumber(written.get(k)!) / 100]));
		const view = { ...DEFAULT_PETA, lapisan: 'rujukan' as const };
		const classesOf = (codes: string[], share: Map<string, number>) => {
			const c = classifyLayer(codes.map((k) => share.get(k)!), view);
			return new Map(codes.map((k) => [k, c.classOf(share.get(k)!)]));
		};
		const pageClass = classesOf(enough, exact);
		const publicClass = classesOf(kept, published);
		// Probed: desa whose class the public picture changes, and desa it keeps.
		const moved = kept.filter((k) => pageClass.get(k) !== publicClass.get(k));
		expect(moved.length).toBeGreaterThan(0);
		// The largest of each kind: a point inside is far from any boundary line at the fitted zoom.
		const size = new Map<string, number>(TEGAL.features.map((f: { properties: { kode: string } }) => [f.properties.kode, area(f as never)] as [string, number]));
		const largest = (codes: string[]) => [...codes].sort((a, b) => size.get(b)! - size.get(a)!).slice(0, 4);
		const kept6 = [...largest(moved), ...largest(kept.filter((k) => !moved.includes(k)))];
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28&lapisan=rujukan');
		await ready(page);
		// A point inside each desa (not on its border), where the map on the page draws it.
		const inside = (kode: string) => pointOnFeature(TEGAL.features.find((f: { properties: { kode: string } }) => f.properties.kode === kode)).geometry.coordinates as [number, number];
		const probe = [...hidden.slice(0, 6), ...kept6];
		// Where each probed desa is drawn, read again just before each picture: the page's layout can still move
		// the map a few pixels after it is first drawn (a scrollbar coming as the table fills), and a point read
		// earlier would then fall on a neighbour.
		const probePoints = () =>
			page.evaluate((pts) => {
				const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
				const ratio = m.getCanvas().width / m.getCanvas().clientWidth;
				return pts.map(({ kode, at }) => {
					const p = m.project(at);
					const [top] = m.queryRenderedFeatures([p.x, p.y], { layers: ['desa-isi'] });
					return { kode, x: Math.round(p.x * ratio), y: Math.round(p.y * ratio), onIt: top?.id === kode, canvasHeight: m.getCanvas().height, canvasWidth: m.getCanvas().width };
				});
			}, probe.map((kode) => ({ kode, at: inside(kode) })));
		const points = await probePoints();
		const onScreen = await fillColours(page, probe);
		for (const k of probe) expect(onScreen[k], k).not.toBeNull();
		const picture = async (internal: boolean) => {
			await page.getByTestId('export-internal').setChecked(internal);
			const at = await probePoints();
			const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
			// The map did not move while the picture was made: its points are where `at` says.
			expect(await probePoints()).toEqual(at);
			expect(file.suggestedFilename()).toMatch(internal ? /^RAHASIA_peta-rujukan_33\.28_.*_internal\.png$/ : /^peta-rujukan_33\.28_.*\.png$/);
			const b64 = readFileSync((await file.path())!).toString('base64');
			return page.evaluate(async ({ b64, pts }) => {
				const img = new Image();
				img.src = `data:image/png;base64,${b64}`;
				await img.decode();
				const c = new OffscreenCanvas(img.width, img.height);
				const g = c.getContext('2d')!;
				g.drawImage(img, 0, 0);
				// The colour most of a 7 × 7 patch has: the fill's, even where a boundary line passes near the point.
				const mode = (x: number, y: number) => {
					const d = g.getImageData(x - 3, y - 3, 7, 7).data;
					const n = new Map<string, number>();
					for (let i = 0; i < d.length; i += 4) {
						const k = `${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`;
						n.set(k, (n.get(k) ?? 0) + 1);
					}
					return [...n].sort((a, b) => b[1] - a[1])[0][0];
				};
				return { height: img.height, px: pts.map(({ x, y }) => mode(x, y)) };
			}, { b64, pts: at }).then((r) => ({ ...r, at }));
		};
		const pub = await picture(false);
		const internal = await picture(true);
		// Caption, legend and notes are drawn under the map.
		expect(pub.height).toBeGreaterThan(points[0].canvasHeight + 40);
		const onIt = (i: number) => pub.at[i].onIt && internal.at[i].onIt;
		const seen = points.filter((_, i) => onIt(i));
		expect(seen.filter((p) => hidden.includes(p.kode)).length).toBeGreaterThan(0);
		// A hidden desa is drawn with the hidden swatch (its dark ground under a thin cross), not as without data.
		const ground = (hex: string) => `${hexToRgb(hex).join()},255`;
		for (const [i, p] of points.entries())
			if (onIt(i) && hidden.includes(p.kode)) {
				expect(pub.px[i], `${p.kode} hidden in public`).not.toBe(internal.px[i]);
				expect(pub.px[i], `${p.kode} hidden swatch`).toBe(ground(UNCOLOURED_SWATCH.hidden.background));
			}
		// The other desa are coloured by class: two share a colour exactly when they share a class, the
		// page's in the internal picture and the public one's (made without the hidden desa) in public.
		const coloured = [...points.entries()].filter(([i, p]) => onIt(i) && !hidden.includes(p.kode));
		expect(coloured.filter(([, p]) => moved.includes(p.kode)).length).toBeGreaterThan(0);
		for (const [i, a] of coloured)
			for (const [j, b] of coloured) {
				if (j <= i) continue;
				expect(internal.px[i] === internal.px[j], `${a.kode} ${b.kode} internal`).toBe(pageClass.get(a.kode) === pageClass.get(b.kode));
				expect(pub.px[i] === pub.px[j], `${a.kode} ${b.kode} public`).toBe(publicClass.get(a.kode) === publicClass.get(b.kode));
			}
		// The page's map is coloured as before the public picture.
		expect(await fillColours(page, probe)).toEqual(onScreen);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('a province asks for a district instead of drawing one', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33');
		await page.getByTestId('peta-pick-district').waitFor({ timeout: 30_000 });
		expect(await page.getByTestId('peta-map').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe("Peta's first map, before DuckDB-WASM", () => {
	/** Peta opened without the service worker and with DuckDB-WASM's engine unreachable. */
	async function withoutEngine(path: string): Promise<{ own: BrowserContext; page: Page }> {
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		await page.route('**/duckdb-eh*.wasm', (route) => route.abort('failed'));
		await page.goto(new URL(path, baseURL() + '/').href);
		await expect.poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^DuckDB-WASM: /));
		return { own, page };
	}

	test('the view a visit opens on is drawn from the pre-aggregate: every desa classed, and a desa’s figures are native DuckDB’s', async () => {
		const { own, page } = await withoutEngine('/peta?wilayah=33.28');
		await petaDrawn(page, 'summary', 60_000);
		expect(await classedDesa(page)).toBe(287);
		expect(await page.getByTestId('desa-row').count()).toBe(287);
		const counts = await page.getByTestId('legend-count').allInnerTexts();
		expect(counts.map(parseIndonesianNumber).reduce((a, b) => a + b, 0)).toBe(287);
		for (const kode of ['33.28.10.2003', '33.28.01.2004']) {
			await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
			await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(kode);
			const want = await expectedDesa(kode);
			expect(parseIndonesianNumber(await page.getByTestId('panel-rumah_tangga').innerText()), kode).toBe(want.rt);
			expectShown(await page.getByTestId('panel-kemiskinan').innerText(), want.kemiskinan * 100);
			expectShown(await page.getByTestId('panel-rujukan').innerText(), want.rujukanShare * 100);
			expect(parseIndonesianNumber(await page.getByTestId('panel-median_hari').innerText()), kode).toBe(want.median);
			expect(parseIndonesianNumber(await page.getByTestId('panel-keluhan-count').innerText()), kode).toBe(want.keluhan);
		}
		// Nothing says per-desa values are unavailable: they are drawn.
		expect(await page.getByText('nilai per desa tidak tersedia').count()).toBe(0);
		await closeBrowser(own);
	});

	test('without the engine a filter change keeps the first map and says it shows the opening view; back to that view, it is final again', async () => {
		const { own, page } = await withoutEngine('/peta?wilayah=33.28&lapisan=keluhan');
		await page.waitForSelector('[data-testid="peta"][data-status="summary"]', { timeout: 60_000 });
		await page.getByTestId('filter-program').selectOption('pkh');
		await page.waitForSelector('[data-testid="peta"][data-status="aggregate"]', { timeout: 60_000 });
		expect(await page.getByTestId('peta-aggregate').innerText()).toContain('hanya dapat menampilkan tampilan awalnya');
		// The figures drawn are still every complaint's, and the legend says so (no programme named).
		expect(await page.getByTestId('desa-row').count()).toBe(287);
		expect(await page.getByTestId('peta-legend').innerText()).not.toContain('PKH');
		// A download holds what is drawn, and says so: every complaint, not the programme asked for.
		const csv = parseExportCsv(await download(page, 'export-csv', /^peta-desa_33\.28_\d{4}-\d{2}\.\.\d{4}-\d{2}\.csv$/));
		expect(csv.about).toEqual([expect.stringContaining('keluhan: semua kategori, semua program')]);
		expect(csv.rows).toHaveLength(287);
		await page.getByTestId('filter-program').selectOption('');
		await page.waitForSelector('[data-testid="peta"][data-status="summary"]', { timeout: 60_000 });
		expect(await page.getByTestId('peta-aggregate').count()).toBe(0);
		await closeBrowser(own);
	});

	test('another view (a programme filter) is not drawn from it: its figures wait for the engine', async () => {
		const { own, page } = await withoutEngine('/peta?wilayah=33.28&lapisan=keluhan&program=pkh');
		await page.waitForSelector('[data-testid="peta"][data-status="aggregate"]', { timeout: 60_000 });
		expect(await page.getByTestId('desa-row').count()).toBe(0);
		await expect.poll(() => page.getByText('nilai per desa tidak tersedia').count()).toBe(1);
		await closeBrowser(own);
	});

	test('with the engine up, the live queries follow the first map and keep its figures', async () => {
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		await page.addInitScript(`(() => {
			const seen = [];
			window.__statuses = seen;
			new MutationObserver(() => {
				const s = document.querySelector('[data-testid="peta"]')?.dataset.status;
				if (s && seen[seen.length - 1] !== s) seen.push(s);
			}).observe(document, { subtree: true, attributes: true, childList: true });
		})()`);
		await page.goto(new URL('/peta?wilayah=33.28', baseURL() + '/').href);
		await ready(page);
		expect(await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses)).toEqual(['loading', 'summary', 'ready']);
		const kode = '33.28.10.2003';
		await page.locator(`[data-testid="desa-row"][data-kode="${kode}"]`).click();
		expect(parseIndonesianNumber(await page.getByTestId('panel-keluhan-count').innerText())).toBe((await expectedDesa(kode)).keluhan);
		const marks = await page.evaluate(() => ['slrt:peta-first-figures', 'slrt:db-attached', 'slrt:peta-interactive'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? null));
		expect(marks.every((m) => m !== null)).toBe(true);
		// Interactive once the district's rows are attached.
		expect(marks[2]!).toBeGreaterThanOrEqual(marks[1]!);
		await closeBrowser(own);
	});
});
