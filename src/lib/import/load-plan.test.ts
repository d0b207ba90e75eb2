import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadPlan } from './load-plan';
import { decodeParquetNode } from './node-parquet';
import { reportCsv } from './report-csv';
import { runImport } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

const run = (files: Record<string, string>) => runImport(Object.entries(files).map(([t, c]) => fileOf(`${t}.csv`, c)), { maxDate: FIXTURE_MAX_DATE, decodeParquet: decodeParquetNode });

describe('loadPlan', () => {
	it('loads the districts of the accepted villages', async () => {
		expect(loadPlan(await run(fixtureCsv()))).toEqual({ ok: true, kabs: ['35.76'], rows: 2 + 2 + 2 + 12 + 6 + 6 });
	});

	it('refuses rows without their villages, and an import with no accepted row', async () => {
		const { rumah_tangga } = fixtureCsv();
		expect(loadPlan(await run({ rumah_tangga }))).toEqual({ ok: false, reason: 'tanpa_wilayah' });
		expect(loadPlan(await run({ kosong: '' }))).toEqual({ ok: false, reason: 'tanpa_baris' });
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
