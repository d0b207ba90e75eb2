import { createExpression, featureFilter, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { addHatchImages, desaHatchLayer, HATCH_IMAGES, HATCH_SOURCE, hatchedCodesFilter, hatchLayer, hatchPatternExpression, REASON_PROPERTY, uncolouredCodes, uncolouredFeatures } from './hatch';
import { reasonTile, UNCOLOURED_REASONS } from './uncoloured';

/** The image MapLibre draws a hatch-source feature with, given its properties. */
function patternOf(properties: Record<string, unknown>): unknown {
	const parsed = createExpression(hatchPatternExpression(), 'paint', latest.paint_fill['fill-pattern'] as StylePropertySpecification);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	const image = parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never) as { name?: string } | string;
	return typeof image === 'string' ? image : image.name;
}

describe('desaHatchLayer', () => {
	it('patterns the desa of its own source (only those without a class) with the code-made image of each one\'s reason', () => {
		const layer = desaHatchLayer(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(layer.paint?.['fill-pattern']).toEqual(hatchPatternExpression());
		expect(layer.source).toBe(HATCH_SOURCE);
		expect(layer.filter).toEqual(['==', ['get', 'kode_kec'], '33.28.01']);
		expect(desaHatchLayer().filter).toBeUndefined();
		// Nothing in its paint changes with a recolour: the source says which desa are hatched, and why.
		expect(JSON.stringify(layer.paint)).not.toContain('feature-state');
	});

	it('draws each reason with its own image, and a feature without one as without data', () => {
		for (const r of UNCOLOURED_REASONS) expect(patternOf({ [REASON_PROPERTY]: r })).toBe(HATCH_IMAGES[r]);
		expect(patternOf({})).toBe(HATCH_IMAGES.none);
		expect(new Set(Object.values(HATCH_IMAGES)).size).toBe(3);
	});
});

describe('uncolouredFeatures', () => {
	const f = (kode: string) => ({ properties: { kode, kode_kec: kode.slice(0, 8) } });
	const features = [f('33.28.01.2001'), f('33.28.01.2002'), f('33.28.02.2001')];
	const codes = (fs: { properties: { kode: string } }[]) => fs.map((x) => x.properties.kode);
	it('keeps exactly the desa without a class, in their order', () => {
		expect(codes(uncolouredFeatures(features, new Map([['33.28.01.2002', 0]])))).toEqual(['33.28.01.2001', '33.28.02.2001']);
		expect(uncolouredFeatures(features, new Map(features.map((x, i) => [x.properties.kode, i])))).toEqual([]);
		expect(codes(uncolouredFeatures(features, new Map()))).toEqual(codes(features));
		expect(codes(uncolouredFeatures(features, new Map([['33.28.01.2001', null], ['33.28.01.2002', 3], ['33.28.02.2001', 0]])))).toEqual(['33.28.01.2001']);
	});

	it('names each one\'s reason in its properties (no data when none is given), leaving the polygons as they were', () => {
		const classes = new Map<string, number | null>([['33.28.01.2001', null], ['33.28.01.2002', null], ['33.28.02.2001', null]]);
		const out = uncolouredFeatures(features, classes, new Map([['33.28.01.2001', 'few'], ['33.28.01.2002', 'hidden']]));
		expect(out.map((x) => x.properties[REASON_PROPERTY])).toEqual(['few', 'hidden', 'none']);
		expect(out[0].properties).toEqual({ kode: '33.28.01.2001', kode_kec: '33.28.01', alasan: 'few' });
		expect(features[0].properties).not.toHaveProperty(REASON_PROPERTY);
	});
});

describe('uncolouredCodes', () => {
	it('the codes without a class (null), sorted; none when every one has a class', () => {
		expect(uncolouredCodes(new Map([['35.76', 2], ['11.01', null], ['33.28', 0], ['12.01', null]]))).toEqual(['11.01', '12.01']);
		expect(uncolouredCodes(new Map([['35.76', 2], ['33.28', 0]]))).toEqual([]);
		expect(uncolouredCodes(new Map())).toEqual([]);
	});
});

describe("the hatch of a map's own source (the national map)", () => {
	const keeps = (codes: string[], kode: string) => featureFilter(hatchedCodesFilter(codes), 'filter').filter({ zoom: 5 }, { type: 3, properties: { kode } } as never);
	it('keeps exactly the features whose code is listed; none when the list is empty', () => {
		expect(['11.01', '33.28', '35.76'].map((k) => keeps(['11.01', '35.76'], k))).toEqual([true, false, true]);
		expect(keeps([], '11.01')).toBe(false);
	});
	it('patterns them with the same images and expression as the desa map', () => {
		const layer = hatchLayer('kabkota-tanpa-data', 'kabkota', hatchedCodesFilter(['11.01']));
		expect(layer).toMatchObject({ id: 'kabkota-tanpa-data', source: 'kabkota', type: 'fill', filter: hatchedCodesFilter(['11.01']) });
		expect(layer.paint).toEqual(desaHatchLayer().paint);
		// A kabupaten/kota feature names no reason: drawn as without data.
		expect(patternOf({ kode: '11.01' })).toBe(HATCH_IMAGES.none);
	});
	it('adds each reason\'s tile once, under its name', () => {
		const images = new Map<string, unknown>([[HATCH_IMAGES.few, 'already']]);
		addHatchImages({ hasImage: (n: string) => images.has(n), addImage: (n: string, img: unknown) => void images.set(n, img) } as never);
		expect(images.get(HATCH_IMAGES.few)).toBe('already');
		expect(images.get(HATCH_IMAGES.none)).toEqual(reasonTile('none'));
		expect(images.get(HATCH_IMAGES.hidden)).toEqual(reasonTile('hidden'));
	});
});
