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
		['/laporan?wilayah=33.28', '[data-testid="laporan"][data-status="ready"]']
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
