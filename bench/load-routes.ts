/**
 * npm run bench:load — how should a Parquet extract get into DuckDB-WASM, which has no Parquet
 * reader offline? Measures, in headless Chromium on the built app, three routes on the same
 * household rows at district and province-slice scale:
 *   parquet  Parquet (ZSTD) → parquet-wasm in a worker, row group by row group → Arrow IPC → DuckDB (the app's route)
 *   arrow    an Arrow IPC stream file written beside the Parquet → DuckDB
 *   duckdb   a .duckdb database file attached read-only over HTTP (lazy range reads)
 *   duckdb-verified  the app's route: the whole .duckdb file fetched, SHA-256 checked, attached from memory
 * Prints a table and writes bench/load-routes.json. Needs `npm run build` and the demo extracts;
 * the province slice needs `npm run data -- --scale province` (skipped with a note otherwise).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { readParquet } from 'parquet-wasm/node';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/lib/chromium';
import { startStaticServer } from '../scripts/lib/static-server';

const ROOT = join(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build');
const OUT = join(BUILD, 'bench-data');
const RUNS = 3;
const ROUTES = ['parquet', 'arrow', 'duckdb', 'duckdb-verified'] as const;

interface Scale {
	name: string;
	source: string; // glob of rumah_tangga Parquet files
	limitKabs?: number;
}

function scales(): Scale[] {
	const out: Scale[] = [{ name: 'Kabupaten Tegal', source: join(ROOT, 'static', 'extracts', 'rumah_tangga', 'kode_kab=33.28', '*.parquet') }];
	const prov = join(ROOT, 'data', 'demo', 'province', 'extracts', 'rumah_tangga');
	if (existsSync(prov)) out.push({ name: 'Jawa Tengah, first 10 kab (~4M rows)', source: join(prov, 'kode_kab=33.0*', '*.parquet') });
	else console.log('(province slice skipped: run `npm run data -- --scale province` first)');
	return out;
}

async function prepare(scale: Scale, id: string) {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	await c.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
	const pq = join(OUT, `${id}.parquet`);
	const dbFile = join(OUT, `${id}.duckdb`);
	rmSync(dbFile, { force: true });
	const select = `SELECT * FROM read_parquet('${scale.source}') ORDER BY kode_desa, id_rt`;
	await c.run(`COPY (${select}) TO '${pq}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
	await c.run(`ATTACH '${dbFile}' AS f (STORAGE_VERSION 'v1.0.0'); CREATE TABLE f.rumah_tangga AS ${select}; DETACH f;`);
	const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM '${pq}'`)).getRows()[0][0]);
	c.closeSync();
	const bytes = readFileSync(pq);
	const arrow = join(OUT, `${id}.arrows`);
	writeFileSync(arrow, readParquet(new Uint8Array(bytes), { batchSize: 122_880 }).intoIPCStream());
	const size = (f: string) => ({ raw: statSync(f).size, gzip: gzipSync(readFileSync(f), { level: 6 }).length });
	return {
		rows,
		files: {
			parquet: { url: `/bench-data/${id}.parquet`, sha: createHash('sha256').update(bytes).digest('hex'), ...size(pq) },
			arrow: { url: `/bench-data/${id}.arrows`, sha: '', ...size(arrow) },
			duckdb: { url: `/bench-data/${id}.duckdb`, sha: '', ...size(dbFile) },
			'duckdb-verified': { url: `/bench-data/${id}.duckdb`, sha: createHash('sha256').update(readFileSync(dbFile)).digest('hex'), ...size(dbFile) }
		}
	};
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

if (!existsSync(join(BUILD, 'index.html'))) throw new Error('build/ is missing: run `npm run build` first');
mkdirSync(OUT, { recursive: true });
const server = await startStaticServer(BUILD);
const results = [];
try {
	for (const [i, scale] of scales().entries()) {
		const prep = await prepare(scale, `scale${i}`);
		for (const route of ROUTES) {
			const f = prep.files[route];
			const loads: number[] = [];
			const queries: number[] = [];
			for (let run = 0; run < RUNS; run++) {
				// A fresh browser profile per run: cold cache, a new DuckDB-WASM instance.
				const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'bench-')), { executablePath: chromiumPath(), args: CHROMIUM_ARGS });
				const page = await ctx.newPage();
				await page.goto(`${server.url}/bench/load?route=${route}&url=${encodeURIComponent(f.url)}&sha=${f.sha}`);
				const el = await page.waitForSelector('[data-testid="bench-result"], [data-testid="bench-error"]', { timeout: 300_000 });
				const text = await el.innerText();
				const failed = (await el.getAttribute('data-testid')) === 'bench-error';
				await ctx.close();
				if (failed) throw new Error(`${route}: ${text}`);
				const r = JSON.parse(text);
				if (r.rows !== prep.rows) throw new Error(`${route} loaded ${r.rows} rows, expected ${prep.rows}`);
				loads.push(r.loadMs);
				queries.push(r.queryMs);
			}
			results.push({ scale: scale.name, rows: prep.rows, route, load_ms: { median: median(loads), min: Math.min(...loads), max: Math.max(...loads) }, query_ms: median(queries), bytes: f.raw, gzip_bytes: f.gzip });
		}
	}
} finally {
	await server.close();
	rmSync(OUT, { recursive: true, force: true });
}

const mb = (b: number) => (b / 1e6).toFixed(1);
console.log('\n| scale | rows | route | load median (min–max) | headline query | file MB (gzip) |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
	console.log(`| ${r.scale} | ${r.rows.toLocaleString('en')} | ${r.route} | ${(r.load_ms.median / 1000).toFixed(2)} s (${(r.load_ms.min / 1000).toFixed(2)}–${(r.load_ms.max / 1000).toFixed(2)}) | ${r.query_ms.toFixed(0)} ms | ${mb(r.bytes)} (${mb(r.gzip_bytes)}) |`);
}
writeFileSync(join(import.meta.dirname, 'load-routes.json'), JSON.stringify({ measured: new Date().toISOString(), runs: RUNS, results }, null, 2));
