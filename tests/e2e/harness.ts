/**
 * Helpers for e2e tests: a headless Debian Chromium (SwiftShader WebGL) driven by playwright-core,
 * pages that record their requests and errors, and an off-origin request filter.
 *
 *   const ctx = await launchBrowser();
 *   const { page, requests, errors } = await openPage(ctx, '/');
 *   expect(errors).toEqual([]);
 *   expect(offOriginRequests(requests, baseURL())).toEqual([]);
 *   await closeBrowser(ctx);
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { BrowserContext, Page } from 'playwright-core';
import { area, pointOnFeature } from '@turf/turf';
import { expect, inject } from 'vitest';
import type {} from './global-setup'; // ProvidedContext['baseURL'] type

import { CHROMIUM_ARGS, closeProfile, launchProfile } from '../../scripts/lib/chromium';

export { CHROMIUM_ARGS };

/** Base URL of the static server started by tests/e2e/global-setup.ts (no trailing slash). */
export function baseURL(): string {
	return inject('baseURL');
}

/**
 * `serviceWorkers: 'block'` is for tests that intercept requests with `page.route`: Playwright cannot
 * see requests a service worker answers, and after the first page of a context the app's worker
 * answers them (src/service-worker.ts).
 */
export function launchBrowser(opts: { serviceWorkers?: 'allow' | 'block'; phone?: boolean } = {}): Promise<BrowserContext> {
	// A phone: 390 px wide, a touch screen (pointer: coarse).
	const phone = opts.phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : {};
	return launchProfile({ acceptDownloads: true, serviceWorkers: opts.serviceWorkers ?? 'allow', ...phone });
}

export const closeBrowser = closeProfile;

export interface OpenedPage {
	page: Page;
	/** Every request URL the page (and its dedicated workers) made, in order. */
	requests: string[];
	/** Console errors (`console: …`) and uncaught exceptions (`pageerror: …`). */
	errors: string[];
	/** Requests that failed at the network level (`url: reason`); HTTP 4xx/5xx are not failures here. */
	failedRequests: string[];
}

/**
 * Opens `pathOrUrl` (relative to the e2e base URL unless absolute) in a new page and waits for
 * the `load` event. Listeners are attached before navigation, so nothing is missed.
 */
export async function openPage(
	ctx: BrowserContext,
	pathOrUrl: string,
	opts: { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit'; timeout?: number } = {}
): Promise<OpenedPage> {
	const page = await ctx.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	const failedRequests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	page.on('requestfailed', (r) => failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? '?'}`));
	page.on('console', (m) => {
		if (m.type() === 'error') {
			const loc = m.location();
			errors.push(`console: ${m.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
		}
	});
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
	const url = /^[a-z]+:/i.test(pathOrUrl) ? pathOrUrl : new URL(pathOrUrl, baseURL() + '/').href;
	await page.goto(url, { waitUntil: opts.waitUntil ?? 'load', timeout: opts.timeout });
	return { page, requests, errors, failedRequests };
}

/** Requests that did not go to the app's own origin (`data:` and `blob:` URLs are ignored). */
export function offOriginRequests(requests: string[], base: string = baseURL()): string[] {
	const origin = new URL(base).origin;
	return requests.filter((u) => {
		if (u.startsWith('data:') || u.startsWith('blob:')) return false;
		try {
			return new URL(u).origin !== origin;
		} catch {
			return true;
		}
	});
}

/** Native DuckDB for the tests' independent computations; it must never reach for the network. */
export async function nativeDuckDB(): Promise<DuckDBConnection> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
	return conn;
}

/**
 * Waits until Peta's map shows `status` (data-status: 'ready' = live figures, 'summary' = the
 * pre-aggregate's) and MapLibre has drawn the desa source and is idle.
 */
export async function petaDrawn(page: Page, status: 'ready' | 'summary' = 'ready', timeout = 120_000): Promise<void> {
	await page.waitForSelector(`[data-testid="peta"][data-status="${status}"]`, { timeout });
	await page.waitForFunction(() => {
		const m = (window as unknown as { __slrtMap?: { isSourceLoaded(id: string): boolean; loaded(): boolean } }).__slrtMap;
		return !!m && m.isSourceLoaded('desa') && m.loaded();
	}, undefined, { timeout: 60_000 });
}

/**
 * The colour each feature is filled with: the colour the map's own fill expression gives the
 * feature's state (a `match` on its colour slot `kelas`, map/expression.ts), or null for the
 * no-data grey.
 */
export function fillColours(page: Page, ids: readonly string[], map: '__slrtMap' | '__slrtNationalMap' = '__slrtMap', source = 'desa', layer = 'desa-isi'): Promise<Record<string, string | null>> {
	return page.evaluate(
		({ ids, map, source, layer }) => {
			const m = (window as unknown as Record<string, import('maplibre-gl').Map>)[map];
			const expr = m.getPaintProperty(layer, 'fill-color');
			const bySlot = new Map<unknown, string>();
			// ['match', input, slot0, colour0, slot1, colour1, …, fallback]
			if (Array.isArray(expr)) for (let i = 2; i + 2 < expr.length; i += 2) bySlot.set(expr[i], expr[i + 1] as string);
			return Object.fromEntries(ids.map((id) => [id, bySlot.get(m.getFeatureState({ source, id }).kelas) ?? null]));
		},
		{ ids, map, source, layer }
	);
}

