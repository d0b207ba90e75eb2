/**
 * Bandingkan in real Chromium: the league table lists all 514 kabupaten/kota, the BPS P0 shown for
 * Kabupaten Tegal, Kabupaten Gorontalo and Kota Mojokerto equals the BPS file (read here), pilot
 * and synthetic rows are marked, a pilot's indicator equals native DuckDB over its extract, the
 * province filter, sorting, comparison, map and CSV export work. The map's "Tanpa data" line is there
 * only when some district has no value (none does in the demo file: a copy of it with three values
 * taken out is served for that case), drawn with Peta's no-data tile on the map, the legend and the PNG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { area, pointOnFeature } from '@turf/turf';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { parseExportCsv } from '../../src/lib/export/csv';
import { roundCount } from '../../src/lib/export/rounding';
import { hatchedCodesFilter } from '../../src/lib/map/hatch';
import { pdfPageSizes, pdfPageTexts } from './pdf-text';
import { KABKOTA_HATCH } from '../../src/lib/map/national-map';
import { CHANGE_COLORS, RAG_COLORS } from '../../src/lib/map/palette';
import { hexToRgb, swatchCss, UNCOLOURED_SWATCH } from '../../src/lib/map/uncoloured';
import { baseURL, closeBrowser, copySelection, fillColours, firstPainted, launchBrowser, offOriginRequests, openPage, recordFrames } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');
const STATS = join(ROOT, 'data', 'reference', 'stats');
const EXTRACTS = join(ROOT, 'build', 'extracts');
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
const PILOTS: string[] = manifest.areas.map((a: { kode_kab: string }) => a.kode_kab).sort();

function csv(file: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(join(STATS, file), 'utf8').trim().split('\n');
	const cols = head.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
/** BPS P0 by "kode year", from the long BPS table. */
const P0 = new Map(csv('kemiskinan_kabkota_bps_2015_2025_long.csv').filter((r) => r.indikator === 'p0_persen').map((r) => [`${r.kode_kemendagri} ${r.tahun}`, Number(r.nilai)]));
const CROSSWALK = csv('kabkota_kode_bps_kemendagri.csv');

let ctx: BrowserContext;
beforeAll(async () => {
	ctx = await launchBrowser();
});
afterAll(async () => closeBrowser(ctx));

/** The national file read and every row of the league table made (they are made a chunk per task). */
async function ready(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid="bandingkan"][data-status="ready"]', { timeout: 120_000 });
	await page.waitForSelector('[data-testid="league"][data-complete="true"]', { timeout: 60_000 });
}
const row = (page: Page, kode: string) => page.locator(`[data-testid="league-row"][data-kode="${kode}"]`);
/**
 * A league cell's text as shown. Not innerText: the rows out of sight are skipped by the browser
 * (content-visibility, LeagueTable's style), and a skipped row's innerText is empty.
 */
const shown = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** Once the national map has its kabupaten/kota source loaded and is idle. */
async function nationalMapDrawn(page: Page): Promise<void> {
	await page.waitForFunction(() => {
		const m = (window as unknown as { __slrtNationalMap?: { isSourceLoaded(id: string): boolean; loaded(): boolean } }).__slrtNationalMap;
		return !!m && m.isSourceLoaded('kabkota') && m.loaded();
	}, undefined, { timeout: 90_000 });
}
/** The 12 months ending `back` months before the data window's last month: first and last day. */
function twelveMonths(back: number): { start: string; last: string } {
	const [ey, em] = (manifest.window.end as string).split('-').map(Number);
	const end = ey * 12 + em - 1 - back;
	const s = end - 11;
	return { start: `${Math.floor(s / 12)}-${String((s % 12) + 1).padStart(2, '0')}-01`, last: new Date(Date.UTC(Math.floor(end / 12), (end % 12) + 1, 0)).toISOString().slice(0, 10) };
}

/** Kota Mojokerto's share of the complaints received in `p` that were resolved by its end, written independently of the app's SQL. */
/**
 * Kota Mojokerto's share of complaints received in `p` and resolved by its end, as the national
 * file gives a pilot's figure: from the two counts rounded with the extract's key, as every public
 * file writes them (export/rounding.ts), counted here with native DuckDB.
 */
async function resolvedShare(conn: DuckDBConnection, p: { start: string; last: string }): Promise<number> {
	const f = `read_parquet('${join(EXTRACTS, 'keluhan', 'kode_kab=35.76', '*.parquet')}')`;
	const sql = `SELECT count(*) FILTER (WHERE status = 'selesai' AND tgl_selesai <= DATE '${p.last}')::INTEGER AS s, count(*)::INTEGER AS n FROM ${f} WHERE tgl_keluhan BETWEEN DATE '${p.start}' AND DATE '${p.last}'`;
	const { s, n } = (await conn.runAndReadAll(sql)).getRowObjectsJS()[0] as { s: number; n: number };
	const key = manifest.kunci_pembulatan as string;
	return Math.min(1, roundCount(s, '35.76', key) / roundCount(n, '35.76', key));
}

/** The number a cell starts with, as the page writes it (Indonesian: 75,7 % K ▲ → 75.7). */
const cellNumber = (text: string) => parseIndonesianNumber(/^-?[\d.,]+/.exec(text.trim())![0]);

