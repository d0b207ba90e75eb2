/** An indicator's value the way the page shows it, by unit, Indonesian first. */
import { formatFixed, formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import type { Unit } from './types';

/**
 * Decimals shown per unit: shares to 0.1 point, rates per 1,000 to 0.01, days to 0.1. Shares, rates
 * and indices always show theirs ("30,0 %", not "30 %"), so a column's figures line up and read alike;
 * days show a decimal only where there is one (a median of whole days is whole or a half).
 */
export const DECIMALS: Record<Unit, number> = { persen: 1, persen_bps: 2, per_1000: 2, hari: 1, jumlah: 0, indeks: 2, rupiah: 0, jiwa: 0 };

export function formatIndicator(unit: Unit, v: number | null | undefined, lang: Lang): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	switch (unit) {
		case 'persen':
			return `${formatFixed(v * 100, lang, DECIMALS.persen)}${PERCENT_SIGN[lang]}`;
		case 'persen_bps':
			return formatBpsPercent(v, lang);
		case 'hari':
			return `${formatNumber(v, lang, DECIMALS.hari)} ${lang === 'id' ? 'hari' : 'days'}`;
		case 'rupiah':
			return `Rp ${formatNumber(v, lang, 0)}`;
		case 'per_1000':
		case 'indeks':
			return formatFixed(v, lang, DECIMALS[unit]);
		default:
			return formatNumber(v, lang, DECIMALS[unit]);
	}
}

/** A BPS percentage figure (P0 is published as a percent, not a fraction). */
export function formatBpsPercent(v: number | null | undefined, lang: Lang): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	return `${formatFixed(v, lang, DECIMALS.persen_bps)}${PERCENT_SIGN[lang]}`;
}

/** The letter that carries a RAG band without colour: H/K/M in Indonesian, G/A/R in English. */
export function ragLetter(rag: 'hijau' | 'kuning' | 'merah' | null, lang: Lang): string {
	if (!rag) return '';
	const letters = lang === 'id' ? { hijau: 'H', kuning: 'K', merah: 'M' } : { hijau: 'G', kuning: 'A', merah: 'R' };
	return letters[rag];
}

/** A change in points, signed and to one decimal (+2,3 / −1,0 / 0,0); a dash for none. */
export function formatChange(v: number | null | undefined, lang: Lang): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '–';
	const r = Math.round(v * 10) / 10;
	return `${r > 0 ? '+' : r < 0 ? '−' : ''}${formatFixed(Math.abs(r), lang, 1)}`;
}

/** A composite score (0–100), to one decimal always, so a column of scores lines up. */
export function formatScore(v: number | null | undefined, lang: Lang): string {
	return formatFixed(v, lang, 1);
}

export function trendArrow(trend: 'naik' | 'turun' | 'tetap' | null): string {
	return trend === 'naik' ? '▲' : trend === 'turun' ? '▼' : trend === 'tetap' ? '=' : '';
}
