/**
 * Fetches one Parquet extract, verifies its SHA-256 against the manifest and decodes it to Arrow
 * IPC one row group at a time (parquet-wasm), off the main thread. DuckDB-WASM has no Parquet
 * reader without downloading an extension, which an offline network cannot do.
 */
import init, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { DecodeRequest, DecodeResponse } from './decode-protocol';

/** Rows per Arrow batch: one Parquet row group as the pipeline writes them. */
const BATCH_SIZE = 122_880;

let ready: Promise<unknown> | null = null;

async function hex(buf: ArrayBuffer): Promise<string> {
	const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
	return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function decode(req: DecodeRequest): Promise<DecodeResponse> {
	const res = await fetch(req.url);
	if (!res.ok) return { id: req.id, ok: false, kind: 'fetch', detail: `HTTP ${res.status}` };
	const buf = await res.arrayBuffer();
	const sha = await hex(buf);
	if (sha !== req.sha256) return { id: req.id, ok: false, kind: 'checksum', detail: `sha256 ${sha.slice(0, 12)}… ≠ ${req.sha256.slice(0, 12)}…` };
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	const bytes = new Uint8Array(buf);
	try {
		const file = await ParquetFile.fromFile(new Blob([bytes]));
		const groups = file.metadata().numRowGroups();
		file.free();
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
