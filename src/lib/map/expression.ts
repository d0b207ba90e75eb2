/**
 * MapLibre expressions for the desa layers. Colours come from feature-state, never from the
 * GeoJSON: `kelas` holds the slot of a desa's colour in the map's colour list (ColourSlots in
 * feature-state.ts), absent for no data, so changing layer or classification only sets
 * feature-state and the geometry is uploaded once.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { NO_DATA_COLOR, OUTLINE_COLOR, SELECTED_OUTLINE_COLOR } from './palette';
import { UNCOLOURED_SWATCH } from './uncoloured';

/** feature-state key of the colour slot (the class's colour, by its index in the map's colour list). */
export const CLASS_STATE = 'kelas';
/** feature-state key of why a desa without a colour slot is uncoloured (uncoloured.ts), absent for no data. */
export const REASON_STATE = 'alasan';
/** feature-state key set on the desa whose panel is open. */
export const SELECTED_STATE = 'pilih';
/** feature-state key set on the desa under the pointer. */
export const HOVER_STATE = 'sorot';

/**
 * Fill colour: slot i → palette[i], anything else (no state, null, out of range) → `noData`: the
 * no-data grey, or on the desa map reasonColorExpression. `coalesce` to -1 first: `match` needs a number, and a missing state evaluates to null.
 */
export function classColorExpression(palette: readonly string[], noData: string | ExpressionSpecification = NO_DATA_COLOR): ExpressionSpecification | string {
	if (palette.length === 0) return noData;
	const branches = palette.flatMap((c, i) => [i, c]);
	return ['match', ['coalesce', ['feature-state', CLASS_STATE], -1], ...branches, noData] as unknown as ExpressionSpecification;
}

/**
 * The ground of an uncoloured desa's swatch by its reason in feature-state (none: no data): the desa
 * fill's fallback, so a desa shows why it is uncoloured from the frame its state is set, before the
 * hatch source holding its pattern is tiled (hatch.ts).
 */
export function reasonColorExpression(): ExpressionSpecification {
	return ['match', ['coalesce', ['feature-state', REASON_STATE], 'none'], 'few', UNCOLOURED_SWATCH.few.background, 'hidden', UNCOLOURED_SWATCH.hidden.background, UNCOLOURED_SWATCH.none.background];
}

/** The desa map's fill: each class's colour, and an uncoloured desa's ground by its reason. */
export function desaColorExpression(palette: readonly string[]): ExpressionSpecification | string {
	return classColorExpression(palette, reasonColorExpression());
}

/** Outline colour: dark for the selected desa, neutral otherwise. */
export function outlineColorExpression(): ExpressionSpecification {
	return ['case', ['boolean', ['feature-state', SELECTED_STATE], false], SELECTED_OUTLINE_COLOR, OUTLINE_COLOR];
}

/** Outline width in pixels: 3 selected, 2 hovered, 0.5 otherwise. */
export function outlineWidthExpression(): ExpressionSpecification {
	return ['case', ['boolean', ['feature-state', SELECTED_STATE], false], 3, ['boolean', ['feature-state', HOVER_STATE], false], 2, 0.5];
}
