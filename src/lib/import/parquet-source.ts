/**
 * A Parquet file the import reads one row group at a time: its footer (schema and where each row
 * group lies) is read from the end of the file alone, and each row group only when asked for, from
 * its own bytes: they are read from the file as a small Parquet file of that row group alone
 * (parquet-row-group.ts) and decoded, so neither the whole upload nor more than one decoded row
 * group is ever in memory.
 */
import { tableFromIPC } from 'apache-arrow';
import type { readParquet, readSchema } from 'parquet-wasm/esm';
import { decodeFooter, footerLength, FooterError, MAGIC, rowGroupRows, TAIL_BYTES } from './parquet-footer';
import type { ParquetSource } from './parquet-intake';
import { rowGroupPlan } from './parquet-row-group';
import type { ThriftStruct } from './thrift-compact';

/** The two synchronous calls of parquet-wasm the import uses, from the browser's ESM build or Node's. */
export interface ParquetWasm {
	readParquet: typeof readParquet;
	readSchema: typeof readSchema;
}

/**
 * Opens `blob` as Parquet; throws when its footer is missing or damaged. Row group i is read as
 * 'PAR1' + its column chunks' bytes (one slice of `blob`) + a footer of its own, because
 * parquet-wasm's synchronous reader, the one whose failures can be caught, takes a whole file: a
 * row group whose footer entry does not fit the file throws, as a damaged one does. The whole file
 * is never read.
 */
export async function openParquetFile(blob: Blob, wasm: ParquetWasm, batchSize?: number): Promise<ParquetSource> {
	if (blob.size < TAIL_BYTES) throw new FooterError('Corrupt footer: the file is too small');
	const length = footerLength(new Uint8Array(await blob.slice(blob.size - TAIL_BYTES).arrayBuffer()), blob.size);
	const end = new Uint8Array(await blob.slice(blob.size - TAIL_BYTES - length).arrayBuffer());
	const schema = tableFromIPC(wasm.readSchema(end).intoIPCStream()).schema;
	let meta: ThriftStruct | null = decodeFooter(end.subarray(0, length));
	const dataEnd = blob.size - TAIL_BYTES - length;
	return {
		schema,
		rowGroupRows: rowGroupRows(meta),
		async rowGroup(index) {
			if (!meta) throw new Error('Parquet file closed');
			const { range, tail } = rowGroupPlan(meta, index, dataEnd);
			// one Blob of the three parts: the row group's bytes are read once, straight into the buffer the reader takes
			const bytes = new Uint8Array(await new Blob([new Uint8Array(MAGIC), blob.slice(range.start, range.end), tail as BlobPart]).arrayBuffer());
			if (bytes.length !== MAGIC.length + range.end - range.start + tail.length) throw new FooterError('Corrupt footer: the row group is cut off');
			return tableFromIPC(wasm.readParquet(bytes, { batchSize }).intoIPCStream());
		},
		close() {
			meta = null;
		}
	};
}
