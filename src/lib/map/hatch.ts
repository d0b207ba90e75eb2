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
 *
 * The national kabupaten/kota map uses the same tiles and pattern expression, its only reason being
 * no data: its 514 polygons are few, so its hatch layer draws from the map's own source, filtered to
 * the districts without a class (hatchedCodesFilter), rather than from a copy of their geometry.
 */
import type { ExpressionSpecification, FillLayerSpecification, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { FILL_ANTIALIAS } from './style';
import { reasonTile, UNCOLOURED_REASONS, type UncolouredReason } from './uncoloured';

export const DESA_HATCH = 'desa-tanpa-data';
export const HATCH_SOURCE = 'desa-tanpa-data-sumber';
/** The image of each reason's tile (reasonTile), added to the map once. */
export const HATCH_IMAGES: Record<UncolouredReason, string> = { none: 'arsir-tanpa-data', few: 'arsir-terlalu-sedikit', hidden: 'arsir-disembunyikan' };
/** The hatch source's feature property naming why the desa is uncoloured. */
export const REASON_PROPERTY = 'alasan';

/** Adds each reason's tile (reasonTile) to `map`, under its name in HATCH_IMAGES, unless it has it already. */
export function addHatchImages(map: Pick<MapLibreMap, 'hasImage' | 'addImage'>): void {
	for (const r of UNCOLOURED_REASONS) if (!map.hasImage(HATCH_IMAGES[r])) map.addImage(HATCH_IMAGES[r], reasonTile(r));
}

/** Each feature's tile by its reason; a feature without one is drawn as without data. */
export function hatchPatternExpression(): ExpressionSpecification {
	return ['match', ['get', REASON_PROPERTY], 'few', HATCH_IMAGES.few, 'hidden', HATCH_IMAGES.hidden, HATCH_IMAGES.none];
}

type Feature = { properties: { kode: string } };

/** Whether a code has no class (absent, or null): drawn uncoloured, with its reason's swatch. */
const unclassed = (classes: ReadonlyMap<string, number | null>, kode: string): boolean => (classes.get(kode) ?? null) === null;

/** The codes of `classes` without a class (null), sorted: the areas a map leaves uncoloured. */
export function uncolouredCodes(classes: ReadonlyMap<string, number | null>): string[] {
	return [...classes.keys()].filter((k) => unclassed(classes, k)).sort();
}

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
		.filter((f) => unclassed(classes, f.properties.kode))
		.map((f) => ({ ...f, properties: { ...f.properties, [REASON_PROPERTY]: reasons.get(f.properties.kode) ?? 'none' } }));
}

/** The features whose `property` is one of `codes` (none: no feature): the hatch of a map's own source. */
export function hatchedCodesFilter(codes: readonly string[], property = 'kode'): FilterSpecification {
	return ['in', ['get', property], ['literal', [...codes]]];
}

/** A layer patterning the features of `source` (those `filter` keeps) with their reason's tile. */
export function hatchLayer(id: string, source: string, filter: FilterSpecification | null = null): FillLayerSpecification {
	return {
		id,
		type: 'fill',
		source,
		...(filter ? { filter } : {}),
		paint: { 'fill-pattern': hatchPatternExpression(), 'fill-antialias': FILL_ANTIALIAS }
	};
}

export function desaHatchLayer(filter: FilterSpecification | null = null): FillLayerSpecification {
	return hatchLayer(DESA_HATCH, HATCH_SOURCE, filter);
}
