/**
 * npx tsx scripts/dev/screenshot.ts <path?query> <out.png> [waitForSelector] [--province]
 * Serves build/ (with --province: with the province demo's extracts and boundaries) and takes a
 * full-page screenshot in headless Chromium — to look at what we built.
 */
import { join } from 'node:path';
import { startStaticServer } from '../lib/static-server';
import { provinceServedDir } from '../lib/province';
import { removeServedDir } from '../lib/served-dir';
import { closeProfile, launchProfile } from '../lib/chromium';

const province = process.argv.includes('--province');
const [path = '/', out = '/tmp/shot.png', waitFor] = process.argv.slice(2).filter((a) => a !== '--province');
const served = province ? provinceServedDir() : join(import.meta.dirname, '..', '..', 'build');
const server = await startStaticServer(served);
const ctx = await launchProfile();
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const t0 = Date.now();
await page.goto(`${server.url}${path}`);
if (waitFor) await page.waitForSelector(waitFor, { timeout: 60_000 });
console.log(`ready after ${Date.now() - t0} ms`);
await page.screenshot({ path: out, fullPage: true });
await closeProfile(ctx);
await server.close();
if (province) removeServedDir(served);
