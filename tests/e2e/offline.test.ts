/**
 * Offline use (issue 8): after one visit, the dashboard opens and answers with the network gone.
 * The app is served by a server of the test's own, which is shut down: a real outage, not an
 * emulated one, so every answer must come from what the first visit left in the browser.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { classedDesa, closeBrowser, launchBrowser, offOriginRequests, openPage, petaDrawn } from './harness';
import { startStaticServer } from '../../scripts/lib/static-server';

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const HEADLINES = ['rumah_tangga', 'rumah_tangga_miskin', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai', 'median_hari_rujukan', 'puskesos'];

let ctx: BrowserContext;
let server: Awaited<ReturnType<typeof startStaticServer>> | null = null;

beforeAll(async () => {
	server = await startStaticServer(BUILD);
	ctx = await launchBrowser();
});

afterAll(async () => {
	await closeBrowser(ctx);
	await server?.close();
});

async function liveFigures(page: Page): Promise<Record<string, number>> {
	await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
	const out: Record<string, number> = {};
	for (const id of HEADLINES) out[id] = parseIndonesianNumber(await page.getByTestId(`hl-${id}-value`).innerText());
	return out;
}

/** Waits for the map to be drawn; returns its desa rows and how many of them the map coloured. */
async function mapDrawn(page: Page): Promise<{ rows: number; classed: number }> {
	await petaDrawn(page);
	return { rows: await page.getByTestId('desa-row').count(), classed: await classedDesa(page) };
}

/** The URLs the page has kept in its data cache. */
function cachedUrls(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const names = await caches.keys();
		const urls: string[] = [];
		for (const n of names) for (const r of await (await caches.open(n)).keys()) urls.push(new URL(r.url).pathname);
		return urls;
	});
}

