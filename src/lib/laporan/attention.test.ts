import { describe, expect, test } from 'vitest';
import type { DesaFigures } from '../peta/shape';
import { needingAttention, printedPoor, PUBLIC_SLACK, reasonsFor, shareRange } from './attention';

const d = (kode: string, over: Partial<DesaFigures> = {}): DesaFigures => ({
	kode, nama: kode, kode_kec: '33.28.01', nama_kec: 'K', rumah_tangga: 1000, miskin: 200, kemiskinan: 0.2,
	keluhan: 20, keluhan_mentah: 20, keluhan_eb: 20, gi_z: 0, hotspot: 'ns', rujukan: 20, rujukan_selesai: 15, rujukan_share: 0.75, median_hari: 10,
	moran_i: 0, moran: 'ns', rujukan_lewat: 0, rujukan_lewat_share: 0, puskesos_km: null, ...over
});

describe('reasonsFor', () => {
	test('each rule at its edge', () => {
		expect(reasonsFor(d('a', { hotspot: 'hot-95' }), 1)).toEqual([{ kind: 'hotspot', level: 95 }]);
		expect(reasonsFor(d('a', { hotspot: 'cold-99' }), 1)).toEqual([]);
		expect(reasonsFor(d('a', { median_hari: 14 }), 1)).toEqual([]);
		expect(reasonsFor(d('a', { median_hari: 14.5 }), 1)).toEqual([{ kind: 'rujukan_lambat', medianDays: 14.5 }]);
		expect(reasonsFor(d('a', { rujukan_share: 0.6 }), 1)).toEqual([]);
		expect(reasonsFor(d('a', { rujukan_share: 0.59 }), 1)).toEqual([{ kind: 'rujukan_rendah', share: 0.59 }]);
		expect(reasonsFor(d('a', { kemiskinan: 0.3 }), 0.3)).toEqual([]);
		expect(reasonsFor(d('a', { kemiskinan: 0.31 }), 0.3)).toEqual([{ kind: 'miskin_tinggi', share: 0.31 }]);
	});
	test('a public copy gives a share\'s reason only where every count its rounded ones allow gives it (QA: 5 of 10 printed as 50 % was 80 % completed)', () => {
		expect(PUBLIC_SLACK).toBe(4);
		expect(shareRange(5, 10, 0)).toEqual([0.5, 0.5]);
		// 5 of 10, each within 4: from 1 of 14 to 9 of 6 (a part never above its whole: 1).
		expect(shareRange(5, 10, 4)).toEqual([1 / 14, 1]);
		const printed = d('a', { rujukan: 10, rujukan_selesai: 5, rujukan_share: 0.5 });
		expect(reasonsFor(printed, 1)).toEqual([{ kind: 'rujukan_rendah', share: 0.5 }]);
		expect(reasonsFor(printed, 1, PUBLIC_SLACK)).toEqual([]);
		// 10 of 40 printed: at most 14 of 36, below 60 % whatever the truth; the share said is the printed one.
		expect(reasonsFor(d('a', { rujukan: 40, rujukan_selesai: 10, rujukan_share: 0.25 }), 1, PUBLIC_SLACK)).toEqual([{ kind: 'rujukan_rendah', share: 0.25 }]);
		// Poverty: above the cut only if the least the counts allow is.
		expect(reasonsFor(d('a', { rumah_tangga: 20, miskin: 10, kemiskinan: 0.5 }), 0.4, PUBLIC_SLACK)).toEqual([]);
		expect(reasonsFor(d('a', { rumah_tangga: 1000, miskin: 500, kemiskinan: 0.5 }), 0.4, PUBLIC_SLACK)).toEqual([{ kind: 'miskin_tinggi', share: 0.5 }]);
		// And so in the list a public briefing makes.
		expect(needingAttention([printed], 10, null, (x) => x.miskin, PUBLIC_SLACK)).toEqual([]);
	});
	test('a handful of referrals says nothing about completion or delay', () => {
		expect(reasonsFor(d('a', { rujukan: 4, rujukan_selesai: 1, rujukan_share: 0.25, median_hari: 40 }), 1)).toEqual([]);
	});
});

