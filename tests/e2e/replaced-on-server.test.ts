/**
 * Files replaced on the server between two visits of the same browser (its service worker and
 * caches kept): the next visit shows the new ones. The app is served from a folder of the test's own,
 * whose files the test replaces, by a server of its own.
 */
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, openPage } from './harness';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

const BUILD = join(import.meta.dirname, '..', '..', 'build');
const DAY_MS = 86_400_000;

const dirs: string[] = [];
const servers: StaticServer[] = [];
const contexts: BrowserContext[] = [];
afterAll(async () => {
	for (const c of contexts) await closeBrowser(c);
	for (const s of servers) await s.close();
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A served folder: build/ linked entry by entry, except `own`, which are copied so the test can replace their files. */
function servedCopy(own: readonly string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'slrt-served-'));
	dirs.push(dir);
	for (const name of readdirSync(BUILD)) {
		if (!own.includes(name)) symlinkSync(join(BUILD, name), join(dir, name));
		else if (name === 'extracts') cpSync(join(BUILD, name), join(dir, name), { recursive: true });
		else {
			mkdirSync(join(dir, name));
			for (const f of readdirSync(join(BUILD, name))) copyFileSync(join(BUILD, name, f), join(dir, name, f));
		}
	}
	return dir;
}

/** The RAG band of Kota Mojokerto's complaint completion on the scorecard, once drawn. */
async function band(page: Page): Promise<string> {
	const cell = page.locator('[data-testid="cell"][data-indikator="keluhan_selesai"][data-kode="35.76"]');
	await expect.poll(() => cell.getAttribute('data-rag'), { timeout: 90_000 }).toMatch(/^(hijau|kuning|merah)$/);
	return (await cell.getAttribute('data-rag'))!;
}

type FileLists = 'summaries' | 'peta_summaries';

/**
 * The pipeline's next extract, written over the served one: another extract date, and Kota Mojokerto's
 * files in `lists` (its Peta pre-aggregate unless told) rewritten (same figures, other bytes: another
 * SHA-256 under the same path).
 */
function replaceExtract(extracts: string, extractDate: string, lists: readonly FileLists[] = ['peta_summaries']): void {
	const manifest = JSON.parse(readFileSync(join(extracts, 'manifest.json'), 'utf8'));
	for (const list of lists) {
		const entry = manifest[list].find((e: { kode_kab: string }) => e.kode_kab === '35.76');
		const bytes = Buffer.from(JSON.stringify(JSON.parse(readFileSync(join(extracts, entry.path), 'utf8')), null, 1));
		writeFileSync(join(extracts, entry.path), bytes);
		Object.assign(entry, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
	}
	writeFileSync(join(extracts, 'manifest.json'), JSON.stringify({ ...manifest, extract_date: extractDate }));
}

/** The URLs (path and query) the page asks for the files the served manifest names (offline/policy.ts versionedUrl). */
function namedUrls(extracts: string): string[] {
	const m = JSON.parse(readFileSync(join(extracts, 'manifest.json'), 'utf8'));
	const lists = ['files', 'summaries', 'province_summaries', 'peta_summaries', 'databases'].flatMap((k) => (m[k] ?? []) as { path: string; sha256: string }[]);
	return lists.map((f) => `/extracts/${f.path}?v=${f.sha256.slice(0, 16)}`);
}

/** The extract files (path and query) kept in the page's data cache. */
function keptExtractFiles(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cache = await caches.open('slrt-data-v1');
		return (await cache.keys()).map((r) => new URL(r.url)).filter((u) => u.pathname.startsWith('/extracts/')).map((u) => u.pathname + u.search);
	});
}

