import { describe, expect, test } from 'vitest';
import { compositeScore, indicatorScore, rankScores, ragOf } from './score';
import type { Band } from './targets';

const HIGH: Band = { target: 0.85, batas_merah: 0.7, skor_nol: 0.4 };
const LOW: Band = { target: 14, batas_merah: 21, skor_nol: 45 };

describe('RAG bands at their edges', () => {
	test('higher is better: the target itself is green, the red edge itself amber', () => {
		expect(ragOf(0.85, HIGH, 'higher')).toBe('hijau');
		expect(ragOf(0.8499999, HIGH, 'higher')).toBe('kuning');
		expect(ragOf(0.7, HIGH, 'higher')).toBe('kuning');
		expect(ragOf(0.6999999, HIGH, 'higher')).toBe('merah');
		expect(ragOf(1, HIGH, 'higher')).toBe('hijau');
	});
	test('lower is better: mirrored', () => {
		expect(ragOf(14, LOW, 'lower')).toBe('hijau');
		expect(ragOf(14.01, LOW, 'lower')).toBe('kuning');
		expect(ragOf(21, LOW, 'lower')).toBe('kuning');
		expect(ragOf(21.01, LOW, 'lower')).toBe('merah');
		expect(ragOf(0, LOW, 'lower')).toBe('hijau');
	});
	test('no value or no band: no colour', () => {
		expect(ragOf(null, HIGH, 'higher')).toBeNull();
		expect(ragOf(Number.NaN, HIGH, 'higher')).toBeNull();
		expect(ragOf(0.9, null, 'higher')).toBeNull();
	});
});

describe('indicator score', () => {
	test('linear between the zero-score value and the target, clamped', () => {
		expect(indicatorScore(0.85, HIGH)).toBe(1);
		expect(indicatorScore(0.95, HIGH)).toBe(1);
		expect(indicatorScore(0.4, HIGH)).toBe(0);
		expect(indicatorScore(0.1, HIGH)).toBe(0);
		expect(indicatorScore(0.625, HIGH)).toBeCloseTo(0.5, 12); // (0.625 − 0.4) / (0.85 − 0.4)
		expect(indicatorScore(29.5, LOW)).toBeCloseTo(0.5, 12); // (29.5 − 45) / (14 − 45)
		expect(indicatorScore(10, LOW)).toBe(1);
		expect(indicatorScore(null, LOW)).toBeNull();
	});
});

describe('composite score and ranks on a small fixture', () => {
	// Three districts, two weighted indicators (resolution, weight 2; median days, weight 1) and an
	// unweighted one. Worked by hand:
	//   A: resolution 0.85 → 1; days 29.5 → 0.5 ⇒ 100 × (2·1 + 1·0.5) / 3 = 83.333…
	//   B: resolution 0.625 → 0.5; days 14 → 1 ⇒ 100 × (2·0.5 + 1·1) / 3 = 66.666…
	//   C: resolution missing; days 14 → 1 ⇒ 100 × 1 / 1 = 100, coverage 1/3
	//   D: equal to B (tie) with a lower code than B.
	const items = (res: number | null, days: number | null) => [
		{ score: indicatorScore(res, HIGH), weight: 2 },
		{ score: indicatorScore(days, LOW), weight: 1 },
		{ score: 0, weight: 0 }
	];
	const A = compositeScore(items(0.85, 29.5));
	const B = compositeScore(items(0.625, 14));
	const C = compositeScore(items(null, 14));
	const D = compositeScore(items(0.625, 14));

	test('weighted mean of the scores, missing values dropping out with their weight', () => {
		expect(A.score).toBeCloseTo(250 / 3, 10);
		expect(B.score).toBeCloseTo(200 / 3, 10);
		expect(C).toEqual({ score: 100, coverage: 1 / 3 });
		expect(A.coverage).toBe(1);
		expect(compositeScore([{ score: null, weight: 1 }])).toEqual({ score: null, coverage: 0 });
		expect(compositeScore([])).toEqual({ score: null, coverage: 0 });
	});

	test('ranks: highest first, ties share a rank and are listed by code, unscored last', () => {
		const ranked = rankScores([
			{ kode: '33.28', score: B.score },
			{ kode: '35.76', score: A.score },
			{ kode: '99.99', score: null },
			{ kode: '73.03', score: C.score },
			{ kode: '33.11', score: D.score }
		]);
		expect(ranked.map((r) => [r.kode, r.rank])).toEqual([
			['73.03', 1],
			['35.76', 2],
			['33.11', 3],
			['33.28', 3],
			['99.99', null]
		]);
	});

	test('floating-point noise is not a difference; input order does not matter', () => {
		const a = rankScores([{ kode: 'b', score: 0.1 + 0.2 }, { kode: 'a', score: 0.3 }]);
		const b = rankScores([{ kode: 'a', score: 0.3 }, { kode: 'b', score: 0.1 + 0.2 }]);
		expect(a).toEqual(b);
		expect(a.map((r) => r.rank)).toEqual([1, 1]);
	});
});
