import { describe, expect, it } from 'vitest';
import {
	sameFigures,
	areaPrefix,
	completeTrend,
	emptyKecamatanSummary,
	headlineFromSummaries,
	headlineParams,
	medianOfCounts,
	type DistrictSummary,
	type KecamatanSummary
} from './headline';

describe('medianOfCounts', () => {
	const m = (entries: [number, number][]) => medianOfCounts(new Map(entries));

	it('takes the middle value of an odd count, whatever the insertion order', () => {
		expect(m([[5, 1], [1, 1], [3, 1]])).toBe(3);
		expect(m([[10, 1], [2, 2]])).toBe(2); // 2, 2, 10
		expect(m([[7, 1]])).toBe(7);
	});

	it('averages the two middle values of an even count, as DuckDB median does', () => {
		expect(m([[1, 1], [4, 1]])).toBe(2.5);
		expect(m([[3, 2], [1, 2]])).toBe(2); // 1, 1, 3, 3
		expect(m([[2, 3], [10, 1]])).toBe(2); // 2, 2, 2, 10
		expect(m([[0, 1], [5, 1], [6, 1], [100, 1]])).toBe(5.5);
	});

	it('is null for no values', () => {
		expect(m([])).toBeNull();
		expect(m([[4, 0]])).toBeNull();
	});
});

describe('area and period parameters', () => {
	it('prefixes an area code with a dot so 35.7 never matches 35.76', () => {
		expect(areaPrefix('')).toBe('');
		expect(areaPrefix('35.76')).toBe('35.76.');
		expect('35.76.01.1007'.startsWith(areaPrefix('35.7'))).toBe(false);
	});

	it('turns a period into its first and last day', () => {
		expect(headlineParams('35.76.01', { start: '2024-02', end: '2024-02' })).toEqual(['35.76.01.', '2024-02-01', '2024-02-29']);
	});

	it('fills months without activity with zeros, in order', () => {
		const rows = [{ bulan: '2025-03', keluhan_diterima: 4, keluhan_selesai: 1, rujukan_selesai: 0 }];
		expect(completeTrend(rows, { start: '2025-01', end: '2025-03' })).toEqual([
			{ bulan: '2025-01', keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0 },
			{ bulan: '2025-02', keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0 },
			rows[0]
		]);
	});
});

