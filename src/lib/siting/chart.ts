/** The coverage curve: k new sites → share of demand covered (and, for equity, the worst distance). */
import type { ChartOption } from '../charts/echarts';
import { formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import type { CurvePoint, Objective } from './scenario';

export const CURVE_COLORS = { covered: '#2f6f9f', chosen: '#d9822b', worst: '#8a5a9e' } as const;

/** Percent with one decimal: the curve's unit. */
const pct = (covered: number, total: number) => (total > 0 ? Math.round((1000 * covered) / total) / 10 : 0);

/** The curve's points as percent of all demand, as drawn. */
export const curveValues = (curve: readonly CurvePoint[], total: number) => curve.map((p) => pct(p.covered.weight, total));

/** Below this the axis starts at 0: cutting off so little would hide nothing and read as a trick. */
const TRUNCATE_ABOVE = 10;
/** The axis runs this share of the data's span beyond its lowest and highest points. */
const AXIS_PAD = 0.1;
/** A curve flatter than this many percentage points is shown over this span, so a tenth of a point does not look like a climb. */
const MIN_SPAN = 2;
/** Roughly this many axis steps between the lowest and the highest point. */
const AXIS_STEPS = 4;
/** How much of the plot the broken-off 0 … start part keeps: enough for its 0 and the zigzag. */
const BREAK_GAP = '8%';

/** The cut drawn plainly: a white band with a dark zigzag edge across the plot, that stays cut (no click to expand). */
const BREAK_AREA = { expandOnClick: false, zigzagAmplitude: 4, itemStyle: { color: '#fff', borderColor: '#55616d', borderWidth: 1.5, borderType: 'solid' as const, opacity: 1 } };

/** A step of 1, 2 or 5 times a power of ten, near `raw`. */
function niceStep(raw: number): number {
	const p = 10 ** Math.floor(Math.log10(raw));
	const m = raw / p;
	return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/**
 * The coverage axis fitted to the data, so a curve from 97,4 % to 100 % is not a flat line at the
 * top: from a step below the lowest point to a step above the highest (at most 100 %). `start` is
 * where the shown part begins; when above 0 the axis keeps its 0 and breaks between 0 and `start`.
 */
export function coverageAxis(values: readonly number[]): { start: number; max: number; step: number } {
	if (!values.length) return { start: 0, max: 100, step: 20 };
	const [lo, hi] = [Math.min(...values), Math.max(...values)];
	const span = Math.max(hi - lo, MIN_SPAN);
	const step = niceStep(span / AXIS_STEPS);
	// Whole steps, rounded so float noise (99.80000000000001) never reaches a label.
	const round = (x: number) => Number(x.toFixed(6));
	const start = Math.max(0, round(Math.floor((lo - span * AXIS_PAD) / step) * step));
	const max = Math.min(100, round(Math.ceil((hi + span * AXIS_PAD) / step) * step));
	return { start: start < TRUNCATE_ABOVE ? 0 : start, max, step };
}

/** Said under the curve when its axis does not start at 0. */
export function axisNote(start: number, lang: Lang): string {
	const v = `${formatNumber(start, lang, 1)}${PERCENT_SIGN[lang]}`;
	return lang === 'id'
		? `Sumbu tegak tidak dimulai dari 0: bagian 0–${v} dipotong (tanda zigzag) agar perbedaan kecil terlihat.`
		: `The vertical axis does not start at 0: the part 0–${v} is cut out (zigzag mark) so small differences show.`;
}

/**
 * The curve's chart. `values`: the points drawn, in percent (null: not drawn); by default the exact
 * ones, a public picture's from rounded counts (siting/report.ts publicCurveValues).
 */
export function buildCurveOption(
	curve: readonly CurvePoint[],
	total: number,
	chosen: number,
	objective: Objective,
	lang: Lang,
	values: readonly (number | null)[] = curveValues(curve, total)
): ChartOption {
	const L = lang === 'id'
		? { covered: '% permintaan terjangkau', worst: 'Jarak terjauh (km)', x: 'Puskesos baru' }
		: { covered: '% of demand covered', worst: 'Worst distance (km)', x: 'New Puskesos' };
	const axis = coverageAxis(values.filter((v): v is number => v !== null));
	const covered = curve.map((p, i) => ({ value: values[i], itemStyle: p.n === chosen ? { color: CURVE_COLORS.chosen } : undefined, symbolSize: p.n === chosen ? 10 : 5 }));
	const series: ChartOption['series'] = [{ name: L.covered, type: 'line', data: covered, itemStyle: { color: CURVE_COLORS.covered } }];
	if (objective === 'pcenter') series.push({ name: L.worst, type: 'line', yAxisIndex: 1, data: curve.map((p) => Math.round(p.worst * 100) / 100), itemStyle: { color: CURVE_COLORS.worst } });
	return {
		animation: false,
		grid: { left: 48, right: objective === 'pcenter' ? 48 : 16, top: 36, bottom: 36 },
		legend: { top: 0 },
		tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), lang, 2) },
		xAxis: { type: 'category', name: L.x, nameLocation: 'middle', nameGap: 24, data: curve.map((p) => String(p.n)) },
		yAxis: [
			{
				type: 'value',
				min: 0,
				max: axis.max,
				...(axis.start > 0 ? { breaks: [{ start: 0, end: axis.start, gap: BREAK_GAP }], breakArea: BREAK_AREA } : {}),
				// Ticks at whole steps from the break up (ECharts would otherwise pick its own beside a second axis).
				interval: axis.step,
				axisLabel: { formatter: (v: number) => `${formatNumber(v, lang, 1)}${PERCENT_SIGN[lang]}` }
			},
			...(objective === 'pcenter' ? [{ type: 'value' as const, axisLabel: { formatter: (v: number) => formatNumber(v, lang, 1) } }] : [])
		],
		series
	};
}
