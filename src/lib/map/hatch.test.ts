import { describe, expect, it } from 'vitest';
import { desaHatchLayer, HATCH_IMAGE, HATCH_SOURCE, hatchTile, noDataFeatures } from './hatch';

const px = (img: ReturnType<typeof hatchTile>, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

describe('hatchTile', () => {
	const tile = hatchTile(8, '#b8bec6');

	it('is width × height RGBA pixels, the grey background with white diagonal stripes', () => {
		expect(tile.data).toHaveLength(8 * 8 * 4);
		expect(px(tile, 0, 0)).toEqual([255, 255, 255, 200]);
		expect(px(tile, 7, 1)).toEqual([255, 255, 255, 200]); // (7 + 1) mod 8 = 0: on the stripe
		expect(px(tile, 3, 0)).toEqual([0xb8, 0xbe, 0xc6, 255]);
		const striped = Array.from({ length: 64 }, (_, i) => px(tile, i % 8, Math.floor(i / 8))[0] === 255).filter(Boolean).length;
		expect(striped).toBe(16); // 2 of every 8 pixels per row
	});

	it('tiles seamlessly: a stripe leaving the right edge comes back on the left of the next row', () => {
		for (let y = 0; y < 8; y++) {
			for (let x = 0; x < 8; x++) expect(px(tile, x, y), `${x},${y}`).toEqual(px(tile, (x + 1) % 8, (y + 7) % 8));
		}
	});
});

describe('desaHatchLayer', () => {
	it('patterns the desa of its own source (only those without a class) with the code-made image', () => {
		const layer = desaHatchLayer(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(layer.paint?.['fill-pattern']).toBe(HATCH_IMAGE);
		expect(layer.source).toBe(HATCH_SOURCE);
		expect(layer.filter).toEqual(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(desaHatchLayer().filter).toBeUndefined();
		// Nothing in its paint changes with a recolour: the source says which desa are hatched.
		expect(JSON.stringify(layer.paint)).not.toContain('feature-state');
	});
});

describe('noDataFeatures', () => {
	const f = (kode: string) => ({ properties: { kode, kode_kec: kode.slice(0, 8) } });
	const features = [f('33.28.01.2001'), f('33.28.01.2002'), f('33.28.02.2001')];
	it('keeps exactly the desa without a class, in their order', () => {
		expect(noDataFeatures(features, new Map([['33.28.01.2002', 0]]))).toEqual([features[0], features[2]]);
		expect(noDataFeatures(features, new Map(features.map((x, i) => [x.properties.kode, i])))).toEqual([]);
		expect(noDataFeatures(features, new Map())).toEqual(features);
		expect(noDataFeatures(features, new Map([['33.28.01.2001', null], ['33.28.01.2002', 3], ['33.28.02.2001', 0]]))).toEqual([features[0]]);
	});
});
