import { describe, expect, it } from 'vitest';
import { latticeWeights } from './lattice.fixture';
import { clusterTypes, localMoran, type Quadrant } from './local-moran';
import { createRng } from './rng';
import type { SpatialWeights } from './weights';

const line4: SpatialWeights = { ids: ['a', 'b', 'c', 'd'], neighbours: [[1], [0, 2], [1, 3], [2]] };

/** Dense row-standardised matrix form, I = z ∘ (W z) / (zᵀz / n): a second route to the statistic. */
function denseLocalMoran(x: number[], w: SpatialWeights): number[] {
	const n = x.length;
	const mean = x.reduce((a, b) => a + b, 0) / n;
	const z = x.map((v) => v - mean);
	const W = w.neighbours.map((list) => Array.from({ length: n }, (_, j) => (list.includes(j) ? 1 / list.length : 0)));
	const m2 = z.reduce((acc, v) => acc + v * v, 0) / n;
	return z.map((zi, i) => (zi * W[i].reduce((acc, wij, j) => acc + wij * z[j], 0)) / m2);
}

function permutations(items: number[]): number[][] {
	if (items.length <= 1) return [items];
	return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function subsets(items: number[], k: number): number[][] {
	if (k === 0) return [[]];
	if (items.length < k) return [];
	const [first, ...rest] = items;
	return [...subsets(rest, k - 1).map((s) => [first, ...s]), ...subsets(rest, k)];
}

const seededValues = (seed: number, n: number) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => Math.round(rng() * 100));
};

describe('localMoran statistics', () => {
	it('matches a line of four desa worked by hand', () => {
		// x = 1, 2, 3, 6: z = −2, −1, 0, 3; m₂ = 14/4; lags −1, −1, 1, 0; I = 4/7, 2/7, 0, 0.
		// b₂ = (98/4)/(14/4)² = 2. Unit a: Var = 1·(4−2)/3 − 1/9 = 5/9, z = (4/7 + 1/3)/√(5/9) = 19/(7√5).
		// Unit b: w(2) = w(kh) = 1/2, Var = (1/2)(2)/3 + (1/2)(0)/6 − 1/9 = 2/9, z = (2/7 + 1/3)/√(2/9) = 13/(7√2).
		const r = localMoran([1, 2, 3, 6], line4, { permutations: 0 });
		expectClose(r.I, [4 / 7, 2 / 7, 0, 0]);
		expectClose(r.lag, [-1, -1, 1, 0]);
		expect(r.z[0]).toBeCloseTo(19 / (7 * Math.sqrt(5)), 12);
		expect(r.z[1]).toBeCloseTo(13 / (7 * Math.sqrt(2)), 12);
		expect(r.quadrant).toEqual(['low-low', 'low-low', null, null]);
		expect(r.pSim).toBeNull();
	});

	it('agrees with the dense matrix form on rook and queen lattices', () => {
		for (const kind of ['rook', 'queen'] as const) {
			const w = latticeWeights(4, 5, kind);
			const x = seededValues(kind.length, 20);
			expectClose(localMoran(x, w, { permutations: 0 }).I, denseLocalMoran(x, w));
		}
	});

	it('has the analytic z of the exact total-randomisation moments (all 5,040 relabellings of 7 units)', () => {
		const w: SpatialWeights = { ids: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], neighbours: [[1, 2], [0, 2, 3], [0, 1, 4], [1, 6], [2, 5, 6], [4], [3, 4]] };
		const x = [3.5, 12, 7.25, 0, 1, 9, 4];
		const { z, I } = localMoran(x, w, { permutations: 0 });
		const relabellings = permutations([0, 1, 2, 3, 4, 5, 6]).map((perm) => denseLocalMoran(perm.map((j) => x[j]), w));
		x.forEach((_, i) => {
			const sims = relabellings.map((Is) => Is[i]);
			const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
			const sd = Math.sqrt(sims.reduce((acc, s) => acc + (s - mean) ** 2, 0) / sims.length);
			expect(Math.abs(z[i]! - (I[i]! - mean) / sd)).toBeLessThan(1e-9);
		});
	});

	it('estimates the exact conditional-permutation p-value', () => {
		const w = latticeWeights(3, 4, 'rook');
		const x = seededValues(3, 12);
		const permutationsCount = 9999;
		const { I, pSim } = localMoran(x, w, { permutations: permutationsCount, seed: 1 });
		const mean = x.reduce((a, b) => a + b, 0) / 12;
		const m2 = x.reduce((acc, v) => acc + (v - mean) ** 2, 0) / 12;
		x.forEach((xi, i) => {
			const others = x.map((_, j) => j).filter((j) => j !== i);
			const k = w.neighbours[i].length;
			// Every choice of k neighbour values from the other 11 units is equally likely.
			const sims = subsets(others, k).map((s) => ((xi - mean) * s.reduce((acc, j) => acc + x[j] - mean, 0)) / k / m2);
			const atLeast = sims.filter((s) => s >= I[i]! - 1e-12).length / sims.length;
			const atMost = sims.filter((s) => s <= I[i]! + 1e-12).length / sims.length;
			// 9,999 draws: the sd of the estimate is at most 0.005, so 0.02 is a 4-sd band.
			expect(Math.abs(pSim![i]! - Math.min(atLeast, atMost))).toBeLessThan(0.02);
		});
	});

	it('repeats its permutation p-values for a seed and changes them for another', () => {
		const w = latticeWeights(4, 4, 'queen');
		const x = seededValues(8, 16);
		const a = localMoran(x, w, { seed: 5 }).pSim!;
		expect(localMoran(x, w, { seed: 5 }).pSim).toEqual(a);
		expect(localMoran(x, w, { seed: 6 }).pSim).not.toEqual(a);
		expect(a.every((p) => p !== null && p >= 1 / 1000 && p <= 0.5 + 1 / 1000)).toBe(true);
	});

	it('gives p = 1, not the minimum, to a desa whose value is exactly the mean', () => {
		// x̄ = 3, so c has z = 0 and every draw gives I = 0.
		const r = localMoran([1, 2, 3, 6], line4, { permutations: 99 });
		expect(r.I[2]).toBe(0);
		expect(r.pSim![2]).toBe(1);
	});

	it('leaves islands, units without data and all-equal maps without a statistic', () => {
		const w: SpatialWeights = { ids: ['a', 'b', 'c', 'd', 'island'], neighbours: [[1], [0, 2], [1, 3], [2], []] };
		const r = localMoran([1, 2, null, 6, 4], w, { permutations: 9 });
		expect([r.I[2], r.I[4], r.z[4], r.pSim![4], r.quadrant[4]]).toEqual([null, null, null, null, null]);
		// b lost its neighbour c, so its lag is a's deviation alone: x̄ = 13/4, lag = 1 − 13/4.
		expect(r.lag[1]).toBeCloseTo(1 - 13 / 4, 12);
		// Ten 0.1s average to 0.09999999999999999: the residue must not pass for spread.
		const ring: SpatialWeights = { ids: [...'abcdefghij'], neighbours: Array.from({ length: 10 }, (_, i) => [(i + 9) % 10, (i + 1) % 10].sort((a, b) => a - b)) };
		const flat = localMoran(new Array(10).fill(0.1), ring, { permutations: 9 });
		expect([...flat.I, ...flat.z, ...flat.pSim!]).toEqual(new Array(30).fill(null));
	});
});

