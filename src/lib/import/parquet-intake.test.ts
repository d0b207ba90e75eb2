import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeParquetNode } from './node-parquet';
import { parquetFailure } from './parquet-intake';
import { parquetFromCsv, RT_HEADER, rtLine } from './parquet-test-files';
import { PARQUET_DECODE_SHARE, runImport, type ImportResult } from './session';
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
		runImport([fileOf('wilayah.csv', fixtureCsv().wilayah), fileOf('rumah_tangga.parquet', await parquetFromCsv(csv, replace))], { maxDate: FIXTURE_MAX_DATE, decodeParquet: decodeParquetNode });
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

describe('Parquet progress', () => {
	it("shows the file's line before its row groups are decoded, then moves with each row group checked", async () => {
		const desa = '35.76.01.1007';
		const file = await parquetFromCsv([RT_HEADER, ...Array.from({ length: 6 }, (_, i) => rtLine(`RT-${i + 1}`, desa, '4', '1000'))].join('\n'), {});
		const seen: string[] = [];
		// three row groups of two rows, as the browser's decoder hands them over one at a time
		const decodeParquet = async (bytes: Uint8Array) => {
			seen.push('decode');
			const [t] = await decodeParquetNode(bytes);
			return [t.slice(0, 2), t.slice(2, 4), t.slice(4)];
		};
		const res = await runImport([fileOf('wilayah.csv', fixtureCsv().wilayah), fileOf('rumah_tangga.parquet', file)], {
			maxDate: FIXTURE_MAX_DATE,
			decodeParquet,
			onProgress: (p) => p.name === 'rumah_tangga.parquet' && seen.push(`${p.bytesRead}/${p.bytesTotal}`)
		});
		const n = file.length;
		// Checking fills the bar after the part decoding fills (session.test.ts: a decoder that says each row group decoded).
		const checked = (k: number) => `${Math.round(n * (PARQUET_DECODE_SHARE + ((1 - PARQUET_DECODE_SHARE) * k) / 3))}/${n}`;
		expect(seen).toEqual([`0/${n}`, 'decode', checked(1), checked(2), `${n}/${n}`, `${n}/${n}`]);
		expect(res.report.files.find((f) => f.format === 'parquet')!.accepted).toBe(6);
	});
});
