/**
 * Laporan (issue 8): the A4 briefing renders to PDF with every section, its headline figures equal
 * the Ringkasan page's, small counts are suppressed unless an internal copy is asked for (then
 * marked RAHASIA), and `npm run report` prints several districts at once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { parseExportCsv } from '../../src/lib/export/csv';
import { roundCount } from '../../src/lib/export/rounding';
import { NO_DATA_COLOR } from '../../src/lib/map/palette';
import { classifyLayer, MIN_REFERRALS } from '../../src/lib/peta/layers';
import { UNCOLOURED_SWATCH, type UncolouredReason } from '../../src/lib/map/uncoloured';
import { DEFAULT_PETA } from '../../src/lib/peta/params';
import { baseURL, closeBrowser, launchBrowser, nativeDuckDB, offOriginRequests, openPage } from './harness';
import { pdfPageTexts } from './pdf-text';

const ROOT = join(import.meta.dirname, '..', '..');
const SECTIONS = ['laporan-headline', 'laporan-scorecard', 'laporan-hotspot', 'laporan-rujukan', 'laporan-attention', 'laporan-trend', 'laporan-provenance'];
const FIGURES = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai', 'median_hari_rujukan', 'puskesos'];

let ctx: BrowserContext;
beforeAll(async () => {
	ctx = await launchBrowser();
});
afterAll(async () => {
	await closeBrowser(ctx);
});

async function ready(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid="laporan"][data-status="ready"]', { timeout: 120_000 });
}

/** Pages of a PDF: its page objects (not the /Pages tree node). */
function pdfPages(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('Laporan, Kabupaten Tegal', () => {
	test('prints to an A4 PDF with every section, and its headline figures equal Ringkasan', async () => {
		const ring = await openPage(ctx, '/?wilayah=33.28');
		await ring.page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 120_000 });
		const onRingkasan: Record<string, number> = {};
		for (const id of FIGURES) onRingkasan[id] = parseIndonesianNumber(await ring.page.getByTestId(`hl-${id}-value`).innerText());
		await ring.page.close();

		const { page, errors, requests } = await openPage(ctx, '/laporan?wilayah=33.28');
		await ready(page);
		const inBriefing: Record<string, number> = {};
		for (const id of FIGURES) inBriefing[id] = parseIndonesianNumber(await page.getByTestId(`lp-${id}`).innerText());
		// The public briefing rounds counts of households and cases as every public file does (export/rounding.ts); the median and Puskesos are no such counts.
		const KEY = JSON.parse(readFileSync(join(ROOT, 'build', 'extracts', 'manifest.json'), 'utf8')).kunci_pembulatan as string;
		const counts = new Set(['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai']);
		expect(inBriefing).toEqual(Object.fromEntries(FIGURES.map((id) => [id, counts.has(id) ? roundCount(onRingkasan[id], '33.28', KEY) : onRingkasan[id]])));
		expect(inBriefing.rumah_tangga).toBeGreaterThan(400_000);
		// Resolved ÷ received in the headline is not the resolution rate of section 2: the briefing says why, naming the indicator as section 2 does.
		const rate = await page.locator('[data-testid="brief-indicator"][data-indikator="keluhan_selesai"] td:first-child').innerText();
		expect(await page.getByTestId('laporan-headline-note').innerText()).toContain(`“${rate}”`);
		// An internal copy prints them exactly.
		const exact = await openPage(ctx, '/laporan?wilayah=33.28&internal=1');
		await ready(exact.page);
		for (const id of FIGURES) expect(parseIndonesianNumber(await exact.page.getByTestId(`lp-${id}`).innerText()), id).toBe(onRingkasan[id]);

		// Both maps draw every desa of the district; the attention list has ten desa, each with a reason.
		for (const map of ['laporan-map-hotspot', 'laporan-map-rujukan']) expect(await page.getByTestId(map).locator('path[data-kode]').count()).toBe(287);
		const rows = page.getByTestId('attention-row');
		expect(await rows.count()).toBe(10);
		for (const why of await rows.locator('td:last-child').allInnerTexts()) expect(why.length).toBeGreaterThan(5);
		// A public briefing's reason of low completion says the share printed beside it, and that share is below the rule's 60 %.
		const lows = (await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[4].textContent ?? '', tr.children[6].textContent ?? '']))).flatMap(([share, why]) => {
			const m = /hanya ([\d,]+)\s?% rujukan selesai/.exec(why);
			return m ? [[share, m[1]]] : [];
		});
		for (const [share, said] of lows) {
			expect(parseIndonesianNumber(share)).toBe(parseIndonesianNumber(said));
			expect(parseIndonesianNumber(said)).toBeLessThan(60);
		}

		// Indicators against targets: every indicator of the catalogue, each value as the Indikator page shows it.
		const briefRows = page.getByTestId('brief-indicator');
		const ids = await briefRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indikator')!));
		expect(ids.length).toBeGreaterThanOrEqual(15);
		expect((await briefRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rag')))).filter(Boolean).length).toBeGreaterThan(5);
		// A BPS figure says its source after its name, with a space.
		expect(await page.locator('[data-testid="brief-indicator"][data-indikator="bps_p0"] td:first-child').innerText()).toBe('Persentase penduduk miskin (P0) (BPS)');
		// The internal copy's values are the Indikator page's; the public one's are computed from rounded counts, a district's as good as the same.
		const briefValue = async (id: string, p = exact.page) => p.locator(`[data-testid="brief-indicator"][data-indikator="${id}"] td:nth-child(2)`).innerText();
		const ind = await openPage(ctx, '/indikator?wilayah=33.28');
		await ind.page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		for (const id of ids.slice(0, 6)) {
			const cell = ind.page.locator(`[data-testid="cell"][data-indikator="${id}"][data-kode="33.28"]`);
			expect((await cell.innerText()).split('\n')[0].replace(/[▲▼=HKM]/g, '').trim(), id).toContain((await briefValue(id)).trim());
			const [pub, internal] = [await briefValue(id, page), await briefValue(id)];
			if (internal.trim() !== '–') expect(Math.abs(parseIndonesianNumber(pub) - parseIndonesianNumber(internal)), `${id}: ${pub} / ${internal}`).toBeLessThanOrEqual(0.5);
		}
		await exact.page.close();
		// The national rank, now and 12 months before, as the Indikator page gives it.
		const rank = /^Peringkat nasional: (\d+) dari 514 \(12 bulan sebelumnya: (\d+)\)$/.exec(await ind.page.getByTestId('national-rank').innerText())!;
		expect(await page.getByTestId('laporan-rank').innerText()).toBe(`peringkat nasional: ${rank[1]} dari 514 (12 bulan sebelumnya: ${rank[2]})`);
		await ind.page.close();

		await page.emulateMedia({ media: 'print' });
		for (const s of SECTIONS) expect(await page.getByTestId(s).isVisible(), s).toBe(true);
		// The app's navigation does not print.
		expect(await page.locator('nav').isVisible()).toBe(false);
		// A chart last drawn wider than the paper still prints as wide as its box (QA: a chart drawn at the
		// screen's 1100 px made Chromium shrink the whole PDF to ~68 %).
		const fits = await page.locator('.chart').first().evaluate((box) => {
			for (const el of box.querySelectorAll<HTMLElement>('div, canvas')) el.style.width = '2000px';
			const canvas = box.querySelector('canvas')!;
			return canvas.getBoundingClientRect().width <= box.getBoundingClientRect().width + 0.5;
		});
		expect(fits).toBe(true);
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// Sections break between pages: the maps start a page, the list starts another.
		expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
		expect(errors).toEqual([]);
		expect(offOriginRequests(requests)).toEqual([]);
		await page.close();
	});

	test('the public briefing holds no count of 1–4; an internal copy shows them and says RAHASIA', async () => {
		const { page, errors } = await openPage(ctx, '/laporan?wilayah=35.76');
		await ready(page);
		expect(await page.getByTestId('laporan-suppression').innerText()).toContain('<5');
		const counts = await page.getByTestId('attention-row').evaluateAll((trs) => trs.map((tr) => (tr.children[3] as HTMLElement).innerText.split('\n')[0]));
		for (const c of counts) expect(c === '<5' || parseIndonesianNumber(c) === 0 || parseIndonesianNumber(c) >= 5, c).toBe(true);
		expect(await page.title()).toBe('Laporan singkat SLRT · Kota Mojokerto');
		await page.close();

		const internal = await openPage(ctx, '/laporan?wilayah=35.76&internal=1');
		await ready(internal.page);
		expect(await internal.page.getByTestId('laporan-internal').innerText()).toContain('RAHASIA');
		// The page's title is the printed PDF's title too (QA: an internal PDF's title had no RAHASIA).
		expect(await internal.page.title()).toBe('RAHASIA · Laporan singkat SLRT · Kota Mojokerto');
		// Every printed page carries the running line, the mark and its number; a public copy no mark,
		// and an English one says "Page".
		const texts = pdfPageTexts(await internal.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
		expect(texts.length).toBeGreaterThanOrEqual(3);
		for (const [i, t] of texts.entries()) {
			expect(t, `page ${i + 1}`).toContain('Dasbor SLRT · Laporan singkat SLRT · Kota Mojokerto');
			expect(t, `page ${i + 1}`).toContain('RAHASIA / CONFIDENTIAL');
			expect(t, `page ${i + 1}`).toContain(`Halaman ${i + 1} / ${texts.length}`);
		}
		await internal.page.getByTestId('pick-lang').selectOption('en');
		await ready(internal.page);
		const en = pdfPageTexts(await internal.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
		for (const [i, t] of en.entries()) {
			expect(t, `page ${i + 1}`).toContain('SLRT Dashboard · SLRT briefing · Kota Mojokerto');
			expect(t, `page ${i + 1}`).toContain(`Page ${i + 1} / ${en.length}`);
			expect(t, `page ${i + 1}`).not.toContain('Halaman');
		}
		// The maps' legends count villages in English (they said "(12 desa)").
		expect(en.join(' ')).toMatch(/\(\d+ villages\)/);
		expect(en.join(' ')).not.toMatch(/\(\d+ desa\)/);
		const publicPdf = await openPage(ctx, '/laporan?wilayah=35.76');
		await ready(publicPdf.page);
		const pub = pdfPageTexts(await publicPdf.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
		for (const t of pub) expect(t).not.toContain('RAHASIA');
		expect(pub[0]).toContain('Halaman 1 /');
		await publicPdf.page.close();
		// The confidential mode is asked for on this page: the navigation to the others does not carry it.
		const links = await internal.page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(links.length).toBe(7);
		for (const href of links) expect(href, href).toMatch(/wilayah=35\.76/);
		for (const href of links) expect(href, href).not.toContain('internal');
		expect(errors).toEqual([]);
		expect(internal.errors).toEqual([]);
		await internal.page.close();
	});
});

describe('Laporan, its composite score', () => {
	test('a public briefing prints the score Bandingkan ranks it by (of values from rounded counts); an internal one the Indikator page’s', async () => {
		const band = await openPage(ctx, '/bandingkan?wilayah=35.76');
		const league = band.page.locator('[data-testid="league-row"][data-kode="35.76"] [data-testid="score"]');
		await league.waitFor({ timeout: 120_000 });
		// textContent: a league row out of sight is skipped by the browser (content-visibility), its innerText empty.
		const ranked = ((await league.textContent()) ?? '').trim();
		await band.page.close();
		const ind = await openPage(ctx, '/indikator?wilayah=35.76');
		await ind.page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		const exact = (await ind.page.locator('[data-testid="composite"][data-kode="35.76"] strong').innerText()).trim();
		await ind.page.close();
		const score = async (url: string) => {
			const { page, errors } = await openPage(ctx, url);
			await ready(page);
			const m = /Skor komposit: ([\d,]+) \/ 100/.exec(await page.getByTestId('laporan-composite').innerText());
			expect(errors).toEqual([]);
			await page.close();
			return m![1];
		};
		expect(await score('/laporan?wilayah=35.76')).toBe(ranked);
		expect(await score('/laporan?wilayah=35.76&internal=1')).toBe(exact);
	});
});

describe('Laporan of a kecamatan, beside the Indikator CSV', () => {
	test('prints no value, band or trend the Indikator CSV withholds ("x") or blanks for that kecamatan', async () => {
		const KEC = '35.76.01';
		const ind = await openPage(ctx, '/indikator?wilayah=35.76');
		await ind.page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		const [file] = await Promise.all([ind.page.waitForEvent('download'), ind.page.getByTestId('export-csv').click()]);
		const csv = parseExportCsv(readFileSync((await file.path())!, 'utf8'));
		await ind.page.close();
		const at = (name: string) => csv.header.indexOf(name);
		const mine = csv.rows.filter((r) => r[0] === KEC);
		const blank = mine.filter((r) => r[at('nilai')] === '').map((r) => r[at('indikator')]);
		// A count of this kecamatan written "x" beside a hidden one: the case QA found printed in the briefing.
		expect(mine.some((r) => r[at('pembilang')] === 'x' || r[at('penyebut')] === 'x')).toBe(true);
		const { page, errors } = await openPage(ctx, `/laporan?wilayah=${KEC}`);
		await ready(page);
		const rows = await page.getByTestId('brief-indicator').evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-indikator')!, rag: tr.getAttribute('data-rag'), value: (tr.children[1] as HTMLElement).innerText.trim(), trend: (tr.children[4] as HTMLElement).innerText.trim() })));
		for (const id of blank) {
			const row = rows.find((r) => r.id === id);
			if (!row) continue;
			expect(row, id).toEqual({ id, rag: '', value: '–', trend: '' });
		}
		expect(blank.filter((id) => rows.some((r) => r.id === id)).length).toBeGreaterThan(0);
		// Its public score leaves those out, and says how many (QA: a score first of 8 in public, second in the internal copy, without a word).
		const xs = mine.filter((r) => r[at('pembilang')] === 'x' || r[at('penyebut')] === 'x').length;
		const said = /tanpa (\d+) indikator yang tidak dicetak/.exec(await page.getByTestId('laporan-composite-withheld').innerText());
		expect(Number(said?.[1])).toBeGreaterThanOrEqual(1);
		// Those written "x", and those whose value rests on a "<5" (blank in the CSV).
		expect(Number(said?.[1])).toBeGreaterThanOrEqual(Math.min(xs, 1));
		expect(Number(said?.[1])).toBeLessThanOrEqual(mine.filter((r) => r[at('nilai')] === '').length);
		expect(errors).toEqual([]);
		await page.close();
		const internal = await openPage(ctx, `/laporan?wilayah=${KEC}&internal=1`);
		await ready(internal.page);
		expect(await internal.page.getByTestId('laporan-composite').isVisible()).toBe(true);
		expect(await internal.page.getByTestId('laporan-composite-withheld').count()).toBe(0);
		await internal.page.close();
		// QA's case: one month of a small kecamatan, its indicators blank for "<5" only.
		const month = await openPage(ctx, '/laporan?wilayah=73.03.06&periode=2026-10..2026-10');
		await ready(month.page);
		expect(await month.page.getByTestId('laporan-composite-withheld').innerText()).toMatch(/tanpa \d+ indikator yang tidak dicetak/);
		expect(month.errors).toEqual([]);
		await month.page.close();
	});
});

describe('Laporan, when it was made', () => {
	test('the time it was made follows the briefing shown (another district) and the moment it is printed', async () => {
		const { page, errors } = await openPage(ctx, '/laporan?wilayah=33.28');
		await ready(page);
		const made = async () => (await page.getByTestId('laporan-provenance').innerText()).match(/pukul (\d\d\.\d\d) WIB/)?.[1];
		await page.clock.setFixedTime(new Date('2026-11-30T01:07:00Z'));
		await page.getByTestId('pick-kabupaten').selectOption('33.11');
		await expect.poll(() => page.getByTestId('area-title').innerText(), { timeout: 60_000 }).toContain('Sukoharjo');
		await ready(page);
		await expect.poll(made).toBe('08.07');
		await page.clock.setFixedTime(new Date('2026-11-30T01:09:00Z'));
		await page.pdf({ format: 'A4' });
		expect(await made()).toBe('08.09');
		expect(await page.title()).toBe('Laporan singkat SLRT · Kabupaten Sukoharjo');
		expect(errors).toEqual([]);
		await page.close();
	});

	test('with a kecamatan chosen, the briefing is of that kecamatan: its figures as Ringkasan gives them, its desa, its rank among the district’s kecamatan', async () => {
		const KEC = '33.28.10';
		const ring = await openPage(ctx, `/?wilayah=${KEC}`);
		await ring.page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 120_000 });
		const onRingkasan: Record<string, number> = {};
		for (const id of FIGURES) onRingkasan[id] = parseIndonesianNumber(await ring.page.getByTestId(`hl-${id}-value`).innerText());
		await ring.page.close();

		const { page, errors } = await openPage(ctx, `/laporan?wilayah=${KEC}`);
		await ready(page);
		expect(await page.getByTestId('area-title').innerText()).toBe('Laporan singkat SLRT: Kec. Slawi, Kabupaten Tegal');
		expect(await page.title()).toBe('Laporan singkat SLRT · Kec. Slawi, Kabupaten Tegal');
		// The kecamatan's own headline, each count rounded by the kecamatan's code as its Ringkasan CSV rounds it.
		const KEY = JSON.parse(readFileSync(join(ROOT, 'build', 'extracts', 'manifest.json'), 'utf8')).kunci_pembulatan as string;
		const counts = new Set(['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai']);
		const inBriefing: Record<string, number | string> = {};
		for (const id of FIGURES) {
			const t = await page.getByTestId(`lp-${id}`).innerText();
			inBriefing[id] = t === '<5' ? t : parseIndonesianNumber(t);
		}
		const expected = (id: string) => (!counts.has(id) ? onRingkasan[id] : onRingkasan[id] >= 1 && onRingkasan[id] < 5 ? '<5' : roundCount(onRingkasan[id], KEC, KEY));
		expect(inBriefing).toEqual(Object.fromEntries(FIGURES.map((id) => [id, expected(id)])));
		expect(onRingkasan.rumah_tangga).toBeLessThan(50_000);

		// Its desa only, on both maps and in the attention list.
		const geo = JSON.parse(readFileSync(join(ROOT, 'build', 'geo', 'desa', 'kode_kab=33.28.geojson'), 'utf8')) as { features: { properties: { kode_kec: string } }[] };
		const inKec = geo.features.filter((f) => f.properties.kode_kec === KEC).length;
		expect(inKec).toBeGreaterThan(5);
		expect(await page.getByTestId('laporan-map-hotspot').locator('path[data-kode]').count()).toBe(inKec);
		// The public completion map is per kecamatan: the whole district, so the kecamatan is seen among its neighbours.
		expect(await page.getByTestId('laporan-map-rujukan').locator('path[data-kode]').count()).toBe(geo.features.length);
		const listed = async (p: Page) => p.getByTestId('attention-row').evaluateAll((trs) => trs.map((tr) => (tr.children[1] as HTMLElement).innerText.split('\n')[1].trim()));
		const kecList = await listed(page);
		expect(kecList.length).toBeGreaterThan(0);
		for (const kode of kecList) expect(kode.startsWith(`${KEC}.`), kode).toBe(true);
		expect(await page.getByTestId('laporan-hotspot-district').innerText()).toContain('seluruh desa kabupaten/kota');

		// The same rule as the district's briefing: the district's listed desa of this kecamatan come first, in the same order.
		const whole = await openPage(ctx, '/laporan?wilayah=33.28');
		await ready(whole.page);
		const fromDistrict = (await listed(whole.page)).filter((k) => k.startsWith(`${KEC}.`));
		expect(kecList.slice(0, fromDistrict.length)).toEqual(fromDistrict);
		await whole.page.close();

		// Its composite and its rank among the district's kecamatan, as the Indikator page gives them.
		const ind = await openPage(ctx, '/indikator?wilayah=33.28');
		await ind.page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		const [score, rank, of] = /^([\d,]+)\s*#(\d+)\/(\d+)$/.exec((await ind.page.locator(`[data-testid="composite"][data-kode="${KEC}"]`).innerText()).replace(/\s+/g, ' ').replace(' #', '#').trim())!.slice(1);
		await ind.page.close();
		expect(Number(of)).toBe(18);
		// The internal copy's score and rank are the Indikator page's; the public copy's are of the values it prints (from rounded counts), near them.
		const internal = await openPage(ctx, `/laporan?wilayah=${KEC}&internal=1`);
		await ready(internal.page);
		expect(await internal.page.getByTestId('laporan-composite').innerText()).toContain(`Skor komposit: ${score} / 100`);
		expect(await internal.page.getByTestId('laporan-rank').innerText()).toBe(`peringkat di kabupaten/kota: ${rank} dari ${of} kecamatan`);
		await internal.page.close();
		const pub = /^Skor komposit: ([\d,]+) \/ 100 · peringkat di kabupaten\/kota: (\d+) dari 18 kecamatan$/.exec((await page.getByTestId('laporan-composite').innerText()).trim())!;
		// A kecamatan's counts are small: rounding moves an indicator's value by up to a few points, and its score with it.
		expect(Math.abs(parseIndonesianNumber(pub[1]) - parseIndonesianNumber(score))).toBeLessThan(5);
		expect(Math.abs(Number(pub[2]) - Number(rank))).toBeLessThanOrEqual(3);

		await page.getByTestId('pick-lang').selectOption('en');
		await expect.poll(() => page.getByTestId('laporan-rank').innerText()).toBe(`rank in the district: ${pub[2]} of ${of} sub-districts`);
		// Back to the whole district: its national rank again.
		await page.getByTestId('pick-kecamatan').selectOption('');
		await expect.poll(() => page.getByTestId('area-title').innerText()).toBe('SLRT briefing: Kabupaten Tegal');
		await ready(page);
		await expect.poll(() => page.getByTestId('laporan-rank').innerText()).toMatch(/^national rank: \d+ of 514/);
		expect(errors).toEqual([]);
		await page.close();
	});

	test('without a district the title is the briefing’s alone', async () => {
		const { page, errors } = await openPage(ctx, '/laporan?wilayah=33');
		await expect.poll(() => page.title()).toBe('Laporan singkat SLRT');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('Laporan, the referral map in print', () => {
	test('a public briefing colours each desa by its kecamatan\'s completion share, from the kecamatan\'s rounded counts; an internal one by the desa\'s own share', async () => {
		const manifest = JSON.parse(readFileSync(join(ROOT, 'build', 'extracts', 'manifest.json'), 'utf8'));
		const KEY = manifest.kunci_pembulatan as string;
		const [ey, em] = (manifest.window.end as string).split('-').map(Number);
		const startIdx = ey * 12 + em - 1 - 11;
		const START = `${Math.floor(startIdx / 12)}-${String((startIdx % 12) + 1).padStart(2, '0')}-01`;
		const LAST = new Date(Date.UTC(ey, em, 0)).toISOString().slice(0, 10);
		const conn = await nativeDuckDB();
		const files = `read_parquet('${join(ROOT, 'build', 'extracts', 'rujukan', 'kode_kab=33.28', '*.parquet')}')`;
		const rows = (await conn.runAndReadAll(`SELECT kode_desa, count(*)::INTEGER AS n, count(*) FILTER (WHERE status = 'selesai' AND tgl_selesai <= DATE '${LAST}')::INTEGER AS s
			FROM ${files} WHERE tgl_terdaftar BETWEEN DATE '${START}' AND DATE '${LAST}' GROUP BY 1`)).getRowObjectsJS();
		conn.closeSync();
		const fills = async (path: string) => {
			const { page, errors } = await openPage(ctx, path);
			await ready(page);
			const map = page.getByTestId('laporan-map-rujukan');
			const out = {
				fill: new Map(await map.locator('path[data-kode]').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-kode')!, p.getAttribute('fill')!] as [string, string]))),
				legend: (await map.locator('figcaption').innerText()).replace(/\s+/g, ' '),
				// The legend's uncoloured lines: each one's reason and what its swatch is filled with.
				swatches: await map.locator('li[data-reason]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-reason'), li.querySelector('svg.swatch rect')?.getAttribute('fill')])),
				// Each pattern: its id, its ground and its ink.
				patterns: await map.locator('pattern').evaluateAll((ps) => ps.map((p) => [p.id, p.querySelector('rect')!.getAttribute('fill'), p.querySelector('path')!.getAttribute('fill')])),
				note: await page.getByTestId('laporan-rujukan-public').count()
			};
			expect(errors).toEqual([]);
			await page.close();
			return out;
		};
		const pub = await fills('/laporan?wilayah=33.28');
		const internal = await fills('/laporan?wilayah=33.28&internal=1');
		const view = { ...DEFAULT_PETA, lapisan: 'rujukan' as const };
		const sameGroups = (fill: Map<string, string>, codes: string[], cls: (k: string) => number | null) => {
			for (const a of codes) for (const b of codes) if (a < b) expect(fill.get(a) === fill.get(b), `${a} ${b}`).toBe(cls(a) === cls(b));
		};

		// Public: a kecamatan's referrals and completed ones, rounded with its code as every public file rounds them.
		const byKec = new Map<string, { n: number; s: number }>();
		for (const r of rows) {
			const k = byKec.get((r.kode_desa as string).slice(0, 8)) ?? { n: 0, s: 0 };
			k.n += r.n as number;
			k.s += r.s as number;
			byKec.set((r.kode_desa as string).slice(0, 8), k);
		}
		const kecs = [...byKec.keys()].filter((k) => byKec.get(k)!.s >= 5);
		expect(kecs.length).toBeGreaterThan(10);
		const share = new Map(kecs.map((k) => [k, roundCount(byKec.get(k)!.s, k, KEY) / roundCount(byKec.get(k)!.n, k, KEY)]));
		// Close to the exact share: a kecamatan's counts are in the tens to hundreds (a desa's from rounded counts could be 40 points off).
		for (const k of kecs) expect(Math.abs(share.get(k)! - byKec.get(k)!.s / byKec.get(k)!.n), k).toBeLessThan(0.05);
		const c = classifyLayer(kecs.map((k) => share.get(k)!), view);
		const kecClass = (desa: string) => c.classOf(share.get(desa.slice(0, 8)) ?? null);
		const desaInKecs = [...pub.fill.keys()].filter((k) => kecs.includes(k.slice(0, 8)));
		sameGroups(pub.fill, desaInKecs, kecClass);
		// An uncoloured kecamatan's desa are filled with its reason's pattern: too few referrals in all (1–4),
		// or hidden (1–4 completed, printed "<5"), each the pattern of its own legend line.
		const reasonOfKec = (k: string) => (byKec.get(k)!.n < MIN_REFERRALS ? 'few' : byKec.get(k)!.s >= 1 && byKec.get(k)!.s < 5 ? 'hidden' : null);
		const url = (r: string) => `url(#laporan-map-rujukan-${r})`;
		for (const [kode, fill] of pub.fill) {
			const k = kode.slice(0, 8);
			const r = byKec.has(k) ? reasonOfKec(k) : 'none';
			if (r) expect(fill, kode).toBe(url(r));
			else expect(fill, kode).toMatch(/^#/);
		}
		const pubReasons: string[] = [...new Set([...byKec.keys()].map(reasonOfKec).filter((r) => r !== null))];
		// (In Tegal every kecamatan has enough completed referrals: its public map has no uncoloured line.)
		expect(pub.swatches).toEqual(['few', 'none', 'hidden'].filter((r) => pubReasons.includes(r)).map((r) => [r, url(r)]));
		// The patterns are the map's tiles (map/uncoloured.ts): the same grounds and inks, three apart.
		for (const c of [pub, internal]) expect(c.patterns).toEqual(['few', 'none', 'hidden'].map((r) => [`laporan-map-rujukan-${r}`, UNCOLOURED_SWATCH[r as UncolouredReason].background, UNCOLOURED_SWATCH[r as UncolouredReason].ink]));
		expect(pub.legend).toContain('kecamatan)');
		expect(pub.legend).not.toContain('desa)');
		expect(pub.note).toBe(1);

		// Internal: the desa's own exact shares, over the desa with 5+ referrals.
		const enough = rows.filter((r) => (r.n as number) >= MIN_REFERRALS).map((r) => r.kode_desa as string);
		const exact = new Map(rows.map((r) => [r.kode_desa as string, (r.s as number) / (r.n as number)]));
		const ci = classifyLayer(enough.map((k) => exact.get(k)!), view);
		sameGroups(internal.fill, enough, (k) => ci.classOf(exact.get(k)!));
		// A desa with 1–4 referrals is drawn as too few, one with none as without data, and the legend shows both.
		const referrals = new Map(rows.map((r) => [r.kode_desa as string, r.n as number]));
		for (const [kode, fill] of internal.fill) {
			const n = referrals.get(kode) ?? 0;
			expect(fill, kode).toBe(n === 0 ? url('none') : n < MIN_REFERRALS ? url('few') : fill.startsWith('#') ? fill : 'a class colour');
		}
		const internalReasons = ['few', 'none'].filter((r) => [...internal.fill.values()].includes(url(r)));
		expect(internalReasons).toContain('few');
		expect(internal.swatches).toEqual(internalReasons.map((r) => [r, url(r)]));
		expect(internal.legend).toContain('desa)');
		expect(internal.note).toBe(0);
	});
});

describe('Laporan without DuckDB-WASM', () => {
	test('says the briefing needs the detailed data instead of loading forever, though the map has its opening view', async () => {
		const own = await launchBrowser({ serviceWorkers: 'block' });
		const page = await own.newPage();
		await page.route('**/duckdb-eh*.wasm', (route) => route.abort('failed'));
		await page.goto(new URL('/laporan?wilayah=33.28', baseURL() + '/').href);
		await page.waitForSelector('[data-testid="laporan"][data-status="aggregate"]', { timeout: 60_000 });
		expect(await page.getByTestId('laporan-no-rows').innerText()).toContain('laporan memerlukan data rinci');
		expect(await page.getByTestId('laporan-headline').count()).toBe(0);
		await closeBrowser(own);
	});
});

describe('npm run report', () => {
	test('prints a PDF per district named on the command line', () => {
		const out = mkdtempSync(join(tmpdir(), 'laporan-'));
		try {
			const r = spawnSync('npx', ['tsx', 'scripts/report.ts', '35.76', '73.03', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
			expect(r.status, r.stderr).toBe(0);
			const files = readdirSync(out).sort();
			expect(files).toEqual([expect.stringMatching(/^laporan_35\.76_\d{4}-\d{2}\.\.\d{4}-\d{2}\.pdf$/), expect.stringMatching(/^laporan_73\.03_/)]);
			for (const f of files) expect(pdfPages(readFileSync(join(out, f)))).toBeGreaterThanOrEqual(3);
			// A period reaching past the data prints the months it has, named so, and says so; an English copy has its own name (QA).
			const part = spawnSync('npx', ['tsx', 'scripts/report.ts', '35.76', '--lang', 'en', '--periode', '2026-06..2027-03', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 200_000 });
			expect(part.status, part.stderr).toBe(0);
			expect(part.stderr).toContain('NOTE — The period Jun 2026 – Mar 2027 (--periode) reaches outside the months of the data');
			expect(readdirSync(out)).toContain('laporan_35.76_2026-06..2026-10_en.pdf');
			// A period the data has no month of prints nothing and fails, saying why.
			const none = spawnSync('npx', ['tsx', 'scripts/report.ts', '35.76', '--periode', '2001-01..2001-03', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 200_000 });
			expect(none.status).toBe(1);
			expect(none.stderr).toContain('GAGAL / FAILED — Periode Jan 2001 – Mar 2001 (--periode) di luar bulan-bulan data');
			expect(readdirSync(out)).toHaveLength(3);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 420_000);
});
