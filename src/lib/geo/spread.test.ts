import { describe, expect, it } from 'vitest';
import { hasSpread } from './spread';

describe('hasSpread', () => {
	it('sees no spread in equal values, even where their mean does not round-trip', () => {
		// The mean of ten 0.1s is 0.09999999999999999, so the deviations are not exactly 0.
		const tenths = new Array(10).fill(0.1);
		expect(tenths.reduce((a, b) => a + b, 0) / 10).not.toBe(0.1);
		expect(hasSpread(tenths)).toBe(false);
		expect(hasSpread([0, 0, 0])).toBe(false);
	});

	it('sees spread in small real differences and needs two values', () => {
		expect(hasSpread([1000, 1000.001])).toBe(true);
		expect(hasSpread([-1, 1])).toBe(true);
		expect(hasSpread([5])).toBe(false);
		expect(hasSpread([])).toBe(false);
	});
});
