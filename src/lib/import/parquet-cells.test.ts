import { Decimal, makeData, makeVector, Table, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openParquetNode, parquetSourceOf, readParquetNode } from './node-parquet';
import type { ParquetOpener } from './parquet-intake';
import { parquetFromCsv, RT_HEADER, rtLine } from './parquet-test-files';
import { runImport, type ImportResult } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

const DESA = '35.76.01.1007';

/** The fixture's wilayah and a rumah_tangga Parquet file, imported as the Data page does. */
async function importRt(parquet: Uint8Array, openParquet: ParquetOpener = openParquetNode): Promise<ImportResult> {
	return runImport([fileOf('wilayah.csv', fixtureCsv().wilayah), fileOf('rumah_tangga.parquet', parquet)], { maxDate: FIXTURE_MAX_DATE, openParquet });
}
function loaded(res: ImportResult, column: string): unknown[] {
	const t = res.tables.find((x) => x.table === 'rumah_tangga');
	return t ? t.batches.flatMap((b) => tableFromIPC(b).toArray().map((r) => r.toJSON()[column])) : [];
}
function rejected(res: ImportResult): [number, string, string, string][] {
	return res.report.rejectedRows.map((r) => [r.row, r.column, r.code, r.value]);
}
const rtCsv = (lines: string[]) => [RT_HEADER, ...lines].join('\n');

describe('Parquet DECIMAL columns', () => {
	it('reads DECIMAL(18,2) spending with its scale: the loaded values and the report quote what the file holds', async () => {
		const csv = rtCsv([rtLine('RT-1', DESA, '4', '1078400.00'), rtLine('RT-2', DESA, '2', '612500.50'), rtLine('RT-3', DESA, '1', '0.05'), rtLine('RT-4', DESA, '3', '150000000.00'), rtLine('RT-5', DESA, '3', '-5.25')]);
		const res = await importRt(await parquetFromCsv(csv, { pengeluaran_kapita: 'CAST(pengeluaran_kapita AS DECIMAL(18,2))' }));
		expect(loaded(res, 'pengeluaran_kapita')).toEqual([1078400, 612500.5, 0.05]);
		// before: 107840000 loaded, and a value the file does not hold quoted as out of range
		expect(rejected(res)).toEqual([
			[5, 'pengeluaran_kapita', 'rentang', '150000000'],
			[6, 'pengeluaran_kapita', 'rentang', '-5.25']
		]);
	});

	it('reads DECIMAL(38,4) exactly, even a value of 30 digits no float holds', async () => {
		const csv = rtCsv([rtLine('RT-1', DESA, '4', '1078400.1234'), rtLine('RT-2', DESA, '2', '99999999.9999'), rtLine('RT-3', DESA, '1', '12345678901234567890123456.7891')]);
		const res = await importRt(await parquetFromCsv(csv, { pengeluaran_kapita: 'CAST(pengeluaran_kapita AS DECIMAL(38,4))' }));
		expect(loaded(res, 'pengeluaran_kapita')).toEqual([1078400.1234, 99999999.9999]);
		expect(rejected(res)).toEqual([[4, 'pengeluaran_kapita', 'rentang', '12345678901234567890123456.7891']]);
	});

	it('reads a decimal decile: 4.0 is the whole number 4, 4.5 is not a decile, DECIMAL(4,0) as it is', async () => {
		const csv = rtCsv([rtLine('RT-1', DESA, '4.0', '1000'), rtLine('RT-2', DESA, '10.0', '1000'), rtLine('RT-3', DESA, '4.5', '1000')]);
		const scaled = await importRt(await parquetFromCsv(csv, { desil: 'CAST(desil AS DECIMAL(3,1))' }));
		expect(loaded(scaled, 'desil')).toEqual([4, 10]);
		expect(rejected(scaled)).toEqual([[4, 'desil', 'tipe', '4.5']]);
		const whole = await importRt(await parquetFromCsv(rtCsv([rtLine('RT-1', DESA, '7', '1000')]), { desil: 'CAST(desil AS DECIMAL(4,0))' }));
		expect(loaded(whole, 'desil')).toEqual([7]);
	});

	for (const bitWidth of [32, 64] as const) {
		it(`reads a ${bitWidth}-bit decimal (Decimal${bitWidth}) with its scale, negative values too`, async () => {
			// parquet-wasm gives Decimal128 for DuckDB's files; a narrower decimal is built in Arrow directly.
			const file = await parquetFromCsv(rtCsv([rtLine('RT-1', DESA, '4', '0'), rtLine('RT-2', DESA, '3', '0')]), {});
			const base = readParquetNode(file);
			const unscaled = bitWidth === 32 ? new Int32Array([107840050, -525]) : new BigInt64Array([107840050n, -525n]);
			const data = new Uint32Array(unscaled.buffer);
			const spend = makeVector(makeData({ type: new Decimal(2, bitWidth === 32 ? 9 : 18, bitWidth), length: 2, nullCount: 0, data }));
			const table = base.assign(new Table({ pengeluaran_kapita: spend }));
			const res = await importRt(file, async () => parquetSourceOf([table]));
			expect(loaded(res, 'pengeluaran_kapita')).toEqual([1078400.5]);
			expect(rejected(res)).toEqual([[3, 'pengeluaran_kapita', 'rentang', '-5.25']]);
		});
	}
});

