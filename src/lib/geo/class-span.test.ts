import { describe, expect, it } from 'vitest';
import { atPrinted, fixedBands, printedAt, quantile } from './classify';
import { classSpans, spanLabel } from './class-span';

const pct = printedAt(100, 1);
const format = (v: number) => (v * 100).toFixed(1).replace('.', ',');
const labels = (values: number[], classes = 5) => {
	const c = atPrinted(quantile(values, classes), pct);
	return classSpans(c, pct).map((s) => spanLabel(s, format, ' %'));
};

describe('class spans and their legend lines', () => {
	it('end a class one printed step below the next one starts, the last at its top', () => {
		expect(labels([0.044, 0.1, 0.21, 0.25, 0.313, 0.4, 0.6], 3)).toEqual(['4,4 – 20,9 %', '21,0 – 31,2 %', '31,3 – 60,0 %']);
	});

	it('print a class of one value as that value, and breaks that print alike as one class', () => {
		expect(labels([0.5, 0.6, 0.7, 0.8, 0.9, 0.9996, 1, 1, 1, 1])).toEqual(['50,0 – 69,9 %', '70,0 – 89,9 %', '90,0 – 99,9 %', '100,0 %']);
		// Quantile breaks 0.2096 and 0.2104 both print 21,0: the class between them is no more.
		expect(labels([0.044, 0.1, 0.2096, 0.2097, 0.2104, 0.25, 0.313, 0.35, 0.5, 0.6])).toEqual(['4,4 – 20,9 %', '21,0 – 31,2 %', '31,3 – 49,9 %', '50,0 – 60,0 %']);
		// A class one step wide is one value.
		expect(labels([0.2, 0.2, 0.201, 0.201], 2)).toEqual(['20,0 %', '20,1 %']);
	});

	it('write open bands with < and ≥', () => {
		const c = atPrinted(fixedBands([0.6, 0.8, 0.9]), pct);
		expect(classSpans(c, pct).map((s) => spanLabel(s, format, ' %'))).toEqual(['< 60,0 %', '60,0 – 79,9 %', '80,0 – 89,9 %', '≥ 90,0 %']);
	});
});
