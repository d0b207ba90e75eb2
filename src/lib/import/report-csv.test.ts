import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openParquetNode } from './node-parquet';
import { reportCsv } from './report-csv';
import { runImport } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

describe('reportCsv: the downloaded validation report', () => {
	it('says which date forms are accepted for a date of the wrong type, which years for a date out of range, and keeps the plain reason for a number', async () => {
		const csv = fixtureCsv();
		const lines = csv.rumah_tangga.split('\n');
		const head = lines[0].split(',');
		const set = (i: number, col: string, v: string) => (lines[i] = lines[i].split(',').map((f, k) => (head[k] === col ? v : f)).join(','));
		set(1, 'tgl_registrasi', '17 Agustus 2025');
		set(2, 'jumlah_art', 'empat');
		set(4, 'tgl_registrasi', '1899-05-01');
		csv.rumah_tangga = lines.join('\n');
		const res = await runImport(Object.entries(csv).map(([t, c]) => fileOf(`${t}.csv`, c)), { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
		const rows = Papa.parse<Record<string, string>>(reportCsv(res.report), { header: true, skipEmptyLines: true }).data.filter((r) => r.kode === 'tipe' || r.kode === 'rentang');
		expect(rows.map((r) => [r.baris, r.kolom, r.alasan, r.reason])).toEqual([
			['2', 'tgl_registrasi', 'Bukan tanggal yang sah; tulis sebagai YYYY-MM-DD (mis. 2025-08-17) atau DD/MM/YYYY', 'Not a valid date; write it as YYYY-MM-DD (e.g. 2025-08-17) or DD/MM/YYYY'],
			['3', 'jumlah_art', 'Jenis nilai salah', 'Value has the wrong type'],
			['5', 'tgl_registrasi', 'Tahun tanggal di luar rentang yang diizinkan (1900–2100); periksa angka tahunnya', "The date's year is outside the allowed range (1900–2100); check the year"]
		]);
	});
});
