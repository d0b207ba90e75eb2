import { describe, expect, test } from 'vitest';
import { countText, derivedText, familyCounts, hiddenIn, reasonText } from './text';

describe('briefing text', () => {
	test('reasons read as a sentence fragment in each language', () => {
		expect(reasonText({ kind: 'hotspot', level: 95 }, 'id')).toBe('titik panas keluhan (95\u00a0%)');
		expect(reasonText({ kind: 'rujukan_lambat', medianDays: 23.5 }, 'id')).toBe('median rujukan 23,5 hari (standar 14)');
		expect(reasonText({ kind: 'rujukan_rendah', share: 0.456 }, 'en')).toBe('only 45.6% of referrals completed');
		expect(reasonText({ kind: 'miskin_tinggi', share: 0.5 }, 'id')).toBe('50,0\u00a0% rumah tangga miskin');
	});
	test('small counts are suppressed in the public briefing only', () => {
		expect(countText(3, 'publik', 'id')).toBe('<5');
		expect(countText(3, 'internal', 'id')).toBe('3');
		expect(countText(12345, 'publik', 'id')).toBe('12.345');
		expect(countText(0, 'publik', 'id')).toBe('0');
		expect(derivedText('75,0 %', 'publik', 20, 4)).toBe('–');
		expect(derivedText('75,0 %', 'internal', 20, 4)).toBe('75,0 %');
		expect(derivedText('75,0 %', 'publik', 20, 15)).toBe('75,0 %');
		expect([hiddenIn('publik', 20, 4), hiddenIn('internal', 20, 4), hiddenIn('publik', 0, 20)]).toEqual([true, false, false]);
	});
});

describe('familyCounts', () => {
	const fig = (nilai: number | null, pembilang: number | null, penyebut: number | null) => ({ kode: '33.28', nilai, pembilang, penyebut });
	const rows = (table: string) => ({ table, where: [] }) as never;
	const base = { id: 'x', fungsi: 'keluhan_rujukan', label: { id: '', en: '' }, definition: { id: '', en: '' }, unit: 'persen', direction: 'higher', weight: 1, source: { id: '', en: '' } } as const;
	test('a share of households rests on both counts; Puskesos opened rest on none', () => {
		expect(familyCounts({ ...base, kind: 'ratio', numerator: rows('rujukan'), denominator: rows('rujukan'), scale: 1 } as never, fig(0.5, 2, 4))).toEqual([2, 4]);
		expect(familyCounts({ ...base, kind: 'count', rows: rows('puskesos') } as never, fig(2, null, null))).toEqual([]);
		expect(familyCounts({ ...base, kind: 'count', rows: rows('keluhan') } as never, fig(3, null, null))).toEqual([3]);
		expect(familyCounts({ ...base, kind: 'median_days', rows: rows('rujukan'), from: 'a', to: 'b' } as never, fig(12, null, 4))).toEqual([4]);
		expect(familyCounts({ ...base, kind: 'bps', field: 'p0' } as never, fig(9.5, null, null))).toEqual([]);
	});
});