describe('needingAttention', () => {
	test('more reasons first, then more poor households, then the code; desa without a reason are left out', () => {
		const desa = [
			d('A', { hotspot: 'hot-99' }),
			d('B', { hotspot: 'hot-90', median_hari: 30, miskin: 100 }),
			d('C', { hotspot: 'hot-90', median_hari: 30, miskin: 300 }),
			d('D'),
			d('E', { median_hari: 20, miskin: 300 }),
			d('F', { median_hari: 20, miskin: 300 })
		];
		const got = needingAttention(desa);
		expect(got.map((a) => a.desa.kode)).toEqual(['C', 'B', 'E', 'F', 'A']);
		expect(got.find((a) => a.desa.kode === 'B')!.reasons.map((r) => r.kind)).toEqual(['hotspot', 'rujukan_lambat']);
	});
	test('high poverty is the district top fifth', () => {
		const desa = Array.from({ length: 10 }, (_, i) => d(`D${i}`, { kemiskinan: i / 10, miskin: 100 + i }));
		const high = needingAttention(desa).map((a) => a.desa.kode);
		// The 80th percentile of 0.0 … 0.9 is 0.72: desa 8 and 9.
		expect(high).toEqual(['D9', 'D8']);
	});
	test('at most n', () => {
		const desa = Array.from({ length: 30 }, (_, i) => d(`X${String(i).padStart(2, '0')}`, { hotspot: 'hot-95' }));
		expect(needingAttention(desa)).toHaveLength(10);
	});
	test('within a kecamatan: its desa only, with the poverty line of the whole district', () => {
		// Kecamatan 02's desa are all poorer than 01's; its own top fifth would single one out, the district's takes both.
		const desa = [
			...Array.from({ length: 8 }, (_, i) => d(`A${i}`, { kemiskinan: i / 100, miskin: 100 + i })),
			d('B0', { kode_kec: '33.28.02', kemiskinan: 0.5, miskin: 50 }),
			d('B1', { kode_kec: '33.28.02', kemiskinan: 0.6, miskin: 60 })
		];
		expect(needingAttention(desa).map((a) => a.desa.kode)).toEqual(['B1', 'B0']);
		expect(needingAttention(desa, 10, '33.28.02').map((a) => a.desa.kode)).toEqual(['B1', 'B0']);
		expect(needingAttention(desa.filter((x) => x.kode_kec === '33.28.02')).map((a) => a.desa.kode)).toEqual(['B1']);
		expect(needingAttention(desa, 10, '33.28.01')).toEqual([]);
	});
	test('among equals, by the count given: a public briefing ranks a count it does not print as none', () => {
		const desa = [d('A', { hotspot: 'hot-99', miskin: 3 }), d('B', { hotspot: 'hot-99', miskin: 2 }), d('C', { hotspot: 'hot-99', miskin: 1 })];
		expect(needingAttention(desa).map((a) => a.desa.kode)).toEqual(['A', 'B', 'C']);
		expect(needingAttention(desa, 10, null, () => 0).map((a) => a.desa.kode)).toEqual(['A', 'B', 'C'].sort());
		expect(needingAttention(desa, 10, null, (x) => (x.kode === 'C' ? 9 : 0)).map((a) => a.desa.kode)).toEqual(['C', 'A', 'B']);
	});
	test('a public briefing ranks by the poor households it prints: "<5" and "x" as none', () => {
		const poor = printedPoor(new Set(['W']));
		expect([d('A', { miskin: 3 }), d('W', { miskin: 40 }), d('B', { miskin: 40 })].map(poor)).toEqual([0, 0, 40]);
	});
});
