import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SEQUENTIAL_BAD, SEQUENTIAL_GOOD } from '../map/palette';
import { UNCOLOURED_SWATCH } from '../map/uncoloured';
import { MORAN_COLORS } from '../map/palette';
import { colourLayer, fewCasesText, formatLayerValue, hiddenInPublic, HOTSPOT_ORDER, layerRanks, legendEntries, MIN_REFERRALS } from './layers';
import { DEFAULT_PETA, readPetaParams } from './params';
import type { DesaFigures } from './shape';

const fig = (kode: string, kemiskinan: number | null, extra: Partial<DesaFigures> = {}): DesaFigures => ({
	kode, nama: kode, kode_kec: 'k', nama_kec: 'K', rumah_tangga: 10, miskin: 1, kemiskinan, keluhan: 1,
	keluhan_mentah: 1, keluhan_eb: 1, gi_z: 0, hotspot: 'ns', moran_i: 0, moran: 'ns', rujukan: 0, rujukan_selesai: 0, rujukan_share: null, median_hari: null,
	rujukan_lewat: 0, rujukan_lewat_share: null, puskesos_km: null, ...extra
});

describe('colourLayer', () => {
	const desa = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0].map((v, i) => fig(`d${i}`, v)).concat([fig('x', null)]);

	it('quantile: five classes of two desa each, ranges in Indonesian format, no-data counted apart', () => {
		const c = colourLayer(desa, DEFAULT_PETA, 'id');
		expect(c.palette).toEqual([...SEQUENTIAL_BAD]);
		expect(c.entries.map((e) => e.count)).toEqual([2, 2, 2, 2, 2]);
		expect(c.entries[0].label).toBe('10,0 – 29,9\u00a0%');
		expect(c.entries[4].label).toBe('90,0 – 100,0\u00a0%');
		expect(c.noData).toEqual({ color: NO_DATA_COLOR, label: 'Tanpa data', count: 1, reason: 'none' });
		expect(c.classes.get('d0')).toBe(0);
		expect(c.classes.get('d9')).toBe(4);
		expect(c.classes.get('x')).toBeNull();
		expect(c.reasons).toEqual(new Map([['x', 'none']]));
	});

	it('equal intervals put the classes at equal widths', () => {
		const c = colourLayer(desa, { ...DEFAULT_PETA, klasifikasi: 'equal' }, 'id');
		expect(c.entries[1].label).toBe('28,0 – 45,9\u00a0%');
	});

	it('keluhan colours by the raw or the smoothed rate as asked', () => {
		const two = [fig('a', 0, { keluhan_mentah: 5, keluhan_eb: 50 }), fig('b', 0, { keluhan_mentah: 15, keluhan_eb: 20 })];
		const eb = colourLayer(two, { ...DEFAULT_PETA, lapisan: 'keluhan' }, 'id');
		const raw = colourLayer(two, { ...DEFAULT_PETA, lapisan: 'keluhan', eb: false }, 'id');
		expect(eb.classes.get('a')).toBeGreaterThan(eb.classes.get('b')!);
		expect(raw.classes.get('a')).toBeLessThan(raw.classes.get('b')!);
		expect(raw.entries[0].label).toBe('5,0 – 14,9');
	});

	it('a class of one value (quantiles over ties) is labelled with that value alone', () => {
		const tied = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1, 1, 1, 1, 1, 1].map((v, i) => fig(`t${i}`, 0, { rujukan_share: v }));
		const c = colourLayer(tied, { ...DEFAULT_PETA, lapisan: 'rujukan' }, 'id');
		const labels = c.entries.map((e) => e.label);
		expect(labels.at(-1)).toBe('100,0 %');
		expect(labels.filter((l) => l.includes('100,0 – 100,0'))).toEqual([]);
	});

	it('a desa with 1–4 referrals is not coloured but counted apart from no data; the median days rest on the completed ones', () => {
		const d = [
			...[0.5, 0.6, 0.7, 0.8, 0.9].map((v, i) => fig(`ok${i}`, 0, { rujukan: 10, rujukan_selesai: 8, rujukan_share: v, median_hari: 10 + i })),
			fig('few', 0, { rujukan: MIN_REFERRALS - 1, rujukan_selesai: 4, rujukan_share: 1, median_hari: 3 }),
			fig('edge', 0, { rujukan: MIN_REFERRALS, rujukan_selesai: 2, rujukan_share: 0.4, median_hari: 30 }),
			fig('none', 0, { rujukan: 0, rujukan_selesai: 0, rujukan_share: null })
		];
		const c = colourLayer(d, { ...DEFAULT_PETA, lapisan: 'rujukan' }, 'id');
		expect(c.classes.get('few')).toBeNull();
		expect(c.classes.get('edge')).toBe(0);
		expect(c.classes.get('none')).toBeNull();
		expect(c.few).toEqual({ color: UNCOLOURED_SWATCH.few.background, label: 'Kurang dari 5 rujukan (tidak diwarnai)', count: 1, reason: 'few' });
		expect(c.noData.count).toBe(1);
		// The 100 % of four referrals does not stretch the top class.
		expect(c.entries.at(-1)!.label).toBe('80,0 – 90,0\u00a0%');
		expect(legendEntries(c).map((e) => e.count)).toEqual([...c.entries.map((e) => e.count), 1, 1]);
		const median = colourLayer(d, { ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'median' }, 'en');
		expect(median.classes.get('few')).toBeNull();
		expect(median.classes.get('edge')).toBeNull();
		expect(median.few).toMatchObject({ label: 'Fewer than 5 referrals completed (not coloured)', count: 2 });
		expect([median.reasons.get('few'), median.reasons.get('edge'), median.reasons.get('none')]).toEqual(['few', 'few', 'none']);
		// Other layers have no such line.
		expect(colourLayer(d, DEFAULT_PETA, 'id').few).toBeUndefined();
	});

	it('a desa with 3 referrals is uncoloured as too few, one with none as no data: each reason with its own legend line and swatch', () => {
		const d = [
			...[0.5, 0.6, 0.7, 0.8, 0.9].map((v, i) => fig(`ok${i}`, 0, { rujukan: 10, rujukan_selesai: 8, rujukan_share: v })),
			fig('three', 0, { rujukan: 3, rujukan_selesai: 3, rujukan_share: 1 }),
			fig('zero', 0, { rujukan: 0, rujukan_selesai: 0, rujukan_share: null })
		];
		const c = colourLayer(d, { ...DEFAULT_PETA, lapisan: 'rujukan' }, 'id');
		expect(c.reasons).toEqual(new Map([['three', 'few'], ['zero', 'none']]));
		// Every desa is either in a class or has a reason, never both.
		for (const [kode, k] of c.classes) expect(k === null, kode).toBe(c.reasons.has(kode));
		const lines = legendEntries(c).filter((e) => e.reason);
		expect(lines.map((e) => [e.reason, e.count])).toEqual([['few', 1], ['none', 1]]);
		// The legend's swatch is the ground of the map's pattern for that reason, unlike any class.
		for (const e of lines) expect(e.color).toBe(UNCOLOURED_SWATCH[e.reason!].background);
		expect(new Set(lines.map((e) => e.color)).size).toBe(2);
		for (const e of lines) expect(c.palette).not.toContain(e.color);
	});

	it('a legend has an uncoloured line only when some desa is so; every class stays, even empty', () => {
		const all = [0.5, 0.55, 0.65, 0.7, 0.95].map((v, i) => fig(`ok${i}`, 0, { rujukan: 10, rujukan_selesai: 8, rujukan_share: v }));
		const c = colourLayer(all, { ...DEFAULT_PETA, lapisan: 'rujukan', klasifikasi: 'target' }, 'id');
		expect(c.few?.count).toBe(0);
		expect(c.noData.count).toBe(0);
		expect(legendEntries(c)).toEqual(c.entries);
		expect(c.entries.some((e) => e.count === 0)).toBe(true);
		expect(c.reasons.size).toBe(0);
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
		expect(c.reasons).toEqual(new Map([['d', 'none']]));
	});

	it('hotspot in a public picture: a hidden desa is on the hidden line with its swatch, apart from no data', () => {
		const desa = [fig('a', 0, { hotspot: 'hot-99' }), fig('b', 0, { hotspot: 'ns' }), fig('c', 0, { hotspot: 'ns' }), fig('d', null, { hotspot: null, moran: null })];
		for (const hotspot of ['gi', 'moran'] as const) {
			const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'hotspot', hotspot }, 'id', new Set(['b']));
			expect(c.reasons).toEqual(new Map([['b', 'hidden'], ['d', 'none']]));
			expect(legendEntries(c).filter((e) => e.reason).map((e) => [e.reason, e.count, e.color])).toEqual([
				['none', 1, UNCOLOURED_SWATCH.none.background],
				['hidden', 1, UNCOLOURED_SWATCH.hidden.background]
			]);
		}
	});
});

