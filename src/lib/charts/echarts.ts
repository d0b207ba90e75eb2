/**
 * ECharts, wrapped once: only the chart types and components the dashboard uses are bundled, and
 * they load with the first chart rather than with the page (~170 KB gzip that the first figures
 * need not wait for). A Svelte action owns each chart's lifecycle (init, setOption, resize, dispose).
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';
import { withCaption } from '../export/picture';
import { markOnce } from '../perf/marks';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

let library: Promise<typeof import('./echarts-lib')> | null = null;

function loadECharts(): Promise<typeof import('./echarts-lib')> {
	library ??= import('./echarts-lib');
	return library;
}

const instances = new WeakMap<HTMLElement, ECharts>();

export function chart(node: HTMLElement, option: ChartOption) {
	let current = option;
	let destroyed = false;
	const observer = new ResizeObserver(() => instances.get(node)?.resize());
	void loadECharts().then((core) => {
		if (destroyed) return;
		const instance = core.init(node, undefined, { renderer: 'canvas' });
		instances.set(node, instance);
		// The benchmark's "every panel drawn" waits for the page's first chart (bench/run.ts).
		instance.on('finished', () => markOnce('slrt:chart-drawn'));
		instance.setOption(current);
		observer.observe(node);
	});
	return {
		update(next: ChartOption) {
			current = next;
			instances.get(node)?.setOption(next, { replaceMerge: ['series', 'xAxis', 'yAxis'] });
		},
		destroy() {
			destroyed = true;
			observer.disconnect();
			instances.get(node)?.dispose();
			instances.delete(node);
		}
	};
}

/** A drawn chart as a PNG data URL (white background, double resolution for print), or null before it is drawn. */
export function chartPng(node: HTMLElement): string | null {
	return instances.get(node)?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null;
}

/**
 * `option` drawn off screen at the size of `like` (the chart on the page), as a PNG data URL (white
 * background, double resolution) with `footnote` written under it: what the picture leaves out (the
 * privacy rule) or that it is confidential goes with it wherever it is saved.
 */
export async function chartPngOf(option: ChartOption, like: HTMLElement, footnote: readonly string[]): Promise<string> {
	const core = await loadECharts();
	const { width, height } = like.getBoundingClientRect();
	const box = document.createElement('div');
	Object.assign(box.style, { position: 'fixed', left: '-10000px', top: '0', width: `${width}px`, height: `${height}px` });
	document.body.append(box);
	try {
		const instance = core.init(box, undefined, { renderer: 'canvas', width, height });
		instance.setOption({ ...option, animation: false });
		const url = instance.getDataURL({ type: 'png', pixelRatio: PNG_SCALE, backgroundColor: '#fff' });
		instance.dispose();
		return await withCaption(url, { notes: footnote }, PNG_SCALE);
	} finally {
		box.remove();
	}
}

const PNG_SCALE = 2;
