import { describe, expect, it } from 'vitest';
import { latticeWeights } from '../geo/lattice.fixture';
import { localMoran } from '../geo/local-moran';
import { createRng } from '../geo/rng';
import { clustersFromP, MORAN_ORDER, moranClusters } from './moran';

/**
 * A 3×3 rook lattice, worked by hand. Values (row by row):
 *   10 10  0
 *   10  0  0
 *    0 10  0
 * Mean 40/9 ≈ 4,44, so 10 is high and 0 is low. Neighbour means (rook) and quadrants:
 *   a(10): b,d = 10,10 → 10 high          → high-high
 *   b(10): a,c,e = 10,0,0 → 3,33 low       → high-low
 *   c(0):  b,f = 10,0 → 5 high             → low-high
 *   d(10): a,e,g = 10,0,0 → 3,33 low       → high-low
 *   e(0):  b,d,f,h = 10,10,0,10 → 7,5 high → low-high
 *   f(0):  c,e,i = 0,0,0 → 0 low           → low-low
 *   g(0):  d,h = 10,10 → 10 high           → low-high
 *   h(10): e,g,i = 0,0,0 → 0 low           → high-low
 *   i(0):  f,h = 0,10 → 5 high             → low-high
 */
const GRID = [10, 10, 0, 10, 0, 0, 0, 10, 0];
const HAND = ['high-high', 'high-low', 'low-high', 'high-low', 'low-high', 'low-low', 'low-high', 'high-low', 'low-high'];
const rook3 = latticeWeights(3, 3, 'rook');

describe('moranClusters on a 3×3 lattice worked by hand', () => {
	it('puts each desa in the quadrant of its value and its neighbours’ mean once nothing is filtered out (α = 1)', () => {
		for (const inference of ['analytic', 'permutation'] as const) {
			expect(moranClusters(GRID, rook3, { inference, alpha: 1 }).cluster).toEqual(HAND);
		}
	});

	it('calls nothing significant at 5 % on nine desa after the FDR correction', () => {
		// Permutation p-values are at least 1/1000 here, but with 9 tests and these modest I no q reaches 0,05.
		const r = moranClusters(GRID, rook3);
		expect(r.q.every((q) => q !== null && q > 0.05)).toBe(true);
		expect(r.cluster).toEqual(HAND.map(() => 'ns'));
	});

	it('keeps no-data desa apart from "not significant" and drops their links', () => {
		const withGap = [...GRID];
		withGap[4] = null as unknown as number;
		const r = moranClusters(withGap, rook3, { alpha: 1 });
		expect(r.cluster[4]).toBeNull();
		// Without e, b's neighbours are a and c (10, 0): mean 5 over a new mean of 40/8 = 5 → no quadrant → ns.
		expect(r.cluster[1]).toBe('ns');
		// f's neighbours c and i are both 0, f is 0 under a mean of 5: still low-low.
		expect(r.cluster[5]).toBe('low-low');
	});
});

describe('clustersFromP', () => {
	it('applies Benjamini–Hochberg before the cut: q = min over larger ranks of m·p/rank', () => {
		// m = 4 tests (the null is no test). Sorted p: 0,01 0,02 0,03 0,5 → m·p/rank = 0,04 0,04 0,04 0,5.
		const quadrant = ['high-high', 'low-low', 'high-low', 'low-high', null] as const;
		const { q, types } = clustersFromP([...quadrant], [0.02, 0.01, 0.03, 0.5, null]);
		expect(q.map((v) => (v === null ? null : Number(v.toFixed(10))))).toEqual([0.04, 0.04, 0.04, 0.5, null]);
		expect(types).toEqual(['high-high', 'low-low', 'high-low', 'ns', 'ns']);
		// A raw p of 0,04 alone passes at 5 %; among four tests with larger p-values it does not (q = 0,16).
		expect(clustersFromP(['high-high', 'low-low', 'low-low', 'low-low'], [0.04, 0.5, 0.6, 0.7]).types).toEqual(['ns', 'ns', 'ns', 'ns']);
	});

	it('orders the legend as clusters, outliers, not significant', () => {
		expect(MORAN_ORDER).toEqual(['high-high', 'low-high', 'high-low', 'low-low', 'ns']);
	});
});

describe('moranClusters stops drawing for units that cannot be clusters', () => {
	// A 24×24 queen lattice: a smooth hill of high values in one corner, a trough in another, noise elsewhere.
	const side = 24;
	const rng = createRng(7);
	const values = Array.from({ length: side * side }, (_, i) => {
		const [r, c] = [Math.floor(i / side), i % side];
		return 40 * Math.exp(-((r - 4) ** 2 + (c - 4) ** 2) / 20) - 30 * Math.exp(-((r - 19) ** 2 + (c - 18) ** 2) / 12) + 10 * rng();
	});
	const weights = latticeWeights(side, side, 'queen');

	it('gives the clusters every draw gives, with exact p-values for every unit at or below the level', () => {
		for (const alpha of [0.05, 0.01, 0.1]) {
			const full = localMoran(values, weights);
			const early = localMoran(values, weights, { exactUpTo: alpha });
			const pFull = full.pSim!.map(Number);
			const pEarly = early.pSim!.map(Number);
			const below = pFull.filter((p) => p <= alpha).length;
			// Enough units on each side for the comparison to mean something.
			expect(below).toBeGreaterThan(20);
			expect(pFull.length - below).toBeGreaterThan(100);
			pFull.forEach((p, i) => {
				if (p <= alpha) expect(pEarly[i], `unit ${i}`).toBe(p);
				else {
					expect(pEarly[i], `unit ${i}`).toBeGreaterThan(alpha);
					expect(pEarly[i], `unit ${i}`).toBeLessThanOrEqual(p);
				}
			});
			expect(moranClusters(values, weights, { alpha }).cluster).toEqual(clustersFromP(full.quadrant, full.pSim!, alpha).types);
		}
	});

	it('draws less: most units stop early', () => {
		// Counted through the shared table: the early run's p-values for the units above the level differ from the full run's.
		const full = localMoran(values, weights).pSim!;
		const early = localMoran(values, weights, { exactUpTo: 0.05 }).pSim!;
		const stopped = full.filter((p, i) => p !== early[i]).length;
		expect(stopped).toBeGreaterThan(full.length / 2);
	});
});
