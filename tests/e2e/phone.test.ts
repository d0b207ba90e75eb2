/**
 * A touch phone (390 × 844, hasTouch, isMobile) in real Chromium: the scorecard shows a whole figure
 * column beside the indicator names.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, openPage } from './harness';

let phone: BrowserContext;

beforeAll(async () => {
	phone = await launchBrowser({ phone: true });
});
afterAll(async () => {
	await closeBrowser(phone);
});

describe('Indikator on a phone', () => {
	test('beside the indicator names a whole figure column shows: the district’s values are not cut at the screen’s edge', async () => {
		const { page, errors } = await openPage(phone, '/indikator?wilayah=75.01&lang=en');
		await page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		const table = page.getByTestId('scorecard');
		const wrap = (await page.locator('.scroll-x:has([data-testid="scorecard"])').boundingBox())!;
		// The sideways-scrolling box fades out over its last 1.75rem (28 px): a figure there reads as cut.
		const clear = wrap.x + wrap.width - 28;
		const values = table.locator('[data-testid="cell"][data-kode="75.01"] [data-testid="cell-value"]');
		expect(await values.count()).toBeGreaterThan(5);
		const rights = await values.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
		for (const r of rights) expect(r).toBeLessThanOrEqual(clear);
		// Its name whole over it (QA: "Kabupaten Gor…").
		expect(await table.locator('th[data-kode="75.01"] .name').evaluate((e) => [e.textContent, e.scrollHeight <= e.clientHeight])).toEqual(['Kabupaten Gorontalo', true]);
		const composite = (await table.locator('[data-testid="composite"][data-kode="75.01"]').boundingBox())!;
		expect(composite.x + composite.width).toBeLessThanOrEqual(clear);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
		expect(errors).toEqual([]);
		await page.close();
	});
});
