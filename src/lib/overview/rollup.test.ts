import { describe, expect, it } from 'vitest';
import { seededDraws } from '../geo/rng';
import { headlineFromSummaries, type DistrictSummary, type KecamatanSummary } from './headline';
import { monthFromIndex, monthIndex } from './period';
import { addUp, provinceSummary } from './rollup';

const window = { start: '2025-01', end: '2025-06' };
const MONTHS = 6;

function randomDistrict(kode: string, kecamatan: number, seed: number): DistrictSummary {
	const d = seededDraws(seed);
	const months = (n: number) => Array.from({ length: MONTHS }, () => d.int(n));
	const parts: Record<string, KecamatanSummary> = {};
	for (let k = 1; k <= kecamatan; k++) {
		const hari: [number, number, number][] = [];
		// Repeated (month, days) pairs across kecamatan, so the roll-up must merge them.
		for (let i = 0; i < 8; i++) hari.push([d.int(MONTHS), 1 + d.int(6), 1 + d.int(3)]);
		parts[`${kode}.${String(k).padStart(2, '0')}`] = {
			rt_awal: d.int(500), rt_bulan: months(20), miskin_awal: d.int(200), miskin_bulan: months(8), puskesos_awal: d.int(3), puskesos_bulan: months(2),
			keluhan_diterima: months(30), keluhan_selesai: months(20), rujukan_selesai: months(10),
			hari_rujukan: hari.filter(([m, dd], i) => !hari.slice(0, i).some(([m2, d2]) => m2 === m && d2 === dd))
		};
	}
	return { schema_version: '1.0.0', kode_kab: kode, window, kecamatan: parts };
}

describe('provinceSummary', () => {
	const districts = [randomDistrict('33.01', 4, 1), randomDistrict('33.28', 3, 2), randomDistrict('33.74', 5, 3)];
	const province = provinceSummary('33', districts);

	it('gives the same figures as the district summaries for every period of the window', () => {
		const first = monthIndex(window.start);
		for (let a = 0; a < MONTHS; a++) {
			for (let b = a; b < MONTHS; b++) {
				const period = { start: monthFromIndex(first + a), end: monthFromIndex(first + b) };
				expect(headlineFromSummaries([province], '33', period), `${period.start}..${period.end}`).toEqual(headlineFromSummaries(districts, '33', period));
			}
		}
	});

	it('names the districts it adds up, and answers the province only', () => {
		expect(province.kabupaten).toEqual(['33.01', '33.28', '33.74']);
		expect(headlineFromSummaries([province], '33.28', window).headline.rumah_tangga).toBe(0);
		expect(province.kode_prov).toBe('33');
		expect(province.window).toEqual(window);
	});

	it('refuses a district of another province or another window, saying which', () => {
		expect(() => provinceSummary('33', [randomDistrict('35.76', 2, 4)])).toThrow(/35\.76 is not in the province/);
		expect(() => provinceSummary('33', [districts[0], { ...districts[1], window: { start: '2025-02', end: '2025-07' } }])).toThrow(/33\.28 covers 2025-02\.\.2025-07/);
		expect(() => provinceSummary('33', [])).toThrow(/no district summaries/);
	});
});

describe('addUp', () => {
	it('adds stocks and monthly flows, and merges referral durations of the same month and length', () => {
		const a: KecamatanSummary = { rt_awal: 1, rt_bulan: [1, 2], miskin_awal: 2, miskin_bulan: [0, 1], puskesos_awal: 0, puskesos_bulan: [1, 0], keluhan_diterima: [3, 4], keluhan_selesai: [1, 1], rujukan_selesai: [0, 2], hari_rujukan: [[1, 5, 2], [0, 3, 1]] };
		const b: KecamatanSummary = { rt_awal: 10, rt_bulan: [0, 5], miskin_awal: 1, miskin_bulan: [2, 2], puskesos_awal: 1, puskesos_bulan: [0, 0], keluhan_diterima: [1, 0], keluhan_selesai: [0, 0], rujukan_selesai: [1, 0], hari_rujukan: [[1, 5, 3]] };
		expect(addUp([a, b], 2)).toEqual({
			rt_awal: 11, rt_bulan: [1, 7], miskin_awal: 3, miskin_bulan: [2, 3], puskesos_awal: 1, puskesos_bulan: [1, 0],
			keluhan_diterima: [4, 4], keluhan_selesai: [1, 1], rujukan_selesai: [1, 2], hari_rujukan: [[0, 3, 1], [1, 5, 5]]
		});
	});
	it('refuses parts whose months do not match the window', () => {
		const short: KecamatanSummary = { rt_awal: 0, rt_bulan: [1], miskin_awal: 0, miskin_bulan: [0, 0], puskesos_awal: 0, puskesos_bulan: [0, 0], keluhan_diterima: [0, 0], keluhan_selesai: [0, 0], rujukan_selesai: [0, 0], hari_rujukan: [] };
		expect(() => addUp([short], 2)).toThrow(/rt_bulan has 1 months, not 2/);
	});
});
