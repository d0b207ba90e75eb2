/**
 * npx tsx scripts/dev/query-cost.ts — each of the benchmark's dashboard queries (and a trivial one) in
 * DuckDB-WASM, Tegal loaded, median ms of 10 runs, by two paths in the same page, interleaved: the app's
 * query() (shared connection, statements kept) and a new connection with a new prepared statement per
 * call. For quick A/B work; the benchmark (bench/run.ts) is the measurement of record.
 */
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { startStaticServer } from '../lib/static-server';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';
import { dashboardQueries } from '../../bench/queries';

const server = await startStaticServer(join(import.meta.dirname, '..', '..', 'build'));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(`${server.url}/bench/lab?wilayah=33.28`);
await page.waitForSelector('[data-testid="bench-lab"][data-ready="true"]', { state: 'attached' });
await page.evaluate(`window.__slrtBench.ensureArea('33.28')`);
const queries = [{ id: 'SELECT 1', sql: 'SELECT 1 AS x', params: [] }, ...dashboardQueries('33.28', '33.28.01', '33.28.01.2001', { start: '2025-11', end: '2026-10' })];
const FRESH = `async (sql, params) => {
	const db = await window.__slrtBench.duckdb();
	const conn = await db.connect();
	try { if (!params.length) return await conn.query(sql); const s = await conn.prepare(sql); try { return await s.query(...params); } finally { await s.close(); } }
	finally { await conn.close(); }
}`;
console.log('   app query()   fresh connection + prepare');
for (const q of queries) {
	const r = (await page.evaluate(`(async () => {
		const fresh = ${FRESH};
		const [sql, params] = ${JSON.stringify([q.sql, q.params])};
		const app = [], raw = [];
		await window.__slrtBench.timeQuery(sql, params, 1); await fresh(sql, params);
		for (let i = 0; i < 10; i++) {
			let t0 = performance.now(); await window.__slrtBench.timeQuery(sql, params, 0); app.push(performance.now() - t0);
			t0 = performance.now(); await fresh(sql, params); raw.push(performance.now() - t0);
		}
		return { app, raw };
	})()`)) as { app: number[]; raw: number[] };
	const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	console.log(`${med(r.app).toFixed(1).padStart(9)} ms ${med(r.raw).toFixed(1).padStart(9)} ms  ${q.id}`);
}
await browser.close();
await server.close();
