import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { roundCount, setRoundingKey } from '../export/rounding';
import { buildTrendOption, leavesOutSmallCounts } from './trend';

const KEY = 'kunci-uji';
setRoundingKey(KEY);

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
	it('a public copy leaves a month of 1–4 undrawn and calls it "<5"; 0 and 5 are drawn; an internal copy and the screen draw every count', () => {
		const small = [
			{ bulan: '2026-02', keluhan_diterima: 4, keluhan_selesai: 1, rujukan_selesai: 0 },
			{ bulan: '2026-03', keluhan_diterima: 5, keluhan_selesai: 3, rujukan_selesai: 2 }
		];
		type Param = { seriesIndex: number; dataIndex: number; value: unknown; seriesName: string; marker: string; axisValueLabel: string };
		type O = { series: { data: (number | null)[] }[]; tooltip: { formatter: (p: Param[]) => string } };
		const pub = buildTrendOption(small, 'id', 'publik') as unknown as O;
		// March's 5 complaints received are withheld beside February's 4 (the period's total less 5 would give the 4 back): not drawn either.
		expect(pub.series.map((s) => s.data)).toEqual([
			[null, null],
			[null, null],
			[0, null]
		]);
		const tip = (seriesIndex: number, dataIndex: number, value: unknown) => pub.tooltip.formatter([{ seriesIndex, dataIndex, value, seriesName: 'S', marker: '', axisValueLabel: 'Feb' }]);
		expect(tip(0, 0, null)).toBe('Feb<br/>S <b>&lt;5</b>');
		expect(tip(0, 1, null)).toBe('Feb<br/>S <b>x</b>');
		expect(tip(2, 0, 1200)).toBe('Feb<br/>S <b>1.200</b>');
		for (const o of [buildTrendOption(small, 'id', 'internal'), buildTrendOption(small, 'id')] as unknown as O[]) {
			expect(o.series.map((s) => s.data)).toEqual([
				[4, 5],
				[1, 3],
				[0, 2]
			]);
		}
	});
	it('a public copy draws every other count rounded as a public file writes it, by the area the trend is of', () => {
		type O = { series: { data: (number | null)[] }[] };
		const months = [7, 12, 23, 40].map((n, i) => ({ bulan: `2026-0${i + 1}`, keluhan_diterima: n, keluhan_selesai: n, rujukan_selesai: n }));
		const pub = buildTrendOption(months, 'id', 'publik', 'wide', '33.28.01') as O;
		expect(pub.series[0].data).toEqual([7, 12, 23, 40].map((n) => roundCount(n, '33.28.01', KEY)));
		// The same count of the same area is drawn the same in every series.
		expect(pub.series[1].data).toEqual(pub.series[0].data);
		expect((buildTrendOption(months, 'id', undefined, 'wide', '33.28.01') as O).series[0].data).toEqual([7, 12, 23, 40]);
	});
	it('tells whether a public copy leaves a month out', () => {
		expect(leavesOutSmallCounts(points)).toBe(false);
		expect(leavesOutSmallCounts([{ bulan: '2026-02', keluhan_diterima: 9, keluhan_selesai: 6, rujukan_selesai: 4 }])).toBe(true);
	});
});

describe('the trend chart laid out by ECharts', () => {
	const year = Array.from({ length: 12 }, (_, i) => ({ bulan: `2025-${String(i + 1).padStart(2, '0')}`, keluhan_diterima: 40 + i, keluhan_selesai: 30, rujukan_selesai: 12 }));
	/** The legend's lowest pixel and the plot's top, as ECharts lays the chart out at this size. */
	function layout(width: number, kind: 'wide' | 'narrow') {
		const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: 240 });
		chart.setOption(buildTrendOption(year, 'id', undefined, kind) as echarts.EChartsCoreOption);
		type Internal = { getModel(): { getComponent(t: string): { coordinateSystem?: { getRect(): { y: number } } } }; getViewOfComponentModel(m: unknown): { group: { y: number; getBoundingRect(): { y: number; height: number } } } };
		const c = chart as unknown as Internal;
		const legend = c.getViewOfComponentModel(c.getModel().getComponent('legend')).group;
		const box = legend.getBoundingRect();
		const out = { legendBottom: legend.y + box.y + box.height, plotTop: c.getModel().getComponent('grid').coordinateSystem!.getRect().y };
		chart.dispose();
		return out;
	}
	it('starts the plot below the legend: one row on a wide chart, two in the desa panel', () => {
		const wide = layout(800, 'wide');
		expect(wide.legendBottom).toBeLessThanOrEqual(wide.plotTop);
		const narrow = layout(290, 'narrow');
		expect(narrow.legendBottom).toBeGreaterThan(40); // two rows: a wide chart's plot would start under the second
		expect(narrow.legendBottom).toBeLessThanOrEqual(narrow.plotTop);
	});
});
