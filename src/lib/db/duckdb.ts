/**
 * The one owner of DuckDB-WASM. It starts DuckDB once, in its own Web Worker, from files this
 * app serves itself (no CDN), and never lets it reach for the network: extensions are neither
 * installed nor loaded (Parquet is decoded by parquet-wasm instead, see extracts.ts).
 *
 * When a started engine's worker stops (a crash inside the WASM, out of memory), everything it held
 * is gone: `onEngineStopped` tells those who kept state in it (extracts.ts, query.ts, the DataStore),
 * and the next `getDuckDB()` starts a new engine.
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
// The engine trimmed at build time to the exports its worker calls, and that worker patched to start
// faster (scripts/build/duckdb-engine.ts).
import wasmEh from '@slrt/duckdb-eh.wasm?url';
import workerEh from '@slrt/duckdb-eh.worker.js?url';
import { rememberUrls } from '../offline/remember';
import { markOnce } from '../perf/marks';
import { guarded } from './guarded';
import { ENGINE_NAME_PREFIX } from './worker-patches';

let dbPromise: Promise<duckdb.AsyncDuckDB> | null = null;
const stopListeners = new Set<(error: Error) => void>();

/** Calls `listener` each time a started engine's worker stops; returns the unsubscribe. */
export function onEngineStopped(listener: (error: Error) => void): () => void {
	stopListeners.add(listener);
	return () => stopListeners.delete(listener);
}

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
	// The worker starts at once and, told the engine's URL by its name, starts the engine itself
	// (worker-patches.ts, startEarly) while the library loads here.
	const worker = new Worker(workerEh, { name: `${ENGINE_NAME_PREFIX}${wasmEh}` });
	// A worker whose script fails (a broken or missing file) gets no answer from AsyncDuckDB, which
	// drops its pending requests: name the failure instead of waiting forever. Listened for from the
	// start: the script may fail while the library is still loading.
	let scriptFailed = false;
	const failed = new Promise<never>((_, reject) =>
		worker.addEventListener(
			'error',
			(e) => {
				scriptFailed = true;
				void whyNotStarted(new URL(workerEh, location.href).href, e.message).then((why) => reject(new Error(`worker gagal dimulai / failed to start: ${why}`)));
			},
			{ once: true }
		)
	);
	failed.catch(() => {}); // handled by the race below, whenever it fails
	try {
		return await Promise.race([openEngine(worker), failed]);
	} catch (e) {
		// A later call starts afresh: this worker, and the engine it may have started, is done.
		worker.terminate();
		// The same error event also fails the request in flight (guarded.ts), before the cause is known.
		if (scriptFailed) throw await failed.catch((why: unknown) => why);
		throw e;
	}
}

/** DuckDB's library loaded, and the engine the worker has started instantiated and opened. */
async function openEngine(worker: Worker): Promise<duckdb.AsyncDuckDB> {
	const { AsyncDuckDB, VoidLogger } = await import('@duckdb/duckdb-wasm');
	// Once started, an uncaught error in the worker fails its requests instead of dropping them (guarded.ts).
	// A stop while starting is the start's failure (start() reports it); once open, it ends this engine.
	let open = false;
	const stopped = (error: Error) => {
		if (!open) return;
		dbPromise = null;
		for (const listener of [...stopListeners]) listener(error);
	};
	const db = new (guarded(AsyncDuckDB, stopped))(new VoidLogger(), worker);
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
	open = true;
	return db;
}

/**
 * Why a worker's script did not run: the browser says only "script error", or nothing, so the file
 * is asked for again. A server that answers a missing file with an HTML page (an app's fallback
 * page) or with an HTTP error is named as such; otherwise the script itself is broken.
 */
async function whyNotStarted(url: string, message: string): Promise<string> {
	try {
		const r = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
		if (!r.ok) return `${url}: HTTP ${r.status}`;
		if (/html/i.test(r.headers.get('Content-Type') ?? '')) return `${url}: halaman HTML, bukan JavaScript; berkas worker tidak ada di server? / an HTML page, not JavaScript; is the worker file missing on the server?`;
	} catch {
		// Unreachable now, or no answer within 5 s: the browser's message is all there is.
	}
	return `${url}: ${message || 'script error'}`;
}