describe('headlineFromSummaries', () => {
	const kec = (k: Partial<KecamatanSummary>): KecamatanSummary => ({ ...emptyKecamatanSummary(3), ...k });
	const window = { start: '2025-01', end: '2025-03' };
	const mojokerto: DistrictSummary = {
		schema_version: '1.0.0',
		kode_kab: '35.76',
		window,
		kecamatan: {
			'35.76.01': kec({
				rt_awal: 10, rt_bulan: [1, 2, 3], miskin_awal: 4, miskin_bulan: [1, 0, 1], puskesos_awal: 1, puskesos_bulan: [0, 1, 0],
				keluhan_diterima: [5, 6, 7], keluhan_selesai: [1, 2, 3], rujukan_selesai: [0, 1, 2],
				hari_rujukan: [[1, 10, 1], [2, 20, 2]]
			}),
			'35.76.02': kec({
				rt_awal: 100, rt_bulan: [0, 0, 10], miskin_awal: 50, miskin_bulan: [0, 0, 5], puskesos_bulan: [0, 0, 1],
				keluhan_diterima: [1, 1, 1], keluhan_selesai: [0, 0, 1], rujukan_selesai: [1, 0, 0],
				hari_rujukan: [[0, 4, 1]]
			})
		}
	};
	const tegal: DistrictSummary = {
		schema_version: '1.0.0',
		kode_kab: '33.28',
		window,
		kecamatan: { '33.28.01': kec({ rt_awal: 1000, keluhan_diterima: [9, 9, 9], rujukan_selesai: [0, 0, 1], hari_rujukan: [[2, 1, 1]] }) }
	};
	const summaries = [mojokerto, tegal];

	it('adds stocks up to the end of the period and flows within it, for a district', () => {
		const { headline, trend } = headlineFromSummaries(summaries, '35.76', { start: '2025-02', end: '2025-03' });
		expect(headline).toEqual({
			rumah_tangga: 10 + 1 + 2 + 3 + 100 + 10,
			rumah_tangga_miskin: 4 + 1 + 1 + 50 + 5,
			keluhan_diterima: 6 + 7 + 1 + 1,
			keluhan_selesai: 2 + 3 + 1,
			rujukan_selesai: 1 + 2,
			median_hari_rujukan: 20, // 10, 20, 20
			puskesos: 1 + 1 + 1
		});
		expect(trend).toEqual([
			{ bulan: '2025-02', keluhan_diterima: 7, keluhan_selesai: 2, rujukan_selesai: 1 },
			{ bulan: '2025-03', keluhan_diterima: 8, keluhan_selesai: 4, rujukan_selesai: 2 }
		]);
	});

	it('selects one kecamatan', () => {
		const { headline, trend } = headlineFromSummaries(summaries, '35.76.02', { start: '2025-01', end: '2025-01' });
		expect(headline).toEqual({ rumah_tangga: 100, rumah_tangga_miskin: 50, keluhan_diterima: 1, keluhan_selesai: 0, rujukan_selesai: 1, median_hari_rujukan: 4, puskesos: 0 });
		expect(trend).toEqual([{ bulan: '2025-01', keluhan_diterima: 1, keluhan_selesai: 0, rujukan_selesai: 1 }]);
	});

	it('adds every district for the whole area', () => {
		const { headline } = headlineFromSummaries(summaries, '', window);
		expect(headline.rumah_tangga).toBe(16 + 110 + 1000);
		expect(headline.keluhan_diterima).toBe(18 + 3 + 27);
		expect(headline.median_hari_rujukan).toBe(10); // 1, 4, 10, 20, 20
	});

	it('counts nothing outside the area and gives no median without referrals', () => {
		const { headline, trend } = headlineFromSummaries(summaries, '73.03', window);
		expect(headline).toEqual({ rumah_tangga: 0, rumah_tangga_miskin: 0, keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0, median_hari_rujukan: null, puskesos: 0 });
		expect(trend.map((t) => t.bulan)).toEqual(['2025-01', '2025-02', '2025-03']);
	});

	it('gives months outside the summary window zero activity', () => {
		const { headline, trend } = headlineFromSummaries([mojokerto], '35.76.02', { start: '2024-12', end: '2025-01' });
		expect(headline.keluhan_diterima).toBe(1);
		expect(headline.rumah_tangga).toBe(100);
		expect(trend).toEqual([
			{ bulan: '2024-12', keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0 },
			{ bulan: '2025-01', keluhan_diterima: 1, keluhan_selesai: 0, rujukan_selesai: 1 }
		]);
	});
});

describe('sameFigures', () => {
	const headline = { rumah_tangga: 10, rumah_tangga_miskin: 4, keluhan_diterima: 3, keluhan_selesai: 2, rujukan_selesai: 1, median_hari_rujukan: 12.5, puskesos: 2 };
	const trend = [
		{ bulan: '2026-01', keluhan_diterima: 1, keluhan_selesai: 0, rujukan_selesai: 0 },
		{ bulan: '2026-02', keluhan_diterima: 2, keluhan_selesai: 2, rujukan_selesai: 1 }
	];
	it('is true for equal figures held in different objects', () => {
		expect(sameFigures({ headline: { ...headline }, trend: trend.map((p) => ({ ...p })) }, { headline, trend })).toBe(true);
	});
	it('sees a change in any headline field, including a median becoming null', () => {
		for (const f of Object.keys(headline) as (keyof typeof headline)[]) {
			expect(sameFigures({ headline: { ...headline, [f]: 99 }, trend }, { headline, trend }), f).toBe(false);
		}
		expect(sameFigures({ headline: { ...headline, median_hari_rujukan: null }, trend }, { headline, trend })).toBe(false);
	});
	it('sees a change in any month of the trend, or a different set of months', () => {
		expect(sameFigures({ headline, trend: [trend[0], { ...trend[1], rujukan_selesai: 2 }] }, { headline, trend })).toBe(false);
		expect(sameFigures({ headline, trend: [trend[0], { ...trend[1], bulan: '2026-03' }] }, { headline, trend })).toBe(false);
		expect(sameFigures({ headline, trend: [trend[0]] }, { headline, trend })).toBe(false);
	});
	it('is false when nothing is shown yet', () => {
		expect(sameFigures({ headline: null, trend: [] }, { headline, trend: [] })).toBe(false);
	});
});
