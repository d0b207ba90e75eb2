import { describe, expect, test } from 'vitest';
import { formatBpsPercent, formatChange, formatIndicator, formatScore, ragLetter, trendArrow } from './format';

describe('indicator formats', () => {
	test('a change in points: signed, one decimal, the Indonesian comma, a dash for none; a change that rounds to zero has no sign (0,0)', () => {
		expect(formatChange(2.34, 'id')).toBe('+2,3');
		expect(formatChange(-1, 'id')).toBe('−1,0');
		expect(formatChange(-7.66, 'en')).toBe('−7.7');
		expect(formatChange(-0.04, 'id')).toBe('0,0');
		expect(formatChange(null, 'id')).toBe('–');
		expect(formatChange(Number.NaN, 'id')).toBe('–');
	});
	test('shares, rates, indices and scores always show their decimals, so a column lines up; days and counts only where they have them', () => {
		expect(formatIndicator('persen', 0.3, 'id')).toBe('30,0\u00a0%');
		expect(formatIndicator('persen', 1, 'en')).toBe('100.0%');
		expect(formatIndicator('persen', 0.18123, 'id')).toBe('18,1\u00a0%');
		expect(formatIndicator('persen_bps', 13.4, 'id')).toBe('13,40\u00a0%');
		expect(formatBpsPercent(6.16, 'en')).toBe('6.16%');
		expect(formatIndicator('per_1000', 0.5, 'id')).toBe('0,50');
		expect(formatIndicator('indeks', 1.2, 'id')).toBe('1,20');
		expect(formatScore(84, 'id')).toBe('84,0');
		expect(formatScore(null, 'id')).toBe('–');
		expect(formatIndicator('hari', 15, 'id')).toBe('15 hari');
		expect(formatIndicator('hari', 19.5, 'en')).toBe('19.5 days');
		expect(formatIndicator('jumlah', 1234, 'id')).toBe('1.234');
		expect(formatIndicator('rupiah', 516933, 'id')).toBe('Rp 516.933');
		expect(formatIndicator('persen', null, 'id')).toBe('–');
	});
	test('RAG letters by language and trend arrows', () => {
		expect([ragLetter('hijau', 'id'), ragLetter('kuning', 'id'), ragLetter('merah', 'en'), ragLetter(null, 'id')]).toEqual(['H', 'K', 'R', '']);
		expect([trendArrow('naik'), trendArrow('turun'), trendArrow('tetap'), trendArrow(null)]).toEqual(['▲', '▼', '=', '']);
	});
});
