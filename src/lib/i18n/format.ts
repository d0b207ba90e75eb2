/** Numbers and dates the Indonesian way (1.234.567,8; 17 Agustus 2025), English as the second language. */
export type Lang = 'id' | 'en';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A number format and the strings it has made. Intl takes microseconds a call, and a table redrawn
 * for a filter change formats mostly the numbers it formatted before (Peta: ~4,000 cells a change).
 */
class NumberFormatter {
	private readonly nf: Intl.NumberFormat;
	private readonly made = new Map<number, string>();
	constructor(lang: Lang, minDigits: number, maxDigits: number) {
		this.nf = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
	}
	format(v: number): string {
		let s = this.made.get(v);
		if (s === undefined) {
			if (this.made.size >= FORMATTED_KEPT) this.made.clear();
			s = unsignedZero(this.nf.format(v));
			this.made.set(v, s);
		}
		return s;
	}
}
/**
 * No sign on a figure that rounds to zero: a Moran's I of -0.001 reads "0,00", not "-0". (Intl's
 * `signDisplay: 'negative'` does this too, but throws in browsers older than 2023, Firefox ESR 115
 * among them, which would take every number on the page with it.)
 */
function unsignedZero(s: string): string {
	return /^[-\u2212]/.test(s) && !/[1-9]/.test(s) ? s.slice(1) : s;
}

/** Strings kept per format before it starts afresh. */
const FORMATTED_KEPT = 20_000;
const formatters = new Map<string, NumberFormatter>();

/** Up to `digits` decimals, or exactly `digits` when `fixed`. */
function nf(lang: Lang, digits: number, fixed = false): NumberFormatter {
	const key = `${lang}:${digits}:${fixed}`;
	let f = formatters.get(key);
	if (!f) {
		f = new NumberFormatter(lang, fixed ? digits : 0, digits);
		formatters.set(key, f);
	}
	return f;
}

/** A count or measure; `–` for missing values. */
export function formatNumber(v: number | null | undefined, lang: Lang, digits = 0): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return nf(lang, digits).format(v);
}

/** Bytes in a kilobyte and a megabyte (decimal, as file managers show sizes). */
const KB = 1e3;
const MB = 1e6;
/** Below this many kilobytes a size keeps one decimal ("8,4 KB"), above it none ("84 KB"). */
const KB_WHOLE_FROM = 10;

/**
 * Progress through a file as "read / total unit", in the unit its total reads best in: MB for a
 * file of a megabyte or more ("12,3 / 97,0 MB"), KB for a smaller one ("40 / 84 KB"), which in MB
 * would read "0 / 0".
 */
export function formatBytesOf(read: number, total: number, lang: Lang): string {
	if (total >= MB) return `${formatFixed(read / MB, lang, 1)} / ${formatFixed(total / MB, lang, 1)} MB`;
	const digits = total / KB >= KB_WHOLE_FROM ? 0 : 1;
	return `${formatFixed(read / KB, lang, digits)} / ${formatFixed(total / KB, lang, digits)} KB`;
}

/** Exactly `digits` decimals, so the figures of a column line up ("21,0", not "21"); `–` for missing values. */
export function formatFixed(v: number | null | undefined, lang: Lang, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return nf(lang, digits, true).format(v);
}

/** A share (0–1) as a percentage with exactly `digits` decimals ("79,0 %", not "79 %"), so shares line up. */
/** The percent sign after a figure: a no-break space before it in Indonesian ("45,6 %" never wraps), none in English. */
export const PERCENT_SIGN: Record<Lang, string> = { id: '\u00a0%', en: '%' };

export function formatPercent(v: number | null | undefined, lang: Lang, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return `${nf(lang, digits, true).format(v * 100)}${PERCENT_SIGN[lang]}`;
}

export function formatDate(iso: string, lang: Lang): string {
	const d = new Date(`${iso}T00:00:00Z`);
	return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Inverse of formatNumber for Indonesian text, used to read figures back off the page in tests. */
export function parseIndonesianNumber(text: string): number {
	const s = text.replace(/[^\d,.-]/g, '').replace(/\./g, '').replace(',', '.');
	return Number(s);
}
