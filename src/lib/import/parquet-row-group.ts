/**
 * One row group of a Parquet file as a Parquet file of its own: the bytes of its column chunks,
 * read from the upload alone, between the magic number and a footer that describes that row group
 * only. parquet-wasm's synchronous reader, the one whose failures can be caught, takes a whole
 * file; handed this small one it decodes the row group without the rest of the upload ever being
 * read or copied into its memory.
 */
import { FooterError, MAGIC, rowGroupsOf, TAIL_BYTES } from './parquet-footer';
import { encodeStruct, T, type ThriftStruct, type ThriftStructValue } from './thrift-compact';

/** Field ids of parquet-format's parquet.thrift that the rewrite reads or changes. */
const FILE = { NUM_ROWS: 3, ROW_GROUPS: 4 } as const;
const GROUP = { COLUMNS: 1, NUM_ROWS: 3, FILE_OFFSET: 5, ORDINAL: 7 } as const;
const CHUNK = { FILE_PATH: 1, FILE_OFFSET: 2, META_DATA: 3, OFFSET_INDEX_OFFSET: 4, OFFSET_INDEX_LENGTH: 5, COLUMN_INDEX_OFFSET: 6, COLUMN_INDEX_LENGTH: 7, CRYPTO_METADATA: 8, ENCRYPTED_COLUMN_METADATA: 9 } as const;
const COLUMN = { TOTAL_COMPRESSED_SIZE: 7, DATA_PAGE_OFFSET: 9, INDEX_PAGE_OFFSET: 10, DICTIONARY_PAGE_OFFSET: 11, BLOOM_FILTER_OFFSET: 14, BLOOM_FILTER_LENGTH: 15 } as const;

/**
 * Offsets into the rest of the file, which the small file does not hold: the page indexes and
 * bloom filters are written after all row groups. Readers find the pages without them.
 */
const CHUNK_DROPPED = [CHUNK.OFFSET_INDEX_OFFSET, CHUNK.OFFSET_INDEX_LENGTH, CHUNK.COLUMN_INDEX_OFFSET, CHUNK.COLUMN_INDEX_LENGTH];
const COLUMN_DROPPED = [COLUMN.BLOOM_FILTER_OFFSET, COLUMN.BLOOM_FILTER_LENGTH];

/** A byte range of the file, end exclusive. */
export interface ByteRange {
	start: number;
	end: number;
}

/** A row group's bytes in the file and how to make them a file of their own. */
export interface RowGroupPlan {
	/** from the first page of its first column chunk to the end of its last */
	range: ByteRange;
	/** what goes after the magic number and the range's bytes: the footer, its length and the magic number */
	tail: Uint8Array;
}

const fail = (group: number, what: string): never => {
	throw new FooterError(`Corrupt footer: row group ${group + 1}: ${what}`);
};

/** Where row group `index` lies in a file whose row groups end at `dataEnd` (the footer's start), and its own footer. Throws a FooterError when its column chunks do not fit. */
export function rowGroupPlan(meta: ThriftStruct, index: number, dataEnd: number): RowGroupPlan {
	const group = rowGroupsOf(meta)[index] ?? fail(index, 'not in the footer');
	const chunks = columnChunks(group, index);
	let start = Infinity;
	let end = -Infinity;
	for (const [c, { meta: m }] of chunks.entries()) {
		const dictionary = offset(m, COLUMN.DICTIONARY_PAGE_OFFSET, index);
		const first = dictionary ?? offset(m, COLUMN.DATA_PAGE_OFFSET, index) ?? fail(index, `column chunk ${c + 1} has no data page offset`);
		const size = offset(m, COLUMN.TOTAL_COMPRESSED_SIZE, index) ?? fail(index, `column chunk ${c + 1} has no size`);
		if (first < MAGIC.length || first + size > dataEnd) fail(index, `column chunk ${c + 1} lies outside the file`);
		start = Math.min(start, first);
		end = Math.max(end, first + size);
	}
	if (!chunks.length) fail(index, 'no column chunks');
	const range = { start, end };
	const footer = encodeStruct(singleGroupFile(meta, group, chunks, range, index));
	const tail = new Uint8Array(footer.length + TAIL_BYTES);
	tail.set(footer);
	new DataView(tail.buffer).setUint32(footer.length, footer.length, true);
	tail.set(MAGIC, tail.length - MAGIC.length);
	return { range, tail };
}

