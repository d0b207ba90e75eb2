/**
 * The one owner of DuckDB-WASM. It starts DuckDB once, in its own Web Worker, from files this
 * app serves itself (no CDN), and never lets it reach for the network: extensions are neither
 * installed nor loaded (Parquet is decoded by parquet-wasm instead, see extracts.ts).
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
// The engine trimmed at build time to the exports its worker calls (scripts/build/duckdb-engine.ts).
import wasmEh from '@slrt/duckdb-eh.wasm?url';
import workerEh from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { rememberUrls } from '../offline/remember';
import { markOnce } from '../perf/marks';
import { guarded } from './guarded';
import { bootSource } from './worker-patches';

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
	// The worker starts at once (reading and patching the library's worker source itself) while the
	// library loads here.
	const worker = new Worker(URL.createObjectURL(new Blob([bootSource(new URL(workerEh, location.href).href)], { type: 'text/javascript' })));
	// A worker whose script fails (a broken or missing file) gets no answer from AsyncDuckDB, which
	// drops its pending requests: name the failure instead of waiting forever. Listened for from the
	// start: the script may fail while the library is still loading.
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener('error', (e) => reject(new Error(`worker gagal dimulai / failed to start: ${e.message || 'script error'}`)), { once: true })
	);
	failed.catch(() => {}); // handled by the race below, whenever it fails
	const { AsyncDuckDB, VoidLogger } = await import('@duckdb/duckdb-wasm');
	// Once started, an uncaught error in the worker fails its requests instead of dropping them (guarded.ts).
	const db = new (guarded(AsyncDuckDB))(new VoidLogger(), worker);
	try {
		await Promise.race([db.instantiate(wasmEh), failed]);
	} catch (e) {
		// A later call starts afresh: this worker is done.
		worker.terminate();
		throw e;
	}
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
