import { describe, expect, it } from 'vitest';
import { desaHatchLayer, HATCH_IMAGE, hatchOpacityExpression, hatchTile } from './hatch';

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
	it('patterns the desa layer with the code-made image, shown only where no class is set', () => {
		const layer = desaHatchLayer(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(layer.paint?.['fill-pattern']).toBe(HATCH_IMAGE);
		expect(layer.filter).toEqual(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(desaHatchLayer().filter).toBeUndefined();
		expect(hatchOpacityExpression()).toEqual(['case', ['==', ['coalesce', ['feature-state', 'kelas'], -1], -1], 1, 0]);
	});
});
