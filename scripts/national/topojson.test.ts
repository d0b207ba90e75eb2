import { describe, expect, test } from 'vitest';
import { topoToGeo, type Topology } from './topojson';

// Two unit squares sharing the edge x = 1, quantised with scale 0.5 and translate (100, -5).
// Arc 0: (1,0)→(1,1) shared edge; arc 1: (1,1)→(0,1)→(0,0)→(1,0); arc 2: (1,0)→(2,0)→(2,1)→(1,1).
// In quantised delta form (units of 0.5): arc 0 = [2,0],[0,2]; arc 1 = [2,2],[-2,0],[0,-2],[2,0]; arc 2 = [2,0],[2,0],[0,2],[-2,0].
const TOPO: Topology = {
	type: 'Topology',
	transform: { scale: [0.5, 0.5], translate: [100, -5] },
	arcs: [
		[[2, 0], [0, 2]],
		[[2, 2], [-2, 0], [0, -2], [2, 0]],
		[[2, 0], [2, 0], [0, 2], [-2, 0]]
	],
	objects: {
		kab: {
			type: 'GeometryCollection',
			geometries: [
				{ type: 'Polygon', arcs: [[0, 1]], properties: { kode: 'A' } },
				{ type: 'MultiPolygon', arcs: [[[2, ~0]]], properties: { kode: 'B' } }
			]
		}
	}
};

describe('topoToGeo', () => {
	const fc = topoToGeo(TOPO, 'kab');
	test('decodes deltas, applies the transform and stitches arcs into closed rings', () => {
		expect(fc.features[0].properties).toEqual({ kode: 'A' });
		expect(fc.features[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[101, -5], [101, -4], [100, -4], [100, -5], [101, -5]]] });
	});
	test('a reversed arc (~i) runs backwards; MultiPolygon nesting kept', () => {
		expect(fc.features[1].geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[101, -5], [102, -5], [102, -4], [101, -4], [101, -5]]]] });
	});
	test('a missing object is a clear error', () => {
		expect(() => topoToGeo(TOPO, 'desa')).toThrow(/object "desa" not found \(have: kab\)/);
	});
});
