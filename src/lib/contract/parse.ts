/**
 * Tolerant parsing of the cell values a Dinas export or a spreadsheet produces: ISO and
 * Indonesian dates (17/08/2025), decimal commas, yes/no in both languages.
 */

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;
const ID_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Parses a date to ISO `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function parseDate(raw: string): string | null {
	const s = raw.trim();
	let y: number, m: number, d: number;
	let match = ISO_DATE.exec(s);
	if (match) {
		[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else if ((match = ID_DATE.exec(s))) {
		[d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	} else {
		return null;
	}
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900 || y > 2100) return null;
	return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
	if (!INTEGER.test(s)) return null;
	const v = Number(s);
	return Number.isSafeInteger(v) ? v : null;
}

const TRUE = new Set(['1', 'true', 'ya', 'y', 'yes', 't', 'benar']);
const FALSE = new Set(['0', 'false', 'tidak', 'n', 'no', 'f', 'salah', 'tdk']);

export function parseBool(raw: string): boolean | null {
	const s = raw.trim().toLowerCase();
	if (TRUE.has(s)) return true;
	if (FALSE.has(s)) return false;
	return null;
}
