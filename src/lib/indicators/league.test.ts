import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import { parseExportCsv } from '../export/csv';
import { byName, compareColumns, filterProvince, leagueCsv, median, medians, nationalComposites, sortLeague } from './league';
import type { NationalDistrict, NationalFile } from './national';
import type { Targets } from './targets';

// Two weighted indicators (weight 1 each) and BPS P0 as unweighted context.
const defs = ['keluhan_selesai', 'median_hari_keluhan', 'bps_p0'].map((id) => CATALOGUE.find((d) => d.id === id)!);
const targets: Targets = {
	bawaan: {
		keluhan_selesai: { target: 0.85, batas_merah: 0.7, skor_nol: 0.4 },
		median_hari_keluhan: { target: 14, batas_merah: 21, skor_nol: 45 },
		bps_p0: { target: 7, batas_merah: 12, skor_nol: 30 }
	},
	penyesuaian: []
};
const district = (kode: string, nama: string, res: number | null, days: number | null, p0: number | null): NationalDistrict => ({
	kode,
	nama,
	kode_prov: kode.slice(0, 2),
	nama_prov: `Prov ${kode.slice(0, 2)}`,
	sumber: kode === '33.28' ? 'pilot' : 'sintetis',
	nilai: { keluhan_selesai: res, median_hari_keluhan: days },
	bps: { p0: { '2024': null, '2025': p0 }, p1: null, p2: null, garis_kemiskinan: null, penduduk: null, tahun: 2025 }
});
const FILE: NationalFile = {
	versi: 1,
	periode: { start: '2025-11', end: '2026-10' },
	seed: 1,
	tahun_p0: [2024, 2025],
	indikator: ['keluhan_selesai', 'median_hari_keluhan'],
	kabkota: [
		district('33.28', 'Kabupaten Tegal', 0.85, 29.5, 6.16), // 100 × (1 + 0.5) / 2 = 75
		district('33.11', 'Kabupaten Sukoharjo', 0.625, 14, 6.83), // 100 × (0.5 + 1) / 2 = 75 (tie)
		district('75.01', 'Kabupaten Gorontalo', 0.4, 45, 14.89), // 0
		district('11.01', 'Kabupaten Aceh Selatan', null, null, null) // no score
	]
};

