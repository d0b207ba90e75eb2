/**
 * Parquet into DuckDB-WASM without its (downloaded) extension: a worker fetches, verifies and
 * decodes the file to Arrow IPC (decode.worker.ts); the page appends it to a table. Used for
 * Parquet a user brings (issue #6) and by bench/load-routes.ts; the app's own extracts are
 * attached as DuckDB files instead (extracts.ts).
 */
import type { DecodeRequest, DecodeResponse } from './decode-protocol';
import { getDuckDB } from './duckdb';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: DecodeResponse) => void>();

function decoder(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (ev: MessageEvent<DecodeResponse>) => {
		pending.get(ev.data.id)?.(ev.data);
		pending.delete(ev.data.id);
	};
	return worker;
}

/** Fetches, verifies and decodes one Parquet file in the worker. */
export function decodeExtract(url: string, sha256: string): Promise<DecodeResponse> {
	const id = nextId++;
	return new Promise((resolve) => {
		pending.set(id, resolve);
		decoder().postMessage({ id, url, sha256 } satisfies DecodeRequest);
	});
}

/**
 * Appends Arrow IPC chunks to a table in one transaction: a file loads whole or not at all. Each
 * chunk goes to the worker as a copy: the library transfers the buffer it is given, which would
 * leave the caller's chunks empty, and the Data page loads the same report's rows again (a second
 * click, an engine restart).
 */
export async function appendArrow(table: string, chunks: readonly Uint8Array[]): Promise<void> {
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		await conn.query('BEGIN TRANSACTION');
		for (const chunk of chunks) await conn.insertArrowFromIPCStream(chunk.slice(), { name: table, create: false });
		await conn.query('COMMIT');
	} catch (e) {
		await conn.query('ROLLBACK').catch(() => {});
		throw e;
	} finally {
		await conn.close();
	}
}
