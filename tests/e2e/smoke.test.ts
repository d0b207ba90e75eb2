import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { baseURL, closeBrowser, launchBrowser, offOriginRequests, openPage } from './harness';

let ctx: BrowserContext;

beforeAll(async () => {
	ctx = await launchBrowser();
});

afterAll(async () => {
	await closeBrowser(ctx);
});

test('home page loads with its title, no errors and no off-origin requests', async () => {
	const { page, requests, errors } = await openPage(ctx, '/');
	await expect.poll(() => page.title(), { timeout: 30_000 }).toContain('Dasbor SLRT');
	// let late module/worker loads settle before checking errors and requests
	await page.waitForLoadState('networkidle').catch(() => {});
	expect(errors).toEqual([]);
	expect(offOriginRequests(requests, baseURL())).toEqual([]);
});

test('on a phone (390 px) no page is wider than the screen: wide tables scroll inside their own box', async () => {
	const pages: [string, string][] = [
		['/?wilayah=33.28', '[data-source="live"]'],
		['/peta?wilayah=33.28', '[data-testid="desa-row"]'],
		['/indikator?wilayah=33.28', '[data-testid="indikator"][data-status="ready"]'],
		['/bandingkan', '[data-testid="league-row"]'],
		['/perencanaan?wilayah=33.28', '[data-testid="siting-status"][data-state="done"]'],
		['/data', '[data-testid="quality-kecamatan"]'],
		// A link's long unbroken values, said back in the notice, wrap inside it (QA: 436 px wide on a 360 px screen).
		[`/laporan?wilayah=${'A'.repeat(300)}&periode=${'9'.repeat(60)}&lang=en`, '[data-testid="laporan"][data-status="ready"]']
	];
	for (const [path, ready] of pages) {
		const { page, errors } = await openPage(ctx, path);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.waitForSelector(ready, { timeout: 120_000 });
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), path).toBeLessThanOrEqual(0);
		// The header leaves most of the first screen to the page (it took 347 of 844 px, its links in three
		// rows), and the current page's link is in view in its one sideways-scrolling row.
		const header = (await page.locator('body > div header.no-print, header.no-print').first().boundingBox())!;
		expect(header.height, path).toBeLessThanOrEqual(0.3 * 844);
		const current = (await page.locator('nav a[aria-current="page"]').boundingBox())!;
		expect(current.x, path).toBeGreaterThanOrEqual(0);
		expect(current.x + current.width, path).toBeLessThanOrEqual(390);
		expect(errors, path).toEqual([]);
		await page.close();
	}
	// And on a 360 px phone, where a disabled picker's floor of 11rem made Bandingkan 1 px too wide (QA).
	const { page, errors } = await openPage(ctx, '/bandingkan');
	await page.setViewportSize({ width: 360, height: 780 });
	await page.waitForSelector('[data-testid="league-row"]', { timeout: 120_000 });
	await page.waitForTimeout(300);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
	expect(errors).toEqual([]);
	await page.close();
});

test('on a touch phone the header’s pickers and the page’s buttons are big enough for a finger (24 px at least), two pickers a row', async () => {
	const phone = await launchBrowser({ phone: true });
	try {
		const { page, errors } = await openPage(phone, '/peta?wilayah=33.28');
		await page.waitForSelector('[data-testid="desa-row"]', { timeout: 120_000 });
		const heights = await page.evaluate(() => [...document.querySelectorAll('header select, [data-testid^="layer-"], [data-testid^="export-"]')].map((e) => [e.getAttribute('data-testid') ?? e.tagName, e.getBoundingClientRect().height] as [string, number]));
		expect(heights.length).toBeGreaterThan(8);
		for (const [what, h] of heights) expect(h, what).toBeGreaterThanOrEqual(24);
		const [prov, kab] = await Promise.all(['pick-provinsi', 'pick-kabupaten'].map((id) => page.getByTestId(id).boundingBox()));
		expect(Math.abs(prov!.y - kab!.y)).toBeLessThan(2);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
		expect(errors).toEqual([]);
	} finally {
		await closeBrowser(phone);
	}
});

test('a link to an area or period the extract does not hold says so, and what it shows instead: the nearest area, the months it has', async () => {
	// A kecamatan code Kabupaten Gorontalo does not have, and a period reaching before the data.
	const { page, errors } = await openPage(ctx, '/laporan?wilayah=75.01.99&periode=2024-01..2025-03');
	await page.waitForSelector('[data-testid="laporan"][data-status="ready"]', { timeout: 120_000 });
	// Before, the page showed Kabupaten Tegal (the default district) and the last 12 months, without a word.
	expect(await page.getByTestId('area-title').innerText()).toContain('Kabupaten Gorontalo');
	expect(await page.getByTestId('laporan').getAttribute('data-periode')).toBe('2024-11..2025-03');
	const notice = page.getByTestId('link-notice');
	expect(await notice.innerText()).toContain('Wilayah 75.01.99 di tautan ini tidak ada dalam ekstrak; yang tampil: Kabupaten Gorontalo (75.01).');
	expect(await notice.innerText()).toContain('Periode Jan 2024 – Mar 2025 di tautan ini melewati bulan-bulan data (Nov 2024 – Okt 2026); yang tampil: Nov 2024 – Mar 2025.');
	await notice.getByRole('button').click();
	expect(await page.getByTestId('link-notice').count()).toBe(0);
	// In English; a period that cannot be read; a district the extract lacks, in a province it has.
	await page.goto(`${baseURL()}/peta?wilayah=33.99&periode=kemarin&lang=en`);
	await page.waitForSelector('[data-testid="link-notice"]', { timeout: 60_000 });
	const text = await page.getByTestId('link-notice').innerText();
	expect(text).toContain('The area 33.99 in this link is not in the extract; showing Jawa Tengah (33).');
	expect(text).toContain('The period “kemarin” in this link cannot be read (it is written YYYY-MM..YYYY-MM); showing Nov 2025 – Oct 2026.');
	// A link the extract can show as asked has no notice.
	await page.goto(`${baseURL()}/peta?wilayah=33.28.01&periode=2025-01..2025-03`);
	await page.waitForSelector('[data-testid="peta"][data-status="ready"], [data-testid="peta"][data-status="summary"]', { timeout: 120_000 });
	expect(await page.getByTestId('link-notice').count()).toBe(0);
	// A code without its dots is the same code: no notice (QA: 3328102004 showed the default district).
	await page.goto(`${baseURL()}/peta?wilayah=332801`);
	await page.waitForSelector('[data-testid="peta"][data-status="ready"], [data-testid="peta"][data-status="summary"]', { timeout: 120_000 });
	expect(await page.getByTestId('area-title').innerText()).toContain('Kec. Margasari');
	expect(await page.getByTestId('link-notice').count()).toBe(0);
	// Bandingkan shows the province its filter starts from, and the notice says that, not the kecamatan (QA).
	await page.goto(`${baseURL()}/bandingkan?wilayah=33.28.99&lang=en`);
	await page.waitForSelector('[data-testid="link-notice"]', { timeout: 60_000 });
	expect(await page.getByTestId('link-notice').innerText()).toContain('The area 33.28.99 in this link is not in the extract; showing Jawa Tengah (33).');
	expect(errors).toEqual([]);
	await page.close();
});
