/**
 * The one owner of DuckDB-WASM. It starts DuckDB once, in its own Web Worker, from files this
 * app serves itself (no CDN), and never lets it reach for the network: extensions are neither
 * installed nor loaded (Parquet is decoded by parquet-wasm instead, see extracts.ts).
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
import wasmEh from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerEh from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { rememberUrls } from '../offline/remember';
import { markOnce } from '../perf/marks';
import { patchSource } from './worker-patches';

let dbPromise: Promise<duckdb.AsyncDuckDB> | null = null;

/** Starts DuckDB-WASM on first call; later calls share the same instance. */
export function getDuckDB(): Promise<duckdb.AsyncDuckDB> {
	dbPromise ??= start().catch((e) => {
		dbPromise = null;
		throw e;
	});
	return dbPromise;
}

async function start(): Promise<duckdb.AsyncDuckDB> {
	// The library (with Apache Arrow, ~170 KB gzip) loads with DuckDB, after the first figures, not with the page.
	const [{ AsyncDuckDB, VoidLogger }, worker] = await Promise.all([import('@duckdb/duckdb-wasm'), startWorker()]);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	await db.instantiate(wasmEh);
	// The binary is fetched lazily, so the service worker's install never saw it: keep it for offline use.
	void rememberUrls([wasmEh]);
	// Counts come back as doubles rather than BigInt; dates stay dates.
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	try {
		await conn.query(`SET autoinstall_known_extensions = false`);
		await conn.query(`SET autoload_known_extensions = false`);
	} finally {
		await conn.close();
	}
	markOnce('slrt:duckdb-ready');
	return db;
}

/**
 * The library's worker, started from its source with worker-patches.ts applied (about a third of
 * a second less linking on every start); from its own URL when the source cannot be read.
 */
async function startWorker(): Promise<Worker> {
	let source: string;
	try {
		const res = await fetch(workerEh);
		if (!res.ok) throw new Error(`${res.status}`);
		source = await res.text();
	} catch {
		return new Worker(workerEh);
	}
	const patched = patchSource(source);
	if (patched.skipped.length) console.warn(`DuckDB-WASM worker: patches not applied (another library version?): ${patched.skipped.join('; ')}`);
	return new Worker(URL.createObjectURL(new Blob([patched.source], { type: 'text/javascript' })));
}
