import { describe, expect, it } from 'vitest';
import { parseExportCsv } from '../export/csv';
import { roundCount, setRoundingKey } from '../export/rounding';
import { desaCsv, desaGeoJson, publicClasses, publicDesaFigures, publicPicture, publicKeluhanPrior } from './csv';
import { latticeWeights } from '../geo/lattice.fixture';
import { getisOrdGiStar } from '../geo/getis-ord';
import { hotspotClasses } from '../geo/fdr';
import { moranClusters } from './moran';
import { hotspotLabel } from './layers';
import { moranLabel } from './moran-layer';
import { colourLayer, hiddenInPublic, layerCounts, legendEntries } from './layers';
import { DEFAULT_PETA } from './params';
import { shapeDesa, type DesaFigures } from './shape';

const KEY = 'kunci-uji';
// Set before the files below are written, as the page sets it once the manifest is read.
setRoundingKey(KEY);
const rounded = (n: number, area: string) => roundCount(n, area, KEY);
const comma = (v: number, digits = 1) => v.toFixed(digits).replace('.', ',');

const d = (over: Partial<DesaFigures>): DesaFigures => ({
	kode: '33.28.01.2001', nama: 'Prupuk; Selatan', kode_kec: '33.28.01', nama_kec: 'Margasari', rumah_tangga: 1200, miskin: 300, kemiskinan: 0.25,
	keluhan: 30, keluhan_mentah: 25, keluhan_eb: 24.5, gi_z: 1, hotspot: 'ns', moran_i: 0.5, moran: 'high-high', rujukan: 20, rujukan_selesai: 15, rujukan_share: 0.75, median_hari: 14,
	rujukan_lewat: 6, rujukan_lewat_share: 0.3, puskesos_km: 2.25, ...over
});
// Alone in its kecamatan: nothing beside it to withhold (complementary suppression below).
const small = d({ kode: '33.28.02.2002', nama: 'Kecil', kode_kec: '33.28.02', nama_kec: 'Bumijawa', rumah_tangga: 40, miskin: 3, kemiskinan: 0.075, keluhan: 2, keluhan_mentah: 50, rujukan: 4, rujukan_selesai: 4, rujukan_share: 1, median_hari: 9, rujukan_lewat: 2, rujukan_lewat_share: 0.5 });

