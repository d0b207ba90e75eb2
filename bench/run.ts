/**
 * npm run bench [-- --runs 5] [--scale district|province|all] [--no-build] [--pipeline] [--only load,filter,sql,naive,recolour,bandingkan]
 *
 * Builds the app, serves it on 127.0.0.1 and drives Debian's headless Chromium (playwright-core):
 *   - first figures and fully interactive, cold (empty profile) and warm (second visit);
 *   - filter change (period, kecamatan, programme) → every panel updated, p50 and p95;
 *   - the dashboard's ten heaviest queries in DuckDB-WASM and, in the same run, the same SQL on the
 *     same Parquet in native DuckDB (@duckdb/node-api): WASM ÷ native;
 *   - the naive route (the CSV export parsed with PapaParse and reduced in JS, same browser): naive ÷ ours;
 *   - recolouring all 8,563 desa of Jawa Tengah on a layer change;
 *   - Bandingkan's league table of the 514 kabupaten/kota: first rows, all rows, a sort;
 *   - initial JavaScript (gzip) and the WASM fetched lazily;
 *   - with --pipeline, the extract pipeline over the province's CSV export.
 * Every timed figure is the median of `--runs` runs (default 5) with min and max. Prints a table and
 * writes bench/results.json (not with --only, which runs some parts for a quick look). Fails (exit 1) when an answer differs from native DuckDB or from the
 * naive route: a fast wrong answer is not a result.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { chromiumPath, closeProfile, launchProfile } from '../scripts/lib/chromium';
import { removeServedDir, servedDir } from '../scripts/lib/served-dir';
import { startStaticServer } from '../scripts/lib/static-server';
import { USER_PAUSE_MS, type RecolourTimes } from '../src/lib/bench/pacing';
import type { Param } from '../src/lib/db/query';
import { formatNumber } from '../src/lib/i18n/format';
import { CREATE_AGGREGATES } from '../src/lib/db/aggregates';
import { headlineParams } from '../src/lib/overview/headline';
import { dashboardQueries } from './queries';
import { TARGETS, judge, printTable, stats, type Row, type Stats } from './table';

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const PROVINCE = join(ROOT, 'data', 'demo', 'province');
const FILTER_CHANGES = 20;
const RECOLOUR_RUNS = 10;
/** Runs of each dashboard query on each engine: they take 10–40 ms, so a median of 5 moves with jitter. */
const QUERY_RUNS = 21;

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const SCALE = argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : 'all';
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const part = (name: string) => ONLY === null || ONLY.includes(name);
const rows: Row[] = [];
const failures: string[] = [];

interface Scale {
	id: 'district' | 'province';
	name: string;
	/** Ringkasan's area; Peta's district */
	area: string;
	peta: string;
	kecamatan: string;
	extracts: string;
}

function scales(): Scale[] {
	const out: Scale[] = [];
	if (SCALE !== 'province') out.push({ id: 'district', name: 'Kabupaten Tegal', area: '33.28', peta: '33.28', kecamatan: '33.28.01', extracts: join(BUILD, 'extracts') });
	if (SCALE !== 'district') {
		if (existsSync(join(PROVINCE, 'extracts', 'manifest.json'))) out.push({ id: 'province', name: 'Jawa Tengah', area: '33', peta: '33.28', kecamatan: '33.28.01', extracts: join(PROVINCE, 'extracts') });
		else console.log('(provinsi dilewati / province skipped: run `npm run data -- --scale province` first)');
	}
	return out;
}

/**
 * Waits until the element's `data-generation` is at least 1. A function, not a string: the pages'
 * Content-Security-Policy (kit.csp) refuses the eval a string predicate would need.
 */
const drawnOnce = (page: Page, testid: string, options: { timeout: number; polling?: 'raf' }) =>
	page.waitForFunction((id) => Number((document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.dataset.generation ?? 0) >= 1, testid, options);

/**
 * Navigation → first figures → interactive, in ms since navigation start, from the app's performance
 * marks: interactive is DuckDB-WASM ready with the area's rows attached while every Ringkasan panel shows
 * exact figures (OverviewModel); the page is then left to reach its live figures too.
 */
async function ringkasanTimes(page: Page, url: string): Promise<{ first: number; interactive: number; marks: Record<string, number> }> {
	await page.goto(url);
	await drawnOnce(page, 'figure-source', { timeout: 180_000, polling: 'raf' });
	// Every panel drawn: the trend chart too (ECharts loads after the first figures).
	await page.waitForFunction(() => performance.getEntriesByName('slrt:chart-drawn').length > 0, undefined, { timeout: 60_000, polling: 'raf' });
	const marks = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])), [...STAGES.map((s) => s.mark)]);
	// Interactive: the figures final or DuckDB-WASM ready with the rows, and every panel drawn.
	return { first: marks['slrt:first-figures'], interactive: Math.max(marks['slrt:interactive'], marks['slrt:chart-drawn']), marks };
}

