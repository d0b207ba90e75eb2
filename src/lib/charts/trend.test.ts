import { describe, expect, it } from 'vitest';
import { buildTrendOption } from './trend';

const points = [
	{ bulan: '2025-12', keluhan_diterima: 1200, keluhan_selesai: 800, rujukan_selesai: 300 },
	{ bulan: '2026-01', keluhan_diterima: 0, keluhan_selesai: 5, rujukan_selesai: 7 }
];

describe('buildTrendOption', () => {
	it('puts one category per month, labelled in Indonesian, and the three series in order', () => {
		const o = buildTrendOption(points, 'id') as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
		expect(o.xAxis.data).toEqual(['Des 2025', 'Jan 2026']);
		expect(o.series.map((s) => s.name)).toEqual(['Keluhan diterima', 'Keluhan diselesaikan', 'Rujukan selesai']);
		expect(o.series[0].data).toEqual([1200, 0]);
		expect(o.series[2].data).toEqual([300, 7]);
	});
	it('switches labels to English', () => {
		const o = buildTrendOption(points, 'en') as { xAxis: { data: string[] }; series: { name: string }[] };
		expect(o.xAxis.data).toEqual(['Dec 2025', 'Jan 2026']);
		expect(o.series[1].name).toBe('Complaints resolved');
	});
	it('handles an empty period', () => {
		const o = buildTrendOption([], 'id') as { xAxis: { data: string[] } };
		expect(o.xAxis.data).toEqual([]);
	});
});
