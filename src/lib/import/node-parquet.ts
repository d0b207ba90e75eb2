/**
 * Parquet decoding and writing with parquet-wasm's Node build, for unit tests and scripts (the
 * browser uses the ESM build in import.worker.ts). Same library, same rules.
 */
import { tableFromIPC, tableToIPC, type Table as ArrowTable } from 'apache-arrow';
import { Compression, readParquet, readSchema, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import type { ParquetOpener, ParquetSource } from './parquet-intake';
import { openParquetFile } from './parquet-source';

export const openParquetNode: ParquetOpener = (blob) => openParquetFile(blob, { readParquet, readSchema });

/** A whole Parquet file as one Arrow table. */
export function readParquetNode(bytes: Uint8Array): ArrowTable {
	return tableFromIPC(readParquet(bytes).intoIPCStream());
}

/** A source whose row groups are the given tables (the schema of the first), for tests that make their own row groups. */
export function parquetSourceOf(groups: readonly ArrowTable[]): ParquetSource {
	return { schema: groups[0].schema, rowGroupRows: groups.map((t) => t.numRows), rowGroup: async (i) => groups[i], close: () => {} };
}

/** ZSTD Parquet as the pipeline writes it; `rowGroupRows` caps the rows of each row group. */
export function writeParquetNode(table: ArrowTable, rowGroupRows?: number): Uint8Array {
	let props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD);
	if (rowGroupRows) props = props.setMaxRowGroupSize(rowGroupRows);
	return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), props.build());
}
