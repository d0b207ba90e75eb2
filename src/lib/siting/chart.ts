/**
 * The curve beside the ranked list, in the unit the objective optimises: for maximal coverage the
 * share of demand covered, for equity the worst distance. Two series, since they differ: the best
 * plan of k sites, solved for each k on its own, and the first k sites of the list shown (what a
 * planner funding only part of the list gets). At k = N they are the same plan.
 */
import type { ChartOption } from '../charts/echarts';
import { formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import { curveText } from './messages';
import type { Objective, ScenarioResult } from './scenario';

export const CURVE_COLORS = { covered: '#2f6f9f', chosen: '#d9822b', plan: '#c2410c', worst: '#8a5a9e' } as const;

/** Percent with one decimal: the curve's unit. */
const pct = (covered: number, total: number) => (total > 0 ? Math.round((1000 * covered) / total) / 10 : 0);

/** Worst distances as drawn: two decimals. */
const km = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null);

/**
 * The two series as drawn, per k from 0: `best`, the best plan of k sites (the curve, solved for each
 * k); `plan`, the first k sites of the ranked list (k = 0 … its length). Percent of all demand for
 * maximal coverage, km of the worst distance for equity.
 */
export interface CurveSeries {
	best: (number | null)[];
	plan: (number | null)[];
}

export function curveSeries(r: ScenarioResult): CurveSeries {
	const total = r.total.weight;
	if (r.options.objective === 'pcenter') return { best: r.curve.map((p) => km(p.worst)), plan: [km(r.baselineWorst), ...r.sites.map((s) => km(s.worstAfter))] };
	return { best: r.curve.map((p) => pct(p.covered.weight, total)), plan: [pct(r.baseline.weight, total), ...r.sites.map((s) => pct(s.cumulative.weight, total))] };
}

/** Where the first k sites of the list fall short of the best plan of k sites (as drawn): the largest gap, or null. */
export function planGap(r: ScenarioResult, v: CurveSeries = curveSeries(r)): { k: number; plan: number; best: number } | null {
	const short = (plan: number, best: number) => (r.options.objective === 'pcenter' ? plan - best : best - plan);
	let gap: { k: number; plan: number; best: number } | null = null;
	for (let k = 0; k < v.plan.length; k++) {
		const [plan, best] = [v.plan[k], v.best[k]];
		if (plan === null || best === null || best === undefined || !(short(plan, best) > 0)) continue;
		if (!gap || short(plan, best) > short(gap.plan, gap.best)) gap = { k, plan, best };
	}
	return gap;
}

/** Where the drawn coverage axis starts (0 for equity's distances, whose axis is never cut). */
export function curveAxisStart(r: ScenarioResult, v: CurveSeries = curveSeries(r)): number {
	return r.options.objective === 'pcenter' ? 0 : coverageAxis([...v.best, ...v.plan].filter((x): x is number => x !== null)).start;
}

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
 * The curve's chart for a result. `values`: the series drawn (null: not drawn); by default the exact
 * ones, a public picture's coverage from rounded counts (siting/report.ts publicCurveValues).
 */
export function buildCurveOption(r: ScenarioResult, lang: Lang, values: CurveSeries = curveSeries(r)): ChartOption {
	const objective: Objective = r.options.objective;
	const T = curveText(objective, r.options.weighting.keluhan, lang);
	const chosen = r.sites.length;
	const n = Math.max(values.best.length, values.plan.length);
	const ks = Array.from({ length: n }, (_, k) => k);
	const best = ks.map((k) => ({ value: values.best[k] ?? null, itemStyle: k === chosen ? { color: CURVE_COLORS.chosen } : undefined, symbolSize: k === chosen ? 10 : 5 }));
	const plan = ks.map((k) => values.plan[k] ?? null);
	const series: ChartOption['series'] = [
		{ name: T.best, type: 'line', data: best, itemStyle: { color: objective === 'pcenter' ? CURVE_COLORS.worst : CURVE_COLORS.covered } },
		{ name: T.plan, type: 'line', data: plan, symbol: 'diamond', symbolSize: 6, itemStyle: { color: CURVE_COLORS.plan }, lineStyle: { type: 'dashed' } }
	];
	const shown = [...values.best, ...values.plan].filter((v): v is number => v !== null);
	const yAxis =
		objective === 'pcenter'
			? { type: 'value' as const, min: 0, axisLabel: { formatter: (v: number) => formatNumber(v, lang, 1) } }
			: (() => {
					const axis = coverageAxis(shown);
					return {
						type: 'value' as const,
						min: 0,
						max: axis.max,
						...(axis.start > 0 ? { breaks: [{ start: 0, end: axis.start, gap: BREAK_GAP }], breakArea: BREAK_AREA } : {}),
						// Ticks at whole steps from the break up.
						interval: axis.step,
						axisLabel: { formatter: (v: number) => `${formatNumber(v, lang, 1)}${PERCENT_SIGN[lang]}` }
					};
				})();
	return {
		animation: false,
		grid: { left: 48, right: 16, top: 48, bottom: 36 },
		legend: { top: 0 },
		tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : formatNumber(Number(v), lang, objective === 'pcenter' ? 2 : 1)) },
		xAxis: { type: 'category', name: T.x, nameLocation: 'middle', nameGap: 24, data: ks.map(String) },
		yAxis: [yAxis],
		series
	};
}
