/**
 * Accessibility in real Chromium: text that reads at WCAG AA contrast.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, openPage } from './harness';

let ctx: BrowserContext;

beforeAll(async () => {
	ctx = await launchBrowser();
});
afterAll(async () => {
	await closeBrowser(ctx);
});

describe('contrast', () => {
	test('Bandingkan’s district codes and the scorecard’s “not at this level” dots read at 4.5:1 on white at least', async () => {
		/** WCAG contrast of an element's text colour against white. */
		const contrasts = (page: import('playwright-core').Page, selector: string) =>
			page.locator(selector).evaluateAll((els) =>
				els.slice(0, 5).map((e) => {
					const [r, g, b] = getComputedStyle(e).color.match(/\d+/g)!.slice(0, 3).map((c) => Number(c) / 255);
					const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
					return 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
				})
			);
		const { page, errors } = await openPage(ctx, '/bandingkan');
		await page.waitForSelector('[data-testid="league-row"]', { timeout: 120_000 });
		const codes = await contrasts(page, '[data-testid="league-row"] td.name span');
		expect(codes.length).toBeGreaterThan(0);
		for (const c of codes) expect(c).toBeGreaterThanOrEqual(4.5);
		await page.close();
		const ind = await openPage(ctx, '/indikator?wilayah=33.28');
		await ind.page.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 });
		const dots = await contrasts(ind.page, '[data-testid="cell"] span[title]');
		expect(dots.length).toBeGreaterThan(0);
		for (const c of dots) expect(c).toBeGreaterThanOrEqual(4.5);
		expect([...errors, ...ind.errors]).toEqual([]);
		await ind.page.close();
	});
});