describe('national league', () => {
	const rows = nationalComposites(FILE, defs, targets);
	const by = new Map(rows.map((r) => [r.kode, r]));

	test('composite, ranks with ties by code, RAG per indicator including BPS P0', () => {
		expect(by.get('33.28')!.score).toBeCloseTo(75, 10);
		expect(by.get('33.11')!.score).toBeCloseTo(75, 10);
		expect([by.get('33.11')!.rank, by.get('33.28')!.rank, by.get('75.01')!.rank, by.get('11.01')!.rank]).toEqual([1, 1, 3, null]);
		expect(by.get('75.01')!.cells.bps_p0).toEqual({ value: 14.89, rag: 'merah' });
		expect(by.get('33.28')!.cells.keluhan_selesai.rag).toBe('hijau');
	});

	test('sorting: by rank, by P0 descending, missing values last either way', () => {
		expect(sortLeague(rows, 'rank', false).map((r) => r.kode)).toEqual(['33.11', '33.28', '75.01', '11.01']);
		expect(sortLeague(rows, 'p0_2025', true).map((r) => r.kode)).toEqual(['75.01', '33.11', '33.28', '11.01']);
		expect(sortLeague(rows, 'p0_2025', false).map((r) => r.kode)).toEqual(['33.28', '33.11', '75.01', '11.01']);
		expect(sortLeague(rows, 'ind_median_hari_keluhan', false).map((r) => r.kode)).toEqual(['33.11', '33.28', '75.01', '11.01']);
	});

	test('sorted by name, a kabupaten and a kota of the same name sit together', () => {
		const named = ['Kota Bandung', 'Kabupaten Aceh Besar', 'Kabupaten Bandung', 'Kota Banda Aceh', 'Kabupaten Bandung Barat'].map((nama, i) => ({ ...rows[0], kode: `9${i}.01`, nama }));
		expect(sortLeague(named, 'nama', false).map((r) => r.nama)).toEqual(['Kabupaten Aceh Besar', 'Kota Banda Aceh', 'Kabupaten Bandung', 'Kota Bandung', 'Kabupaten Bandung Barat']);
		expect(byName('Kota Mojokerto')).toBe('Mojokerto (Kota)');
	});

	test('province filter and medians', () => {
		expect(filterProvince(rows, '33').map((r) => r.kode)).toEqual(['33.28', '33.11']);
		expect(filterProvince(rows, '').length).toBe(4);
		expect(median([3, null, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([null])).toBeNull();
		expect(medians(rows, ['keluhan_selesai'])).toEqual({ keluhan_selesai: 0.625 });
	});

	test('CSV: like every download (semicolons, decimal commas), one line per district, empty cells for missing values, shares in percent, saying what it holds', () => {
		const csv = leagueCsv(sortLeague(rows, 'rank', false), defs, FILE.tahun_p0);
		expect(csv.startsWith('\ufeff# ')).toBe(true);
		const { note, about, header, rows: lines } = parseExportCsv(csv);
		// No household count in it: the first line says what it holds, not the household rule (QA).
		expect(note).toMatch(/^Angka tingkat kabupaten\/kota: .*tanpa jumlah rumah tangga/);
		expect(about[0]).toMatch(/^Kolom _persen dalam persen/);
		expect(parseExportCsv(leagueCsv(rows, defs, FILE.tahun_p0, 'en')).about[0]).toMatch(/^Columns ending _persen are in percent/);
		expect(header.join(';')).toBe('peringkat;kode_kemendagri;nama;kode_prov;provinsi;sumber_indikator;skor_komposit;skor_sebelumnya;perubahan_skor;bps_p0_2024;bps_p0_2025;keluhan_selesai_persen;keluhan_selesai_rag;keluhan_selesai_persen_sebelumnya;median_hari_keluhan;median_hari_keluhan_rag;median_hari_keluhan_sebelumnya');
		expect(lines).toHaveLength(4);
		// Rank 1 is a rank, not a count of 1–4 households: it stays. 0.85 is 85 %, days with one decimal.
		expect(lines[1]).toEqual(['1', '33.28', 'Kabupaten Tegal', '33', 'Prov 33', 'pilot', '75,00', '', '', '', '6,16', '85,00', 'hijau', '', '29,5', 'merah', '']);
		expect(lines[3]).toEqual(['', '11.01', 'Kabupaten Aceh Selatan', '11', 'Prov 11', 'sintetis', '', '', '', '', '', '', '', '', '', '', '']);
		const quoted = parseExportCsv(leagueCsv([{ ...rows[0], nama: 'Kota "X"; Y' }], defs, FILE.tahun_p0));
		expect(quoted.rows[0][2]).toBe('Kota "X"; Y');
	});
});


describe('side-by-side comparison', () => {
	const rows = nationalComposites(FILE, defs, targets);
	const labels = { prov: 'Median provinsi', nat: 'Median nasional' };
	test('one district: beside its province median and the national median', () => {
		const cols = compareColumns(rows, ['33.28'], ['keluhan_selesai', 'median_hari_keluhan'], [2024, 2025], labels);
		expect(cols.map((c) => [c.kode, c.kind])).toEqual([['33.28', 'district'], ['prov-33', 'median'], ['nasional', 'median']]);
		expect(cols[1].label).toBe('Median provinsi Prov 33');
		// Province 33: Tegal 0.85 and Sukoharjo 0.625 → 0.7375; nation: 0.85, 0.625, 0.4 (Aceh missing) → 0.625
		expect(cols[1].cells.keluhan_selesai.value).toBeCloseTo(0.7375, 12);
		expect(cols[2].cells.keluhan_selesai.value).toBe(0.625);
		expect(cols[2].p0['2025']).toBeCloseTo(6.83, 12);
		expect(cols[2].score).toBe(75);
	});
	test('two to four districts side by side, in the order picked; unknown codes skipped', () => {
		expect(compareColumns(rows, ['75.01', '33.28', '99.99'], [], [2025], labels).map((c) => c.kode)).toEqual(['75.01', '33.28']);
		expect(compareColumns(rows, [], [], [2025], labels)).toEqual([]);
	});
});

describe('national league with the period before', () => {
	const before = { start: '2024-11', end: '2025-10' };
	const withBefore: NationalFile = {
		...FILE,
		versi: 2,
		periode_sebelumnya: before,
		kabkota: [
			// 100 × (0.5 + 0) / 2 = 25 before, 75 now: +50 points; resolution up (better), days down (better)
			{ ...FILE.kabkota[0], nilai_sebelumnya: { keluhan_selesai: 0.625, median_hari_keluhan: 45 } },
			// the same figures as now: no change
			{ ...FILE.kabkota[1], nilai_sebelumnya: { keluhan_selesai: 0.625, median_hari_keluhan: 14 } },
			// resolution down from 0.85 (worse): 100 × (1 + 0) / 2 = 50 before, 0 now
			{ ...FILE.kabkota[2], nilai_sebelumnya: { keluhan_selesai: 0.85, median_hari_keluhan: 45 } },
			FILE.kabkota[3]
		]
	};
	const rows = nationalComposites(withBefore, defs, targets);
	const by = new Map(rows.map((r) => [r.kode, r]));

	test("each district's score before, scored with that period's bands, and its change in points", () => {
		expect(by.get('33.28')!.previousScore).toBeCloseTo(25, 10);
		expect(by.get('33.28')!.scoreChange).toBeCloseTo(50, 10);
		expect(by.get('33.11')!.scoreChange).toBeCloseTo(0, 10);
		expect(by.get('75.01')!.previousScore).toBeCloseTo(50, 10);
		expect(by.get('75.01')!.scoreChange).toBeCloseTo(-50, 10);
		// Without figures before (or none now), no change.
		expect(by.get('11.01')!.scoreChange ?? null).toBeNull();
	});

	test('the rank by the score before, among all districts', () => {
		// Before: Gorontalo 50, Tegal 25, Sukoharjo 75 (unchanged), Aceh Selatan none.
		expect(['33.11', '75.01', '33.28', '11.01'].map((k) => by.get(k)!.previousRank)).toEqual([1, 2, 3, null]);
	});

	test('each figure says whether it moved, and whether for the better given its direction; BPS figures are not compared', () => {
		expect(by.get('33.28')!.cells.keluhan_selesai).toMatchObject({ previous: 0.625, trend: 'naik', better: true });
		expect(by.get('33.28')!.cells.median_hari_keluhan).toMatchObject({ previous: 45, trend: 'turun', better: true });
		expect(by.get('75.01')!.cells.keluhan_selesai).toMatchObject({ trend: 'turun', better: false });
		expect(by.get('33.11')!.cells.keluhan_selesai).toMatchObject({ trend: 'tetap', better: null });
		expect(by.get('33.28')!.cells.bps_p0.previous).toBeUndefined();
	});

	test('a figure not comparable over time (a past value only a bound) shows no change and is held at its current value in the score before', () => {
		const held = [defs[0], { ...defs[1], comparable: false }, defs[2]];
		const tegal = nationalComposites(withBefore, held, targets).find((r) => r.kode === '33.28')!;
		// Resolution 0.625 before (score 0.5); median days held at 29.5 (score 0.5): 100 × (0.5 + 0.5) / 2.
		expect(tegal.previousScore).toBeCloseTo(50, 10);
		expect(tegal.scoreChange).toBeCloseTo(25, 10);
		expect(tegal.cells.median_hari_keluhan.trend).toBeUndefined();
		expect(tegal.cells.keluhan_selesai.trend).toBe('naik');
	});

	test('a figure blank in one of the two periods is held at its current score, so the change is like for like', () => {
		const blank: NationalFile = {
			...withBefore,
			kabkota: [
				// median days withheld the year before (a count of 1–4): held at its score now (0.5); resolution 0.4 → 0.85
				{ ...FILE.kabkota[0], nilai_sebelumnya: { keluhan_selesai: 0.4, median_hari_keluhan: null } },
				// median days blank now (45 before, score 0): left out of both periods; resolution 0.85 → 0.625
				{ ...FILE.kabkota[1], nilai: { keluhan_selesai: 0.625, median_hari_keluhan: null }, nilai_sebelumnya: { keluhan_selesai: 0.85, median_hari_keluhan: 45 } }
			]
		};
		const [tegal, sukoharjo] = nationalComposites(blank, defs, targets);
		// 100 × (0 + 0.5) / 2 = 25 before, 75 now: +50, not the +75 a score of resolution alone (0) before would give
		expect(tegal.previousScore).toBeCloseTo(25, 10);
		expect(tegal.scoreChange).toBeCloseTo(50, 10);
		// resolution alone both times: 100 → 50, not 100 × (1 + 0) / 2 = 50 → 50
		expect(sukoharjo.score).toBeCloseTo(50, 10);
		expect(sukoharjo.previousScore).toBeCloseTo(100, 10);
		expect(sukoharjo.scoreChange).toBeCloseTo(-50, 10);
	});

	test('sorted by the change, largest gain first, districts without one last', () => {
		expect(sortLeague(rows, 'perubahan', true).map((r) => r.kode)).toEqual(['33.28', '33.11', '75.01', '11.01']);
	});

	test('CSV: the score before, its change and each figure before', () => {
		const { header, rows: lines } = parseExportCsv(leagueCsv(sortLeague(rows, 'rank', false), defs, withBefore.tahun_p0));
		const tegal = lines.find((l) => l[1] === '33.28')!;
		expect(tegal[header.indexOf('skor_sebelumnya')]).toBe('25,00');
		expect(tegal[header.indexOf('perubahan_skor')]).toBe('50,00');
		expect(tegal[header.indexOf('keluhan_selesai_persen_sebelumnya')]).toBe('62,50');
	});
});
