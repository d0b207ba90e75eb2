import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { writeParquetNode } from './node-parquet';
import { decodeFooter, FooterError, rowGroupsOf, TAIL_BYTES } from './parquet-footer';
import { rowGroupPlan } from './parquet-row-group';
import { columnChunk, columnMeta, footerOf, parquetFromQuery } from './parquet-test-files';
import { T, type ThriftStruct, type ThriftValue } from './thrift-compact';

/** FileMetaData, RowGroup, ColumnChunk and ColumnMetaData field ids (parquet.thrift) the tests look at. */
const FILE = { SCHEMA: 2, NUM_ROWS: 3, ROW_GROUPS: 4, KEY_VALUE_METADATA: 5, CREATED_BY: 6 };
const GROUP = { NUM_ROWS: 3, FILE_OFFSET: 5, ORDINAL: 7 };
const CHUNK = { FILE_OFFSET: 2, PAGE_INDEXES: [4, 5, 6, 7], CRYPTO_METADATA: 8 };
const COLUMN = { TOTAL_COMPRESSED_SIZE: 7, DATA_PAGE_OFFSET: 9, DICTIONARY_PAGE_OFFSET: 11, BLOOM_FILTER: [14, 15] };

const num = (v: ThriftValue | undefined) => (v?.type === T.I64 ? Number(v.value) : v?.type === T.I16 || v?.type === T.I32 ? v.value : undefined);

/** A file's footer decoded, and where its row groups end (the footer's start). */
function opened(bytes: Uint8Array): { meta: ThriftStruct; dataEnd: number } {
	const footer = footerOf(bytes);
	return { meta: decodeFooter(footer), dataEnd: bytes.length - TAIL_BYTES - footer.length };
}

/** The footer of a plan's small file, decoded. */
const planFooter = (tail: Uint8Array) => decodeFooter(tail.subarray(0, tail.length - TAIL_BYTES));

describe('rowGroupPlan', () => {
	it('writes a footer of the one row group, offsets moved to its bytes after the magic number, the rest of the footer kept', () => {
		const t = tableFromArrays({ id: Array.from({ length: 10 }, (_, i) => `RT-${i}`), n: Float64Array.from({ length: 10 }, (_, i) => i) });
		const { meta, dataEnd } = opened(writeParquetNode(t, 4));
		const { range, tail } = rowGroupPlan(meta, 1, dataEnd);
		const small = planFooter(tail);
		const [group] = rowGroupsOf(small);
		expect(rowGroupsOf(small)).toHaveLength(1);
		expect(num(small.get(FILE.NUM_ROWS))).toBe(4);
		for (const id of [FILE.SCHEMA, FILE.KEY_VALUE_METADATA, FILE.CREATED_BY]) expect(small.get(id)).toEqual(meta.get(id));
		expect(num(group.get(GROUP.NUM_ROWS))).toBe(4);
		expect(num(group.get(GROUP.FILE_OFFSET))).toBe(4);
		expect(num(group.get(GROUP.ORDINAL))).toBe(0);
		for (const c of [0, 1]) {
			const [before, after] = [columnMeta(meta, 1, c), columnMeta(small, 0, c)];
			for (const id of [COLUMN.DATA_PAGE_OFFSET, COLUMN.DICTIONARY_PAGE_OFFSET]) expect(num(after.get(id))).toBe(num(before.get(id))! - range.start + 4);
			// the page indexes lie after every row group, outside the small file
			for (const id of CHUNK.PAGE_INDEXES) expect([columnChunk(meta, 1, c).has(id), columnChunk(small, 0, c).has(id)]).toEqual([true, false]);
		}
		expect(num(columnMeta(small, 0, 0).get(COLUMN.DICTIONARY_PAGE_OFFSET))).toBe(4);
		expect(range.start).toBe(num(columnMeta(meta, 1, 0).get(COLUMN.DICTIONARY_PAGE_OFFSET)));
	});

	it("leaves out DuckDB's bloom filters, which lie after every row group", async () => {
		const bytes = await parquetFromQuery(() => "SELECT 'desa-' || (i % 50) AS desa FROM range(5000) t(i)", 'ROW_GROUP_SIZE 2048');
		const { meta, dataEnd } = opened(bytes);
		const small = planFooter(rowGroupPlan(meta, 2, dataEnd).tail);
		for (const id of COLUMN.BLOOM_FILTER) expect([columnMeta(meta, 2, 0).has(id), columnMeta(small, 0, 0).has(id)]).toEqual([true, false]);
	});

	it('refuses a row group whose column chunks do not fit the file or cannot be moved', async () => {
		const bytes = await parquetFromQuery(() => "SELECT i AS id, 'desa-' || (i % 50) AS desa FROM range(5000) t(i)", 'ROW_GROUP_SIZE 2048');
		const plan = (change: (meta: ThriftStruct) => void) => {
			const { meta, dataEnd } = opened(bytes);
			change(meta);
			return () => rowGroupPlan(meta, 1, dataEnd);
		};
		const i64 = (n: number) => ({ type: T.I64, value: BigInt(n) }) as const;
		expect(plan(() => {})).not.toThrow();
		expect(plan((m) => columnMeta(m, 1, 1).set(COLUMN.DICTIONARY_PAGE_OFFSET, i64(2)))).toThrow(/row group 2: column chunk 2 lies outside the file/);
		expect(plan((m) => columnMeta(m, 1, 0).set(COLUMN.TOTAL_COMPRESSED_SIZE, i64(-5)))).toThrow(/not a valid offset or size/);
		expect(plan((m) => columnMeta(m, 1, 1).set(COLUMN.DATA_PAGE_OFFSET, i64(4)))).toThrow(/a page of column chunk 2 lies outside its row group/);
		expect(plan((m) => columnMeta(m, 1, 0).set(COLUMN.DATA_PAGE_OFFSET, { type: T.I32, value: 4 }))).toThrow(/not a valid offset/);
		expect(plan((m) => columnChunk(m, 1, 0).set(CHUNK.CRYPTO_METADATA, { type: T.Struct, fields: new Map() }))).toThrow(/encrypted/);
		expect(plan((m) => columnChunk(m, 1, 0).delete(3))).toThrow(/no metadata/);
		expect(() => rowGroupPlan(opened(bytes).meta, 3, opened(bytes).dataEnd)).toThrow(FooterError);
	});

	it('moves a column chunk file_offset that points into the row group, and sets any other to 0, as no reader finds pages by it', async () => {
		const bytes = await parquetFromQuery(() => 'SELECT i AS id FROM range(5000) t(i)', 'ROW_GROUP_SIZE 2048');
		const { meta, dataEnd } = opened(bytes);
		const end = num(columnMeta(meta, 1, 0).get(COLUMN.DATA_PAGE_OFFSET))! + num(columnMeta(meta, 1, 0).get(COLUMN.TOTAL_COMPRESSED_SIZE))!;
		columnChunk(meta, 1, 0).set(CHUNK.FILE_OFFSET, { type: T.I64, value: BigInt(end) });
		const { range, tail } = rowGroupPlan(meta, 1, dataEnd);
		expect(num(columnChunk(planFooter(tail), 0, 0).get(CHUNK.FILE_OFFSET))).toBe(end - range.start + 4);
		columnChunk(meta, 1, 0).set(CHUNK.FILE_OFFSET, { type: T.I64, value: 123_456_789n });
		expect(num(columnChunk(planFooter(rowGroupPlan(meta, 1, dataEnd).tail), 0, 0).get(CHUNK.FILE_OFFSET))).toBe(0);
	});
});