/** How many desa of the map's source carry a class (feature-state `kelas`): the ones it coloured. */
export function classedDesa(page: Page): Promise<number> {
	return page.evaluate(() => {
		const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
		const ids = [...new Set(m.querySourceFeatures('desa').map((f) => String(f.id)))];
		return ids.filter((id) => m.getFeatureState({ source: 'desa', id }).kelas !== undefined).length;
	});
}

/**
 * Puts the pointer inside the largest of `features` on Peta's map (a point many pixels from any
 * neighbour at the fitted zoom) and waits for its tooltip; returns its code and the page point.
 */
export async function hoverLargestDesa(page: Page, features: { properties: { kode: string } }[]): Promise<{ kode: string; x: number; y: number }> {
	const feature = [...features].sort((a, b) => area(b as never) - area(a as never))[0];
	const kode = feature.properties.kode;
	const [lng, lat] = pointOnFeature(feature as never).geometry.coordinates;
	const { x, y } = await page.evaluate(([lng, lat]) => (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap.project([lng, lat]), [lng, lat]);
	const box = (await page.getByTestId('peta-map').locator('canvas').boundingBox())!;
	await page.mouse.move(box.x + x, box.y + y);
	await expect.poll(() => page.getByTestId('peta-tooltip').innerText()).toContain(kode);
	return { kode, x: box.x + x, y: box.y + y };
}

/** The codes of the desa the map draws: its fill layer's features in view, whatever their colour. */
export function drawnDesa(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const m = (window as unknown as { __slrtMap: import('maplibre-gl').Map }).__slrtMap;
		return [...new Set(m.queryRenderedFeatures({ layers: ['desa-isi'] }).map((f) => String(f.id)))].sort();
	});
}

/** The page's DuckDB-WASM engine workers (those started from the engine's worker script). */
export function engineWorkers(page: Page) {
	return page.workers().filter((w) => /\/duckdb-eh\.worker[^/]*\.js$/.test(w.url()));
}

/** An uncaught error inside the page's one engine worker, as a crash of the WASM outside a request would raise. */
export async function crashEngine(page: Page, message = 'uji / test'): Promise<void> {
	await expect.poll(() => engineWorkers(page).length, { timeout: 30_000 }).toBe(1);
	await engineWorkers(page)[0].evaluate((m) => {
		setTimeout(() => {
			throw new Error(m);
		});
	}, message);
}

/** One frame MapLibre rendered: whether it painted anything, and whether the map's sources were all tiled then. */
export interface RenderedFrame {
	painted: boolean;
	tiled: boolean;
}

/**
 * An init script that records, from the map's creation on, each frame the map set on `window[handle]`
 * renders (read back as `window.__frames`): whether anything was painted (the canvas's centre read
 * inside the frame's own render: black, the drawing buffer's start, until painted; nothing on these
 * maps is black) and whether `source` and every other source were tiled by then.
 */
export function recordFrames(handle: string, source: string): string {
	return `(() => {
		const frames = (window.__frames = []);
		let map;
		Object.defineProperty(window, ${JSON.stringify(handle)}, { configurable: true, get: () => map, set: (m) => {
			map = m;
			if (!m) return;
			m.on('render', () => {
				const gl = m.painter.context.gl;
				const px = new Uint8Array(4);
				gl.readPixels(gl.drawingBufferWidth >> 1, gl.drawingBufferHeight >> 1, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
				frames.push({ painted: px[0] + px[1] + px[2] > 0, tiled: !!m.getSource(${JSON.stringify(source)}) && m.loaded() });
			});
		} });
	})()`;
}

/**
 * The first frame recordFrames saw painted (undefined: none yet), and the background colour of the
 * map's box (`testid`), which shows until then.
 */
export async function firstPainted(page: Page, testid: string): Promise<{ frame: RenderedFrame | undefined; box: string }> {
	const frames = await page.evaluate(() => (window as unknown as { __frames: RenderedFrame[] }).__frames);
	return { frame: frames.find((f) => f.painted), box: await page.getByTestId(testid).evaluate((el) => getComputedStyle(el).backgroundColor) };
}

/**
 * Selects the nodes the script `select` gives (it sets `range`) and copies, as Ctrl+C does: what the
 * page puts on the clipboard, and whether it took over. A string is evaluated: the app's CSP forbids
 * building a function from one in the page.
 */
export function copySelection(page: Page, select: string): Promise<{ text: string; taken: boolean }> {
	return page.evaluate(`(() => {
		const range = document.createRange();
		${select};
		getSelection().removeAllRanges();
		getSelection().addRange(range);
		const data = new DataTransfer();
		const ev = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
		(range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement).dispatchEvent(ev);
		return { text: data.getData('text/plain'), taken: ev.defaultPrevented };
	})()`) as Promise<{ text: string; taken: boolean }>;
}
