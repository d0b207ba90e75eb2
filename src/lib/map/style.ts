/**
 * The self-hosted map style: a plain background and the desa polygons themselves as the base map.
 * No tiles, glyphs or sprites, so nothing is fetched from outside the app (desa names appear in
 * the tooltip instead of as labels, which would need glyphs).
 */
import type { ExpressionSpecification, FilterSpecification, FillLayerSpecification, LineLayerSpecification, StyleSpecification } from 'maplibre-gl';
import { desaColorExpression } from './expression';
import { OUTLINE_WIDTH } from './highlight';
import { OUTLINE_COLOR } from './palette';

export const DESA_SOURCE = 'desa';
export const DESA_FILL = 'desa-isi';
export const DESA_OUTLINE = 'desa-batas';
/** The GeoJSON property holding the Kemendagri code, promoted to the feature id. */
export const DESA_ID_PROPERTY = 'kode';
export const BACKGROUND_COLOR = '#e9eef3';

/** Fill opacity: high enough to read the class, low enough to see boundaries under hover. */
const FILL_OPACITY = 0.9;

/**
 * Douglas–Peucker tolerance of the desa source, in screen pixels at the zoom drawn (MapLibre's
 * default is 0.375). A boundary moves by less than a pixel, which no one sees under the 0.5 px
 * outline (or on desa too small to be outlined), while a province's 8,563 desa keep about half their triangles and two thirds of their
 * outline vertices: in software WebGL every frame costs in proportion to them (issue 7).
 */
export const DESA_TOLERANCE = 0.75;

/**
 * The tile buffer of the polygon sources (desa, kabupaten/kota), in pixels of a 512 px tile. MapLibre's
 * default, 128, copies into each tile every polygon within a quarter tile of its edges: made for
 * labels and wide symbols, which these maps do not draw. Their fills and outlines (at most a few
 * pixels wide) need only enough to join a line across two tiles without a seam. Each tile then
 * holds about half the geometry it did (1.5² the tile's area with 128), and MapLibre's worker builds
 * it in less time: the national map's four tiles were its longest job before its first frame (issue 7).
 */
export const POLYGON_TILE_BUFFER = 8;

/**
 * The desa fills draw no antialiasing outline of their own (MapLibre draws one more pass over every
 * edge for it): the boundary layer is drawn over exactly those edges, and at the zooms where it is
 * not (outlineMinZoom) a desa is under 6 px across and an aliased edge between two fills is not seen.
 */
export const FILL_ANTIALIAS = false;

/**
 * Nothing eases on these maps, since every eased step is one more frame, and in software WebGL
 * (SwiftShader, the benchmark's) each frame the map draws costs ~60 ms of a core (issue 7):
 * - no paint transitions: MapLibre eases a changed paint property over 300 ms by default, and a
 *   layer change is meant to show its new colours whole from its first frame;
 * - no label fade (`fadeDuration`): the maps have no labels, yet MapLibre keeps drawing for the
 *   fade's 300 ms after each new layer, in case a label fades in. Adding a district's layers drew
 *   three frames of an empty map that way while its desa were still being tiled in MapLibre's
 *   worker, beside DuckDB-WASM's start on two cores.
 * The options every map here is created with; no attribution control, since every page credits the
 * boundaries in its footer. The paint transitions are turned off in baseStyle.
 */
export const MAP_OPTIONS = { attributionControl: false, dragRotate: false, fadeDuration: 0 } as const;

export function baseStyle(): StyleSpecification {
	return {
		version: 8,
		sources: {},
		// No paint transitions (see MAP_OPTIONS).
		transition: { duration: 0, delay: 0 },
		layers: [{ id: 'latar', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }]
	};
}

export function desaFillLayer(palette: readonly string[]): FillLayerSpecification {
	return {
		id: DESA_FILL,
		type: 'fill',
		source: DESA_SOURCE,
		paint: { 'fill-color': desaColorExpression(palette), 'fill-opacity': FILL_OPACITY, 'fill-antialias': FILL_ANTIALIAS }
	};
}

/**
 * Desa boundaries are drawn once a desa is on average this many pixels across. Below that (a
 * province's 8,563 desa at its own zoom are 4–5 px each) the lines would grey the whole map and
 * hide the colours, and in software WebGL they cost about as much to draw as the fills (issue 7).
 */
export const OUTLINE_MIN_PX = 6;

/**
 * The zoom from which the boundaries of `count` desa spread over `bounds` are drawn: where their
 * average width (the square root of the area per desa) reaches `minPx`. Near the equator a degree
 * of latitude and of longitude take about the same pixels in Web Mercator.
 */
export function outlineMinZoom(bounds: Bounds, count: number, minPx = OUTLINE_MIN_PX): number {
	const [[w, s], [e, n]] = bounds;
	const area = Math.max(e - w, 0) * Math.max(n - s, 0);
	if (count <= 0 || area <= 0) return 0;
	const degrees = Math.sqrt(area / count);
	return Math.min(Math.max(Math.log2((minPx * 360) / (256 * degrees)), 0), 24);
}

/** Boundary opacity: none below `minZoom` (MapLibre then skips the layer's draw), full from it. */
export function outlineOpacity(minZoom: number): ExpressionSpecification {
	return ['step', ['zoom'], 0, minZoom, 1];
}

/**
 * Every desa boundary, in one constant colour and width: no feature-state in its paint, so a
 * recolour leaves this layer (the most vertices of the map) untouched. The selected and hovered
 * desa are outlined by their own layer (highlight.ts), at every zoom.
 */
export function desaOutlineLayer(minZoom = 0): LineLayerSpecification {
	return {
		id: DESA_OUTLINE,
		type: 'line',
		source: DESA_SOURCE,
		paint: { 'line-color': OUTLINE_COLOR, 'line-width': OUTLINE_WIDTH, 'line-opacity': outlineOpacity(minZoom) }
	};
}

/** Layer filter showing one kecamatan's desa, or every desa of the district (null). */
export function kecamatanFilter(kodeKec: string | null): FilterSpecification | null {
	return kodeKec ? ['==', ['get', 'kode_kec'], kodeKec] : null;
}

export type Bounds = [[number, number], [number, number]];

/** [[west, south], [east, north]] of every coordinate of the given geometries; null if there are none. */
export function boundsOf(geometries: readonly { coordinates: unknown }[]): Bounds | null {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	const visit = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] === 'number' && typeof c[1] === 'number') {
			w = Math.min(w, c[0]);
			e = Math.max(e, c[0]);
			s = Math.min(s, c[1]);
			n = Math.max(n, c[1]);
		} else c.forEach(visit);
	};
	geometries.forEach((g) => visit(g.coordinates));
	return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}