describe('colourLayer: local Moran and referral sub-views', () => {
	it('hotspot=moran: five cluster classes in legend order with counts, no data apart', () => {
		const desa = [fig('a', 0, { moran: 'high-high' }), fig('b', 0, { moran: 'high-high' }), fig('c', 0, { moran: 'low-low' }), fig('d', 0, { moran: 'low-high' }), fig('e', 0, { moran: 'ns' }), fig('f', null, { moran: null })];
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'hotspot', hotspot: 'moran' }, 'id');
		expect(c.entries.map((e) => [e.label, e.count])).toEqual([['Tinggi–tinggi', 2], ['Rendah–tinggi', 1], ['Tinggi–rendah', 0], ['Rendah–rendah', 1], ['Tidak signifikan', 1]]);
		expect(c.palette).toEqual([...MORAN_COLORS]);
		expect([c.classes.get('a'), c.classes.get('c'), c.classes.get('f')]).toEqual([0, 3, null]);
		expect(c.noData.count).toBe(1);
		expect(colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'hotspot', hotspot: 'moran' }, 'en').entries[1].label).toBe('Low–high');
	});

	it('rujukan=median colours median days (more is worse) and labels ranges in days', () => {
		const desa = [5, 10, 15, 20, 25].map((v, i) => fig(`d${i}`, 0, { median_hari: v, rujukan_share: 1 - i / 10 }));
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'median', klasifikasi: 'equal' }, 'id');
		expect(c.entries[0].label).toBe('5,0 – 8,9 hari');
		expect(c.palette).toEqual([...SEQUENTIAL_BAD]);
		expect(c.classes.get('d4')).toBe(4);
		expect(formatLayerValue('rujukan', 12.5, 'id', 'median')).toBe('12,5 hari');
	});

	it('rujukan=lewat colours the share past the standard as a percentage, more is worse', () => {
		const desa = [0, 0.1, 0.2, 0.3, 0.4].map((v, i) => fig(`d${i}`, 0, { rujukan_lewat_share: v }));
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'lewat', klasifikasi: 'equal' }, 'id');
		expect(c.entries.map((e) => e.label)[4]).toBe('32,0 – 40,0\u00a0%');
		expect(SEQUENTIAL_BAD).toContain(c.palette[0]);
		expect(c.classes.get('d0')).toBe(0);
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
	it('does not rank a referral share of 1–4 referrals: of those with enough, the best is first', () => {
		const desa = [fig('few', 0, { rujukan: 2, rujukan_selesai: 2, rujukan_share: 1 }), fig('a', 0, { rujukan: 10, rujukan_selesai: 9, rujukan_share: 0.9 }), fig('b', 0, { rujukan: 20, rujukan_selesai: 10, rujukan_share: 0.5 })];
		const r = layerRanks(desa, 'rujukan', true);
		expect(r.kab.get('few')).toBeUndefined();
		expect(r.kab.get('a')).toEqual({ rank: 1, of: 2 });
	});
	it('ranks within the kecamatan and the whole district, by the layer shown', () => {
		const desa = [fig('a', 0.1, { kode_kec: 'k1' }), fig('b', 0.3, { kode_kec: 'k1' }), fig('c', 0.2, { kode_kec: 'k2' }), fig('d', null, { kode_kec: 'k2' })];
		const r = layerRanks(desa, 'kemiskinan', true);
		expect(r.kec.get('a')).toEqual({ rank: 2, of: 2 });
		expect(r.kec.get('c')).toEqual({ rank: 1, of: 1 });
		expect(r.kab.get('c')).toEqual({ rank: 2, of: 3 });
		expect(r.kab.has('d')).toBe(false);
	});
});