interface Chunk {
	chunk: ThriftStruct;
	meta: ThriftStruct;
}

/** The group's column chunks, each with its metadata; throws for any this file cannot hold on its own (stored elsewhere, encrypted). */
function columnChunks(group: ThriftStruct, index: number): Chunk[] {
	const list = group.get(GROUP.COLUMNS);
	if (list?.type !== T.List || list.elem !== T.Struct) return fail(index, 'column chunks are not structs');
	return (list.items as ThriftStructValue[]).map(({ fields: chunk }, c) => {
		if (chunk.has(CHUNK.FILE_PATH)) fail(index, `column chunk ${c + 1} is stored in another file`);
		if (chunk.has(CHUNK.CRYPTO_METADATA) || chunk.has(CHUNK.ENCRYPTED_COLUMN_METADATA)) fail(index, `column chunk ${c + 1} is encrypted`);
		const m = chunk.get(CHUNK.META_DATA);
		if (m?.type !== T.Struct) return fail(index, `column chunk ${c + 1} has no metadata`);
		return { chunk, meta: m.fields };
	});
}

/** An i64 field as a safe, non-negative number; undefined when absent. */
function offset(s: ThriftStruct, id: number, index: number): number | undefined {
	const v = s.get(id);
	if (!v) return undefined;
	const n = v.type === T.I64 ? Number(v.value) : -1;
	return n >= 0 && Number.isSafeInteger(n) ? n : fail(index, `field ${id} is not a valid offset or size`);
}

/** An i64 field no reader relies on, as a number; undefined when absent or not an i64. */
function advisory(s: ThriftStruct, id: number): number | undefined {
	const v = s.get(id);
	return v?.type === T.I64 ? Number(v.value) : undefined;
}

/** The file's metadata with row group `group` alone in it, its offsets moved to where its bytes sit in the small file. */
function singleGroupFile(meta: ThriftStruct, group: ThriftStruct, chunks: Chunk[], range: ByteRange, index: number): ThriftStruct {
	const shift = (n: number) => ({ type: T.I64, value: BigInt(n - range.start + MAGIC.length) }) as const;
	const inRange = (n: number | undefined): n is number => n !== undefined && n >= range.start && n <= range.end;
	const columns = chunks.map(({ chunk, meta: m }, c) => {
		const newMeta = new Map(m);
		for (const id of [COLUMN.DATA_PAGE_OFFSET, COLUMN.INDEX_PAGE_OFFSET, COLUMN.DICTIONARY_PAGE_OFFSET]) {
			const at = offset(m, id, index);
			if (at === undefined) continue;
			if (at < range.start || at >= range.end) fail(index, `a page of column chunk ${c + 1} lies outside its row group`);
			newMeta.set(id, shift(at));
		}
		for (const id of COLUMN_DROPPED) newMeta.delete(id);
		const newChunk = new Map(chunk);
		newChunk.set(CHUNK.META_DATA, { type: T.Struct, fields: newMeta });
		// file_offset is deprecated and no reader finds pages by it: writers leave 0 or the chunk's end.
		const fileOffset = advisory(chunk, CHUNK.FILE_OFFSET);
		newChunk.set(CHUNK.FILE_OFFSET, inRange(fileOffset) ? shift(fileOffset) : { type: T.I64, value: 0n });
		for (const id of CHUNK_DROPPED) newChunk.delete(id);
		return { type: T.Struct, fields: newChunk } as const;
	});
	const newGroup = new Map(group);
	newGroup.set(GROUP.COLUMNS, { type: T.List, elem: T.Struct, items: columns });
	// advisory, and some writers got it wrong (PARQUET-2078): moved with the bytes when it points into them, else left out
	const groupOffset = advisory(group, GROUP.FILE_OFFSET);
	if (inRange(groupOffset)) newGroup.set(GROUP.FILE_OFFSET, shift(groupOffset));
	else newGroup.delete(GROUP.FILE_OFFSET);
	// the row group's place among the file's row groups: first and only in the small file
	if (newGroup.has(GROUP.ORDINAL)) newGroup.set(GROUP.ORDINAL, { type: T.I16, value: 0 });
	const file = new Map(meta);
	file.set(FILE.NUM_ROWS, group.get(GROUP.NUM_ROWS) ?? fail(index, 'no row count'));
	file.set(FILE.ROW_GROUPS, { type: T.List, elem: T.Struct, items: [{ type: T.Struct, fields: newGroup }] });
	return file;
}
