/**
 * Periods are whole calendar months, written `YYYY-MM..YYYY-MM` in URLs. The data's own window
 * (the 24 months an extract covers) comes from its manifest.
 */
import { daysInMonth, pad2 } from '../contract/parse';

export interface Period {
	/** first month, YYYY-MM */
	start: string;
	/** last month, YYYY-MM (inclusive) */
	end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
	return MONTH.test(s);
}

export function monthIndex(month: string): number {
	const [y, m] = month.split('-').map(Number);
	return y * 12 + (m - 1);
}

export function monthFromIndex(i: number): string {
	return `${Math.floor(i / 12)}-${pad2((i % 12) + 1)}`;
}

/** Months from start to end inclusive. */
export function monthsOf(p: Period): string[] {
	const out: string[] = [];
	for (let i = monthIndex(p.start); i <= monthIndex(p.end); i++) out.push(monthFromIndex(i));
	return out;
}

export function firstDay(month: string): string {
	return `${month}-01`;
}

export function lastDay(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return `${month}-${pad2(daysInMonth(y, m))}`;
}

/** Whether `window` holds every month of `p`. */
export function covers(window: Period, p: Period): boolean {
	return monthIndex(p.start) >= monthIndex(window.start) && monthIndex(p.end) <= monthIndex(window.end);
}

/** The `months` months ending with the month of `latestDay` (ISO date): an extract's window, as the pipeline makes it. */
export function windowEnding(latestDay: string, months: number): Period {
	const end = latestDay.slice(0, 7);
	return { start: monthFromIndex(monthIndex(end) - Math.max(1, months) + 1), end };
}

export function formatPeriodParam(p: Period): string {
	return `${p.start}..${p.end}`;
}

/** Parses `YYYY-MM..YYYY-MM`, clamped to the data's window; null when malformed. */
export function parsePeriodParam(raw: string | null, window: Period): Period | null {
	if (!raw) return null;
	const parts = raw.split('..');
	if (parts.length !== 2) return null;
	const [start, end] = parts;
	if (!isMonth(start) || !isMonth(end) || start > end) return null;
	const s = start < window.start ? window.start : start;
	const e = end > window.end ? window.end : end;
	return s > e ? null : { start: s, end: e };
}

export interface PeriodOption {
	period: Period;
	id: string;
	en: string;
}

const BULAN = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(month: string, lang: 'id' | 'en'): string {
	const [y, m] = month.split('-').map(Number);
	return `${(lang === 'id' ? BULAN : MONTH_EN)[m - 1]} ${y}`;
}

/** A period as the page writes it: "Nov 2025 – Okt 2026". */
export function periodLabel(p: Period, lang: 'id' | 'en'): string {
	// One month is named once ("Okt 2026", not "Okt 2026 – Okt 2026").
	return p.start === p.end ? monthLabel(p.start, lang) : `${monthLabel(p.start, lang)} – ${monthLabel(p.end, lang)}`;
}

const MONTHS_A_YEAR = 12;

/** Months of one year written with the year once ("Nov – Des 2024"); of two years as periodLabel. */
function spanLabel(p: Period, lang: 'id' | 'en'): string {
	if (p.start === p.end || p.start.slice(0, 4) !== p.end.slice(0, 4)) return periodLabel(p, lang);
	return `${monthLabel(p.start, lang).split(' ')[0]} – ${monthLabel(p.end, lang)}`;
}

/**
 * The period picker's choices for a view of `period`: periodOptions, after the view's own period
 * when it is none of them (a link's), named as the page's heading names it.
 */
export function periodChoices(window: Period, period: Period): PeriodOption[] {
	const options = periodOptions(window);
	const offered = options.some((o) => o.period.start === period.start && o.period.end === period.end);
	return offered ? options : [{ period, id: periodLabel(period, 'id'), en: periodLabel(period, 'en') }, ...options];
}

/** The choices the period picker offers: the whole window, the last 12 months, each quarter and year. */
export function periodOptions(window: Period): PeriodOption[] {
	const end = monthIndex(window.end);
	const start = monthIndex(window.start);
	const range = (a: number, b: number): Period => ({ start: monthFromIndex(Math.max(a, start)), end: monthFromIndex(b) });
	const label = periodLabel;
	const opts: PeriodOption[] = [];
	// A short window makes some choices the same months (the whole window is the last 12 months, a
	// year is one quarter): each period is offered once, under its first, broadest name.
	const add = (p: Period, id: string, en: string) => {
		if (!opts.some((o) => o.period.start === p.start && o.period.end === p.end)) opts.push({ period: p, id, en });
	};
	const whole = range(start, end);
	add(whole, `Seluruh data (${label(whole, 'id')})`, `All data (${label(whole, 'en')})`);
	const last12 = range(end - 11, end);
	add(last12, `12 bulan terakhir (${label(last12, 'id')})`, `Last 12 months (${label(last12, 'en')})`);
	for (let y = Math.floor(end / 12); y >= Math.floor(start / 12); y--) {
		const p = range(y * 12, Math.min(y * 12 + 11, end));
		const [a, b] = [monthIndex(p.start), monthIndex(p.end)];
		const n = b - a + 1;
		// A year the window cuts is no year beside a whole one (2 months set against 12): it says its
		// months, how many, and why so few (the data start in it, or it is under way).
		if (n === MONTHS_A_YEAR) add(p, `Tahun ${y} (${label(p, 'id')})`, `Year ${y} (${label(p, 'en')})`);
		else if (a > y * 12) add(p, `${spanLabel(p, 'id')} (${n} bulan, sebagian)`, `${spanLabel(p, 'en')} (${n} ${n === 1 ? 'month' : 'months'}, partial)`);
		else add(p, `Tahun ${y} (${spanLabel(p, 'id')}, ${n} bulan, berjalan)`, `Year ${y} (${spanLabel(p, 'en')}, ${n} ${n === 1 ? 'month' : 'months'}, to date)`);
	}
	for (let q = Math.floor(end / 3); q * 3 >= start; q--) {
		const a = q * 3;
		if (a < start) break;
		const p = range(a, Math.min(a + 2, end));
		const n = (a % 12) / 3 + 1;
		// The quarter under way (the data end before its last month) says which months it has.
		const months = (lang: 'id' | 'en') => (p.start === p.end ? monthLabel(p.start, lang) : label(p, lang));
		if (a + 2 > end) add(p, `Triwulan ${n} ${Math.floor(a / 12)} (${months('id')}, berjalan)`, `Q${n} ${Math.floor(a / 12)} (${months('en')}, to date)`);
		else add(p, `Triwulan ${n} ${Math.floor(a / 12)}`, `Q${n} ${Math.floor(a / 12)}`);
	}
	return opts;
}
