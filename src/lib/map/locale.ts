/**
 * MapLibre's own words (its canvas's label, its zoom buttons) in the page's language: MapLibre reads
 * them once, from its `locale` option, when a map and its controls are made; a language switched
 * later is written onto the controls it has drawn (relabelMap).
 */
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';

/** MapLibre's UI string ids the dashboard's maps show (no compass, no attribution), with our message for each. */
const MAP_UI: Record<string, MessageKey> = {
	'Map.Title': 'map_title',
	'NavigationControl.ZoomIn': 'map_zoom_in',
	'NavigationControl.ZoomOut': 'map_zoom_out',
	'NavigationControl.ResetBearing': 'map_reset_bearing'
};

/** Where MapLibre writes each string in a map's DOM, and as which attributes. */
const PLACES: [selector: string, key: string, attributes: readonly string[]][] = [
	['canvas.maplibregl-canvas', 'Map.Title', ['aria-label']],
	['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn', ['aria-label', 'title']],
	['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut', ['aria-label', 'title']],
	['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing', ['aria-label', 'title']]
];

/** The `locale` option of a map made in `lang`. */
export function mapLocale(lang: Lang): Record<string, string> {
	return Object.fromEntries(Object.entries(MAP_UI).map(([id, key]) => [id, translate(key, lang)]));
}

/** Writes `lang`'s words onto a drawn map's canvas and controls (`container`: the map's container). */
export function relabelMap(container: HTMLElement, lang: Lang): void {
	const words = mapLocale(lang);
	for (const [selector, key, attributes] of PLACES)
		for (const el of container.querySelectorAll(selector)) for (const a of attributes) if (el.hasAttribute(a)) el.setAttribute(a, words[key]);
}
