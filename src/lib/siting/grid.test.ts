import { describe, expect, test } from 'vitest';
import { createRng } from '../geo/rng';
import { greatCircleKm, GridIndex } from './grid';
import { GreatCircleSource, MatrixSource } from './distance';

function points(seed: number, n: number) {
	const rng = createRng(seed);
	const lng = Float64Array.from({ length: n }, () => 110 + rng() * 0.6);
	const lat = Float64Array.from({ length: n }, () => -7.3 + rng() * 0.6);
	return { lng, lat };
}

describe('GridIndex', () => {
	test('within returns exactly the points a brute-force scan finds, for several radii and cell sizes', () => {
		const p = points(1, 400);
		for (const [cell, r] of [[5, 5], [2, 7], [10, 3], [5, 0.5]]) {
			const grid = new GridIndex(p.lng, p.lat, cell);
			for (let q = 0; q < 40; q++) {
				const got: number[] = [];
				grid.within(p.lng[q], p.lat[q], r, (i) => got.push(i));
				const want = [...p.lng.keys()].filter((i) => greatCircleKm(p.lng[q], p.lat[q], p.lng[i], p.lat[i]) <= r);
				expect(got.sort((a, b) => a - b)).toEqual(want);
			}
		}
	});

	test('nearest matches brute force, also for a query far outside the points and for a subset', () => {
		const p = points(2, 300);
		const subset = [...p.lng.keys()].filter((i) => i % 3 === 0);
		const grid = new GridIndex(p.lng, p.lat, 3, subset);
		for (const [lng, lat] of [[110.3, -7.0], [112.5, -6.0], [110.01, -7.29]]) {
			const want = subset.map((i) => greatCircleKm(lng, lat, p.lng[i], p.lat[i])).reduce((a, b) => Math.min(a, b));
			expect(grid.nearest(lng, lat)!.km).toBeCloseTo(want, 12);
		}
		expect(new GridIndex(p.lng, p.lat, 3, []).nearest(110, -7)).toBeNull();
	});

	test('Turf great-circle distance: one degree of latitude is about 111.2 km', () => {
		expect(greatCircleKm(110, 0, 110, 1)).toBeCloseTo(111.195, 2);
	});
});

describe('distance sources', () => {
	test('a travel-time matrix with the same numbers gives the same reach and nearest as great-circle', () => {
		const d = points(3, 60);
		const f = points(4, 15);
		const gc = new GreatCircleSource(d, f);
		const m = new Float64Array(15 * 60);
		for (let i = 0; i < 15; i++) for (let j = 0; j < 60; j++) m[i * 60 + j] = gc.distance(i, j);
		const mx = new MatrixSource(m, 15, 60);
		const all = [...Array(15).keys()];
		expect(mx.reach(all, 8)).toEqual(gc.reach(all, 8));
		expect(mx.nearest([1, 4, 9])).toEqual(gc.nearest([1, 4, 9]));
		const mask = Uint8Array.from({ length: 60 }, (_, i) => i % 2);
		expect(mx.reach(all, 8, mask)).toEqual(gc.reach(all, 8, mask));
	});

	test('a matrix of the wrong size is refused with a message naming the sizes', () => {
		expect(() => new MatrixSource(new Float64Array(10), 3, 4)).toThrow(/10 values, expected 3 × 4/);
	});
});
