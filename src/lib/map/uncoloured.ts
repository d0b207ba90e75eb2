/**
 * Why a desa is left uncoloured, and the one swatch each reason is drawn with wherever it appears:
 * the map (a pattern image, hatch.ts), its legend (a CSS background), the map's PNG and its legend
 * (a canvas pattern) and the briefing's printed maps (an SVG pattern). A planner must tell "no figure
 * here" from "too few cases to compare" from "left out for privacy", so each reason has its own
 * background and its own pattern: they differ in greyscale print and without telling hues apart, and
 * none is a flat fill that could read as a palette's class (the lightest are near-white or pale yellow).
 *
 * Every rendering is made from the same tile of pixels (reasonTile), so a legend's swatch is the
 * map's paint by construction rather than by a second hand-drawn copy.
 */
import { NO_DATA_COLOR } from './palette';

/**
 * - `none`: no figure at all (no households registered, no referrals);
 * - `few`: a referral figure resting on 1–4 cases, 0, 50 or 100 % by chance (peta/layers.ts MIN_REFERRALS);
 * - `hidden`: a public picture leaves it out, its figure resting on a count of 1–4 (the privacy rule).
 */
export const UNCOLOURED_REASONS = ['few', 'none', 'hidden'] as const;
export type UncolouredReason = (typeof UNCOLOURED_REASONS)[number];

type Pattern = 'diagonal' | 'dots' | 'cross';

export interface UncolouredSwatch {
	/** the tile's ground, also the flat fill drawn before the pattern is in (feature-state, expression.ts) */
	background: string;
	/** the pattern's pixels */
	ink: string;
	pattern: Pattern;
}

/**
 * - no data: the mid grey with white '/' stripes, as before (a blank cell in a printed atlas);
 * - too few cases: a pale grey with dark dots, sparse like the cases it rests on (the lightest of
 *   the three, yet dotted, and greyer than every palette's lightest class);
 * - hidden: a dark grey crossed out in thin white lines, the darkest of the three in greyscale.
 */
export const UNCOLOURED_SWATCH: Record<UncolouredReason, UncolouredSwatch> = {
	none: { background: NO_DATA_COLOR, ink: '#ffffff', pattern: 'diagonal' },
	few: { background: '#f1f3f5', ink: '#4b5563', pattern: 'dots' },
	hidden: { background: '#6b7683', ink: '#ffffff', pattern: 'cross' }
};

/** Tile size in pixels (CSS pixels on the map): the patterns repeat every 8 px along each axis. */
export const TILE_SIZE = 8;
/** Stripe width in pixels, measured along a row; the cross's lines are thinner, so that it stays the darkest. */
const STRIPE = 2;
const CROSS_LINE = 1;

/** Whether pixel (x, y) of a tile is ink; every pattern is seamless when the tile repeats. */
function onInk(pattern: Pattern, x: number, y: number, size: number): boolean {
	switch (pattern) {
		case 'diagonal':
			// x + y constant along a '/' diagonal; modulo the tile size keeps the tiling seamless.
			return (x + y) % size < STRIPE;
		case 'cross':
			return (x + y) % size < CROSS_LINE || (x - y + size) % size < CROSS_LINE;
		case 'dots': {
			// Two 2 × 2 dots a tile, staggered by half a tile: a quincunx, even in every direction.
			const h = size / 2;
			const dot = (cx: number, cy: number) => x >= cx && x < cx + 2 && y >= cy && y < cy + 2;
			return dot(1, 1) || dot(1 + h, 1 + h);
		}
	}
}

export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8Array;
}

export function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The square tile of a reason's swatch as opaque RGBA pixels (MapLibre's addImage, a canvas pattern). */
export function reasonTile(reason: UncolouredReason, size = TILE_SIZE): RgbaImage {
	const s = UNCOLOURED_SWATCH[reason];
	const data = new Uint8Array(size * size * 4);
	const [bg, ink] = [[...hexToRgb(s.background), 255], [...hexToRgb(s.ink), 255]];
	for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set(onInk(s.pattern, x, y, size) ? ink : bg, (y * size + x) * 4);
	return { width: size, height: size, data };
}

/** The tile's ink pixels as an SVG path of one-pixel-high runs, in the tile's pixel units. */
export function inkPath(reason: UncolouredReason, size = TILE_SIZE): string {
	const { pattern } = UNCOLOURED_SWATCH[reason];
	let d = '';
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if (!onInk(pattern, x, y, size) || (x > 0 && onInk(pattern, x - 1, y, size))) continue;
			let w = 1;
			while (x + w < size && onInk(pattern, x + w, y, size)) w++;
			d += `M${x} ${y}h${w}v1h-${w}z`;
		}
	}
	return d;
}

/** The tile as an SVG document: the legend's CSS swatch (swatchCss) shows exactly the map's pixels. */
export function tileSvg(reason: UncolouredReason, size = TILE_SIZE): string {
	const s = UNCOLOURED_SWATCH[reason];
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="${s.background}"/><path d="${inkPath(reason, size)}" fill="${s.ink}"/></svg>`;
}

/** CSS for a legend swatch of `reason`: its ground and its tile repeated at the map's size. */
export function swatchCss(reason: UncolouredReason): string {
	const s = UNCOLOURED_SWATCH[reason];
	return `background-color: ${s.background}; background-image: url("data:image/svg+xml,${encodeURIComponent(tileSvg(reason))}"); background-size: ${TILE_SIZE}px ${TILE_SIZE}px`;
}
