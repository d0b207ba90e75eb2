import { describe, expect, test } from 'vitest';
import { countText, derivedText, reasonText } from './text';

describe('briefing text', () => {
	test('reasons read as a sentence fragment in each language', () => {
		expect(reasonText({ kind: 'hotspot', level: 95 }, 'id')).toBe('titik panas keluhan (95 %)');
		expect(reasonText({ kind: 'rujukan_lambat', medianDays: 23.5 }, 'id')).toBe('median rujukan 23,5 hari (standar 14)');
		expect(reasonText({ kind: 'rujukan_rendah', share: 0.456 }, 'en')).toBe('only 45.6 % of referrals completed');
		expect(reasonText({ kind: 'miskin_tinggi', share: 0.5 }, 'id')).toBe('50 % rumah tangga miskin');
	});
	test('small counts are suppressed in the public briefing only', () => {
		expect(countText(3, 'publik', 'id')).toBe('<5');
		expect(countText(3, 'internal', 'id')).toBe('3');
		expect(countText(12345, 'publik', 'id')).toBe('12.345');
		expect(countText(0, 'publik', 'id')).toBe('0');
		expect(derivedText('75,0 %', 'publik', 20, 4)).toBe('–');
		expect(derivedText('75,0 %', 'internal', 20, 4)).toBe('75,0 %');
		expect(derivedText('75,0 %', 'publik', 20, 15)).toBe('75,0 %');
	});
});
