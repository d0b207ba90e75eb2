import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { roundCount, setRoundingKey } from '../export/rounding';
import { buildTrendOption, leavesOutSmallCounts, legendRows } from './trend';

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
		const pub = buildTrendOption(months, 'id', 'publik', 800, '33.28.01') as O;
		expect(pub.series[0].data).toEqual([7, 12, 23, 40].map((n) => roundCount(n, '33.28.01', KEY)));
		// The same count of the same area is drawn the same in every series.
		expect(pub.series[1].data).toEqual(pub.series[0].data);
		expect((buildTrendOption(months, 'id', undefined, 800, '33.28.01') as O).series[0].data).toEqual([7, 12, 23, 40]);
	});
	it('tells whether a public copy leaves a month out', () => {
		expect(leavesOutSmallCounts(points)).toBe(false);
		expect(leavesOutSmallCounts([{ bulan: '2026-02', keluhan_diterima: 9, keluhan_selesai: 6, rujukan_selesai: 4 }])).toBe(true);
	});
});

describe('the trend chart laid out by ECharts', () => {
	const year = Array.from({ length: 12 }, (_, i) => ({ bulan: `2025-${String(i + 1).padStart(2, '0')}`, keluhan_diterima: 1200 + i, keluhan_selesai: 30, rujukan_selesai: 12 }));
	type Box = { x: number; y: number; width: number; height: number };
	type El = { type?: string; style?: { text?: string }; getBoundingRect(): Box; transform?: number[] | null; isGroup?: boolean; childrenRef?(): El[] };
	/** Each text ECharts draws and its box on the chart, in chart pixels. */
	function texts(root: El): { text: string; box: Box }[] {
		const out: { text: string; box: Box }[] = [];
		const walk = (el: El, [dx, dy]: [number, number]) => {
			const t = el.transform ? ([dx + el.transform[4], dy + el.transform[5]] as [number, number]) : [dx, dy];
			if (el.isGroup) for (const c of el.childrenRef!()) walk(c, t as [number, number]);
			else if (el.style?.text) {
				const b = el.getBoundingRect();
				out.push({ text: el.style.text, box: { x: b.x + t[0], y: b.y + t[1], width: b.width, height: b.height } });
			}
		};
		walk(root, [0, 0]);
		return out;
	}
	/** The legend's lowest pixel, the plot's top, and the y-axis name's and top tick label's boxes, as ECharts lays the chart out. */
	function layout(width: number, lang: 'id' | 'en') {
		const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height: 240 });
		chart.setOption(buildTrendOption(year, lang, undefined, width) as echarts.EChartsCoreOption);
		type Internal = { getModel(): { getComponent(t: string): { coordinateSystem?: { getRect(): { y: number } } } }; getViewOfComponentModel(m: unknown): { group: El & { y: number; getBoundingRect(): Box } }; getZr(): { storage: { getDisplayList(update: boolean): El[] } } };
		const c = chart as unknown as Internal;
		const legend = c.getViewOfComponentModel(c.getModel().getComponent('legend')).group;
		const box = legend.getBoundingRect();
		const drawn = c.getZr().storage.getDisplayList(true).flatMap((el) => texts(el));
		const svg = chart.renderToSVGString();
		const plotTop = c.getModel().getComponent('grid').coordinateSystem!.getRect().y;
		chart.dispose();
		const name = lang === 'id' ? 'jumlah per bulan' : 'count per month';
		const tops = drawn.filter((d) => /^1[.,]2\d\d$/.test(d.text)).sort((a, b) => a.box.y - b.box.y);
		return { legendBottom: legend.y + box.y + box.height, plotTop, name: drawn.find((d) => d.text === name)?.box, topTick: tops[0]?.box, svg };
	}
	it('names the y-axis: a count a month, in the page language', () => {
		expect(layout(800, 'id').svg).toContain('jumlah per bulan');
		expect(layout(800, 'en').svg).toContain('count per month');
	});
	it('at every width, phone to desktop, the legend (however many rows it wraps to) is above the axis name, and the name above the top tick', () => {
		for (const lang of ['id', 'en'] as const)
			for (const width of [260, 290, 320, 354, 420, 560, 800, 1200]) {
				const l = layout(width, lang);
				const at = `${lang} ${width} px`;
				expect(l.name, at).toBeDefined();
				expect(l.topTick, at).toBeDefined();
				expect(l.legendBottom, at).toBeLessThanOrEqual(l.name!.y);
				expect(l.legendBottom, at).toBeLessThanOrEqual(l.topTick!.y);
				expect(l.name!.y + l.name!.height, at).toBeLessThanOrEqual(l.topTick!.y + 1);
				// The name is inside the chart, not cut at its left or right edge.
				expect(l.name!.x, at).toBeGreaterThanOrEqual(0);
				expect(l.name!.x + l.name!.width, at).toBeLessThanOrEqual(width);
			}
	});
	it('a phone’s chart (354 px, QA) wraps its legend onto a second row; a wide one keeps it on one', () => {
		expect(layout(354, 'id').legendBottom).toBeGreaterThan(40);
		expect(layout(1200, 'id').legendBottom).toBeLessThan(30);
		expect(legendRows(['Keluhan diterima', 'Keluhan diselesaikan', 'Rujukan selesai'], 1200)).toBe(1);
		expect(legendRows(['Keluhan diterima', 'Keluhan diselesaikan', 'Rujukan selesai'], 354)).toBe(2);
	});
});
