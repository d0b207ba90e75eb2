/**
 * What a keyboard and screen-reader user meets first: a skip link before the header's twelve stops,
 * and maps whose controls speak the page's language.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, openPage, petaDrawn } from './harness';

let ctx: BrowserContext;

beforeAll(async () => {
	ctx = await launchBrowser();
});
afterAll(async () => {
	await closeBrowser(ctx);
});

describe('skip link', () => {
	test('the first Tab reaches “Langsung ke isi”, shown while focused; Enter moves focus to the page’s content', async () => {
		for (const [path, text] of [
			['/?wilayah=33.28', 'Langsung ke isi'],
			['/indikator?wilayah=33.28&lang=en', 'Skip to content']
		]) {
			const { page, errors } = await openPage(ctx, path);
			await page.waitForSelector('[data-testid="pick-lang"]', { timeout: 60_000 });
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => ({ text: (document.activeElement as HTMLElement).innerText, tag: document.activeElement!.tagName }));
			expect(focused, path).toEqual({ text, tag: 'A' });
			// Visible while it has focus (not clipped to a pixel off the screen).
			const box = (await page.locator(':focus').boundingBox())!;
			expect(box.width, path).toBeGreaterThan(40);
			expect(box.y, path).toBeGreaterThanOrEqual(0);
			await page.keyboard.press('Enter');
			await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), { message: path }).toBe('MAIN');
			// The next Tab goes on into the content, not back to the header.
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('main')), path).toBe(true);
			expect(errors, path).toEqual([]);
			await page.close();
		}
	});
});

describe('map controls in the page’s language', () => {
	const labels = (page: import('playwright-core').Page, map: string) =>
		page.evaluate((map) => {
			const root = document.querySelector(`[data-testid="${map}"]`)!;
			return {
				canvas: root.querySelector('canvas')?.getAttribute('aria-label'),
				zoomIn: root.querySelector('.maplibregl-ctrl-zoom-in')?.getAttribute('aria-label'),
				zoomOut: root.querySelector('.maplibregl-ctrl-zoom-out')?.getAttribute('title')
			};
		}, map);

	test('Peta: “Peta”, “Perbesar”, “Perkecil” in Indonesian; “Map”, “Zoom in”, “Zoom out” in English, also after switching', async () => {
		const { page, errors } = await openPage(ctx, '/peta?wilayah=33.28');
		await petaDrawn(page);
		expect(await labels(page, 'peta-map')).toEqual({ canvas: 'Peta', zoomIn: 'Perbesar', zoomOut: 'Perkecil' });
		await page.getByTestId('pick-lang').selectOption('en');
		await expect.poll(() => labels(page, 'peta-map')).toEqual({ canvas: 'Map', zoomIn: 'Zoom in', zoomOut: 'Zoom out' });
		await page.close();
		const en = await openPage(ctx, '/peta?wilayah=33.28&lang=en');
		await petaDrawn(en.page);
		expect(await labels(en.page, 'peta-map')).toEqual({ canvas: 'Map', zoomIn: 'Zoom in', zoomOut: 'Zoom out' });
		expect([...errors, ...en.errors]).toEqual([]);
		await en.page.close();
	});

	test('Bandingkan’s national map and Perencanaan’s map speak Indonesian', async () => {
		const { page, errors } = await openPage(ctx, '/bandingkan');
		await page.waitForSelector('[data-testid="national-map"] canvas', { timeout: 120_000 });
		expect(await labels(page, 'national-map')).toEqual({ canvas: 'Peta', zoomIn: 'Perbesar', zoomOut: 'Perkecil' });
		await page.close();
		const plan = await openPage(ctx, '/perencanaan?wilayah=33.28');
		await plan.page.waitForSelector('[data-testid="siting-map"] canvas', { timeout: 120_000 });
		expect(await labels(plan.page, 'siting-map')).toEqual({ canvas: 'Peta', zoomIn: 'Perbesar', zoomOut: 'Perkecil' });
		expect([...errors, ...plan.errors]).toEqual([]);
		await plan.page.close();
	});
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
