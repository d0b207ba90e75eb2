import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { paletteFor, SEQUENTIAL_BAD } from './palette';
import { desaHatchLayer } from './hatch';
import { DESA_HIGHLIGHT, desaHighlightLayer, HIGHLIGHT_SOURCE } from './highlight';
import { baseStyle, boundsOf, DESA_SOURCE, DESA_TOLERANCE, desaFillLayer, desaOutlineLayer, kecamatanFilter } from './style';

describe('the self-hosted style', () => {
	it('is a valid style that fetches nothing: no glyphs, sprites or remote sources', () => {
		const style = baseStyle();
		style.sources[DESA_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'kode' };
		style.layers.push(desaFillLayer(SEQUENTIAL_BAD), desaOutlineLayer());
		expect(validateStyleMin(style)).toEqual([]);
		expect(JSON.stringify(style)).not.toMatch(/https?:|glyphs|sprite/);
	});

	it('keeps feature-state out of every desa layer but the class colours: a recolour touches only those', () => {
		// MapLibre rewrites the per-vertex paint of every layer whose paint reads feature-state, on any state change.
		const byState = [desaFillLayer(SEQUENTIAL_BAD), desaHatchLayer(), desaOutlineLayer()].filter((l) => JSON.stringify(l.paint).includes('feature-state')).map((l) => l.id);
		expect(byState).toEqual(['desa-isi']);
		expect(desaHighlightLayer().source).toBe(HIGHLIGHT_SOURCE);
		expect(desaHighlightLayer().id).toBe(DESA_HIGHLIGHT);
	});

	it('draws no antialiasing pass of the fills (the boundary lines cover their edges) and simplifies below a pixel', () => {
		expect(desaFillLayer(SEQUENTIAL_BAD).paint?.['fill-antialias']).toBe(false);
		expect(desaHatchLayer().paint?.['fill-antialias']).toBe(false);
		expect(DESA_TOLERANCE).toBeLessThan(1);
	});

	it('filters to one kecamatan, or shows all desa', () => {
		expect(kecamatanFilter('33.28.01')).toEqual(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(kecamatanFilter(null)).toBeNull();
	});
});

describe('boundsOf', () => {
	it('spans polygons and multipolygons', () => {
		const poly = { coordinates: [[[109, -7], [109.2, -7.1], [109.1, -6.9], [109, -7]]] };
		const multi = { coordinates: [[[[108.9, -7.3], [109, -7.3], [109, -7.2], [108.9, -7.3]]]] };
		expect(boundsOf([poly, multi])).toEqual([[108.9, -7.3], [109.2, -6.9]]);
		expect(boundsOf([])).toBeNull();
	});
});

describe('paletteFor', () => {
	it('spreads fewer classes across the whole palette, light to dark', () => {
		expect(paletteFor(SEQUENTIAL_BAD, 5)).toEqual([...SEQUENTIAL_BAD]);
		expect(paletteFor(SEQUENTIAL_BAD, 2)).toEqual([SEQUENTIAL_BAD[0], SEQUENTIAL_BAD[4]]);
		expect(paletteFor(SEQUENTIAL_BAD, 3)).toEqual([SEQUENTIAL_BAD[0], SEQUENTIAL_BAD[2], SEQUENTIAL_BAD[4]]);
		expect(paletteFor(SEQUENTIAL_BAD, 0)).toEqual([]);
	});
});
