/**
 * Files replaced on the server between two visits of the same browser (its service worker and
 * caches kept): the next visit shows the new ones. The app is served from a folder of the test's own,
 * whose files the test replaces, by a server of its own.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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

describe('files replaced on the server', () => {
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
