import { describe, expect, it } from 'vitest';
import { atPrinted, ckmeans, classify, countsPerClass, equalInterval, fixedBands, printedAt, quantile, type Classification } from './classify';
import { createRng } from './rng';
import { formatFixed } from '../i18n/format';

const classesOf = (c: Classification, values: (number | null)[]) => values.map((v) => c.classOf(v));
const dataMethods = { quantile, equalInterval, ckmeans } as const;

describe('equalInterval', () => {
	it('splits the range into equal widths, negatives included, with the maximum in the last class', () => {
		const c = equalInterval([-10, -5, 0, 5, 10], 4);
		expect(c.breaks).toEqual([-10, -5, 0, 5, 10]);
		expect(classesOf(c, [-10, -5.0001, -5, 0, 9.999, 10])).toEqual([0, 0, 1, 2, 3, 3]);
	});

	it('ends exactly on the maximum even when k·width rounds below it', () => {
		// 0.1 + 5 · ((0.3 − 0.1) / 5) = 0.29999999999999993 in floating point.
		const c = equalInterval([0.1, 0.3], 5);
		expect(c.breaks[5]).toBe(0.3);
		expect(c.classOf(0.3)).toBe(4);
	});

	it('keeps k classes when there are fewer distinct values, leaving some empty', () => {
		const c = equalInterval([1, 2, 2], 4);
		expect(c.classCount).toBe(4);
		expect(countsPerClass([1, 2, 2], c)).toEqual({ counts: [1, 0, 0, 2], noData: 0 });
	});
});

describe('quantile', () => {
	it('puts (nearly) equal numbers of desa in each class', () => {
		const values = Array.from({ length: 10 }, (_, i) => i * 10); // 0 … 90
		const c = quantile(values, 4);
		// Breaks at ranks ⌊10/4⌋ = 2, ⌊20/4⌋ = 5, ⌊30/4⌋ = 7.
		expect(c.breaks).toEqual([0, 20, 50, 70, 90]);
		expect(countsPerClass(values, c).counts).toEqual([2, 3, 2, 3]);
	});

	it('gives fewer classes when ties fill a quantile, never an empty class', () => {
		const values = [0, 0, 0, 0, 0, 0, 1, 2, 5, 9];
		const c = quantile(values, 5);
		// Candidate breaks at ranks 2, 4, 6, 8 are 0, 0, 1, 5: the two 0s would open empty classes.
		expect(c.breaks).toEqual([0, 1, 5, 9]);
		expect(countsPerClass(values, c).counts).toEqual([6, 2, 2]);
	});

	it('gives the maximum’s ties a class of their own when a break lands on the maximum', () => {
		const c = quantile([1, 1, 1, 5], 4);
		expect(c.breaks).toEqual([1, 5, 5]);
		expect(countsPerClass([1, 1, 1, 5], c).counts).toEqual([3, 1]);
	});
});

describe('ckmeans (natural breaks)', () => {
	it('breaks at the starts of the optimal groups', () => {
		const values = [-1, 2, -1, 2, 4, 5, 6, -1, 2, -1];
		const c = ckmeans(values, 3);
		expect(c.breaks).toEqual([-1, 2, 4, 6]);
		expect(countsPerClass(values, c).counts).toEqual([4, 3, 3]);
	});

	it('caps the classes at the number of distinct values', () => {
		const c = ckmeans([3, 3, 7, 7, 7], 5);
		expect(c.breaks).toEqual([3, 7, 7]);
		expect(classesOf(c, [3, 7])).toEqual([0, 1]);
	});

	it('classes 8,563 values into 7 groups whose counts add up', () => {
		const rng = createRng(33);
		const rates = Array.from({ length: 8563 }, () => (rng() < 0.1 ? null : Math.round(-Math.log(1 - rng()) * 400) / 10));
		const { counts, noData } = countsPerClass(rates, ckmeans(rates, 7));
		expect(counts).toHaveLength(7);
		expect(counts.every((n) => n > 0)).toBe(true);
		expect(counts.reduce((a, b) => a + b, 0) + noData).toBe(8563);
	});
});

describe('shared edge cases of the data-driven methods', () => {
	for (const [name, method] of Object.entries(dataMethods)) {
		describe(name, () => {
			it('has no classes for empty input and calls every value no data', () => {
				const c = method([], 5);
				expect(c.breaks).toEqual([]);
				expect(c.classCount).toBe(0);
				expect(c.classOf(3)).toBeNull();
				expect(countsPerClass([1, null], c)).toEqual({ counts: [], noData: 2 });
			});

			it('makes one class of all-equal values', () => {
				const c = method([4, 4, 4], 5);
				expect(c.breaks).toEqual([4, 4]);
				expect(countsPerClass([4, 4, 4], c)).toEqual({ counts: [3], noData: 0 });
			});

			it('ignores no-data values when breaking and counts them apart', () => {
				const values = [null, 1, Number.NaN, 2, 3, undefined, 4, Infinity];
				const c = method(values, 2);
				expect(c.breaks[0]).toBe(1);
				expect(c.breaks[c.classCount]).toBe(4);
				expect(countsPerClass(values, c)).toEqual({ counts: [2, 2], noData: 4 });
			});

			it('puts the maximum in the last class and out-of-range values in the end classes', () => {
				const values = [-3, -1, 0, 2, 8];
				const c = method(values, 3);
				expect(c.classOf(8)).toBe(c.classCount - 1);
				expect(c.classOf(-3)).toBe(0);
				expect(c.classOf(100)).toBe(c.classCount - 1);
				expect(c.classOf(-100)).toBe(0);
			});

			it('rejects a class count that is not a positive integer', () => {
				expect(() => method([1, 2], 0)).toThrow(RangeError);
				expect(() => method([1, 2], 1.5)).toThrow(RangeError);
			});
		});
	}
});

