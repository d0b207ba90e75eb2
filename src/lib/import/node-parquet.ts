/**
 * Parquet decoding and writing with parquet-wasm's Node build, for unit tests and scripts (the
 * browser uses the ESM build in import.worker.ts). Same library, same rules.
 */
import { tableFromIPC, tableToIPC, type Table as ArrowTable } from 'apache-arrow';
import { Compression, readParquet, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import type { ParquetDecoder } from './parquet-intake';

export const decodeParquetNode: ParquetDecoder = async (bytes) => [tableFromIPC(readParquet(bytes).intoIPCStream())];

export function writeParquetNode(table: ArrowTable): Uint8Array {
	const props = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
	return writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')), props);
}