/** Where the time to a live Ringkasan goes: performance marks the app sets on the way (ms since navigation). */
const STAGES = [
	{ mark: 'slrt:first-figures', id: 'angka pertama', en: 'first figures' },
	{ mark: 'slrt:chart-drawn', id: 'grafik tren tergambar', en: 'trend chart drawn' },
	{ mark: 'slrt:duckdb-ready', id: 'DuckDB-WASM siap', en: 'DuckDB-WASM ready' },
	{ mark: 'slrt:db-verified', id: 'basis data kabupaten diunduh + SHA-256', en: 'district database fetched + verified' },
	{ mark: 'slrt:db-attached', id: 'basis data terpasang', en: 'database attached' },
	{ mark: 'slrt:interactive', id: 'interaktif', en: 'interactive' },
	{ mark: 'slrt:live-figures', id: 'angka langsung', en: 'live figures' }
] as const;

/** The map has drawn its source and is idle. */
const MAP_DRAWN = () => {
	const m = (window as unknown as { __slrtMap?: { loaded(): boolean; isSourceLoaded(s: string): boolean } }).__slrtMap;
	return !!m && m.isSourceLoaded('desa') && m.loaded();
};

/**
 * Navigation → the map first drawn with exact figures (the pre-aggregate's, or the live queries'
 * where there is none), and → interactive: DuckDB-WASM ready with the district's rows and the
 * map drawn (the mark the page sets when both hold; the map then stays as drawn).
 */
async function petaTime(page: Page, url: string): Promise<{ first: number; interactive: number }> {
	await page.goto(url);
	await page.waitForFunction(() => ['summary', 'ready'].includes((document.querySelector('[data-testid="peta"]') as HTMLElement | null)?.dataset.status ?? ''), undefined, { timeout: 180_000, polling: 'raf' });
	await page.waitForFunction(MAP_DRAWN, undefined, { timeout: 60_000, polling: 'raf' });
	const first = await page.evaluate(() => performance.now());
	await page.waitForFunction(() => performance.getEntriesByName('slrt:peta-interactive').length > 0, undefined, { timeout: 180_000, polling: 'raf' });
	await page.waitForFunction(MAP_DRAWN, undefined, { timeout: 60_000, polling: 'raf' });
	const interactive = await page.evaluate(() => performance.now());
	return { first, interactive };
}

