import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { paletteFor, SEQUENTIAL_BAD } from './palette';
import { desaHatchLayer } from './hatch';
import { DESA_HIGHLIGHT, desaHighlightLayer, HIGHLIGHT_SOURCE } from './highlight';
import { baseStyle, boundsOf, MAP_OPTIONS, DESA_SOURCE, DESA_TOLERANCE, desaFillLayer, desaOutlineLayer, kecamatanFilter, outlineMinZoom, outlineOpacity } from './style';

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

	it('eases nothing: no paint transition, no label fade (each eased step is one more frame of software WebGL)', () => {
		expect(baseStyle().transition).toEqual({ duration: 0, delay: 0 });
		expect(MAP_OPTIONS.fadeDuration).toBe(0);
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

	it('draws desa boundaries only from the zoom where a desa is on average 6 px across', () => {
		// Jawa Tengah: 8,563 desa over ~3.2° × 2.5°: about 4–5 px each at the ~7.3 that fits the province.
		const province = outlineMinZoom([[108.55, -8.2], [111.7, -5.7]], 8563);
		expect(province).toBeGreaterThan(7.8);
		expect(province).toBeLessThan(8.4);
		// A desa of 0.0306° is 6 px exactly at that zoom.
		expect((0.0306 * 256 * 2 ** outlineMinZoom([[0, 0], [0.0306 * 10, 0.0306 * 10]], 100)) / 360).toBeCloseTo(6, 6);
		// Kota Mojokerto, 18 kelurahan over ~0.07° × 0.05°: boundaries from zoom ~11, its own view is ~13.
		expect(outlineMinZoom([[112.40, -7.50], [112.47, -7.45]], 18)).toBeLessThan(12);
		expect(outlineMinZoom([[0, 0], [0, 0]], 10)).toBe(0);
		expect(outlineMinZoom([[0, 0], [1, 1]], 0)).toBe(0);
		expect(outlineOpacity(8.1)).toEqual(['step', ['zoom'], 0, 8.1, 1]);
		expect(desaOutlineLayer(9).paint?.['line-opacity']).toEqual(['step', ['zoom'], 0, 9, 1]);
	});
});
