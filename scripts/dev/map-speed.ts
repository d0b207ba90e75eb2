/**
 * npx tsx scripts/dev/map-speed.ts [--runs N] [--only recolour|filter] [--scale district|province] [--profile] [--build DIR]...
 *
 * The two map rows of bench/run.ts, alone and quickly, on the current `build/` (no rebuild):
 *   - recolouring all of Jawa Tengah's desa in /bench/lab (the bench's own `recolour`), with a
 *     repaint that changes nothing timed the same way, to tell paint-array work from draw time;
 *   - Peta's programme filter → every panel updated, p50 / p95 (the bench's own timing).
 * With --profile, the top self times of a CPU profile of each. With several --build, each build in
 * turn, alternating, so an A/B comparison shares the machine's load. Prints; writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { stats } from '../../bench/table';
import { USER_PAUSE_MS, type RecolourTimes } from '../../src/lib/bench/pacing';
import { closeProfile, launchProfile } from '../lib/chromium';
import { removeServedDir, servedDir } from '../lib/served-dir';
import { startStaticServer } from '../lib/static-server';

const ROOT = join(import.meta.dirname, '..', '..');
const argv = process.argv.slice(2);
const flag = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const RUNS = Number(flag('--runs')) || 10;
const ONLY = flag('--only');
const SCALE = flag('--scale') ?? 'district';
const PROFILE = argv.includes('--profile');
/** ms to wait before each filter change (a user's pause); 0: back to back */
const PAUSE = Number(flag('--pause')) || 0;
const BUILDS = argv.flatMap((a, i) => (a === '--build' ? [argv[i + 1]] : []));
if (!BUILDS.length) BUILDS.push(join(ROOT, 'build'));
/** The province's extracts, read-only from the lead's checkout when this worktree has none. */
const PROVINCE_EXTRACTS = [join(ROOT, 'data', 'demo', 'province', 'extracts'), '/work/main/data/demo/province/extracts'].find((p) => existsSync(join(p, 'manifest.json')));

async function launch(): Promise<BrowserContext> {
	return launchProfile();
}

const fmt = (label: string, xs: number[]) => {
	const s = stats(xs);
	console.log(`${label.padEnd(44)} median ${s.median.toFixed(0).padStart(5)} ms  p95 ${s.p95.toFixed(0).padStart(5)}  (${s.min.toFixed(0)}–${s.max.toFixed(0)}, n=${s.n})`);
};

async function startProfile(page: Page): Promise<CDPSession | null> {
	if (!PROFILE) return null;
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Profiler.start');
	return cdp;
}

async function stopProfile(cdp: CDPSession | null, base: string): Promise<void> {
	if (!cdp) return;
	const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
	const self = new Map<string, number>();
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	for (let i = 0; i < profile.samples.length; i++) {
		const n = byId.get(profile.samples[i])!;
		const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(base, '').slice(-50)}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(0).padStart(7), 'ms', k);
}

async function recolour(base: string): Promise<void> {
	const ctx = await launch();
	try {
		const page = await ctx.newPage();
		await page.goto(`${base}/bench/lab`);
		await page.waitForSelector('[data-testid="bench-lab"][data-ready="true"]', { state: 'attached' });
		const cdp = await startProfile(page);
		const r = await page.evaluate(
			([runs]) =>
				(window as unknown as { __slrtBench: { recolour(u: string, n: number): Promise<RecolourTimes> } }).__slrtBench.recolour('/bench-data/jateng-desa.geojson', runs),
			[RUNS] as const
		);
		console.log(`recolour: ${r.desa} desa`);
		fmt(`recolour after ${USER_PAUSE_MS} ms → next frame`, r.frameMs);
		fmt('recolour → idle', r.idleMs);
		fmt('… of which setColouring call', r.callMs);
		fmt('back to back, no pause → next frame', r.backToBackMs);
		fmt('repaint, nothing changed → next frame', r.repaintMs);
		await stopProfile(cdp, base);
	} finally {
		await closeProfile(ctx);
	}
}

async function filter(base: string): Promise<void> {
	const ctx = await launch();
	try {
		const page = await ctx.newPage();
		await page.goto(`${base}/peta?wilayah=33.28&lapisan=keluhan`);
		await page.waitForFunction(`Number(document.querySelector('[data-testid="peta"]')?.dataset.generation ?? 0) >= 1`, undefined, { timeout: 180_000 });
		await page.waitForTimeout(1000);
		const programs = await page.locator('[data-testid="filter-program"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const cdp = await startProfile(page);
		const ms: number[] = [];
		const seen: number[] = [];
		for (let i = 0; i < 20; i++) {
			if (PAUSE) await page.waitForTimeout(PAUSE);
			const script = `(async () => {
				const el = document.querySelector('[data-testid="filter-program"]');
				const read = () => Number(document.querySelector('[data-testid="peta"]')?.dataset.generation ?? 0);
				const before = read();
				const t0 = performance.now();
				el.value = ${JSON.stringify(programs[(i + 1) % programs.length])};
				el.dispatchEvent(new Event('change', { bubbles: true }));
				await new Promise((resolve) => { const tick = () => (read() > before ? resolve() : requestAnimationFrame(tick)); tick(); });
				const seen = performance.now() - t0;
				await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				return [performance.now() - t0, seen];
			})()`;
			const [total, gen] = (await page.evaluate(script)) as number[];
			ms.push(total);
			seen.push(gen);
		}
		fmt(`programme filter (${SCALE})`, ms);
		fmt('… until the new figures are seen (rAF poll)', seen);
		await stopProfile(cdp, base);
	} finally {
		await closeProfile(ctx);
	}
}

const benchData = mkdtempSync(join(tmpdir(), 'map-speed-data-'));
writeFileSync(join(benchData, 'jateng-desa.geojson'), gunzipSync(readFileSync(join(ROOT, 'data', 'reference', 'boundaries', 'prov_jawa_tengah_desa.geojson.gz'))));
const extracts = SCALE === 'province' ? PROVINCE_EXTRACTS : join(ROOT, 'build', 'extracts');
if (!extracts) throw new Error('no province extracts found');
const ROUNDS = Number(flag('--rounds')) || 1;
try {
	for (let round = 0; round < ROUNDS; round++) {
		for (const build of BUILDS) {
			const dir = servedDir(build, { extracts, 'bench-data': benchData }, 'map-speed-');
			const server = await startStaticServer(dir);
			console.log(`\n== ${build}`);
			try {
				if (ONLY !== 'filter') await recolour(server.url);
				if (ONLY !== 'recolour') await filter(server.url);
			} finally {
				await server.close();
				removeServedDir(dir);
			}
		}
	}
} finally {
	rmSync(benchData, { recursive: true, force: true });
}
