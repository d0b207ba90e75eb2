import { describe, expect, it } from 'vitest';
import { latticeWeights } from './lattice.fixture';
import { createRng } from './rng';
import { empiricalBayes, PER_THOUSAND, spatialEmpiricalBayes } from './smoothing';
import type { SpatialWeights } from './weights';

/**
 * Independent reference: Marshall's closed form θ̂ = (α e + β²) / (α n + β), with the moment
 * s² expanded as Σ(e²/n)/Σn − β² instead of summing squared deviations.
 */
function marshallReference(events: number[], populations: number[]): number[] {
	const E = events.reduce((a, b) => a + b, 0);
	const N = populations.reduce((a, b) => a + b, 0);
	const beta = E / N;
	const s2 = events.reduce((acc, e, i) => acc + (e * e) / populations[i], 0) / N - beta * beta;
	const alpha = Math.max(0, s2 - (beta * populations.length) / N);
	return events.map((e, i) => (alpha === 0 ? beta : (alpha * e + beta * beta) / (alpha * populations[i] + beta)));
}

function randomDesa(seed: number, count: number): { events: number[]; populations: number[] } {
	const rng = createRng(seed);
	const populations = Array.from({ length: count }, () => 20 + Math.floor(rng() * 3000));
	// Rates vary between desa (10–60 ‰) on top of the counting noise, so α > 0.
	const events = populations.map((n) => Math.floor(n * (0.01 + rng() * 0.05) + rng() * 3));
	return { events, populations };
}

describe('empiricalBayes (global)', () => {
	it('matches rates worked by hand', () => {
		// e = 0, 10, 40; n = 100, 100, 200. β = 50/400 = 0.125; r = 0, 0.1, 0.2;
		// s² = (100·0.125² + 100·0.025² + 200·0.075²)/400 = 2.75/400 = 0.006875;
		// α = 0.006875 − 0.125/(400/3) = 0.0059375; w = 19/23 (n = 100), 19/21 (n = 200);
		// θ̂ = 0.125 + w (r − 0.125) = 0.5/23, 2.4/23, 4.05/21.
		const { smoothed, raw, reliability, prior } = empiricalBayes([0, 10, 40], [100, 100, 200]);
		expect(prior.mean).toBeCloseTo(0.125, 15);
		expect(prior.variance).toBeCloseTo(0.0059375, 15);
		expect(raw).toEqual([0, 0.1, 0.2]);
		expectClose(reliability, [19 / 23, 19 / 23, 19 / 21]);
		expectClose(smoothed, [0.5 / 23, 2.4 / 23, 4.05 / 21]);
	});

	it('agrees with an independent closed-form implementation', () => {
		for (const seed of [1, 2, 3]) {
			const { events, populations } = randomDesa(seed, 200);
			const result = empiricalBayes(events, populations);
			expect(result.prior.variance).toBeGreaterThan(0);
			expectClose(result.smoothed, marshallReference(events, populations));
		}
	});

	it('pulls 2 keluhan out of 20 households to the mean but barely moves 200 out of 2,000', () => {
		const { events, populations } = randomDesa(7, 300);
		const { smoothed, prior } = empiricalBayes([...events, 2, 200], [...populations, 20, 2000]);
		const [small, large] = [smoothed[300]!, smoothed[301]!];
		const rawRate = 0.1; // both desa
		// Share of the distance from the prior mean to the raw rate each keeps.
		const kept = (theta: number) => (theta - prior.mean) / (rawRate - prior.mean);
		expect(kept(small)).toBeLessThan(0.25);
		expect(kept(large)).toBeGreaterThan(0.9);
	});

	it('shrinks everything to the pooled rate when rates vary less than Poisson noise', () => {
		// e = 1, 3, 8; n = 10, 20, 50. β = 0.15; s² = (10·0.05² + 0 + 50·0.01²)/80 = 0.000375;
		// β/n̄ = 0.15·3/80 = 0.005625 > s², so α < 0 → 0 and every θ̂ = β.
		const { smoothed, prior, reliability } = empiricalBayes([1, 3, 8], [10, 20, 50]);
		expect(prior.variance).toBe(0);
		expectClose(smoothed, [0.15, 0.15, 0.15]);
		expect(reliability).toEqual([0, 0, 0]);
	});

	it('gives 0, not NaN, when no desa has any keluhan', () => {
		const { smoothed, prior } = empiricalBayes([0, 0, 0], [50, 100, 10]);
		expect(smoothed).toEqual([0, 0, 0]);
		expect(prior).toEqual({ mean: 0, variance: 0 });
	});

	it('leaves desa with no households or no data out: null for them, no effect on the others', () => {
		const { events, populations } = randomDesa(11, 40);
		const clean = empiricalBayes(events, populations).smoothed;
		const withGaps = empiricalBayes([...events, 5, null, 3, Number.NaN, -1], [...populations, 0, 100, null, 100, 100]).smoothed;
		expect(withGaps.slice(40)).toEqual([null, null, null, null, null]);
		expectClose(withGaps.slice(0, 40), clean as number[]);
	});

	it('scales to per-1,000 after smoothing', () => {
		const { events, populations } = randomDesa(5, 50);
		const perHousehold = empiricalBayes(events, populations);
		const perThousand = empiricalBayes(events, populations, { scale: PER_THOUSAND });
		expectClose(perThousand.smoothed, perHousehold.smoothed.map((v) => v! * 1000));
		expect(perThousand.prior.mean).toBeCloseTo(perHousehold.prior.mean * 1000, 12);
		expect(perThousand.reliability).toEqual(perHousehold.reliability);
	});

	it('refuses mismatched inputs', () => {
		expect(() => empiricalBayes([1, 2], [10])).toThrow(RangeError);
	});
});

