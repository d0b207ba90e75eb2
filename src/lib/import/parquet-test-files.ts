/**
 * Parquet files with exact column types for import tests, written at test time by native DuckDB
 * (as a Dinas's own tools would write them), never committed as binaries.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { ParquetFile } from 'parquet-wasm';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
	const dir = mkdtempSync(join(tmpdir(), 'parquet-test-'));
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		writeFileSync(join(dir, 'in.csv'), csv);
		const exprs = Object.entries(replace).map(([col, expr]) => `${expr} AS ${col}`);
		const select = `SELECT *${exprs.length ? ` REPLACE (${exprs.join(', ')})` : ''} FROM read_csv('${join(dir, 'in.csv')}', all_varchar = true, header = true)`;
		const options = rowGroupSize ? `FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize}` : 'FORMAT parquet';
		await conn.run(`COPY (${select}) TO '${join(dir, 'out.parquet')}' (${options})`);
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
