/** Parquet writing in the browser (parquet-wasm, ZSTD like the pipeline), loaded only when a user saves. */
import init, { Compression, Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

export async function parquetWriter(): Promise<(ipc: Uint8Array) => Uint8Array> {
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	return (ipc) => writeParquet(Table.fromIPCStream(ipc), new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build());
}
