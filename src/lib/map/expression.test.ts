import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CLASS_STATE, classColorExpression, desaColorExpression, outlineWidthExpression, REASON_STATE, SELECTED_STATE } from './expression';
import { UNCOLOURED_SWATCH } from './uncoloured';
import { NO_DATA_COLOR } from './palette';

/** Evaluates a paint expression the way MapLibre does, with the given feature-state. */
function evaluate(expr: unknown, spec: StylePropertySpecification, state: Record<string, unknown>): unknown {
	const parsed = createExpression(expr, 'paint', spec);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties: {} } as never, state as never);
}
const fillColor = latest.paint_fill['fill-color'] as StylePropertySpecification;
const lineWidth = latest.paint_line['line-width'] as StylePropertySpecification;
// createExpression leaves colour strings as they are; parsed colours come back as {r, g, b} in 0–1.
const hex = (c: unknown) => {
	if (typeof c === 'string') return c;
	const { r, g, b } = c as { r: number; g: number; b: number };
	return '#' + [r, g, b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
};

describe('classColorExpression', () => {
	const palette = ['#ffffb2', '#fd8d3c', '#bd0026'];
	const expr = classColorExpression(palette);

	it('maps each class index in feature-state to its palette colour', () => {
		palette.forEach((c, i) => expect(hex(evaluate(expr, fillColor, { [CLASS_STATE]: i }))).toBe(c));
	});

	it('draws no state, null and out-of-range classes in the no-data grey', () => {
		for (const state of [{}, { [CLASS_STATE]: null }, { [CLASS_STATE]: 3 }, { [CLASS_STATE]: -1 }]) {
			expect(hex(evaluate(expr, fillColor, state))).toBe(NO_DATA_COLOR);
		}
	});

	it('is a plain no-data colour when there are no classes', () => {
		expect(classColorExpression([])).toBe(NO_DATA_COLOR);
	});

	it('uses feature-state, so it is valid only as a paint property (not a filter or layout)', () => {
		expect(JSON.stringify(expr)).toContain('"feature-state"');
		expect(JSON.stringify(expr)).not.toContain('"get"');
	});
});

describe('desaColorExpression', () => {
	const palette = ['#ffffb2', '#fd8d3c', '#bd0026'];
	const expr = desaColorExpression(palette);

	it('draws a class by its colour whatever reason state is left on it', () => {
		palette.forEach((c, i) => expect(hex(evaluate(expr, fillColor, { [CLASS_STATE]: i, [REASON_STATE]: 'few' }))).toBe(c));
	});

	it('draws a desa without a class in the ground of its reason\'s swatch: no state is no data', () => {
		expect(hex(evaluate(expr, fillColor, { [REASON_STATE]: 'few' }))).toBe(UNCOLOURED_SWATCH.few.background);
		expect(hex(evaluate(expr, fillColor, { [REASON_STATE]: 'hidden' }))).toBe(UNCOLOURED_SWATCH.hidden.background);
		expect(hex(evaluate(expr, fillColor, { [REASON_STATE]: 'none' }))).toBe(UNCOLOURED_SWATCH.none.background);
		expect(hex(evaluate(expr, fillColor, {}))).toBe(UNCOLOURED_SWATCH.none.background);
		expect(hex(evaluate(desaColorExpression([]), fillColor, { [REASON_STATE]: 'hidden' }))).toBe(UNCOLOURED_SWATCH.hidden.background);
	});
});

describe('outlineWidthExpression', () => {
	it('is thickest for the selected desa', () => {
		const e = outlineWidthExpression();
		expect(evaluate(e, lineWidth, { [SELECTED_STATE]: true })).toBe(3);
		expect(evaluate(e, lineWidth, {})).toBe(0.5);
	});
});