async function loadTimes(scale: Scale, base: string): Promise<void> {
	const cold = { first: [] as number[], interactive: [] as number[], petaFirst: [] as number[], peta: [] as number[], marks: [] as Record<string, number>[] };
	const warm = { first: [] as number[], interactive: [] as number[], petaFirst: [] as number[], peta: [] as number[] };
	for (let i = 0; i < RUNS; i++) {
		const ctx = await launchProfile();
		try {
			const page = await ctx.newPage();
			const c = await ringkasanTimes(page, `${base}/?wilayah=${scale.area}`);
			cold.first.push(c.first);
			cold.interactive.push(c.interactive);
			cold.marks.push(c.marks);
			// The service worker takes over from the second page on, as for a user's second visit.
			await page.evaluate(() => navigator.serviceWorker?.ready);
			await page.waitForTimeout(500);
			await page.close();
			const again = await ctx.newPage();
			const w = await ringkasanTimes(again, `${base}/?wilayah=${scale.area}`);
			warm.first.push(w.first);
			warm.interactive.push(w.interactive);
			await again.close();
		} finally {
			await closeProfile(ctx);
		}
		const ctx2 = await launchProfile();
		try {
			const page = await ctx2.newPage();
			const c = await petaTime(page, `${base}/peta?wilayah=${scale.peta}`);
			cold.petaFirst.push(c.first);
			cold.peta.push(c.interactive);
			await page.waitForTimeout(500);
			await page.close();
			const again = await ctx2.newPage();
			const w = await petaTime(again, `${base}/peta?wilayah=${scale.peta}`);
			warm.petaFirst.push(w.first);
			warm.peta.push(w.interactive);
		} finally {
			await closeProfile(ctx2);
		}
	}
	const mode = scale.id === 'province' ? ' (pra-agregat, pre-aggregates)' : '';
	add(scale, 'first_figures_cold', 'Angka pertama, kunjungan pertama / first figures, cold', stats(cold.first), 'ms');
	add(scale, 'first_figures_warm', 'Angka pertama, kunjungan kedua / first figures, warm', stats(warm.first), 'ms');
	add(scale, 'interactive_cold', `Ringkasan interaktif, pertama / Ringkasan interactive, cold${mode}`, stats(cold.interactive), 'ms');
	for (const s of STAGES.slice(1).filter((x) => x.mark !== 'slrt:interactive')) {
		const xs = cold.marks.map((m) => m[s.mark]).filter(Number.isFinite);
		if (xs.length) add(scale, `stage:${s.mark}`, `… ${s.id}, pertama / … ${s.en}, cold`, stats(xs), 'ms');
	}
	add(scale, 'interactive_warm', `Ringkasan interaktif, kedua / Ringkasan interactive, warm${mode}`, stats(warm.interactive), 'ms');
	add(scale, 'peta_first_cold', `Peta ${scale.peta}: peta pertama, pertama / Peta ${scale.peta}: first map drawn, cold`, stats(cold.petaFirst), 'ms');
	add(scale, 'peta_first_warm', `Peta ${scale.peta}: peta pertama, kedua / Peta ${scale.peta}: first map drawn, warm`, stats(warm.petaFirst), 'ms');
	add(scale, 'peta_cold', `Peta ${scale.peta} interaktif, pertama / Peta ${scale.peta} interactive, cold`, stats(cold.peta), 'ms');
	add(scale, 'peta_warm', `Peta ${scale.peta} interaktif, kedua / Peta ${scale.peta} interactive, warm`, stats(warm.peta), 'ms');
}

/**
 * Bandingkan, Kemensos' view of all 514 kabupaten/kota: navigation → the league table's first rows
 * in the page, → all 514 made, → the national map drawn; then a sort of the 514 rows (click → the
 * rows in their new order, and the frame after). Marks taken by a mutation observer, which runs as
 * the rows are inserted, before they are painted.
 */
const LEAGUE_MARKS = `window.__league = {}; new MutationObserver(() => {
	const m = window.__league;
	if (!m.rows && document.querySelector('[data-testid="league-row"]')) m.rows = performance.now();
	if (!m.complete && document.querySelector('[data-testid="league"][data-complete="true"]')) m.complete = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true });`;
const NATIONAL_MAP_DRAWN = () => {
	const m = (window as unknown as { __slrtNationalMap?: { loaded(): boolean; isSourceLoaded(s: string): boolean } }).__slrtNationalMap;
	return !!m && m.isSourceLoaded('kabkota') && m.loaded();
};
/** Clicks a header and resolves, in ms, at the frame after the first row has changed. */
const SORT_BY = (testid: string) => `new Promise((done) => {
	const first = () => document.querySelector('[data-testid="league-row"]').getAttribute('data-kode');
	const before = first();
	const t = performance.now();
	document.querySelector('[data-testid="${testid}"]').click();
	const check = () => (first() !== before ? requestAnimationFrame(() => done(performance.now() - t)) : setTimeout(check, 1));
	check();
})`;

async function bandingkanVisit(page: Page, url: string): Promise<{ rows: number; complete: number; map: number }> {
	await page.goto(url);
	await page.waitForSelector('[data-testid="league"][data-complete="true"]', { timeout: 120_000 });
	await page.waitForFunction(NATIONAL_MAP_DRAWN, undefined, { timeout: 60_000, polling: 'raf' });
	const map = await page.evaluate(() => performance.now());
	const m = (await page.evaluate('window.__league')) as { rows: number; complete: number };
	return { ...m, map };
}