describe('legend lines that share no edge', () => {
	/** The printed figures a legend line holds: "a – b", "a", "< a", "≥ a". */
	const holds = (label: string, printed: string): boolean => {
		const num = (t: string) => Number(t.replace(/\./g, '').replace(',', '.'));
		const v = num(printed.match(/\d[\d.]*,\d/)![0]);
		const [a, b] = (label.match(/\d[\d.]*,\d/g) ?? []).map(num);
		if (label.startsWith('<')) return v < a;
		if (label.startsWith('≥')) return v >= a;
		return b === undefined ? v === a : a <= v && v <= b;
	};
	/** Each desa's printed figure is on its own class's line, and on no other. */
	const readsIntoItsClass = (desa: DesaFigures[], p: Parameters<typeof colourLayer>[1]) => {
		const c = colourLayer(desa, p, 'id');
		for (const d of desa) {
			const printed = formatLayerValue('kemiskinan', d.kemiskinan, 'id');
			const lines = c.entries.map((e) => e.label).filter((l) => holds(l, printed));
			expect(lines, printed).toEqual([c.entries[c.classes.get(d.kode)!].label]);
		}
		return c.entries.map((e) => [e.label, e.count]);
	};

	it('a desa on a break is in the class the break starts, and its line says so; breaks that print alike make one class', () => {
		// Quantile breaks 0,2096 and 0,21 both print 21,0; 0,2097 prints 21,0 too, and sat in the class below 0,21.
		const shares = [0.044, 0.1, 0.2096, 0.2097, 0.21, 0.25, 0.313, 0.35, 0.5, 0.6];
		expect(readsIntoItsClass(shares.map((v, i) => fig(`d${i}`, v)), DEFAULT_PETA)).toEqual([
			['4,4 – 20,9\u00a0%', 2],
			['21,0 – 31,2\u00a0%', 4],
			['31,3 – 49,9\u00a0%', 2],
			['50,0 – 60,0\u00a0%', 2]
		]);
	});

	it('a class of one printed value is that value; a share printed 100,0 % is in it', () => {
		const shares = [0.5, 0.6, 0.7, 0.8, 0.9, 0.9996, 1, 1, 1, 1];
		expect(readsIntoItsClass(shares.map((v, i) => fig(`d${i}`, v)), DEFAULT_PETA)).toEqual([
			['50,0 – 69,9\u00a0%', 2],
			['70,0 – 89,9\u00a0%', 2],
			['90,0 – 99,9\u00a0%', 1],
			['100,0\u00a0%', 5]
		]);
	});

	it('holds for every method over many shares of small counts', () => {
		const shares = Array.from({ length: 300 }, (_, i) => ((i * 37) % 41) / (17 + (i % 23)));
		for (const klasifikasi of ['quantile', 'equal', 'ckmeans'] as const) readsIntoItsClass(shares.map((v, i) => fig(`d${i}`, v)), { ...DEFAULT_PETA, klasifikasi });
	});
});

