/**
 * A Parquet file the import reads one row group at a time: its footer (schema and rows per row
 * group) is read from the end of the file alone, and each row group is decoded only when asked
 * for, so at most one decoded row group is alive while the import checks its rows.
 */
import { tableFromIPC } from 'apache-arrow';
import type { readParquet, readSchema } from 'parquet-wasm/esm';
import { footerLength, FooterError, rowGroupRows, TAIL_BYTES } from './parquet-footer';
import type { ParquetSource } from './parquet-intake';

/** The two synchronous calls of parquet-wasm the import uses, from the browser's ESM build or Node's. */
export interface ParquetWasm {
	readParquet: typeof readParquet;
	readSchema: typeof readSchema;
}

/**
 * Opens `blob` as Parquet; throws when its footer is missing or damaged. The file's bytes are read
 * at the first row group and let go at `close()`: parquet-wasm's synchronous reader, the one whose
 * failures can be caught, takes the whole file for each row group it decodes.
 */
export async function openParquetFile(blob: Blob, wasm: ParquetWasm, batchSize?: number): Promise<ParquetSource> {
	if (blob.size < TAIL_BYTES) throw new FooterError('Corrupt footer: the file is too small');
	const length = footerLength(new Uint8Array(await blob.slice(blob.size - TAIL_BYTES).arrayBuffer()), blob.size);
	const end = new Uint8Array(await blob.slice(blob.size - TAIL_BYTES - length).arrayBuffer());
	const schema = tableFromIPC(wasm.readSchema(end).intoIPCStream()).schema;
	const rows = rowGroupRows(end.subarray(0, length));
	let bytes: Uint8Array | null = null;
	return {
		schema,
		rowGroupRows: rows,
		async rowGroup(index) {
			bytes ??= new Uint8Array(await blob.arrayBuffer());
			return tableFromIPC(wasm.readParquet(bytes, { rowGroups: [index], batchSize }).intoIPCStream());
		},
		close() {
			bytes = null;
		}
	};
}
