/**
 * RAG banding, the composite score and ranks. docs/indicators.md states the formulas:
 * - RAG: green when the value reaches the target, amber up to the red edge, red beyond it
 *   (edges included in the better band);
 * - indicator score s = clamp((v − skor_nol) / (target − skor_nol), 0, 1): 1 at or beyond the
 *   target, 0 at or beyond the zero-score value, linear between, in either direction;
 * - composite = 100 × Σ wᵢ sᵢ / Σ wᵢ over the weighted indicators that have a value and a band;
 * - rank: 1 = highest composite; equal composites (to SCORE_DECIMALS) share a rank
 *   ("1, 2, 2, 4"), and tied areas are listed by code, so the order never depends on input order.
 */
import type { Band } from './targets';
import type { Direction } from './types';

export type Rag = 'hijau' | 'kuning' | 'merah';

/** Composites equal to this many decimals are a tie (floating-point noise is not a difference). */
export const SCORE_DECIMALS = 6;

export function ragOf(value: number | null | undefined, band: Band | null, direction: Direction): Rag | null {
	if (value === null || value === undefined || !Number.isFinite(value) || !band) return null;
	if (direction === 'higher') return value >= band.target ? 'hijau' : value >= band.batas_merah ? 'kuning' : 'merah';
	return value <= band.target ? 'hijau' : value <= band.batas_merah ? 'kuning' : 'merah';
}

export function indicatorScore(value: number | null | undefined, band: Band | null): number | null {
	if (value === null || value === undefined || !Number.isFinite(value) || !band) return null;
	const s = (value - band.skor_nol) / (band.target - band.skor_nol);
	return Math.min(1, Math.max(0, s));
}

export interface ScoreItem {
	score: number | null;
	weight: number;
}

export interface Composite {
	/** 0–100, null when no weighted indicator has a score */
	score: number | null;
	/** share of the total weight that had a score (how complete the composite is) */
	coverage: number;
}

export function compositeScore(items: readonly ScoreItem[]): Composite {
	let total = 0;
	let used = 0;
	let sum = 0;
	for (const it of items) {
		if (!(it.weight > 0)) continue;
		total += it.weight;
		if (it.score === null) continue;
		used += it.weight;
		sum += it.weight * it.score;
	}
	return { score: used > 0 ? (100 * sum) / used : null, coverage: total > 0 ? used / total : 0 };
}

export interface Ranked {
	kode: string;
	score: number | null;
	rank: number | null;
}

/** Competition ranks by descending score; unscored areas last, unranked; ties listed by code. */
export function rankScores(entries: readonly { kode: string; score: number | null }[]): Ranked[] {
	const key = (s: number | null) => (s === null ? null : Number(s.toFixed(SCORE_DECIMALS)));
	const sorted = [...entries].sort((a, b) => {
		const ka = key(a.score);
		const kb = key(b.score);
		if (ka !== kb) return ka === null ? 1 : kb === null ? -1 : kb - ka;
		return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
	});
	const out: Ranked[] = [];
	sorted.forEach((e, i) => {
		const k = key(e.score);
		const prev = out[i - 1];
		const rank = k === null ? null : prev && key(prev.score) === k ? prev.rank : i + 1;
		out.push({ kode: e.kode, score: e.score, rank });
	});
	return out;
}