describe('Parquet timestamps', () => {
	/** Three villages, one in each of Indonesia's time zones (real Kemendagri codes). */
	const WILAYAH = [
		fixtureCsv().wilayah.split('\n')[0],
		'35.76.01.1007,Surodinawan,kelurahan,35.76.01,Prajuritkulon,35.76,Kota Mojokerto,35,Jawa Timur,-7.48,112.42,9000',
		'73.03.01.1001,Bonto Manai,kelurahan,73.03.01,Bissappu,73.03,Kabupaten Bantaeng,73,Sulawesi Selatan,-5.55,119.91,9000',
		'91.71.01.1001,Gurabesi,kelurahan,91.71.01,Jayapura Utara,91.71,Kota Jayapura,91,Papua,-2.53,140.66,9000'
	].join('\n');
	const importTs = async (parquet: Uint8Array) =>
		runImport([fileOf('wilayah.csv', WILAYAH), fileOf('rumah_tangga.parquet', parquet)], { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
	const isoDates = (res: ImportResult) => loaded(res, 'tgl_registrasi').map((ms) => new Date(ms as number).toISOString().slice(0, 10));

	it('dates a TIMESTAMP WITH TIME ZONE where the village lies (WIB, WITA or WIT by its province), a naive TIMESTAMP and a DATE as written', async () => {
		// Half past midnight on New Year's Day, local time, in each zone: the UTC date is still 31 December.
		const csv = rtCsv([
			rtLine('RT-1', '35.76.01.1007', '4', '1000', '2025-01-01 00:30:00+07'),
			rtLine('RT-2', '73.03.01.1001', '4', '1000', '2025-01-01 00:30:00+08'),
			rtLine('RT-3', '91.71.01.1001', '4', '1000', '2025-01-01 00:30:00+09'),
			// late evening stays on its own day: 23:30 WIT is 14:30 UTC, 22:30 WITA
			rtLine('RT-4', '91.71.01.1001', '4', '1000', '2025-06-30 23:30:00+09'),
			// an instant after the extract date in Papua time, though still the day before in WIB, is in the future
			rtLine('RT-5', '91.71.01.1001', '4', '1000', '2026-11-01 00:30:00+09')
		]);
		const res = await importTs(await parquetFromCsv(csv, { tgl_registrasi: 'CAST(tgl_registrasi AS TIMESTAMPTZ)' }));
		expect(isoDates(res)).toEqual(['2025-01-01', '2025-01-01', '2025-01-01', '2025-06-30']);
		expect(rejected(res)).toEqual([[6, 'tgl_registrasi', 'masa_depan', '2026-11-01']]);

		// A timestamp without a time zone and a DATE keep their own calendar date, wherever the village.
		const wallClock = rtCsv([rtLine('RT-1', '91.71.01.1001', '4', '1000', '2025-01-01 00:30:00'), rtLine('RT-2', '35.76.01.1007', '4', '1000', '2024-12-31 23:59:00')]);
		const naive = await importTs(await parquetFromCsv(wallClock, { tgl_registrasi: 'CAST(tgl_registrasi AS TIMESTAMP)' }));
		expect(isoDates(naive)).toEqual(['2025-01-01', '2024-12-31']);
		const date = await importTs(await parquetFromCsv(wallClock, { tgl_registrasi: 'CAST(tgl_registrasi AS DATE)' }));
		expect(isoDates(date)).toEqual(['2025-01-01', '2024-12-31']);
	});
});