describe('Bandingkan', () => {
	test('the league table lists all 514 kabupaten/kota of the BPS/Kemendagri list; pilot and synthetic marked', async () => {
		const { page, errors, requests } = await openPage(ctx, '/bandingkan');
		await ready(page);
		expect(CROSSWALK).toHaveLength(514);
		const codes = await page.locator('[data-testid="league-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')!));
		expect(codes).toHaveLength(514);
		expect(new Set(codes)).toEqual(new Set(CROSSWALK.map((r) => r.kode_kemendagri)));
		const pilots = await page.locator('[data-testid="league-row"]').evaluateAll((els) => els.filter((e) => e.querySelector('[data-testid="sumber"]')!.classList.contains('pilot')).map((e) => e.getAttribute('data-kode')));
		expect(pilots.sort()).toEqual(PILOTS);
		expect(await page.getByTestId('real-synthetic').innerText()).toMatch(/sintetis/);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});

	test("the league table's first screenful is shown before the other rows are made; all 514 follow, in their order", async () => {
		const page = await ctx.newPage();
		// The number of rows in the table when rows first appear (a mutation observer runs before anything is painted).
		await page.addInitScript(`new MutationObserver((_, o) => {
			const n = document.querySelectorAll('[data-testid="league-row"]').length;
			if (n) { window.__firstRows = n; o.disconnect(); }
		}).observe(document, { subtree: true, childList: true });`);
		await page.goto(`${baseURL()}/bandingkan`);
		await ready(page);
		const first = (await page.evaluate('window.__firstRows')) as number;
		// Rows whose top is inside the table's box: what the first screen shows.
		const inBox = await page.getByTestId('league').evaluate((t) => {
			const box = t.parentElement!.getBoundingClientRect();
			return [...t.querySelectorAll('tbody tr')].filter((tr) => tr.getBoundingClientRect().top < box.bottom).length;
		});
		expect(inBox).toBeGreaterThan(10);
		expect(first).toBeGreaterThanOrEqual(inBox);
		expect(first).toBeLessThan(514);
		const ranks = await page.getByTestId('rank').evaluateAll((els) => els.map((e) => Number(e.textContent) || Infinity));
		expect(ranks).toHaveLength(514);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		await page.close();
	});

	test('copying rows of the league table gives tab-separated lines, pasted by a spreadsheet as a grid', async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan');
		await ready(page);
		const copy = (select: string) => copySelection(page, select);
		const cells = (i: number) => page.getByTestId('league-row').nth(i).evaluate((tr) => [...(tr as HTMLTableRowElement).cells].slice(1).map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
		const whole = await copy(`range.selectNodeContents(document.querySelector('[data-testid="league"]'))`);
		const lines = whole.text.split('\n').map((l) => l.split('\t'));
		expect(lines).toHaveLength(515);
		const width = (await cells(0)).length;
		expect(width).toBeGreaterThan(20);
		expect(lines.every((l) => l.length === width)).toBe(true);
		expect(lines[0].slice(0, 3)).toEqual(['Peringkat', 'Kabupaten/kota', 'Provinsi']);
		expect(lines[1]).toEqual(await cells(0));
		// The last row, out of sight (skipped by the browser until scrolled to), copied whole too.
		expect(lines[514]).toEqual(await cells(513));
		expect(lines[514][1]).toMatch(/\d{2}\.\d{2}$/);
		// Inside one cell, the browser copies the text selected, as ever.
		const one = await copy(`const c = document.querySelector('[data-testid="league-row"] td.name').firstChild; range.setStart(c, 0); range.setEnd(c, 5)`);
		expect(one).toEqual({ text: '', taken: false });
		expect(errors).toEqual([]);
		await page.close();
	});

	test('no text of the league table leaves its cell, in Indonesian and English, whichever column it is sorted by (each header with its arrow)', async () => {
		for (const query of ['', '?lang=en', '?urut=nama&arah=turun', '?urut=perubahan', '?urut=p0_2025&lang=en']) {
			const { page } = await openPage(ctx, `/bandingkan${query}`);
			await ready(page);
			expect(await page.locator('[data-testid="league-row"]').count()).toBe(514);
			// Every row laid out, the ones out of sight too (the screen skips them: content-visibility).
			await page.addStyleTag({ content: '[data-testid="league"] tbody tr { content-visibility: visible !important; }' });
			const spill = await page.locator('[data-testid="league"]').evaluate((t) =>
				[...t.querySelectorAll('th, td')]
					.filter((c) => c.scrollWidth > c.clientWidth + 1)
					.map((c) => `${c.closest('tr')?.getAttribute('data-kode') ?? 'header'}: "${(c.textContent ?? '').trim()}" ${c.scrollWidth} > ${c.clientWidth}`)
			);
			expect(spill, query).toEqual([]);
			// And the columns line up: each row's cells start where the header's do.
			const misaligned = await page.locator('[data-testid="league"]').evaluate((t) => {
				const lefts = (tr: Element) => [...tr.children].map((c) => Math.round(c.getBoundingClientRect().left));
				const head = lefts(t.querySelector('thead tr')!);
				return [...t.querySelectorAll('tbody tr')].filter((tr) => lefts(tr).join() !== head.join()).length;
			});
			expect(misaligned, query).toBe(0);
			await page.close();
		}
	});

	test('printing the page prints every row of the league table, not the part its box scrolls to on screen', async () => {
		const { page } = await openPage(ctx, '/bandingkan');
		await ready(page);
		const names = await page.locator('[data-testid="league-row"] td.name:has(.code)').evaluateAll((els) => els.map((e) => e.textContent!.replace(/\s+/g, ' ').trim()));
		expect(names).toHaveLength(514);
		const pdf = await page.pdf({ format: 'A4' });
		const text = pdfPageTexts(pdf).join('\n').replace(/\s+/g, ' ');
		expect(names.filter((n) => !text.includes(n))).toEqual([]);
		// And every column: each row's figures in the screen's order, in runs across landscape pages each
		// led by the row's rank and name, none cut off at the page's edge.
		const sizes = pdfPageSizes(pdf);
		// A trend arrow is a run of its own in the PDF ("K ▲"), beside its letter on screen ("K▲").
		const arrows = (t: string) => t.replace(/\s*([▲▼=])/g, ' $1');
		const wide = arrows(pdfPageTexts(pdf).filter((_, i) => sizes[i][0] > sizes[i][1]).join(' '));
		const cells = await page.locator('[data-testid="league-row"]').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(1).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
		const rows = cells.map((r) => r.map(arrows));
		expect(rows[0].length).toBeGreaterThan(20);
		const cut: string[] = [];
		for (const [rank, name, ...rest] of rows) {
			for (let i = 0; i < rest.length; ) {
				let run = 0;
				while (i + run < rest.length && wide.includes([rank, name, ...rest.slice(i, i + run + 1)].join(' '))) run++;
				if (!run) {
					cut.push(`${name}: column ${i + 3}`);
					break;
				}
				i += run;
			}
		}
		expect(cut).toEqual([]);
		// Once each: the pages across print in place of the screen's table, not beside it.
		const all = arrows(pdfPageTexts(pdf).join(' '));
		expect(rows.filter(([rank, name, prov]) => all.split(`${rank} ${name} ${prov}`).length !== 2).map((r) => r[1])).toEqual([]);
		// Every header but the checkboxes' (a screen's control): a header wraps on paper ("PBI-" above "JKN").
		const headers = (await page.locator('[data-testid="league"] thead th').allInnerTexts()).slice(1).map((h) => h.replace(/[▲▼\s]/g, ''));
		expect(headers).toHaveLength(rows[0].length);
		const squeezed = wide.replace(/[▲▼\s]/g, '');
		expect(headers.filter((h) => !squeezed.includes(h))).toEqual([]);
		await page.close();
	});

	test('BPS P0 for Kabupaten Tegal, Kabupaten Gorontalo and Kota Mojokerto equals the BPS file, 2025 and the 2023–2024 trend', async () => {
		const { page } = await openPage(ctx, '/bandingkan');
		await ready(page);
		for (const kode of ['33.28', '75.01', '35.76']) {
			expect(parseIndonesianNumber(await shown(row(page, kode).getByTestId('p0')))).toBe(P0.get(`${kode} 2025`));
			const trend = (await shown(row(page, kode).getByTestId('p0-trend'))).split('→').map(parseIndonesianNumber);
			expect(trend).toEqual([P0.get(`${kode} 2023`), P0.get(`${kode} 2024`)]);
		}
		await page.close();
	});

	test("a pilot district's figure is computed from its extract (native DuckDB here), from the counts rounded as a public file writes them", async () => {
		const conn: DuckDBConnection = await (await DuckDBInstance.create(':memory:')).connect();
		try {
			const share = await resolvedShare(conn, twelveMonths(0));
			const { page } = await openPage(ctx, '/bandingkan?urut=nama');
			await ready(page);
			const header = await page.locator('[data-testid="league"] thead th').allInnerTexts();
			const col = header.findIndex((h) => h.startsWith('Tingkat penyelesaian keluhan'));
			const text = await shown(row(page, '35.76').locator('td').nth(col));
			expect(Math.abs(cellNumber(text) - share * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
			await page.close();
		} finally {
			conn.closeSync();
		}
	});

	test("each figure's change since the 12 months before: a pilot's figure before is computed from its extract, its arrow and the score's change follow", async () => {
		const conn: DuckDBConnection = await (await DuckDBInstance.create(':memory:')).connect();
		try {
			// The 12 months before the page's period (the last 12 months of the data's window).
			const before = (await resolvedShare(conn, twelveMonths(12))) * 100;
			const { page, errors } = await openPage(ctx, '/bandingkan?urut=nama');
			await ready(page);
			expect(await page.getByTestId('real-synthetic').innerText()).toContain('Nov 2025 – Okt 2026 · dibanding Nov 2024 – Okt 2025');
			const header = await page.locator('[data-testid="league"] thead th').allInnerTexts();
			const cell = row(page, '35.76').locator('td').nth(header.findIndex((h) => h.startsWith('Tingkat penyelesaian keluhan')));
			const title = (await cell.getAttribute('title'))!;
			expect(title).toMatch(/^Periode sebelumnya: [\d.,]+\u00a0%$/);
			expect(Math.abs(cellNumber(title.split(': ')[1]) - before)).toBeLessThanOrEqual(0.05 + 1e-9);
			// Higher is better for this one: the arrow points the way the figure moved, green up, red down.
			const now = cellNumber(await shown(cell));
			const arrow = cell.locator('.arrow');
			if (now !== before) {
				expect(await shown(arrow)).toBe(now > before ? '▲' : '▼');
				expect(await arrow.getAttribute('class')).toContain(now > before ? 'better' : 'worse');
			}
			// The score's change is the score now less the score before (both shown to one decimal).
			for (const kode of PILOTS) {
				const change = row(page, kode).getByTestId('score-change');
				const score = cellNumber(await shown(row(page, kode).getByTestId('score')));
				const previous = cellNumber((await change.getAttribute('title'))!.split(': ')[1]);
				expect(Math.abs(cellNumber((await shown(change)).replace('−', '-').replace('+', '')) - (score - previous)), kode).toBeLessThanOrEqual(0.1 + 1e-9);
			}
			// Sorted by the change, the largest gain first.
			await page.getByTestId('sort-perubahan').click();
			await page.waitForURL(/urut=perubahan/);
			expect(new URL(page.url()).searchParams.get('arah')).toBe('turun');
			const changes = (await page.getByTestId('score-change').allTextContents()).map((t) => t.trim()).filter((t) => t !== '–').map((t) => cellNumber(t.replace('−', '-').replace('+', '')));
			expect(changes.length).toBeGreaterThan(500);
			for (let i = 1; i < changes.length; i++) expect(changes[i]).toBeLessThanOrEqual(changes[i - 1]);
			// Side by side, each district's change is the table's.
			await page.goto(new URL('/bandingkan?pilih=33.28,35.76', page.url()).href);
			await ready(page);
			const inTable = await Promise.all(['33.28', '35.76'].map((k) => shown(row(page, k).getByTestId('score-change'))));
			expect(await page.getByTestId('compare-change').allInnerTexts()).toEqual(inTable);
			expect(errors).toEqual([]);
			await page.close();
		} finally {
			conn.closeSync();
		}
	});

	test('province filter and sorting by P0', async () => {
		const { page } = await openPage(ctx, '/bandingkan');
		await ready(page);
		await page.getByTestId('filter-prov').selectOption('75');
		await page.waitForURL(/prov=75/);
		const gorontalo = CROSSWALK.filter((r) => r.kode_prov_kemendagri === '75').map((r) => r.kode_kemendagri);
		expect((await page.locator('[data-testid="league-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')))).sort()).toEqual(gorontalo.sort());
		await page.getByTestId('filter-prov').selectOption('');
		await page.getByTestId('sort-p0').click();
		await page.waitForURL(/urut=p0_2025/);
		const top = await page.locator('[data-testid="league-row"]').first().getAttribute('data-kode');
		const max = Math.max(...CROSSWALK.map((r) => P0.get(`${r.kode_kemendagri} 2025`) ?? -1));
		expect(P0.get(`${top} 2025`)).toBe(max);
		await page.close();
	});

	test('comparison: two districts side by side; one district against its province and the national median', async () => {
		const { page } = await openPage(ctx, '/bandingkan?pilih=33.28,75.01');
		await ready(page);
		expect(await page.getByTestId('compare-col').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')))).toEqual(['33.28', '75.01']);
		await row(page, '75.01').locator('input[type="checkbox"]').uncheck();
		await page.waitForURL(/pilih=33\.28(&|$)/);
		expect(await page.getByTestId('compare-col').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')))).toEqual(['33.28', 'prov-33', 'nasional']);
		// National median of BPS P0 2025 over the 514, computed here from the BPS file.
		const v = CROSSWALK.map((r) => P0.get(`${r.kode_kemendagri} 2025`)).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
		const med = v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
		const p0Row = page.getByTestId('compare').locator('tr', { hasText: 'P0 BPS 2025' });
		expect(Math.abs(parseIndonesianNumber(await p0Row.locator('td').nth(2).innerText()) - med)).toBeLessThanOrEqual(0.005 + 1e-9);
		await page.close();
	});

	test('a fifth district is not added: the four chosen stay, and the page says at most 4 can be compared, in Indonesian and English', async () => {
		const four = ['33.28', '75.01', '35.76', '73.03'];
		const { page, errors } = await openPage(ctx, `/bandingkan?pilih=${four.join(',')}`);
		await ready(page);
		const compared = () => page.getByTestId('compare-col').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')));
		expect(await compared()).toEqual(four);
		expect(await page.getByTestId('compare-full').count()).toBe(0);
		const fifth = row(page, '33.11').locator('input[type="checkbox"]');
		await fifth.click();
		const notice = page.getByTestId('compare-full');
		await expect.poll(() => notice.count()).toBe(1);
		expect(await notice.innerText()).toContain('Paling banyak 4 kabupaten/kota dapat dibandingkan sekaligus');
		expect(await notice.getAttribute('role')).toBe('alert');
		expect(await fifth.isChecked()).toBe(false);
		expect(new URL(page.url()).searchParams.get('pilih')).toBe(four.join(','));
		expect(await compared()).toEqual(four);
		await page.getByTestId('pick-lang').selectOption('en');
		await expect.poll(() => notice.innerText()).toContain('At most 4 districts can be compared at once');
		// Unticking one makes room: the fifth is then added, and the notice goes.
		await row(page, '75.01').locator('input[type="checkbox"]').uncheck();
		await page.waitForURL(/pilih=33\.28%2C35\.76%2C73\.03(&|$)|pilih=33\.28,35\.76,73\.03(&|$)/);
		await fifth.check();
		await expect.poll(compared).toEqual(['33.28', '35.76', '73.03', '33.11']);
		expect(await notice.count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test("arriving with the other pages' area, the league table shows its province, without writing prov; 'all provinces' then holds", async () => {
		const jateng = CROSSWALK.filter((r) => r.kode_prov_kemendagri === '33').map((r) => r.kode_kemendagri).sort();
		const kodes = (page: Page) => page.locator('[data-testid="league-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')));
		for (const wilayah of ['33', '33.28']) {
			const { page, errors } = await openPage(ctx, `/bandingkan?wilayah=${wilayah}`);
			await ready(page);
			expect((await kodes(page)).sort(), wilayah).toEqual(jateng);
			expect(await page.getByTestId('filter-prov').inputValue()).toBe('33');
			expect(await page.getByTestId('prov-from-area').innerText()).toBe('sesuai wilayah yang dipilih di halaman lain');
			expect(new URL(page.url()).searchParams.has('prov')).toBe(false);
			if (wilayah === '33.28') {
				await page.getByTestId('filter-prov').selectOption('');
				await page.waitForURL(/prov=(&|$)/);
				// The other provinces' rows are made a chunk per task, as on opening.
				await page.waitForSelector('[data-testid="league"][data-complete="true"]');
				expect((await kodes(page)).length).toBe(514);
				expect(await page.getByTestId('prov-from-area').count()).toBe(0);
			}
			expect(errors).toEqual([]);
			await page.close();
		}
	});

	test('the national map appears whole: no frame is painted before the 514 kabupaten/kota are tiled', async () => {
		const page = await ctx.newPage();
		await page.addInitScript(recordFrames('__slrtNationalMap', 'kabkota'));
		await page.goto(`${baseURL()}/bandingkan?peta=bps_p0`);
		await ready(page);
		await nationalMapDrawn(page);
		expect(await firstPainted(page, 'national-map')).toEqual({ frame: { painted: true, tiled: true }, box: 'rgb(233, 238, 243)' });
		await page.close();
	});

	test('the national map holds all 514 kabupaten/kota, each coloured through feature-state by its P0 band', async () => {
		const { page } = await openPage(ctx, '/bandingkan?peta=bps_p0');
		await ready(page);
		await nationalMapDrawn(page);
		const { features, rendered } = await page.evaluate(async () => {
			const m = (window as unknown as { __slrtNationalMap: import('maplibre-gl').Map }).__slrtNationalMap;
			const geo = await (await fetch('/nasional/kabkota.geojson')).json();
			return {
				features: geo.features.map((f: { properties: { kode: string } }) => f.properties.kode) as string[],
				// At the national zoom the tile simplifier may drop a sliver-sized kota; nearly all are drawn.
				rendered: new Set(m.querySourceFeatures('kabkota').map((f) => f.id)).size
			};
		});
		const colours = await fillColours(page, features, '__slrtNationalMap', 'kabkota', 'kabkota-isi');
		expect(new Set(features)).toEqual(new Set(CROSSWALK.map((r) => r.kode_kemendagri)));
		expect(rendered).toBeGreaterThan(500);
		// Every district with a P0 is coloured by its band against the targets file (7 % / 12 %).
		const targets = JSON.parse(readFileSync(join(ROOT, 'static', 'targets', 'indikator.json'), 'utf8')).bawaan.bps_p0;
		for (const r of CROSSWALK) {
			const p0 = P0.get(`${r.kode_kemendagri} 2025`);
			const want = p0 === undefined ? null : RAG_COLORS[p0 <= targets.target ? 0 : p0 <= targets.batas_merah ? 1 : 2];
			expect(colours[r.kode_kemendagri], r.kode_kemendagri).toBe(want);
		}
		await page.close();
	});

	test('the classing picker shows the classing drawn: the composite score, which has no target, is in quantiles and says why', async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan');
		await ready(page);
		const picker = page.getByTestId('map-classing');
		const legend = () => page.getByTestId('legend-line').allInnerTexts();
		// The default address asks for RAG bands; the score has none.
		expect(await picker.inputValue()).toBe('kuantil');
		expect(await picker.locator('option[value="rag"]').isDisabled()).toBe(true);
		expect(await page.getByTestId('no-rag-note').innerText()).toBe('Indikator ini tidak punya target, jadi tidak punya pita RAG: diwarnai per kuantil.');
		// Five quantiles, and no "Tanpa data" line: every one of the 514 has a score.
		expect(await legend()).toHaveLength(5);
		// P0 has a target: its bands are drawn, and the picker says so.
		await page.getByTestId('map-indicator').selectOption('bps_p0');
		await expect.poll(() => picker.inputValue()).toBe('rag');
		expect(await picker.locator('option[value="rag"]').isDisabled()).toBe(false);
		expect(await page.getByTestId('no-rag-note').count()).toBe(0);
		expect((await legend())[0]).toBe('H · mencapai target');
		await picker.selectOption('kuantil');
		await expect.poll(() => new URL(page.url()).searchParams.get('kelas')).toBe('kuantil');
		expect(await legend()).toHaveLength(5);
		expect(await page.getByTestId('no-rag-note').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test("the national map by the score's change: each district in its band of the table's change, or in quantiles from the smallest change to the largest", async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan?peta=perubahan');
		await ready(page);
		await nationalMapDrawn(page);
		expect(await page.getByTestId('map-indicator').inputValue()).toBe('perubahan');
		expect(await page.getByTestId('map-classing').inputValue()).toBe('rag');
		expect(await page.getByTestId('no-rag-note').count()).toBe(0);
		// Every district has a change: the bands alone, no "Tanpa data" line.
		const legend = () => page.getByTestId('legend-line').allInnerTexts();
		expect(await legend()).toEqual(['turun > 2 poin', 'turun 0,5–2 poin', 'tetap (±0,5 poin)', 'naik 0,5–2 poin', 'naik > 2 poin']);
		// Each district's colour is its band's, from the change the table shows (to one decimal: a change within 0.05 of a bound is left out).
		const n = (t: string) => cellNumber(t.replace('−', '-').replace('+', ''));
		const table = await page.getByTestId('league-row').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-kode')!, tr.querySelector('[data-testid="score-change"]')!.textContent!.trim()] as const));
		const shown = table.filter(([, t]) => t !== '–').map(([kode, t]) => ({ kode, v: n(t) }));
		expect(shown.length).toBeGreaterThan(500);
		const colours = await fillColours(page, shown.map((x) => x.kode), '__slrtNationalMap', 'kabkota', 'kabkota-isi');
		const band = (v: number) => (v < -2 ? 0 : v < -0.5 ? 1 : v <= 0.5 ? 2 : v <= 2 ? 3 : 4);
		let compared = 0;
		for (const { kode, v } of shown) {
			if ([-2, -0.5, 0.5, 2].some((b) => Math.abs(v - b) <= 0.05)) continue;
			expect(colours[kode], `${kode} ${v}`).toBe(CHANGE_COLORS[band(v)]);
			compared++;
		}
		expect(compared).toBeGreaterThan(400);
		// In quantiles: from the table's smallest change to its largest.
		await page.getByTestId('map-classing').selectOption('kuantil');
		await expect.poll(async () => (await legend())[0]).toMatch(/^−?[\d,]+ – /);
		const values = shown.map((x) => x.v);
		const q = await legend();
		expect(q).toHaveLength(5);
		expect(n(q[0].split(' – ')[0])).toBeCloseTo(Math.min(...values), 1);
		expect(n(q.at(-1)!.split(' – ')[1])).toBeCloseTo(Math.max(...values), 1);
		expect(await page.getByTestId('no-rag-note').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the map layer downloads as GeoJSON (514 districts, P0 as in the BPS file) and as a PNG', async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan?peta=bps_p0');
		await ready(page);
		await nationalMapDrawn(page);
		const [geo] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
		// BPS's P0 is from its latest year (2025 in the BPS file), and the file says so.
		expect(geo.suggestedFilename()).toBe('peta-nasional_bps_p0_2025.geojson');
		const fc = JSON.parse(readFileSync((await geo.path())!, 'utf8'));
		expect(fc.periode).toBe('2025');
		expect(fc.features).toHaveLength(514);
		for (const kode of ['33.28', '75.01', '35.76']) {
			const f = fc.features.find((x: { properties: { kode: string } }) => x.properties.kode === kode);
			expect(f.properties.nilai, kode).toBe(P0.get(`${kode} 2025`));
			expect(f.geometry.type).toMatch(/Polygon/);
		}
		const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		expect(png.suggestedFilename()).toBe('peta-nasional_bps_p0_2025.png');
		const bytes = readFileSync((await png.path())!);
		expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
		expect(bytes.length).toBeGreaterThan(20_000);
		// Under the map: its caption, legend, year and the note that most districts' SLRT figures are synthetic.
		const canvasHeight = await page.evaluate(() => (window as unknown as { __slrtNationalMap: import('maplibre-gl').Map }).__slrtNationalMap.getCanvas().height);
		expect(bytes.readUInt32BE(20)).toBeGreaterThan(canvasHeight + 60);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('the period picker says it is not used here and the area picker points to the province filter it starts, and the choices still hold on Ringkasan; the districts picked here stay here', async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan?wilayah=33.28.01&periode=2025-01..2025-03&pilih=33.28,33.11');
		await ready(page);
		for (const id of ['pick-periode', 'pick-provinsi']) await expect.poll(() => page.getByTestId(id).isDisabled()).toBe(true);
		expect(await page.getByTestId('pick-periode').innerText()).toBe('Tidak dipakai di sini');
		// The area is not read, but the league's province filter starts from it: the picker says where to look, not that it is unused.
		expect(await page.getByTestId('pick-provinsi').innerText()).toBe('Lihat filter provinsi');
		expect(await page.getByTestId('pick-provinsi').getAttribute('title')).toContain('filter provinsinya di bawah dimulai dari provinsi wilayah Anda');
		expect(await page.getByTestId('filter-prov').inputValue()).toBe('33');
		expect(await page.getByTestId('pick-kabupaten').count()).toBe(0);
		await page.getByRole('link', { name: 'Ringkasan' }).click();
		await page.waitForURL((u) => u.pathname === '/');
		await expect.poll(() => page.getByTestId('pick-periode').isDisabled()).toBe(false);
		expect(await page.getByTestId('pick-periode').inputValue()).toBe('2025-01..2025-03');
		expect(await page.getByTestId('pick-kecamatan').inputValue()).toBe('33.28.01');
		// Bandingkan's own choice is not Ringkasan's: not in its address (nor its copied link), back on return.
		expect(new URL(page.url()).searchParams.has('pilih')).toBe(false);
		await page.getByRole('link', { name: 'Bandingkan' }).click();
		await page.waitForURL((u) => u.pathname === '/bandingkan');
		expect(new URL(page.url()).searchParams.get('pilih')).toBe('33.28,33.11');
		await expect.poll(() => page.getByTestId('pick-periode').isDisabled()).toBe(true);
		// Its link copies the comparison, as every page's does.
		await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin });
		await page.getByTestId('copy-link').click();
		await expect.poll(() => page.getByTestId('copy-link').innerText()).toContain('tersalin');
		expect(new URL(await page.evaluate(() => navigator.clipboard.readText())).searchParams.get('pilih')).toBe('33.28,33.11');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('CSV export: the table as shown, one line per district, BPS P0 as in the file', async () => {
		const { page } = await openPage(ctx, '/bandingkan');
		await ready(page);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('league-csv').click()]);
		// Named by the comparison's period, the one the page states.
		const national = await page.evaluate(async () => (await (await fetch('/nasional/indikator.json')).json()).periode as { start: string; end: string });
		expect(download.suggestedFilename()).toBe(`bandingkan-kabkota_${national.start}..${national.end}.csv`);
		// Like every download: semicolons and decimal commas for Excel in Indonesia; its first line says it holds no household count.
		const { note, header, rows } = parseExportCsv(readFileSync((await download.path())!, 'utf8'));
		expect(note).toContain('tanpa jumlah rumah tangga');
		// A share in percent, as the table shows it: Tegal's complaint resolution cell reads the same number.
		const shownCell = await shown(page.locator('[data-testid="league-row"][data-kode="33.28"] [data-indikator="keluhan_selesai"]'));
		const inFile = parseIndonesianNumber(rows.find((r) => r[1] === '33.28')![header.indexOf('keluhan_selesai_persen')]);
		expect(Math.abs(parseIndonesianNumber(shownCell.split('%')[0].trim()) - inFile)).toBeLessThanOrEqual(0.05 + 1e-9);
		expect(rows).toHaveLength(514);
		const tegal = rows.find((r) => r[1] === '33.28')!;
		expect(Number(tegal[header.indexOf('bps_p0_2025')].replace(',', '.'))).toBe(P0.get('33.28 2025'));
		expect(tegal[header.indexOf('sumber_indikator')]).toBe('pilot');
		await page.close();
	});
});

/**
 * Every district of the demo file has a value for every indicator, so the case with some without one
 * is made by serving the same file with the complaint-resolution share of the three largest
 * districts taken out (page.route: the service worker is blocked, harness.ts).
 */
describe('Bandingkan: the national map\'s "Tanpa data" line', () => {
	const INDICATOR = 'keluhan_selesai';
	const NATIONAL = JSON.parse(readFileSync(join(ROOT, 'build', 'nasional', 'indikator.json'), 'utf8'));
	const GEO = JSON.parse(readFileSync(join(ROOT, 'build', 'nasional', 'kabkota.geojson'), 'utf8'));
	type Feature = { properties: { kode: string } };
	/** The three largest districts: a point inside each is far from its boundary at the national zoom. */
	const MISSING = [...GEO.features].sort((a, b) => area(b) - area(a)).slice(0, 3).map((f: Feature) => f.properties.kode).sort();
	const withGaps = JSON.stringify({ ...NATIONAL, kabkota: NATIONAL.kabkota.map((d: { kode: string; nilai: Record<string, number | null> }) => (MISSING.includes(d.kode) ? { ...d, nilai: { ...d.nilai, [INDICATOR]: null } } : d)) });
	const rgb = (hex: string) => hexToRgb(hex).join();
	const [GROUND, INK] = [rgb(UNCOLOURED_SWATCH.none.background), rgb(UNCOLOURED_SWATCH.none.ink)];
	/** How far from white a stripe's middle may be on the map (levels of 255): its tile is sampled between pixels. */
	const INK_TOLERANCE = 6;

	let blocked: BrowserContext;
	beforeAll(async () => {
		blocked = await launchBrowser({ serviceWorkers: 'block' });
	});
	afterAll(async () => closeBrowser(blocked));

	async function open(gaps: boolean, lang = 'id') {
		const page = await blocked.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		if (gaps) await page.route('**/nasional/indikator.json', (r) => r.fulfill({ body: withGaps, contentType: 'application/json' }));
		await page.goto(`${baseURL()}/bandingkan?peta=${INDICATOR}${lang === 'en' ? '&lang=en' : ''}`);
		await ready(page);
		await nationalMapDrawn(page);
		return { page, errors };
	}
	/** The hatch layer's filter: which districts the map patterns as without data. */
	const hatchFilter = (page: Page) => page.evaluate((id) => (window as unknown as { __slrtNationalMap: import('maplibre-gl').Map }).__slrtNationalMap.getFilter(id), KABKOTA_HATCH);
	/**
	 * The map's PNG, read in the page: the colours of a 7 × 7 patch around where each of MISSING is
	 * drawn, and under the map (its caption and legend), how many pixels have the no-data ground and,
	 * within the box of those, the stripes' ink.
	 */
	async function picture(page: Page) {
		const at = await page.evaluate((pts) => {
			const m = (window as unknown as { __slrtNationalMap: import('maplibre-gl').Map }).__slrtNationalMap;
			const ratio = m.getCanvas().width / m.getCanvas().clientWidth;
			return { canvasHeight: m.getCanvas().height, pts: pts.map((p) => ({ x: Math.round(m.project(p).x * ratio), y: Math.round(m.project(p).y * ratio) })) };
		}, MISSING.map((k) => pointOnFeature(GEO.features.find((f: Feature) => f.properties.kode === k)).geometry.coordinates as [number, number]));
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
		const b64 = readFileSync((await file.path())!).toString('base64');
		return page.evaluate(
			async ({ b64, at, ground }) => {
				const img = new Image();
				img.src = `data:image/png;base64,${b64}`;
				await img.decode();
				const g = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
				g.drawImage(img, 0, 0);
				const px = (x: number, y: number) => [...g.getImageData(x, y, 1, 1).data.slice(0, 3)].join();
				const patch = (x: number, y: number) => {
					const seen = new Set<string>();
					for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) seen.add(px(x + dx, y + dy));
					return [...seen];
				};
				// Under the map: where the ground colour is, and what is inside that box.
				let box: [number, number, number, number] | null = null;
				let grounds = 0;
				const below = g.getImageData(0, at.canvasHeight, img.width, img.height - at.canvasHeight).data;
				for (let i = 0; i < below.length; i += 4) {
					if (`${below[i]},${below[i + 1]},${below[i + 2]}` !== ground) continue;
					grounds++;
					const [x, y] = [(i / 4) % img.width, at.canvasHeight + Math.floor(i / 4 / img.width)];
					box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
				}
				const inBox = box ? new Set(Array.from({ length: (box[2] - box[0] + 1) * (box[3] - box[1] + 1) }, (_, i) => px(box![0] + (i % (box![2] - box![0] + 1)), box![1] + Math.floor(i / (box![2] - box![0] + 1))))) : new Set<string>();
				return { height: img.height, map: at.pts.map((p) => patch(p.x, p.y)), legend: { grounds, inBox: [...inBox] } };
			},
			{ b64, at, ground: GROUND }
		);
	}

	test('every district has a value (the demo file): no "Tanpa data" line in the legend or under the PNG, and no district patterned', async () => {
		const { page, errors } = await open(false);
		expect(NATIONAL.kabkota.filter((d: { nilai: Record<string, number | null> }) => typeof d.nilai[INDICATOR] !== 'number')).toEqual([]);
		expect(await page.getByTestId('legend-line').allInnerTexts()).toEqual(['H · mencapai target', 'K · di bawah target', 'M · jauh dari target']);
		expect(await page.getByTestId('map-legend').innerText()).not.toContain('Tanpa data');
		expect(await hatchFilter(page)).toEqual(hatchedCodesFilter([]));
		const png = await picture(page);
		expect(png.height).toBeGreaterThan(400);
		expect(png.legend.grounds).toBe(0);
		// The largest districts have values: each is drawn in its band's colour, not patterned.
		for (const colours of png.map) expect(colours).not.toContain(GROUND);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('three districts without a value: "Tanpa data · 3 kab/kota" (English "No data · 3 districts"), drawn with Peta\'s no-data tile on the map, in the legend and in the PNG', async () => {
		const { page, errors } = await open(true);
		// The three are not coloured by a band, every other district is.
		const colours = await fillColours(page, GEO.features.map((f: Feature) => f.properties.kode), '__slrtNationalMap', 'kabkota', 'kabkota-isi');
		expect(Object.keys(colours).filter((k) => colours[k] === null).sort()).toEqual(MISSING);
		expect(await page.getByTestId('legend-line').allInnerTexts()).toEqual(['H · mencapai target', 'K · di bawah target', 'M · jauh dari target', 'Tanpa data · 3 kab/kota']);
		// The legend's swatch is the tile of the map's pattern (map/uncoloured.ts), as on Peta.
		const line = page.locator('[data-testid="legend-line"][data-reason="none"]');
		const swatch = await line.locator('i').evaluate((el) => ({ color: getComputedStyle(el).backgroundColor, image: getComputedStyle(el).backgroundImage }));
		expect(swatch).toEqual({ color: `rgb(${GROUND.split(',').join(', ')})`, image: swatchCss('none').match(/url\("[^"]+"\)/)![0] });
		expect(await hatchFilter(page)).toEqual(hatchedCodesFilter(MISSING));
		// The PNG: inside each of the three, the tile's ground and its white stripes (MapLibre samples the tile
		// between pixels at the map's fractional zoom, so a stripe's middle is white to within a few levels);
		// under the map, the legend's swatch of both, exactly.
		const png = await picture(page);
		const nearInk = (c: string) => c.split(',').every((v, i) => Math.abs(Number(v) - hexToRgb(UNCOLOURED_SWATCH.none.ink)[i]) <= INK_TOLERANCE);
		for (const [i, c] of png.map.entries()) {
			expect(c, MISSING[i]).toContain(GROUND);
			expect(c.some(nearInk), MISSING[i]).toBe(true);
		}
		expect(png.legend.grounds).toBeGreaterThan(40);
		expect(png.legend.inBox).toEqual(expect.arrayContaining([GROUND, INK]));
		expect(errors).toEqual([]);
		await page.close();

		const en = await open(true, 'en');
		expect((await en.page.getByTestId('legend-line').allInnerTexts()).at(-1)).toBe('No data · 3 districts');
		await en.page.close();
	});
});

