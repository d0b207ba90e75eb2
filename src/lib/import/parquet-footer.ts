/**
 * The end of a Parquet file: where its footer is, its FileMetaData (decoded whole, every field
 * kept, so parquet-row-group.ts can write a footer for one row group) and how many rows each row
 * group holds, read in plain TypeScript. parquet-wasm 0.8.0 gives row groups only through its async `ParquetFile`,
 * which traps uncatchably (a WebAssembly `unreachable` in a promise callback) on some damaged
 * footers and row groups; its synchronous `readParquet` and `readSchema` fail with a catchable
 * error, so the import decodes through those and needs the row counts from here.
 */

import { decodeStruct, T, ThriftError, type ThriftStruct, type ThriftStructValue } from './thrift-compact';

/** 'PAR1': the magic number a plain (unencrypted) Parquet file starts and ends with. */
export const MAGIC = [0x50, 0x41, 0x52, 0x31];
/** The footer's length (4 bytes, little-endian) and the magic number. */
export const TAIL_BYTES = 8;

export class FooterError extends Error {}

/** The footer's length from the last 8 bytes of the file; throws when they are not a Parquet tail. */
export function footerLength(tail: Uint8Array, fileBytes: number): number {
	if (tail.length !== TAIL_BYTES || MAGIC.some((b, i) => tail[4 + i] !== b)) throw new FooterError('Corrupt footer: no Parquet magic number at the end');
	const n = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
	if (n + TAIL_BYTES > fileBytes) throw new FooterError('Corrupt footer: longer than the file');
	return n;
}

/** FileMetaData field 4 is its row groups; RowGroup field 3 their row counts (parquet-format's parquet.thrift). */
const FILE_ROW_GROUPS = 4;
const ROW_GROUP_NUM_ROWS = 3;

/** The footer's FileMetaData, every field kept (thrift-compact.ts); throws a FooterError when its bytes are damaged. */
export function decodeFooter(footer: Uint8Array): ThriftStruct {
	try {
		return decodeStruct(footer);
	} catch (e) {
		if (e instanceof ThriftError) throw new FooterError(`Corrupt footer: ${e.message}`);
		throw e;
	}
}

/** The row groups of a decoded footer, in file order; throws when they are not a list of structs. */
export function rowGroupsOf(meta: ThriftStruct): ThriftStruct[] {
	const groups = meta.get(FILE_ROW_GROUPS);
	if (!groups) return [];
	if (groups.type !== T.List || groups.elem !== T.Struct) throw new FooterError('Corrupt footer: row groups are not structs');
	return groups.items.map((g) => (g as ThriftStructValue).fields);
}

/** The rows of each row group, in file order, from the decoded footer. */
export function rowGroupRows(meta: ThriftStruct): number[] {
	return rowGroupsOf(meta).map((g, i) => {
		const n = g.get(ROW_GROUP_NUM_ROWS);
		const rows = n?.type === T.I64 ? Number(n.value) : -1;
		if (rows < 0 || !Number.isSafeInteger(rows)) throw new FooterError(`Corrupt footer: row group ${i + 1} has no valid row count`);
		return rows;
	});
}
