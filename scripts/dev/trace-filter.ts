/**
 * npx tsx scripts/dev/trace-filter.ts BASE [path] [select] — Chrome trace of six filter changes on a
 * page: main-thread time per event kind (script, style, layout, paint, GC) between the change and the
 * panels being updated (`data-shown` on Ringkasan, `data-generation` elsewhere).
 */
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:5301';
const path = process.argv[3] ?? '/?wilayah=33.28';
const select = process.argv[4] ?? 'pick-periode';
const [gen, attr] = path.startsWith('/peta') ? ['peta', 'generation'] : ['figure-source', 'shown'];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
if (process.env.SVG) await page.addInitScript('globalThis.__svg = true');
await page.goto(base + path);
await page.waitForFunction(`Number(document.querySelector('[data-testid="${gen}"]')?.dataset.generation ?? 0) >= 1`, undefined, { timeout: 180_000 });
await page.waitForTimeout(3000);
const values = await page.locator(`[data-testid="${select}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
const file = join(mkdtempSync(join(tmpdir(), 'trace-')), 'trace.json');
if (process.env.TRACE) await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
const windows: [number, number][] = [];
for (let i = 0; i < 12; i++) {
	const r = (await page.evaluate(`(async () => {
		const el = document.querySelector('[data-testid="${select}"]');
		const read = () => Number(document.querySelector('[data-testid="${gen}"]')?.dataset.${attr} ?? 0);
		const g0 = read(); const t0 = performance.now();
		el.value = ${JSON.stringify(values[(i + 1) % values.length])};
		el.dispatchEvent(new Event('change', { bubbles: true }));
		const target = document.querySelector('[data-testid="${gen}"]');
		let tDom = 0;
		await new Promise((resolve) => { const mo = new MutationObserver(() => { if (read() > g0) { tDom = performance.now(); mo.disconnect(); resolve(); } }); mo.observe(target, { attributes: true }); });
		const t1 = performance.now();
		const ms = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('y:') && m.startTime >= t0 - 1).map((m) => m.name + '=' + (m.startTime - t0).toFixed(0)).join(' ');
		performance.clearMarks('y:change');
		window.__last = ms;
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		return [t0 + performance.timeOrigin, t1 + performance.timeOrigin, performance.now() - t0];
	})()`)) as number[];
	console.log(await page.evaluate('window.__last'));
	console.log(`change ${i}: shown after ${(r[1] - r[0]).toFixed(0)} ms, +2 frames ${r[2].toFixed(0)} ms`);
	windows.push([r[0], r[0] + r[2]]);
	await page.waitForTimeout(500);
}
if (process.env.TRACE) await browser.stopTracing();
await browser.close();
if (!process.env.TRACE) process.exit(0);
const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; functionName?: string } } }[] }).traceEvents;
const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
// Trace timestamps are µs on a monotonic clock; align with the page's clock through the first change's mark is not possible, so use relative windows per RunTask.
const tasks = events.filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid && e.dur);
const total = new Map<string, number>();
for (const e of tasks) if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') total.set(e.name, (total.get(e.name) ?? 0) + e.dur! / 1000);
console.log('main thread, whole trace (6 changes + waits):');
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(0).padStart(7), 'ms', k);