describe('fixed target bands', () => {
	it('rujukan completion in the bands <60, 60–80, 80–90, ≥90 %, a value on an edge in the upper band', () => {
		const shares = [0.3, 0.6, 0.79, 0.8, 0.85, 0.9, 1, null];
		const desa = shares.map((v, i) => fig(`d${i}`, 0, { rujukan_share: v }));
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'rujukan', klasifikasi: 'target' }, 'id');
		expect(c.entries.map((e) => [e.label, e.count])).toEqual([['< 60,0\u00a0%', 1], ['60,0 – 79,9\u00a0%', 2], ['80,0 – 89,9\u00a0%', 2], ['≥ 90,0\u00a0%', 2]]);
		expect(desa.map((d) => c.classes.get(d.kode))).toEqual([0, 1, 1, 2, 2, 3, 3, null]);
		expect(c.palette).toHaveLength(4);
	});

	it('median days banded by the service standard; a layer without targets falls back to quantiles', () => {
		const desa = [3, 14, 20, 28, 40].map((v, i) => fig(`d${i}`, 0, { median_hari: v }));
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'rujukan', rujukan: 'median', standar: 14, klasifikasi: 'target' }, 'en');
		expect(c.entries.map((e) => [e.label, e.count])).toEqual([['< 14.0 days', 1], ['14.0 – 27.9 days', 2], ['≥ 28.0 days', 2]]);
		const kem = [0.1, 0.2, 0.3, 0.4, 0.5].map((v, i) => fig(`k${i}`, v));
		expect(colourLayer(kem, { ...DEFAULT_PETA, klasifikasi: 'target' }, 'id').entries).toEqual(colourLayer(kem, { ...DEFAULT_PETA, klasifikasi: 'quantile' }, 'id').entries);
	});
});

