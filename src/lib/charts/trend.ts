/** Ringkasan's monthly trend: complaints received and resolved (bars), referrals completed (line). */
import { isSuppressed, publicValue, SUPPRESSED, WITHHELD, type ExportMode } from '../export/privacy';
import { trendWithheld } from '../overview/export';
import { formatNumber, type Lang } from '../i18n/format';
import type { TrendPoint } from '../overview/headline';
import { monthLabel } from '../overview/period';
import type { ChartOption } from './echarts';

export const TREND_COLORS = { diterima: '#9ab8d8', selesai: '#2f6f9f', rujukan: '#d9822b' } as const;

/** Height of one row of the legend, in px: a narrow chart's three entries take two rows or three. */
export const LEGEND_ROW = 24;
/**
 * A legend entry's width, as ECharts draws it at 12 px: the swatch (25 px) and its gap to the text
 * (5 px), and about 5.6 px a character of system-ui, taken at 6.2 so that a guess errs to one row
 * too many (some blank space) rather than one too few (the legend over the top tick, QA).
 */
const LEGEND_SWATCH = 30;
const LEGEND_CHAR = 6.2;
/** ECharts' legend defaults: the gap between two entries and the padding around them, in px. */
const LEGEND_GAP = 10;
const LEGEND_PADDING = 5;
/** Room above the plot for the y-axis name (12 px text and its gap to the top tick). */
const AXIS_NAME_ROW = 22;

/** How many rows a legend of `labels` takes in a chart `width` px wide: entries are laid left to right and wrap. */
export function legendRows(labels: readonly string[], width: number): number {
	const room = width - 2 * LEGEND_PADDING;
	let rows = 1;
	let used = 0;
	for (const label of labels) {
		const w = LEGEND_SWATCH + label.length * LEGEND_CHAR;
		if (used > 0 && used + LEGEND_GAP + w > room) {
			rows++;
			used = w;
		} else used += (used > 0 ? LEGEND_GAP : 0) + w;
	}
	return rows;
}

/** The series in the order drawn (the CSV's names, overview/export.ts). */
const SERIES = ['keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai'] as const;

/**
 * The chart's option. `mode`: a chart that leaves the dashboard (a PNG, the printed briefing) is
 * drawn under the privacy rule: in a public copy a month's count of 1–4 is not drawn (its bar left
 * out, its point a gap) and reads "<5" in the tooltip, as is a month the public CSV withholds beside
 * it ("x", trendWithheld: drawn, it could be subtracted from the total), and every other count is drawn rounded as a
 * public file writes it (export/rounding.ts, keyed by `area`, the code of the area the trend is of,
 * '' for every district); on screen, and in an internal copy, every count is drawn as it is.
 * `width`: the chart's width in px (0: not yet measured, taken as wide): on a phone or in the desa
 * panel the legend wraps onto a second row or a third, and the plot starts below them all and the
 * y-axis name, instead of under the last row (QA: "Rujukan selesai" over the "1.200" tick).
 */
export function buildTrendOption(points: readonly TrendPoint[], lang: Lang, mode?: ExportMode, width = 0, area = ''): ChartOption {
	const L = lang === 'id'
		? { diterima: 'Keluhan diterima', selesai: 'Keluhan diselesaikan', rujukan: 'Rujukan selesai', axis: 'jumlah per bulan' }
		: { diterima: 'Complaints received', selesai: 'Complaints resolved', rujukan: 'Referrals completed', axis: 'count per month' };
	const legend = [L.diterima, L.selesai, L.rujukan];
	const rows = width > 0 ? legendRows(legend, width) : 1;
	const withheld = mode === 'publik' ? trendWithheld(points) : new Set<string>();
	const hidden = (series: number, month: number) => withheld.has(`${SERIES[series]}|${points[month]?.bulan}`);
	const drawn = (series: number) => (p: TrendPoint, month: number): number | null => {
		const n = p[SERIES[series]];
		return mode !== 'publik' ? n : isSuppressed(n) || hidden(series, month) ? null : (publicValue(n, area || 'semua') as number);
	};
	const valueText = (v: unknown, series: number, month: number) =>
		v === null || v === undefined || v === '-' ? (hidden(series, month) ? WITHHELD : SUPPRESSED) : formatNumber(Number(v), lang);
	return {
		animation: false,
		grid: { left: 56, right: 16, top: rows * LEGEND_ROW + AXIS_NAME_ROW + 8, bottom: 32 },
		legend: { top: 0, data: legend },
		tooltip: {
			trigger: 'axis',
			formatter: (params) => {
				const ps = (Array.isArray(params) ? params : [params]) as { seriesIndex?: number; dataIndex: number; seriesName?: string; value: unknown; marker?: unknown; axisValueLabel?: string }[];
				const head = ps[0]?.axisValueLabel ?? '';
				// HTML: "<5" written as text.
				const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
				return [html(head), ...ps.map((p) => `${String(p.marker ?? '')}${html(p.seriesName ?? '')} <b>${html(valueText(p.value, p.seriesIndex ?? 0, p.dataIndex))}</b>`)].join('<br/>');
			}
		},
		xAxis: { type: 'category', data: points.map((p) => monthLabel(p.bulan, lang)) },
		// Counts: whole-number ticks, so a quiet desa's axis does not read 0, 0, 1, 1.
		// Named above its top tick, starting at the axis line (centred there it would run off the chart's left edge).
		yAxis: { type: 'value', name: L.axis, nameLocation: 'end', nameGap: 10, nameTextStyle: { align: 'left' }, minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
		series: [
			{ name: L.diterima, type: 'bar', data: points.map(drawn(0)), itemStyle: { color: TREND_COLORS.diterima } },
			{ name: L.selesai, type: 'bar', data: points.map(drawn(1)), itemStyle: { color: TREND_COLORS.selesai } },
			{ name: L.rujukan, type: 'line', data: points.map(drawn(2)), itemStyle: { color: TREND_COLORS.rujukan }, symbolSize: 5 }
		]
	};
}

/** Whether a public copy of this trend leaves any month's count out (buildTrendOption's `mode`). */
export function leavesOutSmallCounts(points: readonly TrendPoint[]): boolean {
	return points.some((p) => [p.keluhan_diterima, p.keluhan_selesai, p.rujukan_selesai].some(isSuppressed));
}