describe('clusterTypes', () => {
	it('finds a high-high block and a low-low corner on a 6×6 lattice', () => {
		const w = latticeWeights(6, 6, 'queen');
		// A block of high rates in the top-left 3×3, a trough in the bottom-right 3×3, a gentle middle.
		const x = Array.from({ length: 36 }, (_, i) => {
			const [r, c] = [Math.floor(i / 6), i % 6];
			return r < 3 && c < 3 ? 90 + r + c : r > 2 && c > 2 ? 5 + r - c : 40 + r * c;
		});
		const result = localMoran(x, w, { permutations: 0 });
		const types = clusterTypes(result, result.p);
		expect(types[7]).toBe('high-high'); // r1c1, centre of the high block
		expect(types[28]).toBe('low-low'); // r4c4, centre of the trough
		expect(types.filter((t) => t === 'high-high').length).toBeGreaterThan(0);
		expect(types.every((t, i) => t === 'ns' || t === result.quadrant[i])).toBe(true);
	});

	it('calls a unit significant at p ≤ alpha and never without a quadrant or a p-value', () => {
		const quadrant: (Quadrant | null)[] = ['high-high', 'low-low', 'high-low', 'low-high', null, 'high-high'];
		const p = [0.05, 0.0501, 0.001, 0.01, 0.001, null];
		expect(clusterTypes({ quadrant }, p)).toEqual(['high-high', 'ns', 'high-low', 'low-high', 'ns', 'ns']);
		expect(clusterTypes({ quadrant }, p, 0.01)).toEqual(['ns', 'ns', 'high-low', 'low-high', 'ns', 'ns']);
	});
});

function expectClose(actual: readonly (number | null)[], expected: readonly number[]): void {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((a, i) => expect(Math.abs(a! - expected[i])).toBeLessThan(1e-12));
}
