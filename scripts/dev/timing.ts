/** npx tsx scripts/dev/timing.ts [path] [--province] — navigation → first figures → final figures, in headless Chromium. */
import { join } from 'node:path';
import { startStaticServer } from '../lib/static-server';
import { closeProfile, launchProfile } from '../lib/chromium';
import { provinceServedDir } from '../lib/province';
import { removeServedDir } from '../lib/served-dir';

const province = process.argv.includes('--province');
const path = process.argv.slice(2).find((a) => a !== '--province') ?? (province ? '/?wilayah=33' : '/?wilayah=33.28');
const served = province ? provinceServedDir() : join(import.meta.dirname, '..', '..', 'build');
const server = await startStaticServer(served);
const ctx = await launchProfile();
for (let run = 0; run < 3; run++) {
	const page = await ctx.newPage();
	const t0 = Date.now();
	const reqs: string[] = [];
	page.on('requestfinished', (r) => reqs.push(`${Date.now() - t0}ms ${r.url().replace(server.url, '')}`));
	await page.goto(`${server.url}${path}`);
	await page.waitForSelector('[data-testid="hl-rumah_tangga-value"]', { timeout: 60_000 });
	const first = Date.now() - t0;
	await page.waitForSelector(province ? '[data-source="aggregate"]' : '[data-source="live"]', { timeout: 60_000 });
	const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}=${m.startTime.toFixed(0)}`).join(' '));
	console.log(`run ${run}: first figures ${first} ms, live ${Date.now() - t0} ms; in page: ${marks}`);
	if (run === 0) console.log(reqs.filter((r) => !r.includes('/_app/immutable/nodes')).join('\n'));
	await page.close();
}
await closeProfile(ctx);
await server.close();
if (province) removeServedDir(served);
