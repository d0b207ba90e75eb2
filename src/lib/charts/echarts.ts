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

/**
 * The width a chart is drawn at on paper, in CSS px: an A4 page in portrait less Chromium's default
 * margins (~10 mm a side) and a card's padding. Drawn at the screen's width, a chart printed shrunk to
 * the page, its text with it, and left the lower part of its box empty (the box keeps its height).
 */
const PRINT_WIDTH_PX = 680;

export function chart(node: HTMLElement, option: ChartOption) {
	let current = option;
	let destroyed = false;
	const observer = new ResizeObserver(() => instances.get(node)?.resize());
	// Redrawn at the paper's width before the page is laid out for print, and back after.
	const toPaper = () => {
		const instance = instances.get(node);
		if (!instance || node.clientWidth <= PRINT_WIDTH_PX) return;
		instance.resize({ width: PRINT_WIDTH_PX, height: node.clientHeight, animation: { duration: 0 } });
		// Painted now: ECharts paints on the next animation frame, after the page has gone to paper.
		instance.getZr().refreshImmediately();
	};
	// 'auto': the box's size again (a width once given is kept by later resizes otherwise).
	const toScreen = () => instances.get(node)?.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
	addEventListener('beforeprint', toPaper);
	addEventListener('afterprint', toScreen);
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
			removeEventListener('beforeprint', toPaper);
			removeEventListener('afterprint', toScreen);
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
