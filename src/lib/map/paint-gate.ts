/**
 * Holds back MapLibre's painting of a map until it can be painted whole.
 *
 * MapLibre paints a frame whenever something has changed: the style loaded, a source or layer
 * added, the camera fitted, and each tile of each source arriving from its worker. While a district's
 * polygons are being tiled, that was five or six frames of an empty or half-drawn map (the background
 * first, then one source's tiles without the others'). In software WebGL (SwiftShader, the
 * benchmark's) each such frame costs 40–160 ms of the GPU process's thread, on the same two cores
 * as the page, MapLibre's worker and DuckDB-WASM's start (issue 7). The user saw a flicker of
 * background; the map was drawn later for it.
 *
 * The gate wraps the painter's `render` (MapLibre's own frame loop still runs: styles are updated,
 * tiles requested and placed); until `ready()` holds, a frame is not painted and the canvas keeps
 * what it had (nothing, on a new map: the container's background shows). The first frame for which
 * `ready()` holds is painted, and from then on every frame is, as before. `open()` lets it paint at
 * once (a map left without polygons), and after `maxMs` it opens by itself, so a source that never
 * loads leaves a map as drawn as MapLibre can, not a blank box.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** How long a map may stay unpainted while its sources load. */
export const PAINT_HOLD_MAX_MS = 4_000;

export interface PaintGate {
	/** Paint from now on (and now). */
	open(): void;
	/** Stops the timer (the map is being removed). */
	dispose(): void;
	readonly isOpen: boolean;
}

export function holdPaintUntil(map: MapLibreMap, ready: () => boolean, maxMs = PAINT_HOLD_MAX_MS): PaintGate {
	const painter = map.painter;
	const paint = painter.render.bind(painter);
	let opened = false;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const settle = (): void => {
		opened = true;
		painter.render = paint;
		if (timer !== null) clearTimeout(timer);
		timer = null;
	};
	painter.render = (style, transform, data) => {
		if (!ready()) return;
		settle();
		paint(style, transform, data);
	};
	const gate: PaintGate = {
		open() {
			if (opened) return;
			settle();
			map.triggerRepaint();
		},
		dispose() {
			if (timer !== null) clearTimeout(timer);
			timer = null;
		},
		get isOpen() {
			return opened;
		}
	};
	timer = setTimeout(() => gate.open(), maxMs);
	return gate;
}
