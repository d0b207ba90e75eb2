import { describe, expect, it } from 'vitest';
import { ckmeansClusters, distinctCounts, optimalStarts } from './ckmeans';
import { createRng } from './rng';

const ssq = (group: readonly number[]) => {
	const mean = group.reduce((a, b) => a + b, 0) / group.length;
	return group.reduce((acc, v) => acc + (v - mean) ** 2, 0);
};
const totalSsq = (groups: readonly number[][]) => groups.reduce((acc, g) => acc + ssq(g), 0);

/** Every way to cut the sorted array into k non-empty runs: the exhaustive optimum. */
function bruteForceOptimum(data: number[], k: number): number {
	const sorted = [...data].sort((a, b) => a - b);
	let best = Infinity;
	const cut = (start: number, groupsLeft: number, acc: number) => {
		if (groupsLeft === 1) {
			best = Math.min(best, acc + ssq(sorted.slice(start)));
			return;
		}
		for (let end = start + 1; end <= sorted.length - groupsLeft + 1; end++) cut(end, groupsLeft - 1, acc + ssq(sorted.slice(start, end)));
	};
	cut(0, k, 0);
	return best;
}

/** The textbook O(k·n²) DP over every split point, for checking the divide-and-conquer layers. */
function quadraticDp(values: number[], k: number): number {
	const n = values.length;
	const cost = (j: number, i: number) => ssq(values.slice(j, i + 1));
	let previous = values.map((_, i) => cost(0, i));
	for (let q = 1; q < k; q++) {
		previous = values.map((_, i) => {
			let best = Infinity;
			for (let j = q; j <= i; j++) best = Math.min(best, previous[j - 1] + cost(j, i));
			return best;
		});
	}
	return previous[n - 1];
}

describe('ckmeansClusters', () => {
	it('reproduces the simple-statistics reference example, negatives included', () => {
		expect(ckmeansClusters([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3)).toEqual([
			[-1, -1, -1, -1],
			[2, 2, 2],
			[4, 5, 6]
		]);
	});

	it('finds the exhaustive optimum on small seeded random arrays, ties included', () => {
		const rng = createRng(2011);
		for (let trial = 0; trial < 200; trial++) {
			const n = 1 + Math.floor(rng() * 11);
			// Values on a coarse grid so ties are common; some negative.
			const data = Array.from({ length: n }, () => Math.round((rng() - 0.3) * 20) / 2);
			const k = 1 + Math.floor(rng() * 5);
			const groups = ckmeansClusters(data, k);
			const usable = Math.min(k, new Set(data).size);
			expect(groups).toHaveLength(usable);
			expect(groups.flat()).toEqual([...data].sort((a, b) => a - b));
			expect(Math.abs(totalSsq(groups) - bruteForceOptimum(data, usable))).toBeLessThan(1e-9);
		}
	});

	it('matches the quadratic DP on larger arrays', () => {
		const rng = createRng(7);
		for (let trial = 0; trial < 5; trial++) {
			// Skewed like complaint rates: many small values, a long tail.
			const data = Array.from({ length: 150 }, () => Math.round(-Math.log(1 - rng()) * 300) / 10);
			const { values, counts } = distinctCounts([...data].sort((a, b) => a - b));
			const starts = optimalStarts({ values, counts }, 6);
			const groups = starts.map((s, q) => data.filter((v) => v >= values[s] && (q + 1 === starts.length || v < values[starts[q + 1]])));
			expect(totalSsq(groups)).toBeCloseTo(quadraticDp([...data].sort((a, b) => a - b), 6), 8);
		}
	});

	it('keeps its accuracy for values far from zero', () => {
		// Three tight groups around 1e9. Uncentred, y² ≈ 1e18 has a rounding step of 128, far more
		// than the group SSQs, and Σy² − (Σy)²/n picks the wrong groups.
		const base = 1e9;
		const data = [0.1, 0.2, 0.15, 5, 5.1, 9.9, 10].map((d) => base + d);
		expect(ckmeansClusters(data, 3)).toEqual([
			[base + 0.1, base + 0.15, base + 0.2],
			[base + 5, base + 5.1],
			[base + 9.9, base + 10]
		]);
	});

	it('returns nothing for no data and rejects bad input', () => {
		expect(ckmeansClusters([], 3)).toEqual([]);
		expect(() => ckmeansClusters([1, 2], 0)).toThrow(RangeError);
		expect(() => ckmeansClusters([1, 2], 2.5)).toThrow(RangeError);
		expect(() => ckmeansClusters([1, Number.NaN], 2)).toThrow(RangeError);
	});
});