describe('desaCsv', () => {
	const csv = desaCsv([d({}), small], (h) => h ?? '');
	const { note, header, rows } = parseExportCsv(csv);

	it('says how counts were treated, then a header and one row per desa, names with a semicolon quoted', () => {
		expect(note).toContain('<5');
		expect(rows).toHaveLength(2);
		expect(header[0]).toBe('kode_desa');
		expect(csv).toContain('"Prupuk; Selatan"');
		expect(rows[0][header.indexOf('persen_miskin')]).toBe('25,0');
		// Without the classes of the public rates (publicClasses), a public copy writes none, never the
		// exact ones (they changed with hidden counts); the internal copy writes the exact.
		expect(rows[0][header.indexOf('klaster_moran')]).toBe('Tanpa data');
		expect(rows[0][header.indexOf('hotspot_gi')]).toBe('');
		const internal = parseExportCsv(desaCsv([d({}), small], (h) => h ?? '', 'internal'));
		expect(internal.rows[0][internal.header.indexOf('klaster_moran')]).toBe('Tinggi–tinggi');
		expect(internal.rows[0][internal.header.indexOf('hotspot_gi')]).toBe('ns');
		// 6 is rounded to 5 or 10 by the key, and its share computed from what is written.
		const lewat = rounded(6, '33.28.01.2001');
		expect(['5', '10']).toContain(String(lewat));
		expect(rows[0][header.indexOf('rujukan_lewat_standar')]).toBe(String(lewat));
		expect(rows[0][header.indexOf('persen_rujukan_lewat_standar')]).toBe(comma((100 * lewat) / 20));
		expect(rows[0][header.indexOf('jarak_puskesos_km')]).toBe('2,25');
	});

	it('suppresses the small desa and everything that would give its counts back', () => {
		const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
		expect(row).toMatchObject({
			rumah_tangga: '40', rumah_tangga_miskin: '<5', persen_miskin: '', keluhan: '<5', keluhan_per_1000_rt: '', keluhan_per_1000_rt_eb: '',
			rujukan: '<5', rujukan_selesai: '<5', persen_rujukan_selesai: '', median_hari_rujukan: '',
			rujukan_lewat_standar: '<5', persen_rujukan_lewat_standar: ''
		});
		expect(csv).not.toMatch(/;[1-4];/);
	});

	it('withholds, beside a hidden count, the smallest of 5 or more in its kecamatan, so the kecamatan\'s total gives nothing back', () => {
		const kec = [
			d({ kode: '33.28.03.2001', kode_kec: '33.28.03', keluhan: 3, rujukan: 40 }),
			d({ kode: '33.28.03.2002', kode_kec: '33.28.03', keluhan: 9, rujukan: 12 }),
			d({ kode: '33.28.03.2003', kode_kec: '33.28.03', keluhan: 7, rujukan: 30 }),
			// Another kecamatan: its counts are not a part of this one's total.
			d({ kode: '33.28.04.2001', kode_kec: '33.28.04', keluhan: 5 })
		];
		const out = parseExportCsv(desaCsv(kec, (h) => h ?? ''));
		const col = (name: string) => out.rows.map((r) => r[out.header.indexOf(name)]);
		const nine = rounded(9, '33.28.03.2002');
		expect(col('keluhan')).toEqual(['<5', String(nine), 'x', '5']);
		// What rests on the withheld count is blank, as for a hidden one; its other counts stay (rounded).
		expect(col('keluhan_per_1000_rt')).toEqual(['', comma((1000 * nine) / 1200), '', comma((1000 * 5) / 1200)]);
		expect(col('keluhan_per_1000_rt_eb').map((v) => v === '')).toEqual([true, false, true, false]);
		expect(col('rujukan')).toEqual(['40', String(rounded(12, '33.28.03.2002')), '30', '20']);
		expect(col('persen_miskin')).toEqual(['25,0', '25,0', '25,0', '25,0']);
		expect(out.note).toContain('"x"');
		// The internal copy withholds nothing.
		const internal = parseExportCsv(desaCsv(kec, (h) => h ?? '', 'internal'));
		expect(internal.rows.map((r) => r[internal.header.indexOf('keluhan')])).toEqual(['3', '9', '7', '5']);
	});

	it('a rate in the public file is computed from the rounded counts; the EB rate with a prior of the counts the public file writes', () => {
		// Counts as shapeDesa makes them (the map's EB rates), then written out; the fifth desa's complaints are hidden.
		const info = ['a', 'b', 'c', 'd', 'e'].map((k, i) => ({ kode: `33.28.05.200${i}`, nama: k, kode_kec: i < 4 ? '33.28.05' : '33.28.06', nama_kec: 'K' }));
		const hh = [1000, 203, 57, 2400, 800];
		const kel = [30, 11, 9, 47, 3];
		const shaped = shapeDesa(
			info,
			{
				kemiskinan: info.map((x, i) => ({ ...x, rumah_tangga: hh[i], miskin: 100, nilai: 100 / hh[i] })),
				keluhan: info.map((x, i) => ({ kode: x.kode, keluhan: kel[i] })),
				rujukan: []
			},
			{ ids: info.map((x) => x.kode), neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }
		);
		const out = parseExportCsv(desaCsv(shaped, (h) => h ?? ''));
		const internal = parseExportCsv(desaCsv(shaped, (h) => h ?? '', 'internal'));
		const col = (f: typeof out, name: string) => f.rows.map((r) => r[f.header.indexOf(name)]);
		expect(col(internal, 'keluhan_per_1000_rt_eb')[0]).toBe(comma(shaped[0].keluhan_eb!));
		// The prior: of the rounded counts of the desa whose complaints and households are written, computed here independently.
		const written = shaped.slice(0, 4).map((d) => [rounded(d.keluhan, d.kode), rounded(d.rumah_tangga, d.kode)]);
		const mean = written.reduce((s, [k]) => s + k, 0) / written.reduce((s, [, n]) => s + n, 0);
		const sumN = written.reduce((s, [, n]) => s + n, 0);
		const spread = written.reduce((s, [k, n]) => s + n * (k / n - mean) ** 2, 0) / sumN - mean / (sumN / written.length);
		const variance = Math.max(0, spread);
		expect(publicKeluhanPrior(shaped).mean).toBeCloseTo(mean * 1000, 9);
		written.forEach(([k, n], i) => {
			expect(col(out, 'keluhan')[i]).toBe(String(k));
			expect(col(out, 'keluhan_per_1000_rt')[i]).toBe(comma((1000 * k) / n));
			const w = variance > 0 ? variance / (variance + mean / n) : 0;
			expect(col(out, 'keluhan_per_1000_rt_eb')[i]).toBe(comma(1000 * (mean + w * (k / n - mean))));
		});
		expect(col(out, 'keluhan_per_1000_rt_eb')[4]).toBe('');
		// A kecamatan's file smooths with the district's prior: the same rate as the district's file.
		const kec = parseExportCsv(desaCsv(shaped.slice(0, 4), (h) => h ?? '', 'publik', undefined, shaped));
		expect(col(kec, 'keluhan_per_1000_rt_eb')).toEqual(col(out, 'keluhan_per_1000_rt_eb').slice(0, 4));
	});

	it('an internal copy keeps the small counts and says it is confidential', () => {
		const internal = parseExportCsv(desaCsv([small], (h) => h ?? '', 'internal'));
		expect(internal.note).toMatch(/^RAHASIA/);
		expect(internal.rows[0][internal.header.indexOf('rumah_tangga_miskin')]).toBe('3');
	});
});

