import { describe, expect, test } from 'vitest';
import { roundCount, setRoundingKey } from '../export/rounding';
import type { DesaFigures } from '../peta/shape';
import { publicDesaFigures } from '../peta/csv';
import { countText, derivedText, familyCounts, hiddenIn, publicShareText, reasonText } from './text';
import { LOW_COMPLETION, reasonsFor } from './attention';

const KEY = 'kunci-uji';
setRoundingKey(KEY);

describe('briefing text', () => {
	test('reasons read as a sentence fragment in each language', () => {
		expect(reasonText({ kind: 'hotspot', level: 95 }, 'id')).toBe('titik panas keluhan (95\u00a0%)');
		expect(reasonText({ kind: 'rujukan_lambat', medianDays: 23.5 }, 'id')).toBe('median rujukan 23,5 hari (standar 14)');
		expect(reasonText({ kind: 'rujukan_rendah', share: 0.456 }, 'en')).toBe('only 45.6% of referrals completed');
		expect(reasonText({ kind: 'miskin_tinggi', share: 0.5 }, 'id')).toBe('50,0\u00a0% rumah tangga miskin');
	});
	test('small counts are suppressed in the public briefing only, others rounded as in every public file', () => {
		expect(countText(3, 'publik', 'id', '33.28')).toBe('<5');
		expect(countText(3, 'internal', 'id', '33.28')).toBe('3');
		expect(countText(12345, 'publik', 'id', '33.28')).toBe('12.345');
		expect(countText(12346, 'publik', 'id', '33.28')).toBe(roundCount(12346, '33.28', KEY) === 12345 ? '12.345' : '12.350');
		expect(countText(12346, 'internal', 'id', '33.28')).toBe('12.346');
		expect(countText(0, 'publik', 'id', '33.28')).toBe('0');
		expect(derivedText('75,0 %', 'publik', 20, 4)).toBe('–');
		expect(derivedText('75,0 %', 'internal', 20, 4)).toBe('75,0 %');
		expect(derivedText('75,0 %', 'publik', 20, 15)).toBe('75,0 %');
		expect([hiddenIn('publik', 20, 4), hiddenIn('internal', 20, 4), hiddenIn('publik', 0, 20)]).toEqual([true, false, false]);
	});
});

/** A desa as shapeDesa gives it; the briefing's public list is of the public CSV's figures (peta/csv.ts). */
const desaOf = (over: Partial<DesaFigures>): DesaFigures => ({
	kode: '33.28.01.2001', nama: 'A', kode_kec: '33.28.01', nama_kec: 'K', rumah_tangga: 800, miskin: 96, kemiskinan: 0.12, keluhan: 12, keluhan_mentah: 15, keluhan_eb: 15,
	gi_z: null, hotspot: null, moran_i: null, moran: null, rujukan: 23, rujukan_selesai: 13, rujukan_share: 13 / 23, median_hari: 10, rujukan_lewat: 22, rujukan_lewat_share: 22 / 23, puskesos_km: null, ...over
});

describe('a desa of the attention list in a public briefing', () => {
	const desa = desaOf({ rumah_tangga: 41, miskin: 4, kemiskinan: 4 / 41, rujukan: 23, rujukan_selesai: 7, rujukan_share: 7 / 23 });
	test('shares from the rounded counts; hidden where a count is 1–4, and then no reason is given with a share', () => {
		const [pub] = publicDesaFigures([desa]);
		expect(pub.kemiskinan).toBeNull();
		const [s, r] = [roundCount(7, desa.kode, KEY), roundCount(23, desa.kode, KEY)];
		// The CSV writes a percent with one decimal.
		expect(pub.rujukan_share).toBeCloseTo(Math.round((1000 * s) / r) / 1000, 6);
		expect(reasonsFor(pub, 0).some((x) => x.kind === 'miskin_tinggi')).toBe(false);
		expect(reasonsFor(desa, 0)).toContainEqual({ kind: 'miskin_tinggi', share: 4 / 41 });
		expect(reasonText({ kind: 'miskin_tinggi', share: 4 / 41 }, 'id')).toBe('9,8\u00a0% rumah tangga miskin');
		expect(reasonText({ kind: 'rujukan_rendah', share: pub.rujukan_share! }, 'en')).toBe(`only ${(100 * pub.rujukan_share!).toFixed(1)}% of referrals completed`);
	});
});

describe('the attention list of a public briefing is chosen from the figures it prints', () => {
	test('a reason of low completion only where the printed share is low, with that share (at most 100 %)', () => {
		// 13 of 23 completed (56,5 %): rounded, some desa print 60 % or more, some less. Each alone in its kecamatan.
		const kinds = new Set<boolean>();
		const desa = Array.from({ length: 60 }, (_, i) => desaOf({ kode: `33.28.${String(10 + i)}.2001`, kode_kec: `33.28.${String(10 + i)}` }));
		for (const p of publicDesaFigures(desa)) {
			expect(p.rujukan % 5).toBe(0);
			expect(p.rujukan_share).toBeCloseTo(Math.min(1, Math.round((1000 * p.rujukan_selesai) / p.rujukan) / 1000), 6);
			const low = reasonsFor(p, Infinity).find((r) => r.kind === 'rujukan_rendah');
			kinds.add(low !== undefined);
			if (p.rujukan_share! < LOW_COMPLETION) expect(low).toEqual({ kind: 'rujukan_rendah', share: p.rujukan_share });
			else expect(low).toBeUndefined();
		}
		expect(kinds).toEqual(new Set([true, false]));
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

describe('publicShareText', () => {
	test('a share its rounded counts pin is a percentage; one they cannot is written as the counts', () => {
		// 15 of 15 printed: from 11 of 19 to all; a percentage of 100 would say more than the counts do
		expect(publicShareText(15, 15, 1, 'id')).toBe('15 dari 15');
		expect(publicShareText(10, 20, 0.5, 'en')).toBe('10 of 20');
		// 400 of 500: between 396/504 and 404/496, under a point either way
		expect(publicShareText(400, 500, 0.8, 'id')).toBe('80,0\u00a0%');
		expect(publicShareText(0, 0, null, 'id')).toBe('–');
	});
});