describe('offline', () => {
	test('after one visit, Ringkasan and Peta open and answer from the kept copy with the server gone, and says so', async () => {
		const origin = server!.url;
		const first = await openPage(ctx, `${origin}/?wilayah=35.76`);
		const online = await liveFigures(first.page);
		expect(online.rumah_tangga).toBeGreaterThan(1000);
		expect(await first.page.getByTestId('offline-notice').count()).toBe(0);
		await first.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
		// Wait until the first visit has kept the manifest, the district's files and DuckDB's WASM.
		await expect
			.poll(async () => {
				const urls = await cachedUrls(first.page);
				return ['/extracts/manifest.json', '/extracts/db/kode_kab=35.76.duckdb', '/extracts/ringkasan/kode_kab=35.76.json', '.wasm', '/index.html|/'].every((want) =>
					want.split('|').some((w) => urls.some((u) => (w.startsWith('.') ? u.endsWith(w) : u === w)))
				);
			}, { timeout: 60_000 })
			.toBe(true);
		// The copies wait for the district's first load (holdBackground): the page fetched DuckDB's WASM
		// for its copy (the worker's own fetch is not among the page's resources) only after the live figures.
		const order = await first.page.evaluate(() => ({
			live: performance.getEntriesByName('slrt:live-figures')[0]?.startTime ?? null,
			copies: performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.endsWith('.wasm')).map((r) => r.startTime)
		}));
		expect(order.live).not.toBeNull();
		expect(order.copies.length).toBeGreaterThan(0);
		for (const t of order.copies) expect(t).toBeGreaterThan(order.live!);
		expect(first.errors).toEqual([]);
		// The map too: its boundaries are kept the first time they are drawn.
		await first.page.goto(`${origin}/peta?wilayah=35.76`);
		const desaOnline = await mapDrawn(first.page);
		expect(desaOnline.rows).toBeGreaterThan(10);
		expect(desaOnline.classed).toBe(desaOnline.rows);
		await expect.poll(async () => (await cachedUrls(first.page)).includes('/geo/desa/kode_kab=35.76.geojson'), { timeout: 30_000 }).toBe(true);
		await first.page.close();

		await server!.close();
		server = null;

		const again = await openPage(ctx, `${origin}/?wilayah=35.76`);
		const notice = again.page.getByTestId('offline-notice');
		await notice.waitFor({ timeout: 30_000 });
		expect(await notice.innerText()).toContain('Luring');
		expect(await liveFigures(again.page)).toEqual(online);
		// The app's files named by content came from the kept copy by the browser's own routing (the
		// worker's static routes), without a round trip through its fetch handler.
		const sources = await again.page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((r) => new URL(r.name).pathname.startsWith('/_app/immutable/'))
				.map((r) => (r as PerformanceResourceTiming & { workerMatchedSourceType?: string }).workerMatchedSourceType ?? 'none')
		);
		expect(sources.length).toBeGreaterThan(10);
		expect(new Set(sources)).toEqual(new Set(['cache']));
		await again.page.goto(`${origin}/peta?wilayah=35.76`);
		expect(await mapDrawn(again.page)).toEqual(desaOnline);
		expect(offOriginRequests(again.requests, origin)).toEqual([]);
		expect(again.errors).toEqual([]);
		await again.page.close();

		// A district never opened: the page says its files were not kept, and how to keep them, not a bare network error.
		const never = await openPage(ctx, `${origin}/?wilayah=75.01`);
		await expect.poll(() => never.page.getByTestId('load-error-not-kept').count(), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(await never.page.getByTestId('load-errors').innerText()).toContain('belum tersimpan di perangkat ini');
		expect(await never.page.getByTestId('load-errors').innerText()).not.toContain('Failed to fetch');
		await never.page.goto(`${origin}/peta?wilayah=75.01`);
		await expect.poll(() => never.page.getByTestId('peta-error').innerText(), { timeout: 30_000 }).toContain('belum tersimpan di perangkat ini');
		await never.page.close();
	});

	test('Bandingkan: after one visit its national map opens offline; with its boundaries unreachable, the page says so and the GeoJSON button does not fail silently', async () => {
		const own = await startStaticServer(BUILD);
		const origin = own.url;
		const drawnDistricts = (page: Page) =>
			page.evaluate(() => {
				const m = (globalThis as { __slrtNationalMap?: { querySourceFeatures(s: string): unknown[] } }).__slrtNationalMap;
				return m ? new Set(m.querySourceFeatures('kabkota').map((f) => (f as { id: string }).id)).size : 0;
			});
		try {
			const first = await openPage(ctx, `${origin}/bandingkan`);
			await expect.poll(() => drawnDistricts(first.page), { timeout: 60_000 }).toBeGreaterThan(500);
			await first.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
			await expect.poll(async () => (await cachedUrls(first.page)).includes('/nasional/kabkota.geojson'), { timeout: 60_000 }).toBe(true);
			expect(first.errors).toEqual([]);
			await first.page.close();
		} finally {
			await own.close();
		}
		const again = await openPage(ctx, `${origin}/bandingkan`);
		await again.page.getByTestId('offline-notice').waitFor({ timeout: 30_000 });
		await expect.poll(() => drawnDistricts(again.page), { timeout: 60_000 }).toBeGreaterThan(500);
		expect(await again.page.getByTestId('national-map-unavailable').count()).toBe(0);
		const [file] = await Promise.all([again.page.waitForEvent('download'), again.page.getByTestId('export-geojson').click()]);
		expect(file.suggestedFilename()).toMatch(/^peta-nasional_.*\.geojson$/);
		expect(again.errors).toEqual([]);
		await again.page.close();

		// Boundaries that cannot be had (never kept, the network down): said in place of the map and on export.
		const up = await startStaticServer(BUILD);
		try {
			const page = await openPage(ctx, `${up.url}/bandingkan`);
			await page.page.route('**/nasional/kabkota.geojson', (r) => r.abort('internetdisconnected'));
			await page.page.reload();
			await expect.poll(() => page.page.getByTestId('national-map-unavailable').innerText(), { timeout: 60_000 }).toContain('tidak dapat dimuat');
			await page.page.getByTestId('export-geojson').click();
			await expect.poll(() => page.page.getByTestId('geojson-unavailable').count()).toBe(1);
			// The table is whole all the same.
			await page.page.waitForSelector('[data-testid="league"][data-complete="true"]', { timeout: 60_000 });
			expect(await page.page.locator('[data-testid="league-row"]').count()).toBeGreaterThan(500);
			expect(page.errors.filter((e) => !/kabkota\.geojson|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
			await page.page.close();
		} finally {
			await up.close();
		}
	});
});