describe('desaGeoJson', () => {
	const geometry = {
		type: 'FeatureCollection' as const,
		features: [d({}), small, d({ kode: '33.28.01.2003' })].map((x) => ({
			type: 'Feature' as const,
			geometry: { type: 'Polygon' as const, coordinates: [[[109, -7], [109.1, -7], [109.1, -7.1], [109, -7]]] },
			properties: { kode: x.kode, nama: x.nama, kode_kec: x.kode_kec, nama_kec: x.nama_kec }
		}))
	};
	it('every boundary with its values, typed; the small desa suppressed; a desa without figures kept with nulls', () => {
		const fc = desaGeoJson(geometry as never, [d({}), small], (h) => h ?? '');
		expect(fc.features).toHaveLength(3);
		expect(fc.features[0].properties).toMatchObject({ kode_desa: '33.28.01.2001', rumah_tangga: 1200, persen_miskin: 25, rujukan_lewat_standar: rounded(6, '33.28.01.2001') });
		expect(fc.features[1].properties).toMatchObject({ rumah_tangga_miskin: '<5', persen_miskin: null });
		expect(fc.features[2].properties).toMatchObject({ kode_desa: '33.28.01.2003', rumah_tangga: null });
	});
	it('a chosen kecamatan exports only its desa', () => {
		expect(desaGeoJson(geometry as never, [d({})], (h) => h ?? '', 'publik', '33.28.09').features).toHaveLength(0);
		expect(desaGeoJson(geometry as never, [d({})], (h) => h ?? '', 'publik', '33.28.01').features).toHaveLength(2);
		expect(desaGeoJson(geometry as never, [d({})], (h) => h ?? '', 'publik', '33.28.02').features).toHaveLength(1);
	});
});

