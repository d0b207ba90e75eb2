import { tableFromArrays, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openParquetNode, parquetSourceOf, writeParquetNode } from './node-parquet';
import { parquetFailure, parquetIntake, PROGRESS_ROWS, type ParquetSource } from './parquet-intake';
import { parquetFromCsv, RT_HEADER, rtLine, zeroRowGroup } from './parquet-test-files';
import { runImport, type ImportResult } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

describe('parquetFailure', () => {
	it("names a cut-off file and a damaged block, and keeps any other decoder message after a label", () => {
		expect(parquetFailure('Parquet error: Invalid Parquet file. Corrupt footer')).toMatch(/terpotong .* cut off/);
		// the browser's parquet-wasm build strips its error strings
		expect(parquetFailure('Parquet argument error: External: Error strings stripped')).toMatch(/^isi berkas rusak di tengah.* export the file again$/);
		expect(parquetFailure('Parquet error: Not yet implemented: INT96 logical type')).toBe(
			"pesan pembaca Parquet / Parquet reader's message: Not yet implemented: INT96 logical type"
		);
	});
});

describe('Parquet columns of bytes or nested values', () => {
	const NIK = '3576011203850002';
	const DESA = '35.76.01.1007';
	const csv = [RT_HEADER, rtLine(NIK, DESA, '4', '1000'), rtLine('RT-2', DESA, '3', '2000')].join('\n');
	const importRt = async (replace: Record<string, string>): Promise<ImportResult> =>
		runImport([fileOf('wilayah.csv', fixtureCsv().wilayah), fileOf('rumah_tangga.parquet', await parquetFromCsv(csv, replace))], { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
	const rtReport = (res: ImportResult) => res.report.files.find((f) => f.file === 'rumah_tangga.parquet')!;
	const loadedRows = (res: ImportResult) => res.tables.find((t) => t.table === 'rumah_tangga')?.batches.flatMap((b) => tableFromIPC(b).toArray().map((r) => r.toJSON())) ?? [];

	for (const [kind, expr, arrowType] of [
		['BLOB', 'CAST(id_rt AS BLOB)', 'Binary'],
		['LIST', '[id_rt]', 'List<Utf8>'],
		['STRUCT', "{'v': id_rt}", 'Struct<{v:Utf8}>'],
		['MAP', "MAP {'id': id_rt}", 'Map<{key:Utf8, value:Utf8}>']
	] as const) {
		it(`refuses a file whose required id column is a ${kind}, once, naming the column and its type, never its values`, async () => {
			const res = await importRt({ id_rt: expr });
			const f = rtReport(res);
			// before: BLOB rows each rejected as missing their id; LIST/STRUCT/MAP accepted as "[…]" text, the NIK inside unseen
			expect(f.issues).toEqual([{ code: 'parquet_tipe_kolom', severity: 'fatal', detail: `id_rt (Parquet ${kind}, Arrow ${arrowType})` }]);
			expect([f.read, f.accepted, f.rejected]).toEqual([0, 0, 0]);
			expect(res.report.rejectedRows).toEqual([]);
			expect(loadedRows(res)).toEqual([]);
			expect(JSON.stringify(res.report)).not.toContain(NIK);
		});
	}

	it('reads the rows of a file whose optional column is nested as without that column, and warns once', async () => {
		const res = await importRt({ id_puskesos: `{'nik': '${NIK}'}`, id_fasilitator: "[id_rt, 'FAS-1']" });
		const f = rtReport(res);
		expect(f.issues).toEqual([
			{ code: 'parquet_tipe_kolom_dibuang', severity: 'warning', detail: 'id_fasilitator (Parquet LIST, Arrow List<Utf8>)' },
			{ code: 'parquet_tipe_kolom_dibuang', severity: 'warning', detail: 'id_puskesos (Parquet STRUCT, Arrow Struct<{nik:Utf8}>)' }
		]);
		// the NIK-shaped id of the first row is still refused; the other row is loaded without the two columns
		expect(res.report.rejectedRows.map((r) => [r.row, r.column, r.code, r.value])).toEqual([[2, 'id_rt', 'nik_di_kolom_id', '(disembunyikan)']]);
		expect(loadedRows(res)).toMatchObject([{ id_rt: 'RT-2', id_fasilitator: null, id_puskesos: null, pengeluaran_kapita: 2000 }]);
		expect(JSON.stringify([res.report, loadedRows(res)])).not.toContain(NIK);
	});
});

describe('Parquet row groups, one at a time', () => {
	/** Facilitator rows in row groups of the given sizes, as a source that may fail to decode some of them. */
	function facilitators(sizes: number[], damaged: number[] = []): ParquetSource {
		let next = 1;
		const groups = sizes.map((n) => tableFromArrays({ id_fasilitator: Array.from({ length: n }, () => `FAS-${next++}`), kode_kec: Array.from({ length: n }, () => '35.76.01') }));
		const source = parquetSourceOf(groups);
		return { ...source, rowGroup: async (g) => (damaged.includes(g) ? Promise.reject(new Error('Parquet argument error: External: Error strings stripped')) : source.rowGroup(g)) };
	}
	async function intake(source: ParquetSource) {
		const rows: number[] = [];
		const issues: unknown[] = [];
		const progress: number[] = [];
		await parquetIntake(source, { header: () => true, row: (_, row) => rows.push(row), issue: (i) => issues.push(i), progress: (done) => progress.push(done) });
		return { rows, issues, progress };
	}

	it("moves the progress line within a row group as its rows are checked, not only when it is done", async () => {
		const { rows, progress } = await intake(facilitators([2 * PROGRESS_ROWS + 100, 50]));
		// before: one step per row group, so a row group of 122,880 rows held the bar still for seconds
		expect(progress).toEqual([PROGRESS_ROWS, 2 * PROGRESS_ROWS, 2 * PROGRESS_ROWS + 100, 2 * PROGRESS_ROWS + 150]);
		expect(rows.length).toBe(2 * PROGRESS_ROWS + 150);
	});

	it('names a run of damaged row groups once, with its rows, and reads the row groups after it', async () => {
		const { rows, issues, progress } = await intake(facilitators([3, 4, 5, 6, 7], [1, 2, 4]));
		expect(issues).toEqual([
			{ code: 'parquet_grup_rusak', severity: 'warning', row: 5, detail: 'grup baris 2–3 dari 5, baris 5–13 (9 baris) / row group 2–3 of 5, rows 5–13 (9 rows)' },
			{ code: 'parquet_grup_rusak', severity: 'warning', row: 20, detail: 'grup baris 5 dari 5, baris 20–26 (7 baris) / row group 5 of 5, rows 20–26 (7 rows)' }
		]);
		// rows 2–4 and 14–19 (header = row 1) are read, numbered where they stand in the file
		expect(rows).toEqual([2, 3, 4, 14, 15, 16, 17, 18, 19]);
		expect(progress).toEqual([3, 7, 12, 18, 25]);
	});

	it("reads a real file's row groups separately, so a zeroed one loses only its rows", async () => {
		const t = tableFromArrays({ id_fasilitator: Array.from({ length: 9 }, (_, i) => `FAS-${i + 1}`), kode_kec: Array.from({ length: 9 }, () => '35.76.01') });
		const bytes = await zeroRowGroup(writeParquetNode(t, 3), 2);
		const source = await openParquetNode(new Blob([bytes as BlobPart]));
		expect(source.rowGroupRows).toEqual([3, 3, 3]);
		const { rows, issues } = await intake(source);
		expect(rows).toEqual([2, 3, 4, 5, 6, 7]);
		expect(issues).toMatchObject([{ code: 'parquet_grup_rusak', row: 8 }]);
	});
});
