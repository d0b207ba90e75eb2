import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, hotspotClass, hotspotClasses } from './fdr';

function expectClose(actual: (number | null)[], expected: (number | null)[]): void {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((a, i) => (expected[i] === null ? expect(a).toBeNull() : expect(a).toBeCloseTo(expected[i]!, 14)));
}

describe('benjaminiHochberg', () => {
	it('matches a vector adjusted by hand', () => {
		// Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4), 0.2 (5); m·p/rank = 0.025, 0.025,
		// 0.05, 0.05, 0.2; running minimum from the top leaves them unchanged. Same as
		// R p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") and scipy.stats.false_discovery_control.
		expectClose(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2]), [0.025, 0.05, 0.05, 0.025, 0.2]);
	});

	it('takes the running minimum from the top, so q is monotone in p', () => {
		// m·p/rank = 0.05 for every rank: all q = 0.05 even though p = 0.01 alone would give 0.05 too.
		expectClose(benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05]), [0.05, 0.05, 0.05, 0.05, 0.05]);
		// McDonald's Handbook of Biological Statistics example (25 dietary variables), first eight,
		// from scipy.stats.false_discovery_control on the full vector: the 0.039…0.042 block is
		// pulled down to 0.21 by rank 5 (25·0.042/5).
		const handbook = [
			0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34, 0.341, 0.384,
			0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975, 0.986
		];
		const q = benjaminiHochberg(handbook);
		expectClose(q.slice(0, 8), [0.025, 0.1, 0.21, 0.21, 0.21, 0.25, 0.2642857142857143, 0.49107142857142866]);
		expectClose(q.slice(-4), [0.986, 0.986, 0.986, 0.986]);
		const sorted = [...handbook.keys()].sort((a, b) => handbook[a] - handbook[b]);
		sorted.slice(1).forEach((i, k) => expect(q[i]!).toBeGreaterThanOrEqual(q[sorted[k]]!));
		handbook.forEach((p, i) => expect(q[i]!).toBeGreaterThanOrEqual(p));
	});

	it('gives tied p-values the same q', () => {
		// Ranks 1–3 tie at 0.02: 5·0.02/3 = 1/30 for all three; then 5·0.5/4 = 0.625 and 0.9.
		expectClose(benjaminiHochberg([0.02, 0.9, 0.02, 0.5, 0.02]), [1 / 30, 0.9, 1 / 30, 0.625, 1 / 30]);
	});

	it('leaves missing p-values out of m and returns null for them', () => {
		// Only 0.01 and 0.04 are tests (m = 2): q = 0.02 and 0.04.
		expectClose(benjaminiHochberg([null, 0.01, Number.NaN, 0.04, undefined]), [null, 0.02, null, 0.04, null]);
		expect(benjaminiHochberg([])).toEqual([]);
	});

	it('never exceeds 1 and rejects p-values outside [0, 1]', () => {
		expectClose(benjaminiHochberg([1, 1, 0.99]), [1, 1, 1]);
		expect(() => benjaminiHochberg([0.5, 1.2])).toThrow(RangeError);
		expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
	});
});

describe('hotspotClass', () => {
	it('picks the strictest confidence the adjusted p meets, q ≤ α inclusive', () => {
		expect(hotspotClass(3.1, 0.001)).toBe('hot-99');
		expect(hotspotClass(3.1, 0.01)).toBe('hot-99');
		expect(hotspotClass(2.2, 0.0100001)).toBe('hot-95');
		expect(hotspotClass(2.2, 0.05)).toBe('hot-95');
		expect(hotspotClass(1.7, 0.1)).toBe('hot-90');
		expect(hotspotClass(1.7, 0.1000001)).toBe('ns');
		expect(hotspotClass(-3.1, 0.005)).toBe('cold-99');
		expect(hotspotClass(-2.2, 0.03)).toBe('cold-95');
		expect(hotspotClass(-1.7, 0.09)).toBe('cold-90');
	});

	it('is ns without a z, without a p, or at z = 0', () => {
		expect(hotspotClass(null, 0.001)).toBe('ns');
		expect(hotspotClass(2.5, null)).toBe('ns');
		expect(hotspotClass(Number.NaN, 0.001)).toBe('ns');
		expect(hotspotClass(0, 0.001)).toBe('ns');
	});

	it('classifies a whole map after BH, so p = 0.04 drops from 95 % to 90 % confidence', () => {
		const z = [4, -3.5, 2.1, null, 0.3];
		const p = [0.0001, 0.0005, 0.04, null, 0.76];
		// m = 4: q = 0.0004, 0.001, 0.04·4/3 = 0.0533, 0.76.
		expect(hotspotClasses(z, p)).toEqual(['hot-99', 'cold-99', 'hot-90', 'ns', 'ns']);
		expect(() => hotspotClasses([1], [])).toThrow(RangeError);
	});
});
