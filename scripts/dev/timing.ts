/** npx tsx scripts/dev/timing.ts [path] — navigation → first figures → live figures, in headless Chromium. */
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../lib/static-server';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';

const path = process.argv[2] ?? '/?wilayah=33.28';
const server = await startStaticServer(join(import.meta.dirname, '..', '..', 'build'));
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'timing-')), { executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (let run = 0; run < 3; run++) {
	const page = await ctx.newPage();
	const t0 = Date.now();
	const reqs: string[] = [];
	page.on('requestfinished', (r) => reqs.push(`${Date.now() - t0}ms ${r.url().replace(server.url, '')}`));
	await page.goto(`${server.url}${path}`);
	await page.waitForSelector('[data-testid="hl-rumah_tangga-value"]', { timeout: 60_000 });
	const first = Date.now() - t0;
	await page.waitForSelector('[data-source="live"]', { timeout: 60_000 });
	const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}=${m.startTime.toFixed(0)}`).join(' '));
	console.log(`run ${run}: first figures ${first} ms, live ${Date.now() - t0} ms; in page: ${marks}`);
	if (run === 0) console.log(reqs.filter((r) => !r.includes('/_app/immutable/nodes')).join('\n'));
	await page.close();
}
await ctx.close();
await server.close();
