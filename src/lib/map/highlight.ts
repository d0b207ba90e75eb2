/**
 * The outline of the selected desa and of the desa under the pointer, drawn from a small GeoJSON
 * source of its own that holds only those (at most two) desa. The boundaries of all desa then have
 * a constant paint: a recolour's feature-state changes no longer rewrite the outline layer's
 * per-vertex colour and width for every desa (the line layer has the most vertices of the map),
 * and hovering replaces a two-feature source instead of a state on the province-sized one.
 */
import type { FilterSpecification, LineLayerSpecification } from 'maplibre-gl';
import { OUTLINE_COLOR, SELECTED_OUTLINE_COLOR } from './palette';

export const HIGHLIGHT_SOURCE = 'desa-sorot';
export const DESA_HIGHLIGHT = 'desa-sorot-batas';
/** Property of a highlighted feature saying why it is drawn. */
export const ROLE_PROPERTY = 'peran';
export type HighlightRole = 'pilih' | 'sorot';

/** Line widths in pixels: every boundary, the hovered desa, the selected desa. */
export const OUTLINE_WIDTH = 0.5;
export const HOVER_WIDTH = 2;
export const SELECTED_WIDTH = 3;

export interface HighlightFeature<G, P> {
	type: 'Feature';
	properties: P & { [ROLE_PROPERTY]: HighlightRole };
	geometry: G;
}

/**
 * The hovered and the selected desa as features, the selected last so its outline is drawn on
 * top; a desa both hovered and selected is drawn once, as selected. Unknown codes are skipped.
 */
export function highlightFeatures<G, P extends object>(
	byKode: ReadonlyMap<string, { properties: P; geometry: G }>,
	selected: string | null,
	hovered: string | null
): HighlightFeature<G, P>[] {
	const out: HighlightFeature<G, P>[] = [];
	const add = (kode: string | null, role: HighlightRole) => {
		const f = kode ? byKode.get(kode) : undefined;
		if (f) out.push({ type: 'Feature', properties: { ...f.properties, [ROLE_PROPERTY]: role }, geometry: f.geometry });
	};
	if (hovered !== selected) add(hovered, 'sorot');
	add(selected, 'pilih');
	return out;
}

export function desaHighlightLayer(filter: FilterSpecification | null = null): LineLayerSpecification {
	const selected: FilterSpecification = ['==', ['get', ROLE_PROPERTY], 'pilih'];
	return {
		id: DESA_HIGHLIGHT,
		type: 'line',
		source: HIGHLIGHT_SOURCE,
		...(filter ? { filter } : {}),
		paint: {
			'line-color': ['case', selected, SELECTED_OUTLINE_COLOR, OUTLINE_COLOR],
			'line-width': ['case', selected, SELECTED_WIDTH, HOVER_WIDTH]
		}
	};
}
