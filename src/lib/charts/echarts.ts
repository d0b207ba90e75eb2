/**
 * ECharts, wrapped once: only the chart types and components the dashboard uses are bundled,
 * and a Svelte action owns each chart's lifecycle (init, setOption, resize, dispose).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { getInstanceByDom, init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export function chart(node: HTMLElement, option: ChartOption) {
	const instance = init(node, undefined, { renderer: 'canvas' });
	instance.setOption(option);
	const observer = new ResizeObserver(() => instance.resize());
	observer.observe(node);
	return {
		update(next: ChartOption) {
			instance.setOption(next, { notMerge: true });
		},
		destroy() {
			observer.disconnect();
			instance.dispose();
		}
	};
}

/** A drawn chart as a PNG data URL (white background, double resolution for print), or null before it is drawn. */
export function chartPng(node: HTMLElement): string | null {
	return getInstanceByDom(node)?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null;
}
