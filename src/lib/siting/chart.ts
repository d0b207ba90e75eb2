/** The coverage curve: k new sites → share of demand covered (and, for equity, the worst distance). */
import type { ChartOption } from '../charts/echarts';
import { formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import type { CurvePoint, Objective } from './scenario';

export const CURVE_COLORS = { covered: '#2f6f9f', chosen: '#d9822b', worst: '#8a5a9e' } as const;

/** Percent with one decimal: the curve's unit. */
const pct = (covered: number, total: number) => (total > 0 ? Math.round((1000 * covered) / total) / 10 : 0);

export function buildCurveOption(curve: readonly CurvePoint[], total: number, chosen: number, objective: Objective, lang: Lang): ChartOption {
	const L = lang === 'id'
		? { covered: '% permintaan terjangkau', worst: 'Jarak terjauh (km)', x: 'Puskesos baru' }
		: { covered: '% of demand covered', worst: 'Worst distance (km)', x: 'New Puskesos' };
	const covered = curve.map((p) => ({ value: pct(p.covered.weight, total), itemStyle: p.n === chosen ? { color: CURVE_COLORS.chosen } : undefined, symbolSize: p.n === chosen ? 10 : 5 }));
	const series: ChartOption['series'] = [{ name: L.covered, type: 'line', data: covered, itemStyle: { color: CURVE_COLORS.covered } }];
	if (objective === 'pcenter') series.push({ name: L.worst, type: 'line', yAxisIndex: 1, data: curve.map((p) => Math.round(p.worst * 100) / 100), itemStyle: { color: CURVE_COLORS.worst } });
	return {
		animation: false,
		grid: { left: 48, right: objective === 'pcenter' ? 48 : 16, top: 36, bottom: 36 },
		legend: { top: 0 },
		tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), lang, 2) },
		xAxis: { type: 'category', name: L.x, nameLocation: 'middle', nameGap: 24, data: curve.map((p) => String(p.n)) },
		yAxis: [
			{ type: 'value', max: 100, axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}${PERCENT_SIGN[lang]}` } },
			...(objective === 'pcenter' ? [{ type: 'value' as const, axisLabel: { formatter: (v: number) => formatNumber(v, lang, 1) } }] : [])
		],
		series
	};
}