async function bandingkanTimes(base: string): Promise<void> {
	const t = { rowsCold: [] as number[], rowsWarm: [] as number[], completeCold: [] as number[], completeWarm: [] as number[], mapWarm: [] as number[], sort: [] as number[] };
	for (let i = 0; i < RUNS; i++) {
		const ctx = await launchProfile();
		try {
			await ctx.addInitScript(LEAGUE_MARKS);
			const page = await ctx.newPage();
			const c = await bandingkanVisit(page, `${base}/bandingkan`);
			t.rowsCold.push(c.rows);
			t.completeCold.push(c.complete);
			await page.evaluate(() => navigator.serviceWorker?.ready);
			await page.waitForTimeout(500);
			await page.close();
			const again = await ctx.newPage();
			const w = await bandingkanVisit(again, `${base}/bandingkan`);
			t.rowsWarm.push(w.rows);
			t.completeWarm.push(w.complete);
			t.mapWarm.push(w.map);
			// By name, then back by rank: the whole table reordered each time.
			for (const by of ['sort-nama', 'sort-rank']) {
				await again.waitForTimeout(USER_PAUSE_MS);
				t.sort.push((await again.evaluate(SORT_BY(by))) as number);
			}
		} finally {
			await closeProfile(ctx);
		}
	}
	const scale = { name: 'Indonesia (514 kab/kota)' };
	add(scale, 'league_rows_cold', 'Bandingkan: baris pertama tabel peringkat, pertama / first league rows shown, cold', stats(t.rowsCold), 'ms');
	add(scale, 'league_complete_cold', '… 514 baris lengkap, pertama / … all 514 rows made, cold', stats(t.completeCold), 'ms');
	add(scale, 'league_rows_warm', 'Bandingkan: baris pertama tabel peringkat, kedua / first league rows shown, warm', stats(t.rowsWarm), 'ms');
	add(scale, 'league_complete_warm', '… 514 baris lengkap, kedua / … all 514 rows made, warm', stats(t.completeWarm), 'ms');
	add(scale, 'national_map_warm', '… peta nasional tergambar, kedua / … national map drawn, warm', stats(t.mapWarm), 'ms');
	add(scale, 'league_sort', 'Urutkan 514 baris → bingkai berikut / sort of the 514 rows → next frame', stats(t.sort), 'ms');
}

/** One change of a picker, timed in the page from the change to the view's next final figures and the frame after. */
/**
 * One change of a picker, timed in the page from the change to the frame after the view's counter
 * `attr` (a data attribute of `gen`) moves; with `thenAttr`, also to the frame after that one moves.
 */
async function timedChange(page: Page, select: string, value: string, gen: string, attr = 'generation', thenAttr?: string): Promise<number[]> {
	// Plain JS in a string: tsx would otherwise wrap named functions in a helper the page does not have.
	const script = `(async () => {
		const el = document.querySelector('[data-testid="${select}"]');
		const read = (a) => Number(document.querySelector('[data-testid="${gen}"]')?.dataset[a] ?? 0);
		const attrs = ${JSON.stringify(thenAttr ? [attr, thenAttr] : [attr])};
		const before = attrs.map(read);
		const t0 = performance.now();
		el.value = ${JSON.stringify(value)};
		el.dispatchEvent(new Event('change', { bubbles: true }));
		const out = [];
		for (let i = 0; i < attrs.length; i++) {
			await new Promise((resolve) => { const tick = () => (read(attrs[i]) > before[i] ? resolve() : requestAnimationFrame(tick)); tick(); });
			await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
			out.push(performance.now() - t0);
		}
		return out;
	})()`;
	return page.evaluate(script) as Promise<number[]>;
}

/** A user's pause (USER_PAUSE_MS), as the text of the rows timed after it. */
const PAUSE_TEXT = { id: `jeda ${formatNumber(USER_PAUSE_MS / 1000, 'id', 1)} s`, en: `after a ${formatNumber(USER_PAUSE_MS / 1000, 'en', 1)} s pause` };

/**
 * FILTER_CHANGES changes, each after a user's pause (the target rows) and then as many back to back,
 * each starting the moment the previous one's figures are drawn (reported beside them).
 */
async function paced(change: (i: number) => Promise<number[]>): Promise<{ paused: number[][]; backToBack: number[][] }> {
	const paused: number[][] = [];
	const backToBack: number[][] = [];
	for (let i = 0; i < FILTER_CHANGES; i++) {
		await new Promise((r) => setTimeout(r, USER_PAUSE_MS));
		paused.push(await change(i));
	}
	for (let i = FILTER_CHANGES; i < 2 * FILTER_CHANGES; i++) backToBack.push(await change(i));
	return { paused, backToBack };
}

