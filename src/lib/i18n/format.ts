/** Numbers and dates the Indonesian way (1.234.567,8; 17 Agustus 2025), English as the second language. */
export type Lang = 'id' | 'en';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, digits: number): Intl.NumberFormat {
	const key = `${lang}:${digits}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits });
		cache.set(key, f);
	}
	return f;
}

/** A count or measure; `–` for missing values. */
export function formatNumber(v: number | null | undefined, lang: Lang, digits = 0): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return nf(lang, digits).format(v);
}

export function formatPercent(v: number | null | undefined, lang: Lang, digits = 1): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return `${nf(lang, digits).format(v * 100)}${lang === 'id' ? ' %' : '%'}`;
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
