/**
 * Fetches one Parquet extract, verifies its SHA-256 against the manifest and decodes it to Arrow
 * IPC one row group at a time (parquet-wasm), off the main thread. DuckDB-WASM has no Parquet
 * reader without downloading an extension, which an offline network cannot do.
 */
import init, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { DecodeRequest, DecodeResponse } from './decode-protocol';
import { fetchVerified } from './verified-fetch';

/** Rows per Arrow batch: one Parquet row group as the pipeline writes them. */
const BATCH_SIZE = 122_880;

let ready: Promise<unknown> | null = null;

async function decode(req: DecodeRequest): Promise<DecodeResponse> {
	const file = await fetchVerified(req.url, req.sha256);
	if (!file.ok) return { id: req.id, ok: false, kind: file.kind, detail: file.detail };
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	const bytes = new Uint8Array(file.bytes);
	try {
		const parquet = await ParquetFile.fromFile(new Blob([bytes]));
		const groups = parquet.metadata().numRowGroups();
		parquet.free();
		const chunks: Uint8Array[] = [];
		for (let rg = 0; rg < groups; rg++) {
			const table = readParquet(bytes, { rowGroups: [rg], batchSize: BATCH_SIZE });
			chunks.push(table.intoIPCStream());
		}
		return { id: req.id, ok: true, chunks };
	} catch (e) {
		return { id: req.id, ok: false, kind: 'decode', detail: e instanceof Error ? e.message : String(e) };
	}
}

self.onmessage = async (ev: MessageEvent<DecodeRequest>) => {
	let out: DecodeResponse;
	try {
		out = await decode(ev.data);
	} catch (e) {
		out = { id: ev.data.id, ok: false, kind: 'fetch', detail: e instanceof Error ? e.message : String(e) };
	}
	const transfer = out.ok ? out.chunks.map((c) => c.buffer as ArrayBuffer) : [];
	(self as unknown as Worker).postMessage(out, transfer);
};
