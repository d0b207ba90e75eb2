import { describe, expect, test } from 'vitest';
import { axisNote, buildCurveOption, coverageAxis } from './chart';
import type { CurvePoint } from './scenario';

const curve = (shares: number[]): CurvePoint[] => shares.map((s, n) => ({ n, covered: { weight: s * 10, miskin: s * 10, keluhan: 0 }, worst: 1, set: [] }));
type Axis = { min?: number; max?: number; breaks?: { start: number; end: number }[] };
const yAxis = (o: ReturnType<typeof buildCurveOption>) => (o.yAxis as Axis[])[0];

describe('the coverage curve axis', () => {
	test('Tegal, 97,4 % → 100 %: the axis runs from just below the lowest point, with the cut from 0 shown as a break', () => {
		expect(coverageAxis([97.4, 99.1, 100])).toEqual({ start: 97, max: 100, step: 0.5 });
		const y = yAxis(buildCurveOption(curve([97.4, 99.1, 100]), 1000, 2, 'mclp', 'id'));
		expect(y.min).toBe(0);
		expect(y.max).toBe(100);
		expect(y.breaks).toEqual([expect.objectContaining({ start: 0, end: 97 })]);
		// The drawn line spans most of the plot: 97,4 → 100 over an axis of 97 → 100.
		expect((100 - 97.4) / (100 - 97)).toBeGreaterThan(0.8);
	});

	test('a curve from low values starts at 0 without a break; one from 71 % starts at 65 %; the top stops at 100 %', () => {
		expect(coverageAxis([4, 30, 52])).toEqual({ start: 0, max: 60, step: 10 });
		expect(yAxis(buildCurveOption(curve([4, 30, 52]), 1000, 1, 'mclp', 'en')).breaks).toBeUndefined();
		expect(coverageAxis([71.1, 90, 100])).toEqual({ start: 65, max: 100, step: 5 });
		expect(coverageAxis([100])).toEqual({ start: 99.5, max: 100, step: 0.5 });
		expect(coverageAxis([])).toEqual({ start: 0, max: 100, step: 20 });
	});

	test('the note under a cut axis says so in both languages', () => {
		expect(axisNote(97, 'id')).toBe('Sumbu tegak tidak dimulai dari 0: bagian 0–97\u00a0% dipotong (tanda zigzag) agar perbedaan kecil terlihat.');
		expect(axisNote(97.5, 'en')).toBe('The vertical axis does not start at 0: the part 0–97.5% is cut out (zigzag mark) so small differences show.');
	});
});
