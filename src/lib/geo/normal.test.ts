import { describe, expect, it } from 'vitest';
import { erfc, twoSidedNormalP } from './normal';

/** erfc(x) reference values from SciPy 1.17 `scipy.special.erfc` (Cephes), printed with repr(). */
const ERFC_REFERENCE: [number, number][] = [
	[0, 1],
	[0.3, 0.6713732405408726],
	[0.9, 0.20309178757716784],
	[1.0, 0.15729920705028516],
	[1.2, 0.08968602177036462],
	[2.0, 0.004677734981047266],
	[3.5, 7.430983723414129e-7],
	[5.0, 1.5374597944280347e-12],
	[7.5, 2.7766493860305694e-26]
];

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('erfc', () => {
	it('matches SciPy to 1e-13 relative, on both sides of the series/fraction switch and deep in the tail', () => {
		for (const [x, expected] of ERFC_REFERENCE) expect(relativeError(erfc(x), expected), `erfc(${x})`).toBeLessThan(1e-13);
	});

	it('reflects negative arguments (erfc(−x) = 2 − erfc(x)) and passes NaN through', () => {
		expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028516, 15);
		expect(erfc(Number.NaN)).toBeNaN();
		expect(erfc(40)).toBe(0);
	});
});

describe('twoSidedNormalP', () => {
	it('gives the familiar 90/95/99/99.9 % critical values their p', () => {
		// z = Φ⁻¹(1 − p/2) from scipy.stats.norm.isf(p/2).
		expect(twoSidedNormalP(1.6448536269514722)).toBeCloseTo(0.1, 14);
		expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 14);
		expect(twoSidedNormalP(-2.5758293035489004)).toBeCloseTo(0.01, 14);
		expect(relativeError(twoSidedNormalP(3.2905267314919255), 0.001)).toBeLessThan(1e-12);
	});

	it('keeps relative accuracy far in the tail, where FDR correction multiplies p by thousands', () => {
		// 2·norm.sf(6) = 1.973175290075389e-09 (SciPy).
		expect(relativeError(twoSidedNormalP(6), 1.973175290075389e-9)).toBeLessThan(1e-13);
		expect(twoSidedNormalP(0)).toBe(1);
	});
});
