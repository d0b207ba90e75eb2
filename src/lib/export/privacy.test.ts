import { beforeAll, describe, expect, test } from 'vitest';
import { toCsv, parseExportCsv } from './csv';
import { toGeoJson } from './geojson';
import { count, derived, exportFileName, fieldCell, fieldValue, ratio, text, withheldIf, SUPPRESSED } from './privacy';
import { roundCount, setRoundingKey } from './rounding';

const KEY = 'kunci-uji';
beforeAll(() => setRoundingKey(KEY));

describe('suppression of small counts', () => {
	test('public: 1–4 become "<5"; 0 and multiples of 5 stay; others are rounded to a multiple of 5 by the key', () => {
		expect([0, 1, 4, 5, 120].map((n) => fieldCell(count(n, '33.28'), 'publik'))).toEqual(['0', '<5', '<5', '5', '120']);
		for (const n of [6, 9, 123, 480_211]) {
			const cell = fieldCell(count(n, '33.28.01'), 'publik');
			expect(cell).toBe(String(roundCount(n, '33.28.01', KEY)));
			expect(Math.abs(Number(cell) - n)).toBeLessThan(5);
		}
		expect(fieldCell(withheldIf(count(12, '33.28'), true), 'publik')).toBe('x');
	});
	test('internal: nothing is suppressed or rounded', () => {
		expect([0, 1, 4, 5, 123].map((n) => fieldCell(count(n, '33.28'), 'internal'))).toEqual(['0', '1', '4', '5', '123']);
	});
	test('a share or rate in a public file is computed from the rounded counts, and a share stays at most 100 %', () => {
		const area = '33.28.01.2001';
		const [n, d] = [roundCount(37, area, KEY), roundCount(1203, area, KEY)];
		expect(fieldValue(ratio((37 / 1203) * 1000, 1, area, 1000, 37, 1203), 'publik')).toBe(Number(((n / d) * 1000).toFixed(1)));
		expect(fieldValue(ratio((37 / 1203) * 1000, 1, area, 1000, 37, 1203), 'internal')).toBe(30.8);
		// 7 of 8 completed: whichever way each goes, never above 100 %.
		for (let i = 0; i < 50; i++) expect(fieldValue(ratio(87.5, 1, `a${i}`, 100, 7, 8, 100), 'publik') as number).toBeLessThanOrEqual(100);
		expect(fieldValue(ratio(75, 1, area, 100, 3, 400, 100), 'publik')).toBeNull();
	});
	test('a derived figure is blank when a count it rests on is suppressed, in public only', () => {
		expect(fieldCell(derived(50, 1, 1000, 3), 'publik')).toBe('');
		expect(fieldCell(derived(50, 1, 1000, 3), 'internal')).toBe('50,0');
		expect(fieldCell(derived(12.345, 1, 1000, 30), 'publik')).toBe('12,3');
		expect(fieldCell(derived(null, 1, 1000), 'publik')).toBe('');
		expect(fieldCell(derived(Number.NaN, 1, 1000), 'internal')).toBe('');
	});
	test('machine-readable values stay typed', () => {
		expect(fieldValue(count(3, 'A'), 'publik')).toBe(SUPPRESSED);
		expect(fieldValue(count(3, 'A'), 'internal')).toBe(3);
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
		[text('33.28.01.2001'), text('Prupuk; Selatan'), count(1200, '33.28.01.2001'), derived(25.04, 1, 1200, 300)],
		[text('33.28.01.2002'), text('Kecil "A"'), count(3, '33.28.01.2002'), derived(75, 1, 3)]
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
		const back = parseExportCsv(toCsv(['nama', 'perubahan', 'rt', 'lat'], names.map((n) => [text(n), derived(-0.5, 1, 100), count(-3, 'A'), text('-7.48')]), 'internal'));
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
		const fc = toGeoJson(features, 'kode', ['kode', 'rt', 'persen'], new Map([['A', [text('A'), count(2, 'A'), derived(50, 1, 2)]]]), 'publik');
		expect(fc.keterangan).toMatch(/<5/);
		expect(fc.features.map((f) => f.properties)).toEqual([
			{ kode: 'A', rt: '<5', persen: null },
			{ kode: 'B', rt: null, persen: null }
		]);
		expect(fc.features[1].geometry).toEqual(features[1].geometry);
	});
});
