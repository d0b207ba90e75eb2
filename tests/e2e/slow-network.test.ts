/**
 * On a slow network (1.5 Mbit/s, as officials in the field have it) the page says what it is
 * downloading and how far it has got, so a minute-long download does not read as a page that hangs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIndonesianNumber } from '../../src/lib/i18n/format';
import { baseURL, closeBrowser, launchBrowser } from './harness';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'build', 'extracts', 'manifest.json'), 'utf8'));
const TEGAL_MB = (manifest.databases as { kode_kab: string; bytes: number }[]).find((d) => d.kode_kab === '33.28')!.bytes / 1e6;
/** The field's connection: 1.5 Mbit/s down and up, 100 ms of latency. */
const SLOW = { offline: false, latency: 100, downloadThroughput: 1_500_000 / 8, uploadThroughput: 1_500_000 / 8 };
/** No emulation: the test's own speed. */
const FAST = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

let ctx: BrowserContext;

beforeAll(async () => {
	// Throttling applies to the page's own requests: no service worker answering them instead.
	ctx = await launchBrowser({ serviceWorkers: 'block' });
});

afterAll(async () => {
	await closeBrowser(ctx);
});

async function throttled(path: string): Promise<{ page: Page; cdp: CDPSession }> {
	const page = await ctx.newPage();
	const cdp = await ctx.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW);
	await page.goto(new URL(path, baseURL() + '/').href, { waitUntil: 'commit' });
	return { page, cdp };
}

/** The megabytes read of "4,1 / 11,8 MB". */
const mbRead = (text: string) => parseIndonesianNumber(text.split(' / ')[0]);

describe('the district database on a slow network', () => {
	test('names the district and counts its megabytes as they arrive, then says it is preparing it, then goes', async () => {
		const { page, cdp } = await throttled('/?wilayah=33.28');
		// Every line the corner showed, as the user saw it.
		await page.evaluate(`(() => {
			window.__statusLines = [];
			new MutationObserver(() => {
				for (const el of document.querySelectorAll('[data-testid="load-status"]')) {
					const line = el.textContent.replace(/\\s+/g, ' ').trim();
					if (window.__statusLines.at(-1) !== line) window.__statusLines.push(line);
				}
			}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
		})()`);
		const status = page.locator('[data-testid="load-status"][data-phase="download"]');
		await expect.poll(() => status.count(), { timeout: 30_000 }).toBe(1);
		expect(await status.innerText()).toContain('Mengunduh data Kabupaten Tegal');
		const bytes = page.getByTestId('load-bytes');
		const first = await bytes.innerText();
		expect(first).toMatch(new RegExp(`^\\d+,\\d / ${TEGAL_MB.toFixed(1).replace('.', ',')} MB$`));
		// The count rises while the file arrives (a tenth of a megabyte takes well under ten seconds here).
		await expect.poll(async () => mbRead(await bytes.innerText()), { timeout: 20_000 }).toBeGreaterThan(mbRead(first));
		// The bar is the bytes, and carries the count for screen readers (the text itself is hidden from them).
		const bar = status.locator('progress');
		expect(Number(await bar.getAttribute('max'))).toBe(Math.round(TEGAL_MB * 1e6));
		expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
		expect(await bar.getAttribute('aria-valuetext')).toMatch(/ MB$/);
		expect(await bytes.getAttribute('aria-hidden')).toBe('true');
		expect(await page.locator('.progress[role="status"]').getAttribute('aria-live')).toBe('polite');
		// The rest at full speed, to keep the test short: the status goes once the data is attached.
		await cdp.send('Network.emulateNetworkConditions', FAST);
		await expect.poll(() => page.getByTestId('figure-source').getAttribute('data-source'), { timeout: 60_000 }).toBe('live');
		await expect.poll(() => page.getByTestId('load-status').count()).toBe(0);
		const lines = (await page.evaluate('window.__statusLines')) as string[];
		expect(lines).toContain('Menyiapkan data Kabupaten Tegal…');
		const counts = lines.filter((l) => l.startsWith('Mengunduh data Kabupaten Tegal:')).map((l) => mbRead(l.split(': ')[1]));
		expect(counts.length).toBeGreaterThan(2);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		await page.close();
	});
});

describe('Peta on a slow network', () => {
	test('says the boundaries are downloading, with their bytes, not that it is computing', async () => {
		const { page, cdp } = await throttled('/peta?wilayah=33.28');
		const notice = page.locator('[data-testid="peta-loading"][data-step="boundaries"]');
		await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
		expect(await notice.innerText()).toMatch(/^Mengunduh batas desa…/);
		// The static server sends the size, uncompressed: the count shows, and rises.
		const read = async () => {
			const m = /(\d+) \/ (\d+) KB$/.exec(await notice.innerText());
			return m ? Number(m[1]) : -1;
		};
		await expect.poll(read, { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
		const first = await read();
		await expect.poll(read, { timeout: 20_000 }).toBeGreaterThan(first);
		await cdp.send('Network.emulateNetworkConditions', FAST);
		await expect.poll(() => page.getByTestId('peta').getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
		expect(await page.getByTestId('peta-loading').count()).toBe(0);
		await page.close();
	});
});
