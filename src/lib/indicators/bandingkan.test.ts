import { describe, expect, test } from 'vitest';
import { readBandingkan, togglePick, writeBandingkan } from './bandingkan-params';
import { CHANGE_COLORS, RAG_COLORS } from '../map/palette';
import { changeBand, hasRagBands, indicatorTime, nationalColouring, nationalGeoJson, quantileLabels, valueOf } from './choropleth';
import { formatIndicator } from './format';
import type { LeagueRow } from './league';

const IDS = ['keluhan_selesai', 'bps_p0'];

describe('Bandingkan URL parameters', () => {
	test('defaults, valid values kept, invalid ones dropped', () => {
		expect(readBandingkan(new URLSearchParams(''), IDS)).toEqual({ prov: '', provFromArea: false, urut: 'rank', turun: false, pilih: [], peta: 'skor', kelas: 'rag' });
		const p = readBandingkan(new URLSearchParams('prov=33&urut=p0_2025&arah=turun&pilih=33.28,75.01,33.28,xx,35.76,73.03,33.11&peta=bps_p0&kelas=kuantil'), IDS);
		expect(p).toEqual({ prov: '33', provFromArea: false, urut: 'p0_2025', turun: true, pilih: ['33.28', '75.01', '35.76', '73.03'], peta: 'bps_p0', kelas: 'kuantil' });
		expect(readBandingkan(new URLSearchParams('prov=3&urut=ind_nope&peta=nope'), IDS)).toMatchObject({ prov: '', urut: 'rank', peta: 'skor' });
		expect(readBandingkan(new URLSearchParams('urut=perubahan&peta=perubahan'), IDS)).toMatchObject({ urut: 'perubahan', peta: 'perubahan' });
	});
	test('write round-trips and keeps other parameters', () => {
		const out = writeBandingkan(new URLSearchParams('lang=en'), { prov: '75', urut: 'ind_keluhan_selesai', turun: true, pilih: ['33.28', '75.01'] });
		expect(out.toString()).toBe('lang=en&prov=75&urut=ind_keluhan_selesai&arah=turun&pilih=33.28%2C75.01');
		expect(readBandingkan(out, IDS)).toMatchObject({ prov: '75', urut: 'ind_keluhan_selesai', turun: true, pilih: ['33.28', '75.01'] });
		expect(writeBandingkan(out, { prov: '', pilih: [] }).toString()).toBe('lang=en&urut=ind_keluhan_selesai&arah=turun');
	});
	test('toggling a pick: add, remove; a fifth is refused and the four chosen stay', () => {
		expect(togglePick(['a'], 'b')).toEqual({ pilih: ['a', 'b'], full: false });
		expect(togglePick(['a', 'b'], 'a')).toEqual({ pilih: ['b'], full: false });
		expect(togglePick(['a', 'b', 'c', 'd'], 'e')).toEqual({ pilih: ['a', 'b', 'c', 'd'], full: true });
		expect(togglePick(['a', 'b', 'c', 'd'], 'a')).toEqual({ pilih: ['b', 'c', 'd'], full: false });
	});
	test("without prov, the league follows the shared area's province, and writes prov only when the user chooses otherwise", () => {
		for (const wilayah of ['33', '33.28', '33.28.01'])
			expect(readBandingkan(new URLSearchParams(`wilayah=${wilayah}`), IDS), wilayah).toMatchObject({ prov: '33', provFromArea: true });
		for (const wilayah of ['semua', '', 'x', '3'])
			expect(readBandingkan(new URLSearchParams(`wilayah=${wilayah}`), IDS), wilayah).toMatchObject({ prov: '', provFromArea: false });
		// An explicit choice wins over the area, "all provinces" included (written as an empty prov).
		expect(readBandingkan(new URLSearchParams('wilayah=33.28&prov=35'), IDS)).toMatchObject({ prov: '35', provFromArea: false });
		expect(readBandingkan(new URLSearchParams('wilayah=33.28&prov='), IDS)).toMatchObject({ prov: '', provFromArea: false });
		const here = new URLSearchParams('wilayah=33.28');
		expect(writeBandingkan(here, { urut: 'nama' }).toString()).toBe('wilayah=33.28&urut=nama');
		expect(writeBandingkan(here, { prov: '35' }).toString()).toBe('wilayah=33.28&prov=35');
		expect(writeBandingkan(here, { prov: '' }).toString()).toBe('wilayah=33.28&prov=');
		expect(writeBandingkan(new URLSearchParams('wilayah=33.28&prov=35'), { prov: '33' }).toString()).toBe('wilayah=33.28');
		expect(readBandingkan(writeBandingkan(here, { prov: '' }), IDS)).toMatchObject({ prov: '' });
	});
});

const row = (kode: string, value: number | null, rag: LeagueRow['cells'][string]['rag'], score: number | null): LeagueRow => ({
	kode,
	nama: kode,
	kode_prov: '33',
	nama_prov: 'x',
	sumber: 'sintetis',
	score,
	coverage: 1,
	rank: null,
	cells: { keluhan_selesai: { value, rag } },
	p0: {}
});

