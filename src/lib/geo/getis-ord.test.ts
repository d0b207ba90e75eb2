import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from './getis-ord';
import { latticeWeights } from './lattice.fixture';
import { createRng } from './rng';
import type { SpatialWeights } from './weights';

/** All permutations of 0 … n−1 (Heap's algorithm). */
function permutations(n: number): number[][] {
	const out: number[][] = [];
	const a = Array.from({ length: n }, (_, i) => i);
	const c = new Array(n).fill(0);
	out.push([...a]);
	for (let i = 0; i < n; ) {
		if (c[i] < i) {
			const j = i % 2 === 0 ? 0 : c[i];
			[a[j], a[i]] = [a[i], a[j]];
			out.push([...a]);
			c[i]++;
			i = 0;
		} else c[i++] = 0;
	}
	return out;
}

/**
 * Exact randomisation z: mean and variance of the neighbourhood sum (self included) over every
 * one of the n! relabellings of the values. No formula assumed.
 */
function bruteForceZ(x: number[], w: SpatialWeights): number[] {
	const perms = permutations(x.length);
	return x.map((_, i) => {
		const members = [i, ...w.neighbours[i]];
		const sums = perms.map((perm) => members.reduce((acc, j) => acc + x[perm[j]], 0));
		const mean = sums.reduce((a, b) => a + b, 0) / sums.length;
		const variance = sums.reduce((acc, s) => acc + (s - mean) ** 2, 0) / sums.length;
		const observed = members.reduce((acc, j) => acc + x[j], 0);
		return (observed - mean) / Math.sqrt(variance);
	});
}

/** PySAL's formulation: G*_i = L_i / Σx, E = W/n, V = W(n−W)/(n²(n−1)) · (mean(x²)/x̄² − 1). */
function pysalStyleZ(x: number[], w: SpatialWeights): number[] {
	const n = x.length;
	const total = x.reduce((a, b) => a + b, 0);
	const meanOfSquares = x.reduce((a, b) => a + b * b, 0) / n;
	const meanSquared = (total / n) ** 2;
	return x.map((xi, i) => {
		const wi = w.neighbours[i].length + 1;
		const g = w.neighbours[i].reduce((acc, j) => acc + x[j], xi) / total;
		const expected = wi / n;
		const variance = ((wi * (n - wi)) / (n * n * (n - 1))) * (meanOfSquares / meanSquared - 1);
		return (g - expected) / Math.sqrt(variance);
	});
}

const seededValues = (seed: number, n: number) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => Math.round(rng() * 1000) / 10);
};

describe('getisOrdGiStar', () => {
	it('matches a z-score worked by hand on a 3×3 queen lattice', () => {
		// Values 1…9 row by row. Corner r0c0: self + {2, 4, 5} sums to 12, W = 4, x̄ = 5,
		// S² = 285/9 − 25 = 20/3, z = (12 − 20) / (√(20/3) · √((36 − 16)/8)) = −0.8√6.
		const { z } = getisOrdGiStar([1, 2, 3, 4, 5, 6, 7, 8, 9], latticeWeights(3, 3, 'queen'));
		expect(z[0]).toBeCloseTo(-0.8 * Math.sqrt(6), 12);
		expect(z[8]).toBeCloseTo(0.8 * Math.sqrt(6), 12);
		// The centre's neighbourhood is the whole lattice: its sum cannot vary.
		expect(z[4]).toBeNull();
	});

	it('equals the exact permutation z on an irregular 7-unit graph (all 5,040 relabellings)', () => {
		const w: SpatialWeights = {
			ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
			neighbours: [[1, 2], [0, 2, 3], [0, 1, 4], [1], [2, 5], [4], []]
		};
		const x = [3.5, 12, 7.25, 0, 1, 9, 4];
		const { z } = getisOrdGiStar(x, w);
		bruteForceZ(x, w).forEach((expected, i) => expect(Math.abs(z[i]! - expected)).toBeLessThan(1e-9));
	});

	it('equals PySAL’s G/E/V formulation on 4×4 rook and queen lattices', () => {
		for (const kind of ['rook', 'queen'] as const) {
			const w = latticeWeights(4, 4, kind);
			const x = seededValues(kind === 'rook' ? 1 : 2, 16);
			const { z } = getisOrdGiStar(x, w);
			pysalStyleZ(x, w).forEach((expected, i) => expect(Math.abs(z[i]! - expected)).toBeLessThan(1e-9));
		}
	});

	it('gives two-sided normal p-values', () => {
		const { z, p } = getisOrdGiStar([1, 2, 3, 4, 5, 6, 7, 8, 9], latticeWeights(3, 3, 'queen'));
		// |z| = 0.8√6 ≈ 1.9596, just under the 5 % critical value 1.95996.
		expect(p[0]).toBeGreaterThan(0.05);
		expect(p[0]).toBeLessThan(0.0502);
		expect(p[0]).toBeCloseTo(p[8]!, 15);
		expect(p[4]).toBeNull();
		expect(z.filter((v) => v !== null).every((v) => Number.isFinite(v))).toBe(true);
	});

	it('drops units without data and their links, as if they were not on the map', () => {
		const w = latticeWeights(3, 4, 'rook');
		const x: (number | null)[] = seededValues(5, 12);
		x[5] = null;
		x[10] = Number.NaN;
		const { z, p } = getisOrdGiStar(x, w);
		expect([z[5], z[10], p[5], p[10]]).toEqual([null, null, null, null]);
		// Reference: the same lattice with units 5 and 10 removed by hand.
		const keep = [0, 1, 2, 3, 4, 6, 7, 8, 9, 11];
		const reduced: SpatialWeights = {
			ids: keep.map((i) => w.ids[i]),
			neighbours: keep.map((i) => w.neighbours[i].filter((j) => keep.includes(j)).map((j) => keep.indexOf(j)))
		};
		const expected = pysalStyleZ(keep.map((i) => x[i] as number), reduced);
		keep.forEach((i, k) => expect(z[i]).toBeCloseTo(expected[k], 12));
	});

	it('returns null everywhere when all values are equal, even with rounding residue', () => {
		// Ten 0.1s average to 0.09999999999999999, leaving a standard deviation of ~1e-17.
		const { z } = getisOrdGiStar(new Array(10).fill(0.1), latticeWeights(2, 5, 'rook'));
		expect(z).toEqual(new Array(10).fill(null));
	});

	it('flips sign when the values are mirrored', () => {
		const w = latticeWeights(4, 5, 'queen');
		const x = seededValues(9, 20);
		const up = getisOrdGiStar(x, w).z;
		const down = getisOrdGiStar(x.map((v) => 100 - v), w).z;
		up.forEach((v, i) => expect(down[i]).toBeCloseTo(-v!, 12));
	});

	it('refuses values that do not match the weights', () => {
		expect(() => getisOrdGiStar([1, 2], latticeWeights(2, 2, 'rook'))).toThrow(RangeError);
	});
});
