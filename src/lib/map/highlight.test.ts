import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { desaHighlightLayer, highlightFeatures, HOVER_WIDTH, SELECTED_WIDTH } from './highlight';
import { OUTLINE_COLOR, SELECTED_OUTLINE_COLOR } from './palette';

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });
const byKode = new Map(['a', 'b', 'c'].map((k, i) => [k, { properties: { kode: k, kode_kec: 'k1' }, geometry: square(i) }]));

describe('highlightFeatures', () => {
	it('is empty with nothing hovered or selected, and skips unknown codes', () => {
		expect(highlightFeatures(byKode, null, null)).toEqual([]);
		expect(highlightFeatures(byKode, 'zz', 'yy')).toEqual([]);
	});

	it('draws the hovered desa first and the selected one last, on top', () => {
		const f = highlightFeatures(byKode, 'a', 'b');
		expect(f.map((x) => [x.properties.kode, x.properties.peran])).toEqual([['b', 'sorot'], ['a', 'pilih']]);
		expect(f[1].geometry).toBe(byKode.get('a')!.geometry);
		expect(f[1].properties.kode_kec).toBe('k1');
	});

	it('draws a desa both hovered and selected once, as selected', () => {
		expect(highlightFeatures(byKode, 'c', 'c').map((x) => x.properties.peran)).toEqual(['pilih']);
	});
});

describe('desaHighlightLayer', () => {
	const paint = desaHighlightLayer().paint!;
	const evaluate = (expr: unknown, spec: StylePropertySpecification, peran: string) => {
		const e = createExpression(expr, 'paint', spec);
		if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
		return e.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties: { peran } } as never);
	};

	it('is dark and thickest for the selected desa, thinner in the boundary colour for the hovered one', () => {
		const color = latest.paint_line['line-color'] as StylePropertySpecification;
		const width = latest.paint_line['line-width'] as StylePropertySpecification;
		expect(evaluate(paint['line-width'], width, 'pilih')).toBe(SELECTED_WIDTH);
		expect(evaluate(paint['line-width'], width, 'sorot')).toBe(HOVER_WIDTH);
		expect(String(evaluate(paint['line-color'], color, 'pilih'))).toBe(String(evaluate(SELECTED_OUTLINE_COLOR, color, 'x')));
		expect(String(evaluate(paint['line-color'], color, 'sorot'))).toBe(String(evaluate(OUTLINE_COLOR, color, 'x')));
	});

	it('takes the kecamatan filter of the other desa layers', () => {
		expect(desaHighlightLayer(['==', ['get', 'kode_kec'], 'k1']).filter).toEqual(['==', ['get', 'kode_kec'], 'k1']);
		expect(desaHighlightLayer().filter).toBeUndefined();
	});
});
