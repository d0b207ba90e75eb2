import { describe, expect, it } from 'vitest';
import { createRng, randomInt } from './rng';

describe('createRng', () => {
	it('repeats the same sequence for the same seed and differs for another seed', () => {
		const a = createRng(42);
		const b = createRng(42);
		const c = createRng(43);
		const seqA = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(seqA);
		expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
	});

	it('stays in [0, 1) and is roughly uniform', () => {
		const rng = createRng(7);
		const bins = new Array(10).fill(0);
		const draws = 100_000;
		let outside = 0;
		for (let i = 0; i < draws; i++) {
			const u = rng();
			if (!(u >= 0 && u < 1)) outside++;
			else bins[Math.floor(u * 10)]++;
		}
		expect(outside).toBe(0);
		// Each bin expects 10,000 with sd ≈ 95; 500 is > 5 sd, so a failure means a real bias.
		for (const count of bins) expect(Math.abs(count - draws / 10)).toBeLessThan(500);
	});

	it('draws integers in [0, n) that reach both ends', () => {
		const rng = createRng(1);
		const seen = new Set<number>();
		for (let i = 0; i < 1000; i++) seen.add(randomInt(rng, 6));
		expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
	});
});