describe('a public picture of a layer hides what the public CSV blanks', () => {
	// One count of 1–4 at a time, so each layer's basis is checked on its own; each desa alone in its
	// kecamatan, so the CSV withholds nothing beside it (what a picture's classes cannot give back).
	const cases = [
		d({ kode: 'a', miskin: 3 }),
		d({ kode: 'b', keluhan: 2 }),
		d({ kode: 'c', rujukan_selesai: 4 }),
		d({ kode: 'd', rujukan_lewat: 1 }),
		d({ kode: 'e', rumah_tangga: 4 }),
		d({ kode: 'f' })
	].map((x) => ({ ...x, kode_kec: `k-${x.kode}` }));
	const { header, rows } = parseExportCsv(desaCsv(cases, (h) => h ?? ''));
	const blank = (column: string) => new Set(rows.filter((r) => r[header.indexOf(column)] === '').map((r) => r[0]));
	const layers: [Parameters<typeof hiddenInPublic>[1], Parameters<typeof hiddenInPublic>[2], string][] = [
		['kemiskinan', 'selesai', 'persen_miskin'],
		['keluhan', 'selesai', 'keluhan_per_1000_rt'],
		['rujukan', 'selesai', 'persen_rujukan_selesai'],
		['rujukan', 'median', 'median_hari_rujukan'],
		['rujukan', 'lewat', 'persen_rujukan_lewat_standar']
	];
	it.each(layers)('%s (%s): the desa whose %s is blank', (lapisan, rujukan, column) => {
		const hidden = hiddenInPublic(cases, lapisan, rujukan);
		expect(hidden).toEqual(blank(column));
		expect(hidden.size).toBeGreaterThan(0);
		expect(hidden.has('f')).toBe(false);
	});
	it('hides nothing on the Gi*, Moran and distance layers, which rest on no count', () => {
		expect(hiddenInPublic(cases, 'hotspot').size).toBe(0);
		expect(hiddenInPublic(cases, 'puskesos').size).toBe(0);
		expect(layerCounts(cases[0], 'hotspot')).toEqual([]);
	});
});

describe('a public picture of the map is of the public CSV\'s figures', () => {
	// 30 desa of one kecamatan, counts not multiples of 5; one hidden (3 complaints), so one more withheld beside it.
	const desa = Array.from({ length: 30 }, (_, i) =>
		d({ kode: `33.28.07.${2001 + i}`, kode_kec: '33.28.07', rumah_tangga: 401 + 97 * i, keluhan: i === 7 ? 3 : 6 + ((i * 7) % 23), keluhan_mentah: 1, keluhan_eb: 1 })
	).map((x) => ({ ...x, keluhan_mentah: (1000 * x.keluhan) / x.rumah_tangga }));
	const { header, rows } = parseExportCsv(desaCsv(desa, (h) => h ?? ''));
	const written = rows.map((r) => r[header.indexOf('keluhan_per_1000_rt')]);
	const params = { ...DEFAULT_PETA, lapisan: 'keluhan' as const, eb: false };

	it('every class bound its legend prints is a rate the CSV writes (a class ending one step below the next one\'s start); on the exact figures some are not', () => {
		const { figures, hidden } = publicPicture(desa, desa, params);
		const bounds = (c: ReturnType<typeof colourLayer>) => c.entries.map((e) => e.label.match(/\d+,\d/g) ?? []);
		const num = (s: string) => Number(s.replace(',', '.'));
		const pub = bounds(colourLayer(figures, params, 'id', hidden));
		expect(pub.length).toBeGreaterThan(3);
		pub.forEach(([from, to], i) => {
			expect(written, from).toContain(from);
			if (i === pub.length - 1) expect(written, to).toContain(to);
			else expect(num(to)).toBeCloseTo(num(pub[i + 1][0]) - 0.1, 6);
		});
		const exact = bounds(colourLayer(desa, params, 'id', hiddenInPublic(desa, 'keluhan')));
		expect(exact.some(([from]) => !written.includes(from))).toBe(true);
	});
	it('leaves uncoloured the hidden desa and the one withheld beside it, as the CSV blanks both', () => {
		const { figures, hidden } = publicPicture(desa, desa, params);
		const blank = new Set(rows.filter((r) => r[header.indexOf('keluhan_per_1000_rt')] === '').map((r) => r[0]));
		expect(hidden).toEqual(blank);
		expect(hidden.size).toBe(2);
		const c = colourLayer(figures, params, 'id', hidden);
		expect(legendEntries(c).find((e) => e === c.hidden)?.count).toBe(2);
	});
});

