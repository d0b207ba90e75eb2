import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { desaPerDistrict, loadPlan, planNotes } from './load-plan';
import { openParquetNode } from './node-parquet';
import { reportCsv } from './report-csv';
import { runImport } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

const run = (files: Record<string, string>) => runImport(Object.entries(files).map(([t, c]) => fileOf(`${t}.csv`, c)), { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });

describe('loadPlan', () => {
	it('loads the districts of the accepted villages', async () => {
		expect(loadPlan(await run(fixtureCsv()))).toEqual({ ok: true, kabs: ['35.76'], rows: 2 + 2 + 2 + 12 + 6 + 6, skipped: [], partial: [] });
	});

	it('refuses rows without their villages, and an import with no accepted row', async () => {
		const { rumah_tangga } = fixtureCsv();
		expect(loadPlan(await run({ rumah_tangga }))).toEqual({ ok: false, reason: 'tanpa_wilayah', skipped: [] });
		expect(loadPlan(await run({ kosong: '' }))).toEqual({ ok: false, reason: 'tanpa_baris', skipped: [] });
	});

	it('does not replace a district the upload holds villages but no households of, and says so before loading (QA: one stray row emptied Kabupaten Tegal)', async () => {
		const csv = fixtureCsv();
		const head = csv.wilayah.split('\n')[0].split(',');
		// one village of Kabupaten Tegal, with its names, among Kota Mojokerto's
		const stray = head.map((c) => ({ kode_desa: '33.28.01.2001', nama_desa: 'Desa Lain', jenis: 'desa', kode_kec: '33.28.01', nama_kec: 'Kec Lain', kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', lat: '-7', lng: '109', penduduk: '5000' })[c] ?? '');
		csv.wilayah += `\n${stray.join(',')}`;
		const res = await run(csv);
		expect(res.report.rejectedRows).toEqual([]);
		const plan = loadPlan(res, { '35.76': 18, '33.28': 287 });
		expect(plan).toMatchObject({ ok: true, kabs: ['35.76'], skipped: [{ kab: '33.28', desa: 1 }] });
		const name = (k: string) => (k === '33.28' ? 'Kabupaten Tegal (33.28)' : 'Kota Mojokerto (35.76)');
		expect(planNotes(plan, name, 'id')).toEqual([
			'Tidak dimuat: Kabupaten Tegal (33.28) — unggahan memuat 1 desa/kelurahan-nya tetapi tidak satu pun rumah tangga; data ekstraknya tetap dipakai.',
			'Perhatian: Kota Mojokerto (35.76) akan diganti oleh 2 dari 18 desa/kelurahan-nya yang ada di unggahan ini; desa/kelurahan lainnya tidak akan punya data.'
		]);
		// Without any household, nothing is loaded.
		const { wilayah, puskesos } = csv;
		expect(loadPlan(await run({ wilayah, puskesos }))).toMatchObject({ ok: false, reason: 'tanpa_rumah_tangga', skipped: [{ kab: '33.28' }, { kab: '35.76' }] });
	});

	it('counts villages per district from the national code list', () => {
		expect(desaPerDistrict('33.28.01:2001,2002,2003\n33.28.02:1001\n35.76.01:1001,1002\n')).toEqual({ '33.28': 4, '35.76': 2 });
	});
});

describe('reportCsv', () => {
	it('lists file issues and every rejected row with both languages, quoting what needs it', async () => {
		const csv = fixtureCsv();
		csv.fasilitator += '\nFAS-9,PKS-1,"35,76"';
		const res = await run({ ...csv, lain: 'a;b\n1;2' });
		const rows = Papa.parse<string[]>(reportCsv(res.report).trim()).data;
		expect(rows[0]).toEqual(['berkas', 'tabel', 'baris', 'kolom', 'kode', 'alasan', 'reason', 'nilai']);
		// The first line's fields are not repeated (they may be a record's values: QA), only counted.
		const none = '2 kolom / columns; tidak satu pun nama kolom kontrak — baris judul tidak ada? / none is a contract column name — is the header row missing?';
		expect(rows).toContainEqual(['lain.csv', '', '1', '', 'tabel_tidak_dikenal', `Header berkas tidak cocok dengan tabel kontrak mana pun: ${none}`, `The file header matches no contract table: ${none}`, '']);
		expect(rows).toContainEqual(['fasilitator.csv', 'fasilitator', '4', 'kode_kec', 'format_kode', 'Format kode Kemendagri salah', 'Malformed Kemendagri code', '35,76']);
		expect(rows).toHaveLength(3);
	});

	it('writes a formula from the upload (a rejected value, a file name) as text, so a spreadsheet does not run it', async () => {
		const csv = fixtureCsv();
		csv.fasilitator += '\nFAS-9,PKS-1,"=1+2*3"\nFAS-8,PKS-1,-2+3';
		const res = await run({ ...csv, '@SUM(1)': 'a;b\n1;2' });
		const rows = Papa.parse<string[]>(reportCsv(res.report).trim()).data;
		expect(rows.find((r) => r[2] === '4')?.[7]).toBe("'=1+2*3");
		expect(rows.find((r) => r[2] === '5')?.[7]).toBe("'-2+3");
		expect(rows.map((r) => r[0])).toContain("'@SUM(1).csv");
	});
});
