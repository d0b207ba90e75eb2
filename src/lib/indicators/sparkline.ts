/** The small trend line beside each indicator: calendar quarters of the data's window, as SVG. */
import { monthFromIndex, monthIndex, type Period } from '../overview/period';

/** Months per sparkline point: a calendar quarter smooths monthly noise and keeps 8 points in 24 months. */
export const SPARK_MONTHS = 3;

/** Whole calendar quarters inside the window, ending at or before the period's last month. */
export function sparkQuarters(window: Period, until: string): Period[] {
	const out: Period[] = [];
	const first = monthIndex(window.start);
	const last = Math.min(monthIndex(until), monthIndex(window.end));
	let q = Math.ceil(first / SPARK_MONTHS) * SPARK_MONTHS; // first quarter starting inside the window
	for (; q + SPARK_MONTHS - 1 <= last; q += SPARK_MONTHS) out.push({ start: monthFromIndex(q), end: monthFromIndex(q + SPARK_MONTHS - 1) });
	return out;
}

/**
 * SVG path of the values scaled into a width × height box (y down), one `M`/`L` run per stretch
 * of consecutive values; missing values break the line. Empty string when nothing is drawable.
 */
export function sparkPath(values: readonly (number | null)[], width: number, height: number, pad = 2): string {
	const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (finite.length === 0) return '';
	const lo = Math.min(...finite);
	const hi = Math.max(...finite);
	const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
	const y = (v: number) => (hi === lo ? height / 2 : pad + ((hi - v) * (height - 2 * pad)) / (hi - lo));
	let d = '';
	let pen = false;
	values.forEach((v, i) => {
		if (v === null || !Number.isFinite(v)) return void (pen = false);
		d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
		pen = true;
	});
	return d;
}