describe('files replaced on the server', () => {
	/** Ringkasan of Kota Mojokerto with live figures, served from a folder whose extract the test can replace. */
	async function openedOnExtract() {
		const dir = servedCopy(['extracts']);
		const server = await startStaticServer(dir);
		servers.push(server);
		const ctx = await launchBrowser();
		contexts.push(ctx);
		const opened = await openPage(ctx, `${server.url}/?wilayah=35.76`);
		await expect.poll(() => opened.page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		expect(await opened.page.locator('footer').innerText()).toContain('31 Oktober 2026');
		return { ...opened, ctx, server, extracts: join(dir, 'extracts') };
	}

	test("a page left open while the month's extract is replaced: a file it fetches then is said to be replaced, not corrupted, the page says which extract it shows and which the server has, and a reload shows the new one", async () => {
		const { page, errors, extracts } = await openedOnExtract();
		const shown = await page.locator('footer').innerText();
		replaceExtract(extracts, '2026-11-30');

		// Peta fetches the pre-aggregate of the extract it shows; the server answers with the new one.
		await page.getByRole('link', { name: 'Peta', exact: true }).click();
		const notice = page.getByTestId('newer-extract');
		await notice.waitFor({ timeout: 60_000 });
		expect(await notice.innerText()).toContain('30 November 2026');
		expect(await notice.innerText()).toContain('31 Oktober 2026');
		const listed = await page.getByTestId('load-errors').innerText();
		expect(listed).toContain('ringkasan/peta/kode_kab=35.76.json');
		expect(listed).not.toContain('rusak');
		expect(listed).toContain('diganti di server');
		// What the page shows is still the extract it opened with, and it says which.
		expect(await page.locator('footer').innerText()).toBe(shown);

		await notice.getByRole('button', { name: 'Muat ulang' }).click();
		await expect.poll(() => page.locator('footer').innerText(), { timeout: 30_000 }).toContain('30 November 2026');
		await page.getByTestId('peta').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('newer-extract').count()).toBe(0);
		expect(await page.getByTestId('load-errors').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 240_000);

	test('a page left open while the extract is replaced says so when the user comes back to the tab, before any file fails', async () => {
		const { page, errors, extracts } = await openedOnExtract();
		replaceExtract(extracts, '2026-11-30');
		await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
		const notice = page.getByTestId('newer-extract');
		await notice.waitFor({ timeout: 30_000 });
		expect(await notice.innerText()).toContain('30 November 2026');
		expect(await page.getByTestId('load-errors').count()).toBe(0);
		expect(errors).toEqual([]);
		await page.close();
	}, 240_000);

	test("the next month's extract: once its manifest is kept, the copies of last month's files it does not name are removed, and the page opens offline on the new month", async () => {
		const { page, ctx, server, extracts } = await openedOnExtract();
		const october = namedUrls(extracts);
		const ringkasan = (urls: string[]) => urls.find((u) => u.startsWith('/extracts/ringkasan/kode_kab=35.76.json?v='))!;
		const database = october.find((u) => u.startsWith('/extracts/db/kode_kab=35.76.duckdb?v='))!;
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
		await expect.poll(async () => (await keptExtractFiles(page)).filter((u) => u === ringkasan(october) || u === database).length, { timeout: 60_000 }).toBe(2);
		await page.close();

		// November's extract: Kota Mojokerto's summary changes, its database does not.
		replaceExtract(extracts, '2026-11-30', ['summaries', 'peta_summaries']);
		const november = namedUrls(extracts);
		expect(ringkasan(november)).not.toBe(ringkasan(october));
		expect(november).toContain(database);

		const next = await openPage(ctx, `${server.url}/?wilayah=35.76`);
		await expect.poll(() => next.page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		expect(await next.page.locator('footer').innerText()).toContain('30 November 2026');
		// Every extract file kept is one November's manifest names (or the manifest): October's summary is gone, the database both name stays.
		await expect.poll(() => keptExtractFiles(next.page), { timeout: 60_000 }).toContain(ringkasan(november));
		await expect.poll(async () => (await keptExtractFiles(next.page)).includes(ringkasan(october)), { timeout: 60_000 }).toBe(false);
		const kept = await keptExtractFiles(next.page);
		expect(kept.filter((u) => u !== '/extracts/manifest.json' && !november.includes(u))).toEqual([]);
		expect(kept).toContain(database);
		// DuckDB's WASM, for the live figures offline, is kept too (not an extract file: never removed).
		await expect.poll(() => next.page.evaluate(async () => (await (await caches.open('slrt-data-v1')).keys()).some((r) => r.url.endsWith('.wasm'))), { timeout: 60_000 }).toBe(true);
		expect(next.errors).toEqual([]);
		await next.page.close();

		// The server gone: the page opens on November's extract from the kept copies.
		await server.close();
		servers.splice(servers.indexOf(server), 1);
		const offline = await openPage(ctx, `${server.url}/?wilayah=35.76`);
		await offline.page.getByTestId('offline-notice').waitFor({ timeout: 30_000 });
		await expect.poll(() => offline.page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 90_000 }).toBe('live');
		expect(await offline.page.locator('footer').innerText()).toContain('30 November 2026');
		expect(await offline.page.getByTestId('load-errors').count()).toBe(0);
		expect(offline.errors).toEqual([]);
		await offline.page.close();
	}, 300_000);

	test.each(['allow', 'block'] as const)(
		"a targets file the Dinas edits, on a server with no caching rules of its own: the next visit bands by the new targets (service worker: %s)",
		async (serviceWorkers) => {
			const dir = servedCopy(['targets']);
			const file = join(dir, 'targets', 'indikator.json');
			// Targets set months ago: a browser may reuse such a file unasked for days (a tenth of its age).
			const old = new Date(Date.now() - 60 * DAY_MS);
			utimesSync(file, old, old);
			const server = await startStaticServer(dir, { caching: 'unconfigured' });
			servers.push(server);
			const ctx = await launchBrowser({ serviceWorkers });
			contexts.push(ctx);
			const url = `${server.url}/indikator?wilayah=35.76`;

			const first = await openPage(ctx, url);
			const before = await band(first.page);
			if (serviceWorkers === 'allow') await first.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
			await first.page.close();

			// The Dinas sets Kota Mojokerto's own target for complaint completion, so that its band changes.
			const targets = JSON.parse(readFileSync(file, 'utf8'));
			const wanted = before === 'hijau' ? 'merah' : 'hijau';
			const keluhanSelesai = wanted === 'hijau' ? { target: 1, batas_merah: 0.5, skor_nol: 0 } : { target: 100, batas_merah: 99.9, skor_nol: 99 };
			targets.penyesuaian = [...(targets.penyesuaian ?? []), { wilayah: '35.76', indikator: { keluhan_selesai: keluhanSelesai } }];
			writeFileSync(file, JSON.stringify(targets));

			const again = await openPage(ctx, url);
			if (serviceWorkers === 'allow') expect(await again.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
			expect(await band(again.page)).toBe(wanted);
			expect(again.errors).toEqual([]);
			await again.page.close();
		},
		240_000
	);
});
