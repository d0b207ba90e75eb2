import { describe, expect, it } from 'vitest';
import { HOTSPOT_COLORS, MORAN_COLORS, NO_DATA_COLOR, SEQUENTIAL_BAD, SEQUENTIAL_GOOD } from './palette';
import { hexToRgb, inkPath, reasonTile, swatchCss, tileSvg, TILE_SIZE, UNCOLOURED_REASONS, UNCOLOURED_SWATCH, type RgbaImage, type UncolouredReason } from './uncoloured';

const px = (img: RgbaImage, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
const rgba = (hex: string) => [...hexToRgb(hex), 255];
/** Relative luminance (WCAG) of an sRGB colour: what a greyscale print keeps of it. */
const luminance = ([r, g, b]: readonly number[]) => {
	const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
/** The tile's mean luminance: how grey it reads from a distance, or printed small. */
const meanLuminance = (img: RgbaImage) => {
	let sum = 0;
	for (let i = 0; i < img.data.length; i += 4) sum += luminance([img.data[i], img.data[i + 1], img.data[i + 2]]);
	return sum / (img.width * img.height);
};
/** The ink pixels of a tile as "x,y". */
const inkOf = (img: RgbaImage, reason: UncolouredReason) => {
	const ink = rgba(UNCOLOURED_SWATCH[reason].ink).join();
	const out = new Set<string>();
	for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (px(img, x, y).join() === ink) out.add(`${x},${y}`);
	return out;
};
/** The pixels an SVG path of `M x y h w v 1 h -w z` runs covers, as "x,y". */
const pathPixels = (d: string) => {
	const out = new Set<string>();
	for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(w); i++) out.add(`${Number(x) + i},${y}`);
	return out;
};

describe('reasonTile', () => {
	it('draws no data as before: the no-data grey with white 2-pixel "/" stripes', () => {
		const tile = reasonTile('none');
		expect(tile.data).toHaveLength(TILE_SIZE * TILE_SIZE * 4);
		expect(px(tile, 0, 0)).toEqual([255, 255, 255, 255]);
		expect(px(tile, 7, 1)).toEqual([255, 255, 255, 255]); // (7 + 1) mod 8 = 0: on the stripe
		expect(px(tile, 3, 0)).toEqual(rgba(NO_DATA_COLOR));
		expect(inkOf(tile, 'none').size).toBe(16); // 2 of every 8 pixels per row
	});

	it('draws too few cases as dark dots on a pale grey, and hidden as a white cross on a dark grey', () => {
		expect(inkOf(reasonTile('few'), 'few')).toEqual(new Set(['1,1', '2,1', '1,2', '2,2', '5,5', '6,5', '5,6', '6,6']));
		const cross = reasonTile('hidden');
		expect(px(cross, 0, 0)).toEqual([255, 255, 255, 255]);
		expect(px(cross, 4, 4)).toEqual([255, 255, 255, 255]); // on the '\' diagonal
		expect(px(cross, 1, 7)).toEqual([255, 255, 255, 255]); // on the '/' diagonal
		expect(inkOf(cross, 'hidden').size).toBe(14); // two one-pixel lines of 8, crossing twice
		expect(px(cross, 3, 1)).toEqual(rgba(UNCOLOURED_SWATCH.hidden.background));
	});

	it('every tile is opaque (a legend swatch then shows exactly its pixels, whatever is under it)', () => {
		for (const r of UNCOLOURED_REASONS) {
			const tile = reasonTile(r);
			for (let i = 3; i < tile.data.length; i += 4) expect(tile.data[i]).toBe(255);
		}
	});

	it('the stripes tile seamlessly: a stripe leaving the right edge comes back on the left of the next row', () => {
		const [none, cross] = [reasonTile('none'), reasonTile('hidden')];
		const n = TILE_SIZE;
		for (let y = 0; y < n; y++) {
			for (let x = 0; x < n; x++) {
				expect(px(none, x, y), `${x},${y}`).toEqual(px(none, (x + 1) % n, (y + n - 1) % n));
				// Both of the cross's diagonals: each is where its own line continues.
				const slash = (x + y) % n === 0;
				const back = (x - y + n) % n === 0;
				if (slash) expect(px(cross, (x + 1) % n, (y + n - 1) % n)).toEqual([255, 255, 255, 255]);
				if (back) expect(px(cross, (x + 1) % n, (y + 1) % n)).toEqual([255, 255, 255, 255]);
			}
		}
	});
});

describe('the three swatches read apart, in greyscale too, and never as a class', () => {
	const tiles = UNCOLOURED_REASONS.map((r) => reasonTile(r));

	it('each has its own pattern of ink pixels and its own ground', () => {
		const inks = UNCOLOURED_REASONS.map((r, i) => [...inkOf(tiles[i], r)].sort().join(' '));
		expect(new Set(inks).size).toBe(3);
		expect(new Set(UNCOLOURED_REASONS.map((r) => UNCOLOURED_SWATCH[r].background)).size).toBe(3);
	});

	it('their grounds and their mean greys are at least 0.1 apart in luminance (light, mid, dark)', () => {
		const grounds = UNCOLOURED_REASONS.map((r) => luminance(hexToRgb(UNCOLOURED_SWATCH[r].background))).sort();
		const means = tiles.map(meanLuminance).sort();
		for (const l of [grounds, means]) for (let i = 1; i < l.length; i++) expect(l[i] - l[i - 1]).toBeGreaterThanOrEqual(0.1);
	});

	it('no ground is a colour of any palette, and each has ink contrasting with its ground (a pattern that shows in grey)', () => {
		const classes = new Set<string>([...SEQUENTIAL_BAD, ...SEQUENTIAL_GOOD, ...HOTSPOT_COLORS, ...MORAN_COLORS]);
		for (const r of UNCOLOURED_REASONS) {
			const s = UNCOLOURED_SWATCH[r];
			expect(classes.has(s.background)).toBe(false);
			const [a, b] = [luminance(hexToRgb(s.background)), luminance(hexToRgb(s.ink))];
			expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), r).toBeGreaterThanOrEqual(1.5);
		}
	});
});

describe('the legend swatch is the map tile', () => {
	it('inkPath covers exactly the tile ink pixels, so an SVG pattern prints what the map draws', () => {
		for (const r of UNCOLOURED_REASONS) expect(pathPixels(inkPath(r)), r).toEqual(inkOf(reasonTile(r), r));
	});

	it('swatchCss shows the tile SVG on its ground, at the tile map size', () => {
		for (const r of UNCOLOURED_REASONS) {
			const css = swatchCss(r);
			expect(css).toContain(`background-color: ${UNCOLOURED_SWATCH[r].background}`);
			expect(decodeURIComponent(css.match(/url\("data:image\/svg\+xml,([^"]+)"\)/)![1])).toBe(tileSvg(r));
			expect(tileSvg(r)).toContain(`fill="${UNCOLOURED_SWATCH[r].ink}"`);
			expect(css).toContain(`background-size: ${TILE_SIZE}px ${TILE_SIZE}px`);
		}
	});
});
