import { describe, expect, it } from 'vitest';
import { dateOutsideYears, parseBool, parseDate, parseInteger, parseNumber } from './parse';

describe('parseDate', () => {
	it.each([
		['2025-08-17', '2025-08-17'],
		['17/08/2025', '2025-08-17'],
		['17.08.2025', '2025-08-17'],
		['17-08-2025', '2025-08-17'],
		['7/8/2025', '2025-08-07'],
		['2025-8-7', '2025-08-07'],
		['  2025-08-17 ', '2025-08-17'],
		['2025-08-17T10:15:00Z', '2025-08-17'],
		['2025-08-17 10:15:00', '2025-08-17'],
		['29/02/2024', '2024-02-29']
	])('reads %j as %s', (raw, iso) => {
		expect(parseDate(raw)).toBe(iso);
	});

	it.each([
		'31/02/2025', // no 31 February
		'29/02/2025', // 2025 is not a leap year
		'2025-13-01', // no month 13
		'2025-00-10',
		'00/08/2025',
		'31/04/2025',
		'08/17/2025', // US order: month 17 does not exist
		'20250817',
		'1899-12-31', // outside the plausible range
		'2025-08',
		'',
		'kemarin'
	])('rejects %j', (raw) => {
		expect(parseDate(raw)).toBeNull();
	});
});

describe('dateOutsideYears', () => {
	it('tells a real date in an impossible year from a value that is no date', () => {
		expect(dateOutsideYears('1899-12-30')).toBe(true);
		expect(dateOutsideYears('17/08/2101')).toBe(true);
		expect(dateOutsideYears('1900-01-01')).toBe(false);
		expect(dateOutsideYears('1899-13-01')).toBe(false);
		expect(dateOutsideYears('kemarin')).toBe(false);
	});
});

describe('parseNumber', () => {
	it.each([
		['1234.5', 1234.5],
		['1234,5', 1234.5], // Indonesian decimal comma
		['-3,25', -3.25],
		['1.234.567,89', 1234567.89], // thousands dots and a decimal comma
		['1.234.567', 1234567],
		['12 345', 12345], // spaces as group separators
		['.5', 0.5],
		['1e3', 1000],
		['  42 ', 42]
	])('reads %j as %d', (raw, v) => {
		expect(parseNumber(raw)).toBe(v);
	});

	it('reads a single dot group as a decimal point, the way a coordinate is written', () => {
		// "-7.463" and "112.428" are coordinates; only two or more dot groups mean thousands.
		expect(parseNumber('112.428')).toBe(112.428);
		expect(parseNumber('-7.463')).toBe(-7.463);
	});

	it.each(['', 'abc', '1,234,567', '1.2.3', '1,2,3', 'Infinity', 'NaN', '12abc', '--1'])('rejects %j', (raw) => {
		expect(parseNumber(raw)).toBeNull();
	});
});

describe('parseInteger', () => {
	it.each([
		['12', 12],
		['+3', 3],
		[' 7 ', 7],
		['-4', -4]
	])('reads %j as %d', (raw, v) => {
		expect(parseInteger(raw)).toBe(v);
	});

	it.each(['1.0', '1,5', '', 'x', '9007199254740993'])('rejects %j', (raw) => {
		expect(parseInteger(raw)).toBeNull();
	});
});

describe('parseBool', () => {
	it.each(['1', 'true', 'TRUE', 'Ya', 'y', 'yes', 't', 'benar', ' ya '])('reads %j as true', (raw) => {
		expect(parseBool(raw)).toBe(true);
	});
	it.each(['0', 'false', 'Tidak', 'tdk', 'n', 'no', 'f', 'salah'])('reads %j as false', (raw) => {
		expect(parseBool(raw)).toBe(false);
	});
	it.each(['', '2', 'maybe', 'ya tidak', '-1'])('rejects %j', (raw) => {
		expect(parseBool(raw)).toBeNull();
	});
});
