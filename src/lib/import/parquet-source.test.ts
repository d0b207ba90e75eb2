import { tableFromArrays, tableFromIPC, type Table as ArrowTable } from 'apache-arrow';
import { ParquetFile, readParquet } from 'parquet-wasm';
import { describe, expect, it } from 'vitest';
import { openParquetNode, writeParquetNode } from './node-parquet';
import { MAGIC, TAIL_BYTES } from './parquet-footer';
import { parquetIntake, type ParquetSource } from './parquet-intake';
import { columnChunk, columnMeta, footerOf, parquetFromQuery, withFooter, zeroRowGroup } from './parquet-test-files';
import { T } from './thrift-compact';

/** Household-like rows: dictionary-friendly codes, unique ids, decimals, dates, instants, booleans and nulls. */
const HOUSEHOLDS = (rows: number) => () => `
	SELECT 'RT-' || i AS id_rt,
		'35.76.0' || (i % 5) || '.100' || (i % 7) AS kode_desa,
		(i % 10 + 1)::INTEGER AS desil,
		(1000 + i * 13.37)::DECIMAL(18, 2) AS pengeluaran_kapita,
		DATE '2019-01-01' + (i % 2000)::INTEGER AS tgl_registrasi,
		TIMESTAMPTZ '2025-01-01 00:00:00+07' + to_seconds(i) AS diperbarui,
		i % 3 = 0 AS aktif,
		CASE WHEN i % 4 = 0 THEN NULL ELSE 'FAS-' || (i % 40) END AS id_fasilitator,
		i / 7.0 AS skor
	FROM range(${rows}) t(i)`;

/** The row group `index` as the whole file decodes it: what each small file must give, cell for cell. */
function wholeFileGroup(bytes: Uint8Array, index: number): ArrowTable {
	return tableFromIPC(readParquet(bytes, { rowGroups: [index] }).intoIPCStream());
}

/** Every cell of the table, row by row, in the schema's column order. */
function cells(t: ArrowTable): unknown[][] {
	const cols = t.schema.fields.map((f) => t.getChild(f.name)!);
	return Array.from({ length: t.numRows }, (_, i) => cols.map((c) => c.get(i)));
}

/** A file whose every slice and read is written down: [start, end) of each slice, and reads of the whole. */
class RecordingBlob extends Blob {
	slices: [number, number][] = [];
	wholeReads = 0;
	slice(start = 0, end = this.size, type?: string): Blob {
		const at = (n: number) => (n < 0 ? Math.max(this.size + n, 0) : Math.min(n, this.size));
		this.slices.push([at(start), at(end)]);
		return super.slice(start, end, type);
	}
	arrayBuffer(): Promise<ArrayBuffer> {
		this.wholeReads++;
		return super.arrayBuffer();
	}
	stream(): ReturnType<Blob['stream']> {
		this.wholeReads++;
		return super.stream();
	}
	text(): Promise<string> {
		this.wholeReads++;
		return super.text();
	}
}

async function readAll(source: ParquetSource): Promise<ArrowTable[]> {
	const out: ArrowTable[] = [];
	for (let g = 0; g < source.rowGroupRows.length; g++) out.push(await source.rowGroup(g));
	return out;
}

/** The compressed bytes of each row group as parquet-wasm's own metadata reader counts them. */
async function groupSizes(bytes: Uint8Array): Promise<number[]> {
	const file = await ParquetFile.fromFile(new Blob([bytes as BlobPart]));
	try {
		return file.metadata().rowGroups().map((g) => g.compressedSize());
	} finally {
		file.free();
	}
}

const FILES: [string, () => Promise<Uint8Array>][] = [
	['DuckDB, Snappy (its default), dictionaries, statistics and bloom filters', () => parquetFromQuery(HOUSEHOLDS(10_000), 'ROW_GROUP_SIZE 2048')],
	['DuckDB, ZSTD', () => parquetFromQuery(HOUSEHOLDS(10_000), 'ROW_GROUP_SIZE 3000, COMPRESSION zstd')],
	['DuckDB, uncompressed, data pages v2', () => parquetFromQuery(HOUSEHOLDS(5_000), 'ROW_GROUP_SIZE 2048, COMPRESSION uncompressed, PARQUET_VERSION v2')],
	[
		'parquet-wasm, ZSTD, page indexes and row-group ordinals',
		async () => {
			const n = 1000;
			return writeParquetNode(tableFromArrays({ id: Array.from({ length: n }, (_, i) => `RT-${i}`), desa: Array.from({ length: n }, (_, i) => `35.76.01.100${i % 3}`), x: Float64Array.from({ length: n }, (_, i) => i / 3) }), 300);
		}
	]
];

