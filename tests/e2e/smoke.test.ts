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