describe('national map colouring', () => {
	const rows = [row('a', 0.9, 'hijau', 90), row('b', 0.75, 'kuning', 70), row('c', 0.5, 'merah', 50), row('d', null, null, null), row('e', 0.6, 'merah', 60)];
	test('by RAG band: green 0, amber 1, red 2, no value none', () => {
		const c = nationalColouring(rows, 'keluhan_selesai', 'rag', 'higher');
		expect(c.mode).toBe('rag');
		expect(c.palette).toEqual([...RAG_COLORS]);
		expect(Object.fromEntries(c.classes)).toEqual({ a: 0, b: 1, c: 2, d: null, e: 2 });
	});
	test('the composite has no bands: quantiles, higher values in the darker class', () => {
		const c = nationalColouring(rows, 'skor', 'rag', 'higher');
		expect(c.mode).toBe('kuantil');
		expect(c.classes.get('d')).toBeNull();
		expect(c.classes.get('a')!).toBeGreaterThan(c.classes.get('c')!);
		expect(c.palette.length).toBe(c.spans.length);
	});
	test("the score's change: its value is the row's; by its own bands (a fall of more than 2 points … a gain of more than 2), or in quantiles", () => {
		const changed = rows.map((r, i) => ({ ...r, scoreChange: [3, -1, 0.5, null, -4][i] }));
		expect(changed.map((r) => valueOf(r, 'perubahan'))).toEqual([3, -1, 0.5, null, -4]);
		expect(hasRagBands(changed, 'perubahan')).toBe(true);
		expect(hasRagBands(rows, 'perubahan')).toBe(false);
		const bands = nationalColouring(changed, 'perubahan', 'rag', 'higher');
		expect(bands.mode).toBe('perubahan');
		expect(bands.palette).toEqual([...CHANGE_COLORS]);
		expect(Object.fromEntries(bands.classes)).toEqual({ a: 4, b: 1, c: 2, d: null, e: 0 });
		// Bounds go to the band nearer zero.
		expect([-2.01, -2, -0.5, -0.49, 0.5, 0.51, 2, 2.01].map(changeBand)).toEqual([0, 1, 2, 2, 2, 3, 3, 4]);
		const c = nationalColouring(changed, 'perubahan', 'kuantil', 'higher');
		expect(c.mode).toBe('kuantil');
		expect(c.classes.get('d')).toBeNull();
		expect(c.classes.get('a')!).toBeGreaterThan(c.classes.get('e')!);
		expect([c.spans[0], c.spans.at(-1)]).toMatchObject([{ from: -4 }, { to: 3 }]);
	});
	test('the quantile legend: a class ends one printed step below the next one starts, a class of one value is that value', () => {
		const c = nationalColouring(rows, 'keluhan_selesai', 'kuantil', 'higher', 'persen');
		expect(quantileLabels(c, (v) => formatIndicator('persen', v, 'id'))).toEqual(['50,0\u00a0% – 59,9\u00a0%', '60,0\u00a0% – 74,9\u00a0%', '75,0\u00a0% – 89,9\u00a0%', '90,0\u00a0%']);
		// 0.74996 prints "75,0 %": it is coloured with the class whose line starts at 75,0 %.
		const near = nationalColouring([...rows, row('f', 0.74996, null, null)], 'keluhan_selesai', 'kuantil', 'higher', 'persen');
		expect(near.classes.get('f')).toBe(near.classes.get('b'));
		expect(formatIndicator('persen', 0.74996, 'id')).toBe('75,0\u00a0%');
	});
	test('hasRagBands: an indicator with bands has them; the composite and one with no band anywhere do not', () => {
		expect(hasRagBands(rows, 'keluhan_selesai')).toBe(true);
		expect(hasRagBands(rows, 'skor')).toBe(false);
		expect(hasRagBands(rows.map((r) => ({ ...r, cells: { keluhan_selesai: { value: r.cells.keluhan_selesai.value, rag: null } } })), 'keluhan_selesai')).toBe(false);
		expect(nationalColouring(rows.map((r) => ({ ...r, cells: { keluhan_selesai: { value: r.cells.keluhan_selesai.value, rag: null } } })), 'keluhan_selesai', 'rag', 'higher').mode).toBe('kuantil');
	});
});

describe('nationalGeoJson', () => {
	test('every boundary keeps its geometry and carries the mapped value, band, score and source', () => {
		const row = { kode: '33.28', nama: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', sumber: 'pilot', score: 84.1, coverage: 1, rank: 12, cells: { rujukan_selesai: { value: 0.772, rag: 'kuning' } }, p0: {} } as never;
		const fc = nationalGeoJson({ features: [{ geometry: { type: 'Point', coordinates: [109, -7] }, properties: { kode: '33.28' } }, { geometry: null, properties: { kode: '99.99', nama: 'X' } }] }, [row], 'rujukan_selesai', '2025-11..2026-10');
		expect(fc.periode).toBe('2025-11..2026-10');
		expect(fc.features[0].properties).toEqual({ kode: '33.28', nama: 'Kabupaten Tegal', nilai: 0.772, status: 'kuning', skor: 84.1, peringkat: 12, sumber: 'pilot' });
		expect(fc.features[1].properties).toMatchObject({ kode: '99.99', nama: 'X', nilai: null, sumber: null });
		expect(nationalGeoJson({ features: [{ geometry: null, properties: { kode: '33.28' } }] }, [row], 'skor', '2025-11..2026-10').features[0].properties).toMatchObject({ nilai: 84.1, status: null });
	});
});

describe('indicatorTime', () => {
	const file = { periode: { start: '2025-11', end: '2026-10' }, tahun_p0: [2015, 2024, 2025] };
	test('a BPS figure is from BPS’s latest year; SLRT’s indicators and the score from the comparison’s period', () => {
		expect(indicatorTime(file, { kind: 'bps' })).toBe('2025');
		expect(indicatorTime(file, { kind: 'ratio' })).toBe('2025-11..2026-10');
		expect(indicatorTime(file, undefined)).toBe('2025-11..2026-10');
	});
});
