import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SEQUENTIAL_BAD, SEQUENTIAL_GOOD } from '../map/palette';
import { colourLayer, formatLayerValue, HOTSPOT_ORDER, layerRanks } from './layers';
import { DEFAULT_PETA } from './params';
import type { DesaFigures } from './shape';

const fig = (kode: string, kemiskinan: number | null, extra: Partial<DesaFigures> = {}): DesaFigures => ({
	kode, nama: kode, kode_kec: 'k', nama_kec: 'K', rumah_tangga: 10, miskin: 1, kemiskinan, keluhan: 1,
	keluhan_mentah: 1, keluhan_eb: 1, gi_z: 0, hotspot: 'ns', rujukan: 0, rujukan_selesai: 0, rujukan_share: null, median_hari: null, ...extra
});

describe('colourLayer', () => {
	const desa = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map((v, i) => fig(`d${i}`, v)).concat([fig('x', null)]);

	it('quantile: five classes of two desa each, ranges in Indonesian format, no-data counted apart', () => {
		const c = colourLayer(desa, DEFAULT_PETA, 'id');
		expect(c.palette).toEqual([...SEQUENTIAL_BAD]);
		expect(c.entries.map((e) => e.count)).toEqual([2, 2, 2, 2, 2]);
		expect(c.entries[0].label).toBe('10,0 – 30,0\u00a0%');
		expect(c.entries[4].label).toBe('90,0 – 100,0\u00a0%');
		expect(c.noData).toEqual({ color: NO_DATA_COLOR, label: 'Tanpa data', count: 1 });
		expect(c.classes.get('d0')).toBe(0);
		expect(c.classes.get('d9')).toBe(4);
		expect(c.classes.get('x')).toBeNull();
	});

	it('equal intervals put the classes at equal widths', () => {
		const c = colourLayer(desa, { ...DEFAULT_PETA, klasifikasi: 'equal' }, 'id');
		expect(c.entries[1].label).toBe('28,0 – 46,0\u00a0%');
	});

	it('keluhan colours by the raw or the smoothed rate as asked', () => {
		const two = [fig('a', 0, { keluhan_mentah: 5, keluhan_eb: 50 }), fig('b', 0, { keluhan_mentah: 15, keluhan_eb: 20 })];
		const eb = colourLayer(two, { ...DEFAULT_PETA, lapisan: 'keluhan' }, 'id');
		const raw = colourLayer(two, { ...DEFAULT_PETA, lapisan: 'keluhan', eb: false }, 'id');
		expect(eb.classes.get('a')).toBeGreaterThan(eb.classes.get('b')!);
		expect(raw.classes.get('a')).toBeLessThan(raw.classes.get('b')!);
		expect(raw.entries[0].label).toBe('5,0 – 15,0');
	});

	it('rujukan uses the palette where more is better', () => {
		const c = colourLayer([fig('a', 0, { rujukan_share: 0.5 }), fig('b', 0, { rujukan_share: 0.9 })], { ...DEFAULT_PETA, lapisan: 'rujukan' }, 'id');
		expect(SEQUENTIAL_GOOD).toContain(c.palette[0]);
	});

	it('hotspot: a categorical legend in fixed order, counting every class', () => {
		const c = colourLayer([fig('a', 0, { hotspot: 'hot-99' }), fig('b', 0, { hotspot: 'ns' }), fig('c', 0, { hotspot: 'ns' }), fig('d', null, { hotspot: null })], { ...DEFAULT_PETA, lapisan: 'hotspot' }, 'id');
		expect(c.entries.map((e) => e.count)).toEqual([1, 0, 0, 2, 0, 0, 0]);
		expect(c.entries[0].label).toBe('Titik panas, 99 %');
		expect(c.classes.get('a')).toBe(HOTSPOT_ORDER.indexOf('hot-99'));
		expect(c.noData.count).toBe(1);
	});
});

describe('formatLayerValue', () => {
	it('reads the Indonesian way', () => {
		expect(formatLayerValue('kemiskinan', 0.12345, 'id')).toBe('12,3\u00a0%');
		expect(formatLayerValue('keluhan', 1234.56, 'id')).toBe('1.234,6');
		expect(formatLayerValue('rujukan', null, 'id')).toBe('Tanpa data');
	});
});

describe('layerRanks', () => {
	it('ranks within the kecamatan and the whole district, by the layer shown', () => {
		const desa = [fig('a', 0.1, { kode_kec: 'k1' }), fig('b', 0.3, { kode_kec: 'k1' }), fig('c', 0.2, { kode_kec: 'k2' }), fig('d', null, { kode_kec: 'k2' })];
		const r = layerRanks(desa, 'kemiskinan', true);
		expect(r.kec.get('a')).toEqual({ rank: 2, of: 2 });
		expect(r.kec.get('c')).toEqual({ rank: 1, of: 1 });
		expect(r.kab.get('c')).toEqual({ rank: 2, of: 3 });
		expect(r.kab.has('d')).toBe(false);
	});
});
