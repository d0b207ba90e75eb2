import { describe, expect, test } from 'vitest';
import { formatBytesOf, formatFixed, formatNumber, formatPercent, parseIndonesianNumber } from './format';

describe('numbers the Indonesian way, English second', () => {
	test('thousands with dots and decimals with a comma in Indonesian; the reverse in English', () => {
		expect(formatNumber(1234567.8, 'id', 1)).toBe('1.234.567,8');
		expect(formatNumber(1234567.8, 'en', 1)).toBe('1,234,567.8');
		expect(formatNumber(1234567.8, 'id')).toBe('1.234.568');
		expect(formatNumber(21, 'id', 1)).toBe('21');
		expect(formatPercent(0.4912, 'id')).toBe('49,1\u00a0%');
		expect(formatPercent(0.4912, 'en')).toBe('49.1%');
		expect(formatPercent(0.79, 'id')).toBe('79,0\u00a0%');
		expect(formatPercent(1, 'en', 0)).toBe('100%');
	});

	test('fixed decimals keep a column aligned: 21,0 not 21', () => {
		expect(formatFixed(21, 'id')).toBe('21,0');
		expect(formatFixed(21, 'en')).toBe('21.0');
		expect(formatFixed(1234.56, 'id', 2)).toBe('1.234,56');
		expect(formatFixed(0.05, 'id')).toBe('0,1');
	});

	test('missing values are a dash', () => {
		for (const v of [null, undefined, NaN, Infinity]) {
			expect(formatNumber(v, 'id')).toBe('–');
			expect(formatFixed(v, 'id')).toBe('–');
		}
	});

	test('a figure that rounds to zero has no minus sign; a negative one keeps it', () => {
		expect(formatFixed(-0, 'id')).toBe('0,0');
		expect(formatFixed(-0.004, 'id', 2)).toBe('0,00');
		expect(formatNumber(-0.001, 'id', 2)).toBe('0');
		expect(formatFixed(-1.25, 'id', 2)).toBe('-1,25');
		expect(formatNumber(-1234.5, 'en', 1)).toBe('-1,234.5');
	});

	test('a remembered string is the one Intl makes, and past the number kept', () => {
		const intl = (v: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
		expect(formatFixed(0, 'id')).toBe(intl(0));
		expect(formatFixed(-0, 'id')).toBe(intl(0));
		expect(formatFixed(0, 'id')).toBe(intl(0));
		// More distinct values than the formatter keeps: every answer stays right as it starts afresh.
		for (let i = 0; i < 25_000; i++) expect(formatFixed(i / 10, 'id')).toBe(intl(i / 10));
		for (let i = 0; i < 50; i++) expect(formatFixed(i / 10, 'id')).toBe(intl(i / 10));
		// Formats of another language or precision are kept apart.
		expect(formatFixed(2.5, 'en')).toBe('2.5');
		expect(formatNumber(2.5, 'id')).toBe('3');
		expect(formatNumber(2.5, 'id', 1)).toBe('2,5');
	});

	test('parseIndonesianNumber reads back what formatNumber writes', () => {
		for (const v of [0, 7, 1234, 1234567.5, -42.25]) expect(parseIndonesianNumber(formatNumber(v, 'id', 2))).toBe(v);
	});
});

describe('progress through a file', () => {
	test('a small file in KB, never "0 / 0 MB"', () => {
		expect(formatBytesOf(0, 84_123, 'id')).toBe('0 / 84 KB');
		expect(formatBytesOf(84_123, 84_123, 'en')).toBe('84 / 84 KB');
		expect(formatBytesOf(4_321, 8_400, 'id')).toBe('4,3 / 8,4 KB');
		expect(formatBytesOf(120, 300, 'en')).toBe('0.1 / 0.3 KB');
	});
	test('a file of a megabyte or more in MB, one decimal', () => {
		expect(formatBytesOf(12_345_678, 97_000_000, 'id')).toBe('12,3 / 97,0 MB');
		expect(formatBytesOf(0, 1_000_000, 'en')).toBe('0.0 / 1.0 MB');
		expect(formatBytesOf(1_234_567_890, 1_234_567_890, 'en')).toBe('1,234.6 / 1,234.6 MB');
	});
});
