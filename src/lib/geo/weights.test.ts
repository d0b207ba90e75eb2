import { describe, expect, it } from 'vitest';
import { islands, isPresent, isSymmetric, presentSubset, spreadToAll, type SpatialWeights } from './weights';

// a – b – c   d (island)
const chain: SpatialWeights = { ids: ['a', 'b', 'c', 'd'], neighbours: [[1], [0, 2], [1], []] };

describe('weights helpers', () => {
	it('reports islands by id', () => {
		expect(islands(chain)).toEqual(['d']);
	});

	it('detects one-way links and self-links', () => {
		expect(isSymmetric(chain)).toBe(true);
		expect(isSymmetric({ ids: ['a', 'b'], neighbours: [[1], []] })).toBe(false);
		expect(isSymmetric({ ids: ['a'], neighbours: [[0]] })).toBe(false);
	});

	it('treats only finite numbers as present', () => {
		expect([0, -2.5, null, undefined, Number.NaN, Infinity].map(isPresent)).toEqual([true, true, false, false, false, false]);
	});

	it('keeps the units with values and re-indexes the links among them', () => {
		const subset = presentSubset([5, null, 7, 1], chain);
		expect(subset.index).toEqual([0, 2, 3]);
		expect(subset.values).toEqual([5, 7, 1]);
		// b had no value, so a and c lose their only neighbour.
		expect(subset.neighbours).toEqual([[], [], []]);
		expect(spreadToAll(subset, ['x', 'y', 'z'], 4)).toEqual(['x', null, 'y', 'z']);
	});

	it('refuses values that do not match the weights', () => {
		expect(() => presentSubset([1, 2, 3], chain)).toThrow(RangeError);
	});
});