describe('Puskesos distance layer', () => {
	it('colours km to the nearest Puskesos, far is worse, ranges in km; desa without a site in reach are no data', () => {
		const desa = [0, 2.5, 5, 7.5, 10].map((v, i) => fig(`d${i}`, 0, { puskesos_km: v })).concat([fig('x', 0, { puskesos_km: null })]);
		const c = colourLayer(desa, { ...DEFAULT_PETA, lapisan: 'puskesos', klasifikasi: 'equal' }, 'id');
		expect(c.entries[0].label).toBe('0,0 – 1,9 km');
		expect(c.palette).toEqual([...SEQUENTIAL_BAD]);
		expect(c.classes.get('d4')).toBe(4);
		expect(c.noData.count).toBe(1);
		expect(formatLayerValue('puskesos', 3.456, 'id')).toBe('3,5 km');
	});
});

describe('colourLayer with hidden desa: a public picture of a layer', () => {
	const d = [
		...[0.5, 0.6, 0.7, 0.8, 0.9].map((v, i) => fig(`ok${i}`, 0, { rujukan: 10, rujukan_selesai: 5 + i, rujukan_share: v })),
		// 10 referrals, 3 completed: coloured on the page; its 30 % gives back the 3.
		fig('three', 0, { rujukan: 10, rujukan_selesai: 3, rujukan_share: 0.3 }),
		// 4 referrals: too few to colour on the page already; it stays on that line.
		fig('few', 0, { rujukan: 4, rujukan_selesai: 2, rujukan_share: 0.5 }),
		fig('none', 0, { rujukan: 0, rujukan_selesai: 0, rujukan_share: null })
	];
	const p = { ...DEFAULT_PETA, lapisan: 'rujukan' as const, klasifikasi: 'equal' as const };
	const page = colourLayer(d, p, 'id');
	const hidden = hiddenInPublic(d, 'rujukan', 'selesai');
	const pub = colourLayer(d, p, 'id', hidden);

	it('uncolours the desa whose figure rests on a count of 1–4, on a legend line of its own', () => {
		expect([...hidden].sort()).toEqual(['few', 'three']);
		expect(page.classes.get('three')).toBe(0);
		expect(pub.classes.get('three')).toBeNull();
		expect(pub.hidden).toEqual({ color: UNCOLOURED_SWATCH.hidden.background, label: 'Disembunyikan: angka dari jumlah 1–4 (aturan privasi)', count: 1, reason: 'hidden' });
		// Each uncoloured desa for its own reason: the one of 4 referrals stays too few, not hidden.
		expect(pub.reasons).toEqual(new Map([['three', 'hidden'], ['few', 'few'], ['none', 'none']]));
		expect(page.reasons).toEqual(new Map([['few', 'few'], ['none', 'none']]));
		expect(pub.few?.count).toBe(1);
		expect(pub.noData.count).toBe(1);
		// Every desa on exactly one line, as on the page.
		const total = (c: typeof page) => legendEntries(c).reduce((a, e) => a + e.count, 0);
		expect(total(pub)).toBe(d.length);
		expect(total(page)).toBe(d.length);
	});

	it('classes the other desa without the hidden figure: no break prints it', () => {
		// On the page the equal intervals start at the hidden 30 %.
		expect(page.entries[0].label).toBe('30,0 – 41,9\u00a0%');
		// In public they span 50–90 %, the coloured desa's own range, one desa a class.
		expect(pub.entries.map((e) => e.label)).toEqual(['50,0 – 57,9\u00a0%', '58,0 – 65,9\u00a0%', '66,0 – 73,9\u00a0%', '74,0 – 81,9\u00a0%', '82,0 – 90,0\u00a0%']);
		expect(pub.entries.map((e) => e.count)).toEqual([1, 1, 1, 1, 1]);
		expect(pub.entries.some((e) => e.label.includes('30,0'))).toBe(false);
		expect([0, 1, 2, 3, 4].map((i) => pub.classes.get(`ok${i}`))).toEqual([0, 1, 2, 3, 4]);
	});

	it('changes nothing when nothing coloured is hidden', () => {
		expect(colourLayer(d, p, 'en', new Set(['none', 'few', 'nowhere']))).toEqual(colourLayer(d, p, 'en'));
	});
});

