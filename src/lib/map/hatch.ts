/**
 * The "no data" hatch: desa without a value are drawn grey with white diagonal stripes, like a
 * blank cell in a printed atlas, so they never read as the lowest class. The pattern is made in
 * code (RGBA pixels handed to `map.addImage`): the style has no sprite and nothing is fetched.
 *
 * The hatched desa come from a GeoJSON source of their own that holds only them (usually none or
 * a few), replaced when a colouring changes which desa have no class. The pattern layer then draws
 * nothing it would hide again, and a recolour rewrites no per-vertex opacity of every desa: drawn
 * over the whole province with a feature-state opacity, it cost about as much as the fills.
 */
import type { FillLayerSpecification, FilterSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR } from './palette';
import { FILL_ANTIALIAS } from './style';

export const HATCH_IMAGE = 'arsir-tanpa-data';
export const DESA_HATCH = 'desa-tanpa-data';
export const HATCH_SOURCE = 'desa-tanpa-data-sumber';
/** Tile size in pixels: the stripes repeat every 8 px along each axis (every ~5.7 px across them). */
export const HATCH_SIZE = 8;
/** Stripe width in pixels, measured along a row. */
const STRIPE = 2;
const STRIPE_RGBA = [255, 255, 255, 200] as const;

export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A square tile of 45° stripes ('/'), seamless when repeated in both directions. */
export function hatchTile(size = HATCH_SIZE, background = NO_DATA_COLOR): RgbaImage {
	const data = new Uint8Array(size * size * 4);
	const bg = [...hexToRgb(background), 255];
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// x + y constant along a '/' diagonal; modulo the tile size keeps the tiling seamless.
			const onStripe = (x + y) % size < STRIPE;
			data.set(onStripe ? STRIPE_RGBA : bg, (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

/** The features whose code has no class (absent, or null): those the hatch draws. */
export function noDataFeatures<F extends { properties: { kode: string } }>(features: readonly F[], classes: ReadonlyMap<string, number | null>): F[] {
	return features.filter((f) => (classes.get(f.properties.kode) ?? null) === null);
}

export function desaHatchLayer(filter: FilterSpecification | null = null): FillLayerSpecification {
	return {
		id: DESA_HATCH,
		type: 'fill',
		source: HATCH_SOURCE,
		...(filter ? { filter } : {}),
		paint: { 'fill-pattern': HATCH_IMAGE, 'fill-antialias': FILL_ANTIALIAS }
	};
}
