/**
 * The build served as docs/deploy.md says to serve it: the recommended Content-Security-Policy and
 * security headers on every answer (scripts/deploy/headers.ts, the same values as
 * docs/deploy/nginx.conf) and the build's .br/.gz copies sent in place of the files. Every view opens,
 * loads its data and draws without a single policy violation or console error, in the page or in
 * any of its workers. Over plain http on an intranet name (no secure context) the figures load too.
 *
 * With SLRT_DEPLOYED_URL set (e.g. http://127.0.0.1:8080, a server configured by docs/deploy/nginx.conf)
 * the first two checks run against that server instead of the test's own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SECURITY_HEADERS } from '../../scripts/deploy/headers';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { closeBrowser, launchBrowser, offOriginRequests, openPage, petaDrawn } from './harness';

const BUILD = join(import.meta.dirname, '..', '..', 'build');

/** Each violation the page reports, as `directive blocked-uri (source:line)`, kept on `window.__cspViolations`. */
const RECORD_VIOLATIONS = `(() => {
	const seen = (window.__cspViolations = []);
	document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective + ' ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
})()`;

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** The views and what says each is ready (the waits of smoke.test.ts; Peta's map drawn, not just listed). */
const VIEWS: [string, (page: Page) => Promise<unknown>][] = [
	['/?wilayah=33.28', (p) => p.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 120_000 })],
	['/peta?wilayah=33.28', (p) => petaDrawn(p)],
	['/indikator?wilayah=33.28', (p) => p.waitForSelector('[data-testid="indikator"][data-status="ready"]', { timeout: 120_000 })],
	['/bandingkan', (p) => p.waitForSelector('[data-testid="league-row"]', { timeout: 120_000 })],
	['/perencanaan?wilayah=33.28', (p) => p.waitForSelector('[data-testid="siting-status"][data-state="done"]', { timeout: 120_000 })],
	['/data', (p) => p.waitForSelector('[data-testid="quality-kecamatan"]', { timeout: 120_000 })],
	['/laporan?wilayah=33.28', (p) => p.waitForSelector('[data-testid="laporan"][data-status="ready"]', { timeout: 120_000 })]
];

/**
 * The view's readiness, or a failure naming the refusal as soon as the policy refuses something (in
 * the page, or a worker's console error), rather than the view's timeout minutes later.
 */
async function readyUnlessRefused(page: Page, ready: (p: Page) => Promise<unknown>, errors: string[], path: string): Promise<void> {
	let done = false;
	const watch = (async () => {
		while (!done) {
			const refused = [...((await violations(page).catch(() => null)) ?? []), ...errors.filter((e) => /Content Security Policy/i.test(e))];
			if (refused.length && !done) throw new Error(`${path}: ${refused.join('; ')}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	})();
	watch.catch(() => {});
	try {
		await Promise.race([ready(page), watch]);
	} finally {
		done = true;
	}
}

let server: Pick<StaticServer, 'url' | 'close'>;
let ctx: BrowserContext;

beforeAll(async () => {
	const deployed = process.env.SLRT_DEPLOYED_URL?.replace(/\/+$/, '');
	server = deployed ? { url: deployed, close: async () => {} } : await startStaticServer(BUILD, { precompressed: true, headers: SECURITY_HEADERS });
	ctx = await launchBrowser();
	await ctx.addInitScript(RECORD_VIOLATIONS);
});

afterAll(async () => {
	await closeBrowser(ctx);
	await server?.close();
});

describe('served with the recommended headers and precompressed copies', () => {
	test('every view loads and draws with no policy violation and no console error, page or workers', async () => {
		for (const [path, ready] of VIEWS) {
			const { page, errors, requests } = await openPage(ctx, `${server.url}${path}`, { waitUntil: 'commit' });
			// The engine and the district's database come compressed, the page under the policy.
			const encodings = new Map<string, string | null>();
			page.on('response', async (r) => {
				if (/\.(wasm|duckdb)(\?|$)/.test(r.url())) encodings.set(new URL(r.url()).pathname, await r.headerValue('content-encoding'));
			});
			page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker ${w.url()}: ${m.text()}`)));
			await readyUnlessRefused(page, ready, errors, path);
			await page.waitForLoadState('networkidle').catch(() => {});
			await page.waitForTimeout(500);
			expect(await violations(page), path).toEqual([]);
			expect(errors, path).toEqual([]);
			expect(await page.getByTestId('load-errors').count(), path).toBe(0);
			expect(offOriginRequests(requests, server.url), path).toEqual([]);
			if (path === '/?wilayah=33.28') {
				// Fetched fresh on the first view (later ones may answer from the service worker's copies).
				const databases = [...encodings].filter(([p]) => p.endsWith('.duckdb')).map(([, e]) => e);
				expect(databases.length, 'district databases fetched').toBeGreaterThan(0);
				expect(databases, 'their Content-Encoding').toEqual(databases.map(() => expect.stringMatching(/^(br|gzip)$/)));
			}
			await page.close();
		}
	}, 900_000);

	test('the policy is in force: a page is sent it, and an inline script the page did not ship is refused', async () => {
		const { page, errors } = await openPage(ctx, `${server.url}/bandingkan`);
		const res = await page.request.get(`${server.url}/bandingkan`);
		expect(res.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
		await page.waitForSelector('[data-testid="league-row"]', { timeout: 120_000 });
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__injected = true';
			document.head.append(s);
		});
		await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-elem inline/)]);
		expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
		// The refusal is the only error.
		expect(errors.every((e) => /Content Security Policy/.test(e)), errors.join('\n')).toBe(true);
		await page.close();
	}, 180_000);

	test.skipIf(!!process.env.SLRT_DEPLOYED_URL)('over plain http on an intranet name (no secure context: no service worker, no Web Crypto, no kept copies) the figures still load, every file checked', async () => {
		const host = 'dasbor.intranet.test';
		const port = new URL(server.url).port;
		const profile = mkdtempSync(join(tmpdir(), 'slrt-chromium-'));
		// An address that is neither HTTPS nor localhost, as a Dinas's http://dasbor.dinsos.local/ would be.
		const plain = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${host} 127.0.0.1`], locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
		try {
			await plain.addInitScript(RECORD_VIOLATIONS);
			const page = await plain.newPage();
			const errors: string[] = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(`http://${host}:${port}/?wilayah=33.28`);
			expect(await page.evaluate(() => ({ secure: isSecureContext, worker: 'serviceWorker' in navigator, subtle: !!globalThis.crypto?.subtle }))).toEqual({ secure: false, worker: false, subtle: false });
			await page.waitForSelector('[data-testid="figure-source"][data-source="live"]', { timeout: 120_000 });
			expect(Number((await page.getByTestId('hl-rumah_tangga-value').innerText()).replace(/\D/g, ''))).toBeGreaterThan(1000);
			expect(await page.getByTestId('load-errors').count()).toBe(0);
			expect(await violations(page)).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await plain.close();
			rmSync(profile, { recursive: true, force: true });
		}
	}, 240_000);
});
