import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { queenContiguity, storedContiguity } from '../src/lib/geo/contiguity';
import { slimBoundaries } from './prepare-geo';

const BOUNDARIES = join(import.meta.dirname, '..', 'data', 'reference', 'boundaries');

describe('slimBoundaries', () => {
	test('writes each desa\'s neighbours as the page would work them out from the written coordinates', () => {
		for (const file of ['kota_mojokerto.geojson', 'kab_bantaeng.geojson']) {
			const written = JSON.parse(JSON.stringify(slimBoundaries(JSON.parse(readFileSync(join(BOUNDARIES, file), 'utf8')))));
			const computed = queenContiguity(written.features);
			expect(computed.neighbours.some((l) => l.length > 0), file).toBe(true);
			expect(storedContiguity(written.features, written.tetangga), file).toEqual(computed);
			// Beside the features, not inside them: MapLibre's tiles carry each desa's properties.
			expect(Object.keys(written.features[0].properties), file).toEqual(['kode', 'nama', 'jenis', 'kode_kec', 'nama_kec']);
		}
	});
});
