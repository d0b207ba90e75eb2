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
		expect(errors, path).toEqual([]);
		await page.close();
	}
});