/** Reference spatial EB: the global reference applied to each neighbourhood (self + neighbours). */
function spatialReference(events: number[], populations: number[], w: SpatialWeights): number[] {
	return events.map((_, i) => {
		const members = [i, ...w.neighbours[i]];
		return marshallReference(members.map((j) => events[j]), members.map((j) => populations[j]))[0];
	});
}

describe('spatialEmpiricalBayes', () => {
	it('agrees with the global reference applied to each neighbourhood', () => {
		const w = latticeWeights(6, 7, 'queen');
		const { events, populations } = randomDesa(21, 42);
		expectClose(spatialEmpiricalBayes(events, populations, w).smoothed, spatialReference(events, populations, w));
	});

	it('equals global EB when everyone neighbours everyone', () => {
		const { events, populations } = randomDesa(3, 12);
		const all: SpatialWeights = { ids: events.map((_, i) => `d${i}`), neighbours: events.map((_, i) => events.map((__, j) => j).filter((j) => j !== i)) };
		expectClose(spatialEmpiricalBayes(events, populations, all).smoothed, empiricalBayes(events, populations).smoothed as number[]);
	});

	it('keeps the raw rate of an island and skips neighbours without data', () => {
		const w: SpatialWeights = { ids: ['a', 'b', 'c', 'island'], neighbours: [[1, 2], [0, 2], [0, 1], []] };
		const result = spatialEmpiricalBayes([4, 30, null, 7], [100, 1000, 500, 70], w);
		expect(result.smoothed[3]).toBeCloseTo(0.1, 15);
		expect(result.smoothed[2]).toBeNull();
		// a and b pool only with each other: same as global EB over those two.
		expectClose(result.smoothed.slice(0, 2), empiricalBayes([4, 30], [100, 1000]).smoothed as number[]);
	});
});

function expectClose(actual: readonly (number | null)[], expected: readonly (number | null)[], tolerance = 1e-12): void {
	expect(actual).toHaveLength(expected.length);
	actual.forEach((a, i) => {
		const e = expected[i];
		if (e === null) expect(a).toBeNull();
		else expect(Math.abs((a as number) - e)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
	});
}
