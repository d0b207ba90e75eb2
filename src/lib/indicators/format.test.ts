import { describe, expect, test } from 'vitest';
import { formatChange, ragLetter, trendArrow } from './format';

describe('indicator formats', () => {
	test('a change in points: signed, one decimal, the Indonesian comma, a dash for none; a change that rounds to zero has no sign', () => {
		expect(formatChange(2.34, 'id')).toBe('+2,3');
		expect(formatChange(-1, 'id')).toBe('−1');
		expect(formatChange(-7.66, 'en')).toBe('−7.7');
		expect(formatChange(-0.04, 'id')).toBe('0');
		expect(formatChange(null, 'id')).toBe('–');
		expect(formatChange(Number.NaN, 'id')).toBe('–');
	});
	test('RAG letters by language and trend arrows', () => {
		expect([ragLetter('hijau', 'id'), ragLetter('kuning', 'id'), ragLetter('merah', 'en'), ragLetter(null, 'id')]).toEqual(['H', 'K', 'R', '']);
		expect([trendArrow('naik'), trendArrow('turun'), trendArrow('tetap'), trendArrow(null)]).toEqual(['▲', '▼', '=', '']);
	});
});
