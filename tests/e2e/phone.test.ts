/**
 * A touch phone (390 × 844, hasTouch, isMobile) in real Chromium: a tapped desa's panel comes into
 * sight and the page stays as wide as the screen; the scorecard shows a whole figure column beside
 * the indicator names.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, openPage, petaDrawn } from './harness';

let phone: BrowserContext;

beforeAll(async () => {
	phone = await launchBrowser({ phone: true });
});
afterAll(async () => {
	await closeBrowser(phone);
});

describe('Peta on a touch phone', () => {
	test('a tap on a desa near the map’s right edge: the page stays as wide as the screen, its tooltip inside the map, and the desa’s panel in view', async () => {
		const { page, errors } = await openPage(phone, '/peta?wilayah=33.28');
		await petaDrawn(page);
		const canvas = (await page.getByTestId('peta-map').locator('canvas').boundingBox())!;
		// A point on a desa close to the map's right edge, where a tooltip beside the finger ran off the screen (QA: to 489 px).
		const point = await page.evaluate((width) => {
			const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
			const h = m.getCanvas().clientHeight;
			for (let x = width - 40; x > width / 2; x -= 4)
				for (let y = h / 3; y < (2 * h) / 3; y += 8) {
					const [f] = m.queryRenderedFeatures([x, y], { layers: ['desa-isi'] });
					if (f) return { x, y, kode: String(f.id) };
				}
			return null;
		}, canvas.width);
		expect(point).not.toBeNull();
		// The map is below the header and pickers: scroll it into view as a user does before tapping.
		await page.getByTestId('peta-map').scrollIntoViewIfNeeded();
		const box = (await page.getByTestId('peta-map').locator('canvas').boundingBox())!;
		await page.touchscreen.tap(box.x + point!.x, box.y + point!.y);
		await expect.poll(() => page.getByTestId('desa-panel').getAttribute('data-kode')).toBe(point!.kode);
		// The page is not wider than the screen (the visual viewport is not zoomed out to fit a tooltip).
		await expect.poll(() => page.evaluate(() => [innerWidth, document.documentElement.scrollWidth])).toEqual([390, 390]);
		const tip = page.getByTestId('peta-tooltip');
		if (await tip.count()) {
			const [t, map] = [(await tip.boundingBox())!, (await page.getByTestId('peta-map').boundingBox())!];
			expect(t.x).toBeGreaterThanOrEqual(map.x);
			expect(t.x + t.width).toBeLessThanOrEqual(map.x + map.width + 1);
		}
		// The panel that opened is on the screen, its name and close button in sight.
		await expect
			.poll(async () => {
				const p = (await page.getByTestId('desa-panel').boundingBox())!;
				return p.y >= 0 && p.y < 844 - 40;
			})
			.toBe(true);
		expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="desa-panel"]'))).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});
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