describe('fixedBands', () => {
	it('bands around target thresholds, a value on a threshold counting as reaching it', () => {
		const c = fixedBands([50, 80]);
		expect(c.breaks).toEqual([-Infinity, 50, 80, Infinity]);
		expect(classesOf(c, [-5, 49.99, 50, 79.9, 80, 1000, null])).toEqual([0, 0, 1, 1, 2, 2, null]);
	});

	it('is one class without thresholds and refuses unordered or non-finite ones', () => {
		expect(fixedBands([]).classOf(-1e9)).toBe(0);
		expect(() => fixedBands([80, 50])).toThrow(RangeError);
		expect(() => fixedBands([50, 50])).toThrow(RangeError);
		expect(() => fixedBands([Number.NaN])).toThrow(RangeError);
	});
});

describe('classify', () => {
	it('dispatches on the legend spec', () => {
		const values = [1, 2, 3, 10, 11, 12];
		expect(classify(values, { method: 'quantile', classes: 2 }).breaks).toEqual(quantile(values, 2).breaks);
		expect(classify(values, { method: 'equalInterval', classes: 2 }).breaks).toEqual([1, 6.5, 12]);
		expect(classify(values, { method: 'ckmeans', classes: 2 }).breaks).toEqual([1, 10, 12]);
		expect(classify(values, { method: 'fixedBands', thresholds: [5] }).method).toBe('fixedBands');
	});
});

describe('atPrinted: classes of the figures as printed', () => {
	// Shares printed as percentages to one decimal: 0.2096 prints "21,0".
	const pct = printedAt(100, 1);
	/** Breaks as the percentages they print as. */
	const asPct = (c: Classification) => c.breaks.map((b) => (Number.isFinite(b) ? Number((b * 100).toFixed(1)) : b));

	it('rounds as the printed text does and steps by its last digit', () => {
		// 0.2095 · 100 is 20.9499… in floating point; the page prints it "21,0" (toFixed would give 20.9).
		expect([0.2096, 0.20949, 0.2095, 0.20951].map(pct.round)).toEqual([0.21, 0.209, 0.21, 0.21]);
		expect(formatFixed(0.2095 * 100, 'id', 1)).toBe('21,0');
		expect((0.2095 * 100).toFixed(1)).toBe('20.9');
		expect(pct.step).toBeCloseTo(0.001, 12);
		expect(printedAt(1, 0).step).toBe(1);
	});

	it('puts a value printed as a break in the class the break starts, though it lies just below it', () => {
		const raw = quantile([0.1, 0.15, 0.2096, 0.2097, 0.25, 0.3], 2);
		expect(raw.breaks).toEqual([0.1, 0.2097, 0.3]);
		expect(raw.classOf(0.2096)).toBe(0);
		const c = atPrinted(raw, pct);
		expect(asPct(c)).toEqual([10, 21, 30]);
		expect(classesOf(c, [0.1, 0.20949, 0.20951, 0.2096, 0.2097, 0.3, null])).toEqual([0, 0, 1, 1, 1, 1, null]);
	});

	it('makes one class of breaks that print alike, keeping a last class of one printed value', () => {
		const c = atPrinted({ ...quantile([0], 1), breaks: [0.044, 0.2096, 0.2104, 0.313, 0.6], classCount: 4 }, pct);
		expect(asPct(c)).toEqual([4.4, 21, 31.3, 60]);
		expect(c.classCount).toBe(3);
		const top = atPrinted(quantile([0.5, 0.6, 0.7, 0.8, 0.9, 0.9996, 1, 1, 1, 1], 5), pct);
		expect(asPct(top)).toEqual([50, 70, 90, 100, 100]);
		// 0.9996 prints "100,0 %": it is in the class of 100 %, not the one below it.
		expect(classesOf(top, [0.8999, 0.9996, 1])).toEqual([2, 3, 3]);
		const one = atPrinted(equalInterval([0.20996, 0.21004], 5), pct);
		expect([asPct(one), one.classCount, one.classOf(0.20996)]).toEqual([[21, 21], 1, 0]);
	});

	it('keeps the open ends of fixed bands and classes a printed value on a threshold in the band above', () => {
		const c = atPrinted(fixedBands([0.6, 0.8]), pct);
		expect(asPct(c)).toEqual([-Infinity, 60, 80, Infinity]);
		expect(classesOf(c, [0.5994, 0.5995, 0.7999, 0.8, 5])).toEqual([0, 1, 2, 2, 2]);
		expect(atPrinted(quantile([], 5), pct).classOf(1)).toBeNull();
	});
});
