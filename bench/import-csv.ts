/**
 * npx tsx bench/import-csv.ts — the Data page's CSV intake on big exports, in headless Chromium on
 * the built app: the five pilot districts' export as it is (~110 MB, ~1M households), and the same
 * with every household written twice under new ids (~210 MB rumah_tangga.csv). Measures time to
 * the validation report, the longest stall of the page's main thread while the worker reads
 * (a timer ticking every 50 ms; a frozen page would show seconds), and the page's JS heap.
 * Prints a table and writes bench/import-csv.json. Needs `npm run build` and the demo export.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/harness';
import { startStaticServer } from '../tests/e2e/static-server';

const ROOT = join(import.meta.dirname, '..');
const EXPORT = join(ROOT, 'data', 'demo', 'pilot', 'export');
const TABLES = ['wilayah', 'puskesos', 'fasilitator', 'rumah_tangga', 'keluhan', 'rujukan'];
/** How often the page's own timer ticks; the longest gap between ticks is the longest stall. */
const TICK_MS = 50;

async function doubled(dir: string): Promise<string> {
	const out = join(dir, 'rumah_tangga.csv');
	const w = createWriteStream(out);
	for (const copy of ['', 'B']) {
		const rl = createInterface({ input: createReadStream(join(EXPORT, 'rumah_tangga.csv'), 'utf8'), crlfDelay: Infinity });
		let first = true;
		for await (const line of rl) {
			if (first) {
				first = false;
				if (copy) continue;
				w.write(line + '\n');
				continue;
			}
			const comma = line.indexOf(',');
			if (!w.write(`${line.slice(0, comma)}${copy}${line.slice(comma)}\n`)) await new Promise((r) => w.once('drain', r));
		}
	}
	await new Promise((r) => w.end(r));
	return out;
}

const server = await startStaticServer(join(ROOT, 'build'));
const tmp = mkdtempSync(join(tmpdir(), 'bench-import-'));
const results: Record<string, unknown>[] = [];
try {
	const cases = [
		{ name: 'pilot export (5 districts)', files: TABLES.map((t) => join(EXPORT, `${t}.csv`)) },
		{ name: 'pilot export, households doubled', files: TABLES.map((t) => (t === 'rumah_tangga' ? '' : join(EXPORT, `${t}.csv`))) }
	];
	cases[1].files[3] = await doubled(tmp);
	for (const c of cases) {
		const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], viewport: { width: 1400, height: 900 } });
		const page = ctx.pages()[0] ?? (await ctx.newPage());
		await page.goto(`${server.url}/data?wilayah=35.76`);
		await page.getByTestId('file-input').waitFor({ state: 'attached' });
		await page.evaluate((tick) => {
			const w = window as unknown as { __stall: number; __heap: number };
			w.__stall = 0;
			w.__heap = 0;
			let last = performance.now();
			setInterval(() => {
				const now = performance.now();
				w.__stall = Math.max(w.__stall, now - last - tick);
				last = now;
				const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
				if (mem) w.__heap = Math.max(w.__heap, mem.usedJSHeapSize);
			}, tick);
		}, TICK_MS);
		const bytes = c.files.reduce((a, f) => a + statSync(f).size, 0);
		const t0 = Date.now();
		await page.getByTestId('file-input').setInputFiles(c.files);
		await page.getByTestId('report-files').waitFor({ timeout: 600_000 });
		const seconds = (Date.now() - t0) / 1000;
		const { stall, heap } = await page.evaluate(() => ({ stall: (window as unknown as { __stall: number }).__stall, heap: (window as unknown as { __heap: number }).__heap }));
		const accepted = await page.getByTestId('file-accepted').allInnerTexts();
		results.push({ case: c.name, mb: +(bytes / 1e6).toFixed(0), seconds: +seconds.toFixed(1), mb_per_s: +(bytes / 1e6 / seconds).toFixed(1), longest_stall_ms: Math.round(stall), page_heap_mb: +(heap / 1e6).toFixed(0), accepted: accepted.join(' / ') });
		await ctx.close();
	}
} finally {
	await server.close();
	rmSync(tmp, { recursive: true, force: true });
}
console.table(results);
// The machine is shared: the load average says how much the timings are inflated.
writeFileSync(join(import.meta.dirname, 'import-csv.json'), JSON.stringify({ date: new Date().toISOString(), tick_ms: TICK_MS, load_average_1m: +loadavg()[0].toFixed(1), results }, null, 2));
