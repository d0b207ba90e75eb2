/**
 * Parquet files with exact column types for import tests, written at test time by native DuckDB
 * (as a Dinas's own tools would write them), never committed as binaries, and the same files
 * damaged as a disk or a faulty writer would damage them.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { ParquetFile } from 'parquet-wasm';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFooter, footerLength, MAGIC, rowGroupsOf, TAIL_BYTES } from './parquet-footer';
import { encodeStruct, T, type ThriftStruct, type ThriftStructValue } from './thrift-compact';
import { fixtureCsv } from './test-fixtures';

/** rumah_tangga header of the fixture extract */
export const RT_HEADER = fixtureCsv().rumah_tangga.split('\n')[0];

/** One rumah_tangga CSV line: the fixture's flags, the given id, village, decile, spending and registration date. */
export function rtLine(id: string, kodeDesa: string, desil: string, spend: string, tglRegistrasi = '2019-02-04'): string {
	return `${id},${kodeDesa},${desil},3,${spend},0,0,0,0,1,0,1,0,0,1,${tglRegistrasi},2026-08-03,1,2025-01-15,,`;
}

/**
 * A Parquet file of the CSV's rows: every column VARCHAR but those `replace` retypes, as
 * DuckDB's `SELECT * REPLACE (<expr> AS <column>, …)`, e.g. `{ pengeluaran_kapita: 'CAST(pengeluaran_kapita AS DECIMAL(18,2))' }`.
 */
export async function parquetFromCsv(csv: string, replace: Record<string, string>, rowGroupSize?: number): Promise<Uint8Array> {
	const exprs = Object.entries(replace).map(([col, expr]) => `${expr} AS ${col}`);
	const select = (dir: string) => `SELECT *${exprs.length ? ` REPLACE (${exprs.join(', ')})` : ''} FROM read_csv('${join(dir, 'in.csv')}', all_varchar = true, header = true)`;
	return parquetFromQuery(select, rowGroupSize ? `ROW_GROUP_SIZE ${rowGroupSize}` : '', { 'in.csv': csv });
}

/**
 * A Parquet file of a DuckDB query, e.g. `() => 'SELECT i FROM range(10) t(i)'`, with COPY's
 * options after FORMAT parquet (e.g. `ROW_GROUP_SIZE 2048, COMPRESSION zstd`); `select` is given
 * the directory `files` are written to, for the query to read them.
 */
export async function parquetFromQuery(select: (dir: string) => string, options = '', files: Record<string, string> = {}): Promise<Uint8Array> {
	const dir = mkdtempSync(join(tmpdir(), 'parquet-test-'));
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
		await conn.run(`COPY (${select(dir)}) TO '${join(dir, 'out.parquet')}' (FORMAT parquet${options ? `, ${options}` : ''})`);
		return new Uint8Array(readFileSync(join(dir, 'out.parquet')));
	} finally {
		conn.closeSync();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** 'PAR1' at the start of the file; the first row group follows it. */
const LEADING_MAGIC = 4;

/**
 * The file with row group `group` (0-based) zeroed, as a faulty disk or copy leaves a block: its
 * column chunks lie one after the other from the leading magic number, each row group's compressed
 * size in the footer, which stays intact.
 */
export async function zeroRowGroup(bytes: Uint8Array, group: number): Promise<Uint8Array> {
	const file = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
	try {
		const sizes = file.metadata().rowGroups().map((g) => g.compressedSize());
		const start = LEADING_MAGIC + sizes.slice(0, group).reduce((a, b) => a + b, 0);
		const out = bytes.slice();
		out.fill(0, start, start + sizes[group]);
		return out;
	} finally {
		file.free();
	}
}

/** The footer's bytes of a whole Parquet file (without its length and closing magic number). */
export function footerOf(bytes: Uint8Array): Uint8Array {
	const length = footerLength(bytes.subarray(bytes.length - TAIL_BYTES), bytes.length);
	return bytes.subarray(bytes.length - TAIL_BYTES - length, bytes.length - TAIL_BYTES);
}

/** Column chunk `column` of row group `group`, to change in place. */
export function columnChunk(meta: ThriftStruct, group: number, column: number): ThriftStruct {
	const columns = rowGroupsOf(meta)[group].get(1);
	if (columns?.type !== T.List) throw new Error('no column chunks');
	return (columns.items[column] as ThriftStructValue).fields;
}

export function columnMeta(meta: ThriftStruct, group: number, column: number): ThriftStruct {
	return (columnChunk(meta, group, column).get(3) as ThriftStructValue).fields;
}

/** The file with its footer decoded, changed by `change` and encoded again. */
export function withFooter(bytes: Uint8Array, change: (meta: ThriftStruct) => void): Uint8Array {
	const footer = footerOf(bytes);
	const meta = decodeFooter(footer);
	change(meta);
	const encoded = encodeStruct(meta);
	const data = bytes.subarray(0, bytes.length - TAIL_BYTES - footer.length);
	const out = new Uint8Array(data.length + encoded.length + TAIL_BYTES);
	out.set(data);
	out.set(encoded, data.length);
	new DataView(out.buffer).setUint32(data.length + encoded.length, encoded.length, true);
	out.set(MAGIC, out.length - MAGIC.length);
	return out;
}
