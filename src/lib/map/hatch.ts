/**
 * The patterns of uncoloured desa: each reason (uncoloured.ts: no data, too few cases, hidden) is
 * drawn with its own tile over the desa, so none reads as a class and the three read apart. The
 * tiles are made in code (RGBA pixels handed to `map.addImage`): the style has no sprite and
 * nothing is fetched.
 *
 * The patterned desa come from a GeoJSON source of their own that holds only them (usually none or
 * a few), each with its reason as a property, replaced when a colouring changes which desa are
 * uncoloured or why. The pattern layer then draws nothing it would hide again, and a recolour
 * rewrites no per-vertex opacity of every desa: drawn over the whole province with a feature-state
 * opacity, it cost about as much as the fills. (A pattern cannot come from feature-state in
 * MapLibre; the fill under it does, expression.ts, so a desa shows its reason's ground at once.)
 */
import type { ExpressionSpecification, FillLayerSpecification, FilterSpecification } from 'maplibre-gl';
import { FILL_ANTIALIAS } from './style';
import type { UncolouredReason } from './uncoloured';

export const DESA_HATCH = 'desa-tanpa-data';
export const HATCH_SOURCE = 'desa-tanpa-data-sumber';
/** The image of each reason's tile (reasonTile), added to the map once. */
export const HATCH_IMAGES: Record<UncolouredReason, string> = { none: 'arsir-tanpa-data', few: 'arsir-terlalu-sedikit', hidden: 'arsir-disembunyikan' };
/** The hatch source's feature property naming why the desa is uncoloured. */
export const REASON_PROPERTY = 'alasan';

/** Each feature's tile by its reason; a feature without one is drawn as without data. */
export function hatchPatternExpression(): ExpressionSpecification {
	return ['match', ['get', REASON_PROPERTY], 'few', HATCH_IMAGES.few, 'hidden', HATCH_IMAGES.hidden, HATCH_IMAGES.none];
}

type Feature = { properties: { kode: string } };

/**
 * The features whose code has no class (absent, or null), each with its reason (`reasons`; none
 * given: no data) as a property: those the hatch draws, in their order.
 */
export function uncolouredFeatures<F extends Feature>(
	features: readonly F[],
	classes: ReadonlyMap<string, number | null>,
	reasons: ReadonlyMap<string, UncolouredReason> = new Map()
): (F & { properties: { [REASON_PROPERTY]: UncolouredReason } })[] {
	return features
		.filter((f) => (classes.get(f.properties.kode) ?? null) === null)
		.map((f) => ({ ...f, properties: { ...f.properties, [REASON_PROPERTY]: reasons.get(f.properties.kode) ?? 'none' } }));
}

export function desaHatchLayer(filter: FilterSpecification | null = null): FillLayerSpecification {
	return {
		id: DESA_HATCH,
		type: 'fill',
		source: HATCH_SOURCE,
		...(filter ? { filter } : {}),
		paint: { 'fill-pattern': hatchPatternExpression(), 'fill-antialias': FILL_ANTIALIAS }
	};
}
