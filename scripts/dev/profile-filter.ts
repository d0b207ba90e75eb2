/**
 * [AREA=33] npx tsx scripts/dev/profile-filter.ts [BASE] [ringkasan] — CPU profile of a filter change (top self
 * times): Peta's programme filter, or with `ringkasan` the overview's period picker. Run against `vite dev`
 * (readable names) or a served build.
 */
import { closeProfile, launchProfile } from '../lib/chromium';

const base = process.argv[2] ?? 'http://127.0.0.1:5199';
const ctx = await launchProfile();
const page = await ctx.newPage();
const ringkasan = process.argv[3] === 'ringkasan';
const [path, select, gen] = ringkasan ? [process.env.AREA ? '/?wilayah=' + process.env.AREA : '/?wilayah=33.28', 'pick-periode', 'figure-source'] : ['/peta?wilayah=33.28&lapisan=keluhan', 'filter-program', 'peta'];
await page.goto(`${base}${path}`);
await page.waitForFunction(`Number(document.querySelector('[data-testid="${gen}"]')?.dataset.generation ?? 0) >= 1`, undefined, { timeout: 180_000 });
await page.waitForTimeout(3000);
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const programs = await page.locator(`[data-testid="${select}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
await cdp.send('Profiler.start');
const times: number[] = [];
for (let i = 0; i < 6; i++) {
	const ms = await page.evaluate(`(async () => {
		const el = document.querySelector('[data-testid="${select}"]');
		const read = () => Number(document.querySelector('[data-testid="${gen}"]')?.dataset[${JSON.stringify(ringkasan ? 'shown' : 'generation')}] ?? 0);
		const g0 = read(); const t0 = performance.now();
		el.value = ${JSON.stringify(programs[(i + 1) % programs.length])};
		el.dispatchEvent(new Event('change', { bubbles: true }));
		await new Promise((resolve) => { const tick = () => (read() > g0 ? resolve() : requestAnimationFrame(tick)); tick(); });
		const t1 = performance.now();
		await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		return [t1 - t0, performance.now() - t0];
	})()`);
	times.push(...(ms as number[]));
	console.log('change', ms);
}
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
	const n = byId.get(profile.samples[i])!;
	const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(base, '').slice(-60)}:${n.callFrame.lineNumber}`;
	self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(0).padStart(7), 'ms', k);
await closeProfile(ctx);
