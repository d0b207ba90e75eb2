/**
 * Tolerant parsing of the cell values a Dinas export or a spreadsheet produces: ISO and
 * Indonesian dates (17/08/2025), decimal commas, yes/no in both languages.
 */

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;
const ID_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Parses a date to ISO `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function parseDate(raw: string): string | null {
	const s = raw.trim();
	if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
		// Fast path for canonical YYYY-MM-DD, the bulk of every export.
		const y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
		if (y < 0 || m < 0 || d < 0) return null;
		return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && y >= MIN_YEAR && y <= MAX_YEAR ? s : null;
	}
	const parts = dateParts(s);
	if (parts === null) return null;
	const [y, m, d] = parts;
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < MIN_YEAR || y > MAX_YEAR) return null;
	return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Years a date may fall in: before the first is a typo or a placeholder (1899-12-30 is Excel's day zero). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Whether a value is a real calendar date in an accepted form whose year lies outside MIN_YEAR–MAX_YEAR. */
export function dateOutsideYears(raw: string): boolean {
	const parts = dateParts(raw.trim());
	if (parts === null) return false;
	const [y, m, d] = parts;
	return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) && (y < MIN_YEAR || y > MAX_YEAR);
}

/** Year, month and day of a value in one of the accepted forms, not yet checked. */
function dateParts(s: string): [number, number, number] | null {
	let match = ISO_DATE.exec(s);
	if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
	if ((match = ID_DATE.exec(s))) return [Number(match[3]), Number(match[2]), Number(match[1])];
	return null;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month === 2 && leap ? 29 : DAYS[month - 1];
}

/** Value of the decimal digits s[from, to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
	let v = 0;
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

export function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL_POINT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
// 1.234.567,89 (Indonesian thousands separators with a decimal comma)
const GROUPED_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;

/** Parses a number written with a decimal point or an Indonesian decimal comma. */
export function parseNumber(raw: string): number | null {
	const s = raw.trim().replace(/\s/g, '');
	let v: number;
	if (DECIMAL_POINT.test(s)) v = Number(s);
	else if (DECIMAL_COMMA.test(s)) v = Number(s.replace(',', '.'));
	else if (GROUPED_COMMA.test(s)) v = Number(s.replace(/\./g, '').replace(',', '.'));
	else return null;
	return Number.isFinite(v) ? v : null;
}

export function parseInteger(raw: string): number | null {
	const s = raw.trim();
	if (s.length > 0 && s.length < 10) {
		const v = digits(s, 0, s.length);
		if (v >= 0) return v;
	}
	if (!INTEGER.test(s)) return null;
	const v = Number(s);
	return Number.isSafeInteger(v) ? v : null;
}

const TRUE = new Set(['1', 'true', 'ya', 'y', 'yes', 't', 'benar']);
const FALSE = new Set(['0', 'false', 'tidak', 'n', 'no', 'f', 'salah', 'tdk']);
/** The words a yes/no cell takes, of three letters or more: a value close to one is a typo worth naming (validate.ts reportedValue). */
export const BOOL_WORDS: readonly string[] = [...TRUE, ...FALSE].filter((w) => w.length >= 3);

export function parseBool(raw: string): boolean | null {
	if (raw === '1') return true;
	if (raw === '0') return false;
	const s = raw.trim().toLowerCase();
	if (TRUE.has(s)) return true;
	if (FALSE.has(s)) return false;
	return null;
}
