import { describe, expect, it } from 'vitest';
import { complementary, margin, recoverable } from './complementary';

const parts = (group: string, values: Record<string, number>) => Object.entries(values).map(([key, value]) => ({ group, key, value }));

describe('complementary suppression', () => {
	it('withholds, beside one hidden count, the smallest in its group large enough to keep it anything from 1 to 4 (ties by key)', () => {
		expect([...complementary(parts('k1', { a: 3, b: 40, c: 7, d: 7, e: 0 }))]).toEqual(['c']);
		// A hidden 1 beside a withheld 5 would leave 6, and "x" is known to be 5 or more: 6 − 5 gives the 1 back.
		expect(margin([1])).toBe(8);
		expect(margin([4])).toBe(5);
		expect(margin([1, 1])).toBe(8);
		expect(margin([4, 4])).toBe(5);
		expect([...complementary(parts('k1', { a: 1, b: 5, c: 6, d: 8, e: 30 }))]).toEqual(['d']);
		// None that large: the largest there is.
		expect([...complementary(parts('k1', { a: 1, b: 5, c: 6 }))]).toEqual(['c']);
	});

	it('withholds nothing where nothing is hidden, or where only zeros are', () => {
		expect(complementary(parts('k1', { a: 5, b: 40, c: 0 })).size).toBe(0);
		expect(complementary(parts('k1', { a: 0, b: 0 })).size).toBe(0);
	});

	it('treats each group on its own: a part of another parent is no complement', () => {
		const out = complementary([...parts('k1', { a: 2, b: 50 }), ...parts('k2', { c: 6, d: 9 }), ...parts('k3', { e: 1, f: 8, g: 20 })]);
		expect([...out].sort()).toEqual(['b', 'f']);
	});

	it('two or more hidden counts need a complement only when their sum pins them (all 1s or all 4s)', () => {
		expect(recoverable([3])).toBe(true);
		expect(recoverable([1, 1])).toBe(true);
		expect(recoverable([4, 4, 4])).toBe(true);
		expect(recoverable([1, 4])).toBe(false);
		expect(recoverable([2, 3])).toBe(false);
		expect(recoverable([])).toBe(false);
		expect([...complementary(parts('k1', { a: 1, b: 1, c: 12 }))]).toEqual(['c']);
		expect(complementary(parts('k1', { a: 1, b: 3, c: 12 })).size).toBe(0);
	});

	it('a group with no count of 5 or more has nothing to withhold (its total is then itself small)', () => {
		expect(complementary(parts('k1', { a: 3, b: 0 })).size).toBe(0);
	});
});