describe('the hot spots and clusters of a public file', () => {
	// A 12×12 district of one kecamatan per row, a hot corner, and a handful of desa with 1–4 complaints.
	const weights = latticeWeights(12, 12, 'queen');
	const info = weights.ids.map((id, i) => ({ kode: `33.28.${String(10 + Math.floor(i / 12))}.${2000 + i}`, id, nama: id, kode_kec: `33.28.${String(10 + Math.floor(i / 12))}`, nama_kec: 'K' }));
	const hh = info.map((_, i) => 300 + ((i * 97) % 900));
	const kel = info.map((_, i) => {
		const [r, c] = [Math.floor(i / 12), i % 12];
		if (i % 13 === 5) return 1 + (i % 4);
		return r < 4 && c < 4 ? 40 + ((i * 7) % 20) : 8 + ((i * 11) % 15);
	});
	const w = { ids: info.map((x) => x.kode), neighbours: weights.neighbours };
	const shaped = shapeDesa(
		info,
		{ kemiskinan: info.map((x, i) => ({ ...x, rumah_tangga: hh[i], miskin: 50, nilai: 50 / hh[i] })), keluhan: info.map((x, i) => ({ kode: x.kode, keluhan: kel[i] })), rujukan: [] },
		w
	);
	const classes = publicClasses(shaped, w);
	const name = (h: Parameters<typeof hotspotLabel>[0]) => hotspotLabel(h, 'id');

	it('are what a reader computes from the file: Gi* and local Moran of its own EB column over the contiguity', () => {
		const out = parseExportCsv(desaCsv(shaped, name, 'publik', undefined, shaped, classes));
		const col = (n: string) => out.rows.map((r) => r[out.header.indexOf(n)]);
		const eb = col('keluhan_per_1000_rt_eb').map((v) => (v === '' ? null : Number(v.replace(',', '.'))));
		expect(eb.filter((v) => v === null).length).toBeGreaterThan(5);
		const gi = getisOrdGiStar(eb, w);
		const hot = hotspotClasses(gi.z, gi.p);
		const moran = moranClusters(eb, w);
		expect(col('hotspot_gi')).toEqual(eb.map((v, i) => name(v === null ? null : hot[i])));
		expect(col('klaster_moran')).toEqual(moran.cluster.map((c) => moranLabel(c, 'id')));
		// The hot corner is found from the public rates too; a desa whose count is hidden has no class.
		expect(col('hotspot_gi').filter((h) => h.startsWith('Titik panas')).length).toBeGreaterThan(3);
		shaped.forEach((d, i) => d.keluhan > 0 && d.keluhan < 5 && expect(col('hotspot_gi')[i]).toBe(name(null)));
	});

	it('an internal copy keeps the classes of the exact rates; a public picture and figures take the public ones', () => {
		const internal = parseExportCsv(desaCsv(shaped, name, 'internal', undefined, shaped, classes));
		expect(internal.rows.map((r) => r[internal.header.indexOf('hotspot_gi')])).toEqual(shaped.map((d) => name(d.hotspot)));
		const pub = publicDesaFigures(shaped, shaped, classes);
		expect(pub.map((d) => d.hotspot)).toEqual(shaped.map((d) => classes.hotspot.get(d.kode)));
		const { figures } = publicPicture(shaped, shaped, { ...DEFAULT_PETA, lapisan: 'hotspot' }, classes);
		expect(figures.map((d) => d.moran)).toEqual(shaped.map((d) => classes.moran.get(d.kode)));
		// The exact rates' classes differ somewhere: a hidden count moved them.
		expect(shaped.some((d) => d.hotspot !== classes.hotspot.get(d.kode))).toBe(true);
	});

	it('a public picture puts the desa whose rate the file blanks on the hidden line, not among those without data', () => {
		const view = { ...DEFAULT_PETA, lapisan: 'hotspot' as const };
		const { figures, hidden } = publicPicture(shaped, shaped, view, classes);
		const blank = parseExportCsv(desaCsv(shaped, name, 'publik', undefined, shaped, classes));
		const ebBlank = blank.rows.filter((r) => r[blank.header.indexOf('keluhan_per_1000_rt_eb')] === '').map((r) => r[0]);
		expect([...hidden].sort()).toEqual(ebBlank.sort());
		const c = colourLayer(figures, view, 'id', hidden);
		expect(c.hidden?.count).toBe(ebBlank.length);
		expect(c.noData.count).toBe(0);
		for (const k of hidden) expect(c.classes.get(k)).toBeNull();
	});
});

