/**
 * Colours of the desa map. Sequential palettes are ColorBrewer 5-class schemes (Brewer & Harrower,
 * colorbrewer2.org), colour-blind safe and legible when printed in grey; the hotspot palette is
 * the diverging red–blue that ArcGIS and GeoDa use for Gi* classes, so users recognise it.
 */

/** YlOrRd: more is worse (poverty share, complaint rate). */
export const SEQUENTIAL_BAD = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/** YlGnBu: more is better (share of referrals completed). */
export const SEQUENTIAL_GOOD = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/**
 * Gi* classes in legend order (hot 99 → cold 99); 'ns' is near-white so significant desa stand
 * out, and is still distinct from the no-data grey.
 */
export const HOTSPOT_COLORS = ['#d7191c', '#f07c4a', '#fdbf8a', '#f7f7f7', '#a6c8e0', '#5b9bcb', '#2c7bb6'] as const;

/**
 * GeoDa's LISA cluster colours, which users of LISA maps know: strong red and blue for the
 * clusters, their pale versions for the outliers, near-white for not significant (distinct from
 * the no-data grey). In MORAN_ORDER (peta/moran.ts).
 */
export const MORAN_COLORS = ['#d7191c', '#92c5de', '#f4a582', '#2c7bb6', '#f7f7f7'] as const;

/** RAG fill colours on the national map, class 0 = green, 1 = amber, 2 = red. */
export const RAG_COLORS = ['#4c9a5f', '#f2c14e', '#d1493f'] as const;

/** A change's bands on the national map, from a large fall to a large gain: ColorBrewer's diverging RdYlGn, pale in the middle. */
export const CHANGE_COLORS = ['#d7191c', '#fdae61', '#f7f7f7', '#a6d96a', '#1a9641'] as const;

/** Every palette above: a map knows their colours from the start (feature-state.ts, ColourSlots). */
export const MAP_PALETTES: readonly (readonly string[])[] = [SEQUENTIAL_BAD, SEQUENTIAL_GOOD, HOTSPOT_COLORS, MORAN_COLORS, RAG_COLORS, CHANGE_COLORS];

/**
 * Desa without data: a mid grey darker than every palette's lightest class, so "no data" never
 * reads as "lowest class". On the desa maps it is the ground of the no-data pattern (uncoloured.ts).
 */
export const NO_DATA_COLOR = '#b8bec6';

/** Boundary lines: thin and neutral; the selected desa gets a dark, thicker outline. */
export const OUTLINE_COLOR = '#5f6b78';
export const SELECTED_OUTLINE_COLOR = '#0b1f33';

/**
 * The first n colours of a 5-class palette spread across its range: fewer classes than asked
 * (ties in quantiles) still run from light to dark rather than stopping half-way.
 */
export function paletteFor(colors: readonly string[], n: number): string[] {
	if (n <= 0) return [];
	if (n >= colors.length) return [...colors];
	if (n === 1) return [colors[Math.floor(colors.length / 2)]];
	return Array.from({ length: n }, (_, i) => colors[Math.round((i * (colors.length - 1)) / (n - 1))]);
}