async function filterChanges(scale: Scale, base: string): Promise<void> {
	const ctx = await launchProfile();
	try {
		const page = await ctx.newPage();
		await ringkasanTimes(page, `${base}/?wilayah=${scale.area}`);
		const periods = await page.locator('[data-testid="pick-periode"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const kecs = scale.id === 'district' ? await page.locator('[data-testid="pick-kecamatan"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean)) : [];
		// Alternate: a period, then (district scale) a kecamatan and back to the district.
		const r = await paced((i) =>
			i % 2 === 0 || !kecs.length
				? timedChange(page, 'pick-periode', periods[(i + 1) % periods.length], 'figure-source', 'shown', 'generation')
				: timedChange(page, 'pick-kecamatan', i % 4 === 1 ? kecs[i % kecs.length] : '', 'figure-source', 'shown', 'generation')
		);
		const what = `periode${kecs.length ? ', kecamatan' : ''}`;
		add(scale, 'filter_ringkasan', `Ganti filter Ringkasan (${what}; ${PAUSE_TEXT.id}) → semua panel diperbarui / filter change ${PAUSE_TEXT.en} → every panel updated`, stats(r.paused.map(([s]) => s)), 'ms');
		// A province is answered from the summaries alone: there is no live figure to wait for.
		if (scale.id === 'district') add(scale, 'filter_ringkasan_live', `… → angka DuckDB-WASM (sama) / → the same figures live from DuckDB-WASM`, stats(r.paused.map(([, l]) => l)), 'ms');
		add(scale, 'filter_ringkasan_back_to_back', `… beruntun, tanpa jeda / … back to back, no pause`, stats(r.backToBack.map(([s]) => s)), 'ms');
		await page.goto(`${base}/peta?wilayah=${scale.peta}&lapisan=keluhan`);
		await drawnOnce(page, 'peta', { timeout: 180_000 });
		const programs = await page.locator('[data-testid="filter-program"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		const pm = await paced((i) => timedChange(page, 'filter-program', programs[(i + 1) % programs.length], 'peta'));
		add(scale, 'filter_peta', `Ganti program di Peta ${scale.peta} (${PAUSE_TEXT.id}) / programme filter on the map ${PAUSE_TEXT.en}`, stats(pm.paused.map(([s]) => s)), 'ms');
		add(scale, 'filter_peta_back_to_back', `… beruntun, tanpa jeda / … back to back, no pause`, stats(pm.backToBack.map(([s]) => s)), 'ms');
	} finally {
		await closeProfile(ctx);
	}
}

/* ------------------------------------------------------------- WASM vs native */

async function nativeConnection(extracts: string, kab: string): Promise<DuckDBConnection> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
	for (const t of ['wilayah', 'puskesos', 'fasilitator', 'rumah_tangga', 'keluhan', 'rujukan']) {
		const glob = join(extracts, t, `kode_kab=${kab}`, '*.parquet').replace(/'/g, "''");
		await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${glob}', hive_partitioning = true)`);
	}
	// Computed here from the Parquet rows: equal answers then also prove the pipeline's aggregates right.
	for (const sql of CREATE_AGGREGATES) await conn.run(sql);
	return conn;
}

const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
const canon = (row: unknown) => JSON.stringify(Object.entries((row ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : round(typeof v === 'bigint' ? Number(v) : v)]));

async function wasmVsNative(base: string, extracts: string): Promise<void> {
	const kab = '33.28';
	const ctx = await launchProfile();
	const conn = await nativeConnection(extracts, kab);
	try {
		const page = await ctx.newPage();
		await page.goto(`${base}/bench/lab?wilayah=${kab}`);
		await page.waitForSelector('[data-testid="bench-lab"][data-ready="true"]', { state: 'attached' });
		const mode = await page.evaluate((k) => (window as unknown as { __slrtBench: { ensureArea(a: string): Promise<string> } }).__slrtBench.ensureArea(k), kab);
		if (mode !== 'live') throw new Error(`district ${kab} did not load live in the browser (${mode})`);
		const period = { start: '2025-11', end: '2026-10' };
		const ratios: number[] = [];
		for (const q of dashboardQueries(kab, '33.28.01', '33.28.01.2001', period)) {
			const wasm = await page.evaluate(([sql, params, runs]) => (window as unknown as { __slrtBench: { timeQuery(s: string, p: Param[], r: number): Promise<{ ms: number[]; rows: number; first: unknown }> } }).__slrtBench.timeQuery(sql, params, runs), [q.sql, q.params, QUERY_RUNS] as const);
			const stmt = await conn.prepare(q.sql);
			stmt.bind(q.params as never);
			const warm = (await stmt.runAndReadAll()).getRowObjectsJS();
			const nativeMs: number[] = [];
			for (let i = 0; i < QUERY_RUNS; i++) {
				const t0 = performance.now();
				await stmt.runAndReadAll();
				nativeMs.push(performance.now() - t0);
			}
			if (warm.length !== wasm.rows || canon(warm[0]) !== canon(wasm.first)) failures.push(`${q.id}: WASM ${wasm.rows} rows ${canon(wasm.first)} ≠ native ${warm.length} rows ${canon(warm[0])}`);
			const w = stats(wasm.ms);
			const n = stats(nativeMs);
			ratios.push(w.median / n.median);
			rows.push({ scale: 'Kabupaten Tegal', id: `query:${q.id}`, label: `SQL ${q.id}: WASM ${w.median.toFixed(1)} ms / native ${n.median.toFixed(1)} ms`, unit: '×', ...stats([w.median / n.median]), target: null, pass: null });
		}
		const r = stats(ratios);
		add({ name: 'Kabupaten Tegal' } as Scale, 'wasm_over_native', 'WASM ÷ native, median of the ten queries', { ...r, median: r.median }, '×');
	} finally {
		conn.closeSync();
		await closeProfile(ctx);
	}
}

/* ------------------------------------------------------------------ naive route */

async function prepareNaiveCsv(benchData: string): Promise<boolean> {
	const exportDir = join(ROOT, 'data', 'demo', 'pilot', 'export');
	if (!existsSync(join(exportDir, 'rumah_tangga.csv'))) {
		console.log('(naive route skipped: data/demo/pilot/export missing — npm run data)');
		return false;
	}
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	mkdirSync(join(benchData, 'naive'), { recursive: true });
	for (const t of ['rumah_tangga', 'keluhan', 'rujukan', 'puskesos']) {
		// The district's rows of the export, as the district would export them itself.
		await conn.run(`COPY (SELECT * FROM read_csv('${join(exportDir, `${t}.csv`)}', all_varchar = true) WHERE kode_desa LIKE '33.28.%') TO '${join(benchData, 'naive', `${t}.csv`)}' (HEADER, DELIMITER ',')`);
	}
	conn.closeSync();
	return true;
}

/**
 * The same headline figures three ways in the same browser, each timed from nothing fetched (a new
 * profile per run) to the figures: the naive route (the CSV export, PapaParse, JS), ours as the page
 * shows them first (manifest + the district's summary written at extract time), and ours live
 * (DuckDB-WASM started untimed; the district's database fetched, attached and queried). All three
 * must equal, or the run fails.
 */
async function naiveVsOurs(base: string): Promise<void> {
	const period = { start: '2025-11', end: '2026-10' };
	const [prefix, first, last] = headlineParams('33.28', period);
	const urls = Object.fromEntries(['rumah_tangga', 'keluhan', 'rujukan', 'puskesos'].map((t) => [t, `/bench-data/naive/${t}.csv`]));
	const naive: number[] = [];
	const summary: number[] = [];
	const live: number[] = [];
	type Lab = {
		naiveRoute(u: unknown, p: string, a: string, b: string): Promise<{ ms: number; headline: unknown }>;
		summaryRoute(area: string, p: unknown): Promise<{ ms: number; headline: unknown }>;
		liveRoute(area: string, p: unknown): Promise<{ ms: number; headline: unknown; mode: string }>;
		duckdb(): Promise<unknown>;
	};
	for (let i = 0; i < RUNS; i++) {
		const ctx = await launchProfile();
		try {
			const page = await ctx.newPage();
			await page.goto(`${base}/bench/lab`);
			await page.waitForSelector('[data-testid="bench-lab"][data-ready="true"]', { state: 'attached' });
			const n = await page.evaluate(([u, p, a, b]) => (window as unknown as { __slrtBench: Lab }).__slrtBench.naiveRoute(u, p, a, b), [urls, prefix, first, last] as const);
			const s = await page.evaluate(([area, p]) => (window as unknown as { __slrtBench: Lab }).__slrtBench.summaryRoute(area, p), ['33.28', period] as const);
			await page.evaluate(() => (window as unknown as { __slrtBench: Lab }).__slrtBench.duckdb().then(() => null));
			const l = await page.evaluate(([area, p]) => (window as unknown as { __slrtBench: Lab }).__slrtBench.liveRoute(area, p), ['33.28', period] as const);
			// The same figures all three ways, or the comparison means nothing.
			if (canon(n.headline) !== canon(s.headline)) failures.push(`naive route ${canon(n.headline)} ≠ district summary ${canon(s.headline)}`);
			if (l.mode !== 'live' || canon(n.headline) !== canon(l.headline)) failures.push(`naive route ${canon(n.headline)} ≠ DuckDB-WASM ${canon(l.headline)} (${l.mode})`);
			naive.push(n.ms);
			summary.push(s.ms);
			live.push(l.ms);
		} finally {
			await closeProfile(ctx);
		}
	}
	const tegal = { name: 'Kabupaten Tegal' } as Scale;
	add(tegal, 'naive_ms', 'Rute naif: CSV + PapaParse + JS / naive route', stats(naive), 'ms');
	add(tegal, 'ours_summary_ms', 'Dasbor: manifest + ringkasan kabupaten / ours: manifest + district summary', stats(summary), 'ms');
	add(tegal, 'ours_live_ms', 'Dasbor langsung: basis data kabupaten + SQL (DuckDB-WASM sudah jalan) / ours live: district database + SQL, engine started', stats(live), 'ms');
	add(tegal, 'naive_over_ours', 'Naif ÷ dasbor (ringkasan) / naive ÷ ours (summary)', stats([stats(naive).median / stats(summary).median]), '×');
	add(tegal, 'naive_over_live', 'Naif ÷ dasbor langsung / naive ÷ ours live', stats([stats(naive).median / stats(live).median]), '×');
}

/* ------------------------------------------------------------------ recolour */

function prepareProvinceGeo(benchData: string): boolean {
	const src = join(ROOT, 'data', 'reference', 'boundaries', 'prov_jawa_tengah_desa.geojson.gz');
	if (!existsSync(src)) return false;
	writeFileSync(join(benchData, 'jateng-desa.geojson'), gunzipSync(readFileSync(src)));
	return true;
}

async function recolourProvince(base: string): Promise<void> {
	const ctx = await launchProfile();
	try {
		const page = await ctx.newPage();
		await page.goto(`${base}/bench/lab`);
		await page.waitForSelector('[data-testid="bench-lab"][data-ready="true"]', { state: 'attached' });
		const r = await page.evaluate(([runs]) => (window as unknown as { __slrtBench: { recolour(u: string, n: number): Promise<RecolourTimes> } }).__slrtBench.recolour('/bench-data/jateng-desa.geojson', runs), [RECOLOUR_RUNS] as const);
		const scale = { name: `Jawa Tengah (${r.desa} desa)` } as Scale;
		add(scale, 'recolour_frame', `Warna ulang semua desa (${PAUSE_TEXT.id}) → frame berikutnya / recolour ${PAUSE_TEXT.en} → next frame`, stats(r.frameMs), 'ms');
		add(scale, 'recolour_idle', 'Warna ulang → peta diam / recolour → map idle', stats(r.idleMs), 'ms');
		add(scale, 'recolour_back_to_back', 'Warna ulang beruntun, tanpa jeda → frame / back to back, no pause → frame', stats(r.backToBackMs), 'ms');
		add(scale, 'recolour_repaint', 'Frame tanpa perubahan (jeda sama) / a frame changing nothing (same pause)', stats(r.repaintMs), 'ms');
	} finally {
		await closeProfile(ctx);
	}
}

/* ------------------------------------------------------------------ sizes */

async function sizes(base: string): Promise<void> {
	const ctx = await launchProfile();
	try {
		const page = await ctx.newPage();
		const started: [string, number][] = [];
		page.on('requestfinished', (r) => {
			const u = new URL(r.url());
			if (/\.(m?js|wasm)$/.test(u.pathname)) started.push([u.pathname, r.timing().startTime]);
		});
		await page.goto(`${base}/?wilayah=33.28`);
		await drawnOnce(page, 'figure-source', { timeout: 180_000 });
		await page.waitForTimeout(1000);
		// Initial: requested before the first figures were on screen; everything after is fetched lazily.
		const firstAt = await page.evaluate(() => performance.timeOrigin + (performance.getEntriesByName('slrt:first-figures')[0]?.startTime ?? Infinity));
		const initial = new Set(started.filter(([p, t]) => t < firstAt && !p.endsWith('.wasm')).map(([p]) => p));
		const lazy = new Set(started.map(([p]) => p).filter((p) => !initial.has(p)));
		const gz = (p: string) => gzipSync(readFileSync(join(BUILD, p)), { level: 9 }).length;
		const kb = (files: Set<string>) => [...files].reduce((a, p) => a + gz(p), 0) / 1024;
		add({ name: 'app' } as Scale, 'initial_js_kb', `JavaScript sebelum angka pertama (${initial.size} berkas, gzip) / initial JS`, stats([kb(initial)]), 'KB');
		add({ name: 'app' } as Scale, 'lazy_kb', `Diambil belakangan: JS + WASM (${lazy.size} berkas, gzip) / fetched lazily`, stats([kb(lazy)]), 'KB');
	} finally {
		await closeProfile(ctx);
	}
}

/* ------------------------------------------------------------------ pipeline */

function pipeline(): void {
	const exportDir = join(PROVINCE, 'export');
	if (!existsSync(exportDir)) {
		console.log('(pipeline skipped: data/demo/province/export missing)');
		return;
	}
	const out = mkdtempSync(join(tmpdir(), 'bench-extract-'));
	const t0 = performance.now();
	// Node with tsx's loader, as `npx tsx` runs it without npx's ~1 s of looking the binary up: the row times the pipeline.
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--in', exportDir, '--out', out], { cwd: ROOT, stdio: 'inherit' });
	const s = (performance.now() - t0) / 1000;
	rmSync(out, { recursive: true, force: true });
	if (r.status !== 0) failures.push('extract pipeline failed');
	else add({ name: 'Jawa Tengah' } as Scale, 'pipeline_s', 'Pipeline ekstrak provinsi / province extract pipeline', stats([s]), 's');
}

/* ------------------------------------------------------------------ main */

function add(scale: Pick<Scale, 'name'>, id: string, label: string, s: Stats, unit: string): void {
	const key = `${(scale as Scale).id ?? ''}:${id}`;
	const target = TARGETS[key] ?? TARGETS[`:${id}`] ?? null;
	rows.push({ scale: scale.name, id, label, unit, ...s, target: target ? target.text : null, pass: target ? judge(s, target) : null });
}

async function main(): Promise<void> {
	if (!argv.includes('--no-build')) {
		const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (r.status !== 0) throw new Error('vite build failed');
	}
	const benchData = mkdtempSync(join(tmpdir(), 'bench-data-'));
	const haveNaive = await prepareNaiveCsv(benchData);
	const haveGeo = prepareProvinceGeo(benchData);
	for (const scale of scales()) {
		// The build, with the scale's extracts and the bench's own files beside it.
		const dir = servedDir(BUILD, { extracts: scale.extracts, 'bench-data': benchData }, `bench-${scale.id}-`);
		const server = await startStaticServer(dir);
		try {
			console.log(`\n== ${scale.name}: ${server.url}`);
			if (part('load')) await loadTimes(scale, server.url);
			if (part('filter')) await filterChanges(scale, server.url);
			if (scale.id === 'district') {
				if (part('sql')) await wasmVsNative(server.url, scale.extracts);
				if (haveNaive && part('naive')) await naiveVsOurs(server.url);
				if (part('load')) await sizes(server.url);
				if (part('bandingkan')) await bandingkanTimes(server.url);
			}
			if (scale.id === 'province' || SCALE === 'district') if (haveGeo && part('recolour')) await recolourProvince(server.url);
		} finally {
			await server.close();
			removeServedDir(dir);
		}
	}
	const naive = rows.find((r) => r.id === 'naive_ms');
	const first = rows.find((r) => r.id === 'first_figures_cold' && r.scale === 'Kabupaten Tegal');
	if (naive && first) add({ name: 'Kabupaten Tegal' } as Scale, 'naive_over_first', 'Naif ÷ angka pertama halaman (termasuk navigasi) / naive ÷ page first figures (navigation included), cold', stats([naive.median / first.median]), '×');
	if (argv.includes('--pipeline')) pipeline();
	rmSync(benchData, { recursive: true, force: true });

	printTable(rows);
	if (ONLY) {
		if (failures.length) {
			console.error(`\nANSWERS DIFFER:\n${failures.join('\n')}`);
			process.exit(1);
		}
		return;
	}
	const chromiumVersion = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).stdout.trim();
	writeFileSync(
		join(ROOT, 'bench', 'results.json'),
		JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, chromium: chromiumVersion }, runs: RUNS, rows, failures }, null, 1) + '\n'
	);
	console.log('\nbench/results.json written');
	if (failures.length) {
		console.error(`\nANSWERS DIFFER — the benchmark fails:\n${failures.join('\n')}`);
		process.exit(1);
	}
}

main().catch((e) => {
	console.error(e instanceof Error ? e.stack : String(e));
	process.exit(1);
});