describe('fewCasesText', () => {
	it('says how few cases a referral figure rests on, by the measure (the median days: completed ones), or nothing', () => {
		const d = fig('a', 0, { rujukan: 12, rujukan_selesai: 3 });
		expect(fewCasesText(d, 'selesai', 'id')).toBeNull();
		expect(fewCasesText(d, 'median', 'id')).toBe('dari 3 rujukan selesai: terlalu sedikit untuk dibandingkan');
		expect(fewCasesText(fig('b', 0, { rujukan: 2 }), 'lewat', 'en')).toBe('from 2 referrals: too few to compare');
		expect(fewCasesText(fig('c', 0, { rujukan: 0 }), 'selesai', 'id')).toBeNull();
	});
});


describe('the distance layer', () => {
	it('opens on bands of the service radius, not quantiles (QA: 2,9 km and up painted darkest red while 98 % were within 5 km)', () => {
		const p = readPetaParams(new URLSearchParams('lapisan=puskesos'));
		expect(p.klasifikasi).toBe('target');
		const desa = [0.4, 1.2, 2.4, 2.9, 3.5, 4.8, 5.0, 7.5].map((km, i) => ({ ...fig(`d${i}`, null), puskesos_km: km }));
		const c = colourLayer(desa, p, 'id');
		expect(c.entries.map((e) => [e.label, e.count])).toEqual([
			['< 2,5 km', 3],
			['2,5 – 4,9 km', 3],
			['≥ 5,0 km', 2]
		]);
		// A radius of 3 km in the link moves the bands with it; a classification asked for is kept.
		expect(colourLayer(desa, readPetaParams(new URLSearchParams('lapisan=puskesos&radius=3')), 'id').entries.map((e) => e.label)).toEqual(['< 1,5 km', '1,5 – 2,9 km', '≥ 3,0 km']);
		expect(readPetaParams(new URLSearchParams('lapisan=puskesos&klasifikasi=quantile')).klasifikasi).toBe('quantile');
	});
});
