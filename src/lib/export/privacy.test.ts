import { describe, expect, test } from 'vitest';
import { toCsv, parseExportCsv } from './csv';
import { toGeoJson } from './geojson';
import { count, derived, exportFileName, fieldCell, fieldValue, text, SUPPRESSED } from './privacy';

describe('suppression of small counts', () => {
	test('public: 1–4 become "<5"; 0 and 5+ stay', () => {
		expect([0, 1, 4, 5, 123].map((n) => fieldCell(count(n), 'publik'))).toEqual(['0', '<5', '<5', '5', '123']);
	});
	test('internal: nothing is suppressed', () => {
		expect([0, 1, 4, 5].map((n) => fieldCell(count(n), 'internal'))).toEqual(['0', '1', '4', '5']);
	});
	test('a derived figure is blank when a count it rests on is suppressed, in public only', () => {
		expect(fieldCell(derived(50, 1, 1000, 3), 'publik')).toBe('');
		expect(fieldCell(derived(50, 1, 1000, 3), 'internal')).toBe('50,0');
		expect(fieldCell(derived(12.345, 1, 1000, 30), 'publik')).toBe('12,3');
		expect(fieldCell(derived(null, 1, 1000), 'publik')).toBe('');
		expect(fieldCell(derived(Number.NaN, 1, 1000), 'internal')).toBe('');
	});
	test('machine-readable values stay typed', () => {
		expect(fieldValue(count(3), 'publik')).toBe(SUPPRESSED);
		expect(fieldValue(count(3), 'internal')).toBe(3);
		expect(fieldValue(derived(12.345, 2, 100), 'publik')).toBe(12.35);
		expect(fieldValue(text('Margasari'), 'publik')).toBe('Margasari');
	});
});

describe('file names', () => {
	test('an internal copy says RAHASIA in its name', () => {
		expect(exportFileName('peta_33.28_2025-11..2026-10', 'publik', 'csv')).toBe('peta_33.28_2025-11..2026-10.csv');
		expect(exportFileName('peta 33.28', 'internal', 'geojson')).toBe('RAHASIA_peta_33.28_internal.geojson');
	});
});

describe('toCsv', () => {
	const header = ['kode', 'nama', 'rt', 'persen'];
	const rows = [
		[text('33.28.01.2001'), text('Prupuk; Selatan'), count(1200), derived(25.04, 1, 1200, 300)],
		[text('33.28.01.2002'), text('Kecil "A"'), count(3), derived(75, 1, 3)]
	];
	test('the note first, then header and rows; separators and quotes survive a round trip', () => {
		const csv = toCsv(header, rows, 'publik');
		expect(csv.startsWith('\ufeff# Jumlah 1–4')).toBe(true);
		const back = parseExportCsv(csv);
		expect(back.header).toEqual(header);
		expect(back.rows).toEqual([
			['33.28.01.2001', 'Prupuk; Selatan', '1200', '25,0'],
			['33.28.01.2002', 'Kecil "A"', '<5', '']
		]);
	});
	test('the internal copy is marked confidential inside the file', () => {
		const back = parseExportCsv(toCsv(header, rows, 'internal'));
		expect(back.note).toMatch(/^RAHASIA/);
		expect(back.rows[1]).toEqual(['33.28.01.2002', 'Kecil "A"', '3', '75,0']);
	});
	test('a name that would run as a formula in a spreadsheet is written as text; numbers the app writes stay numbers', () => {
		const names = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x";"klik")', '+SUM(1+1)', '@SUM(1)', '-2+3'];
		const back = parseExportCsv(toCsv(['nama', 'perubahan', 'rt', 'lat'], names.map((n) => [text(n), derived(-0.5, 1, 100), count(-3), text('-7.48')]), 'internal'));
		expect(back.rows.map((r) => r[0])).toEqual(names.map((n) => `'${n}`));
		expect(back.rows[0].slice(1)).toEqual(['-0,5', '-3', '-7.48']);
	});
	test('a row of the wrong width is refused, not written shifted', () => {
		expect(() => toCsv(header, [[text('x')]], 'publik')).toThrow(/row 1 has 1 fields, the header 4/);
	});
});

describe('toGeoJson', () => {
	const features = [
		{ geometry: { type: 'Point', coordinates: [109, -7] }, properties: { kode: 'A', extra: 1 } },
		{ geometry: { type: 'Point', coordinates: [110, -7] }, properties: { kode: 'B' } }
	];
	test('values joined by code and suppressed; a feature without data keeps its geometry with nulls', () => {
		const fc = toGeoJson(features, 'kode', ['kode', 'rt', 'persen'], new Map([['A', [text('A'), count(2), derived(50, 1, 2)]]]), 'publik');
		expect(fc.keterangan).toMatch(/<5/);
		expect(fc.features.map((f) => f.properties)).toEqual([
			{ kode: 'A', rt: '<5', persen: null },
			{ kode: 'B', rt: null, persen: null }
		]);
		expect(fc.features[1].geometry).toEqual(features[1].geometry);
	});
});
