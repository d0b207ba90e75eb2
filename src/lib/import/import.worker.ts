/**
 * The import off the main thread: files stream through PapaParse here, so a 200 MB export never
 * freezes the page. One worker per import; the page terminates it when the result is in, which
 * also returns parquet-wasm's memory (wasm memory never shrinks).
 */
import { decodeKnownCodes } from '../contract/known-codes';
import init, { readParquet, readSchema } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetOpener } from './parquet-intake';
import { openParquetFile } from './parquet-source';
import type { ImportMessage, ImportRequest } from './protocol';
import { runImport } from './session';

/** Rows per decoded Arrow batch: one Parquet row group as the pipeline writes them. */
const PARQUET_BATCH = 122_880;
/** Progress messages at most this often: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_MS = 100;

let ready: Promise<unknown> | null = null;

const openParquet: ParquetOpener = async (blob) => {
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	return openParquetFile(blob, { readParquet, readSchema }, PARQUET_BATCH);
};

/** The village codes handed over, or none when there are none or they are not the list (a server's error page): the report then says codes were not checked. */
function knownDesa(text: string | null): Set<string> | undefined {
	if (!text) return undefined;
	try {
		return decodeKnownCodes(text);
	} catch {
		return undefined;
	}
}

const post = (m: ImportMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<ImportRequest>) => {
	// The first message always goes: a fresh worker's clock may not have reached PROGRESS_MS yet.
	let last = -Infinity;
	try {
		const result = await runImport(ev.data.files, {
			maxDate: ev.data.maxDate,
			knownDesa: knownDesa(ev.data.knownCodes),
			openParquet,
			onProgress: (p) => {
				const now = performance.now();
				if (now - last < PROGRESS_MS && p.bytesRead < p.bytesTotal) return;
				last = now;
				post({ type: 'progress', ...p });
			}
		});
		post({ type: 'done', result }, result.tables.flatMap((t) => t.batches.map((b) => b.buffer as ArrayBuffer)));
	} catch (e) {
		post({ type: 'failed', detail: e instanceof Error ? e.message : String(e) });
	}
};