describe('openParquetFile, one row group read as a small file of its own', () => {
	for (const [name, write] of FILES) {
		it(`decodes every row group as the whole file does, cell for cell: ${name}`, async () => {
			const bytes = await write();
			const source = await openParquetNode(new Blob([bytes as BlobPart]));
			const groups = await readAll(source);
			expect(groups.length).toBeGreaterThan(2);
			groups.forEach((t, g) => {
				const whole = wholeFileGroup(bytes, g);
				expect(t.schema.fields.map(String)).toEqual(whole.schema.fields.map(String));
				expect(t.numRows).toBe(source.rowGroupRows[g]);
				expect(cells(t)).toEqual(cells(whole));
			});
			// the row groups differ, so a small file of the wrong row group would not pass
			expect(cells(groups[1])).not.toEqual(cells(groups[0]));
		});
	}

	it('never reads the whole file: only its end, then each row group, no more than its own bytes', async () => {
		const bytes = await parquetFromQuery(HOUSEHOLDS(10_000), 'ROW_GROUP_SIZE 2048');
		const blob = new RecordingBlob([bytes as BlobPart]);
		const source = await openParquetNode(blob);
		const footerStart = bytes.length - TAIL_BYTES - footerOf(bytes).length;
		const opening = blob.slices.splice(0);
		expect(opening.every(([start]) => start >= footerStart)).toBe(true);
		const sizes = await groupSizes(bytes);
		for (let g = 0; g < sizes.length; g++) {
			await source.rowGroup(g);
			const reads = blob.slices.splice(0);
			expect(reads).toHaveLength(1);
			const [[start, end]] = reads;
			expect(end - start).toBe(sizes[g]);
			expect(start).toBeGreaterThanOrEqual(MAGIC.length);
			expect(end).toBeLessThanOrEqual(footerStart);
		}
		expect(sizes.length).toBe(5);
		expect(blob.wholeReads).toBe(0);
		source.close();
		await expect(source.rowGroup(0)).rejects.toThrow(/closed/);
	});
});

describe('a row group that cannot be read loses only its own rows', () => {
	async function intake(bytes: Uint8Array) {
		const rows: number[] = [];
		const issues: unknown[] = [];
		await parquetIntake(await openParquetNode(new Blob([bytes as BlobPart])), { header: () => true, row: (_, row) => rows.push(row), issue: (i) => issues.push(i) });
		return { rows, issues };
	}
	const ALL_ROWS = Array.from({ length: 5000 }, (_, i) => i + 2);
	const WITHOUT_GROUP_2 = ALL_ROWS.filter((r) => r < 2050 || r >= 4098);

	it("a zeroed row group of a DuckDB file: its rows are named, the others' read", async () => {
		const bytes = await zeroRowGroup(await parquetFromQuery(HOUSEHOLDS(5000), 'ROW_GROUP_SIZE 2048'), 1);
		const { rows, issues } = await intake(bytes);
		expect(issues).toMatchObject([{ code: 'parquet_grup_rusak', row: 2050, detail: expect.stringMatching(/^grup baris 2 dari 3, baris 2050–4097 \(2048 baris\)/) }]);
		expect(rows).toEqual(WITHOUT_GROUP_2);
	});

	it('a footer that makes a column chunk of one row group run past the end of the file', async () => {
		const bytes = await parquetFromQuery(HOUSEHOLDS(5000), 'ROW_GROUP_SIZE 2048');
		// total_compressed_size (ColumnMetaData field 7)
		const { rows, issues } = await intake(withFooter(bytes, (meta) => columnMeta(meta, 1, 2).set(7, { type: T.I64, value: BigInt(bytes.length) })));
		expect(issues).toMatchObject([{ code: 'parquet_grup_rusak', row: 2050, detail: expect.stringMatching(/row group 2 of 3, rows 2050–4097 .*outside the file/) }]);
		expect(rows).toEqual(WITHOUT_GROUP_2);
	});

	it('a footer whose row group is stored in another file', async () => {
		const bytes = await parquetFromQuery(HOUSEHOLDS(5000), 'ROW_GROUP_SIZE 2048');
		// file_path (ColumnChunk field 1)
		const external = withFooter(bytes, (meta) => columnChunk(meta, 1, 0).set(1, { type: T.Binary, value: new TextEncoder().encode('lain.parquet') }));
		const { rows, issues } = await intake(external);
		expect(issues).toMatchObject([{ code: 'parquet_grup_rusak', row: 2050, detail: expect.stringMatching(/another file/) }]);
		expect(rows).toEqual(WITHOUT_GROUP_2);
	});
});
