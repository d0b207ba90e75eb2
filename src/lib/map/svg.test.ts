import { describe, expect, test } from 'vitest';
import { svgPaths } from './svg';

const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];

describe('svgPaths', () => {
	test('a square at the equator fills the box, north up', () => {
		const [p] = svgPaths([{ kode: 'A', geometry: { type: 'Polygon', coordinates: square(0, 0, 1) } }], 100, 100, 0);
		expect(p.d).toBe('M0.0 100.0L100.0 100.0L100.0 0.0L0.0 0.0L0.0 100.0Z');
	});
	test('longitude shrinks with the cosine of latitude, and the drawing is centred', () => {
		// At 60° a degree of longitude is half a degree of latitude: a 1° square is twice as tall as wide.
		const [p] = svgPaths([{ kode: 'A', geometry: { type: 'Polygon', coordinates: square(10, 59.5, 1) } }], 100, 100, 0);
		const xs = [...p.d.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1]));
		expect(Math.min(...xs)).toBeCloseTo(25, 0);
		expect(Math.max(...xs)).toBeCloseTo(75, 0);
	});
	test('multipolygons and holes become one path of closed rings; other geometry draws nothing', () => {
		const withHole = [...square(0, 0, 4), [[1, 1], [2, 1], [2, 2], [1, 1]]];
		const paths = svgPaths(
			[
				{ kode: 'A', geometry: { type: 'MultiPolygon', coordinates: [withHole, square(5, 0, 1)] } },
				{ kode: 'B', geometry: { type: 'Point', coordinates: [0, 0] } }
			],
			60,
			40
		);
		expect(paths.map((p) => p.kode)).toEqual(['A', 'B']);
		expect(paths[0].d.match(/Z/g)).toHaveLength(3);
		expect(paths[1].d).toBe('');
	});
	test('nothing to draw gives no paths', () => {
		expect(svgPaths([], 10, 10)).toEqual([]);
	});
});
