import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KABKOTA_COUNT, readCsv, readDistricts } from './reference';
import { districtSeed, syntheticIndicators, syntheticPrevious } from './synthetic';

const ROOT = join(import.meta.dirname, '..', '..');

describe('reference districts', () => {
	const districts = readDistricts(ROOT);
	test('514 kabupaten/kota, unique Kemendagri codes, in 38 provinces', () => {
		expect(districts).toHaveLength(KABKOTA_COUNT);
		expect(new Set(districts.map((d) => d.kode)).size).toBe(514);
		expect(new Set(districts.map((d) => d.kode_prov)).size).toBe(38);
	});
	test('province names as Kemendagri writes them (the population table misspells Papua Barat Daya)', () => {
		const names = new Map(districts.map((d) => [d.kode_prov, d.nama_prov]));
		expect(names.get('96')).toBe('Papua Barat Daya');
		expect(names.get('33')).toBe('Jawa Tengah');
		expect([...names.values()].every((n) => n.length > 3)).toBe(true);
	});
	test('P0 per year equals the long BPS table (read independently) for every district that has it', () => {
		const long = readCsv(join(ROOT, 'data', 'reference', 'stats', 'kemiskinan_kabkota_bps_2015_2025_long.csv')).filter((r) => r.indikator === 'p0_persen');
		const byKey = new Map(long.map((r) => [`${r.kode_kemendagri} ${r.tahun}`, Number(r.nilai)]));
		let compared = 0;
		for (const d of districts)
			for (const y of ['2023', '2024', '2025']) {
				const want = byKey.get(`${d.kode} ${y}`);
				if (want === undefined) continue;
				expect(d.p0[y], `${d.kode} ${y}`).toBe(want);
				compared++;
			}
		expect(compared).toBeGreaterThan(1500);
		expect(districts.find((d) => d.kode === '33.28')!.p0).toEqual({ '2023': 7.3, '2024': 6.81, '2025': 6.16 });
	});
});

describe('synthetic indicators', () => {
	const d = { kode: '11.01', nama: 'Kabupaten Aceh Selatan', kode_prov: '11', p0: 9.89 };
	test('deterministic for a seed, different for another seed or district', () => {
		expect(syntheticIndicators(d, 1)).toEqual(syntheticIndicators(d, 1));
		expect(syntheticIndicators(d, 1)).not.toEqual(syntheticIndicators(d, 2));
		expect(districtSeed(1, '11.01')).not.toBe(districtSeed(1, '11.02'));
	});
	test('plausible: shares in [0, 1], days and rates positive', () => {
		for (const kode of ['11.01', '33.76', '94.01', '31.71']) {
			const v = syntheticIndicators({ ...d, kode }, 7);
			for (const [id, x] of Object.entries(v)) {
				expect(Number.isFinite(x), id).toBe(true);
				expect(x, id).toBeGreaterThanOrEqual(0);
				if (!['fasilitator_per_1000', 'puskesos_baru', 'median_hari_keluhan', 'tunggakan_30'].includes(id)) expect(x, id).toBeLessThanOrEqual(1);
			}
		}
	});
	test('tied to BPS poverty: across many seeds, a poorer district has a higher exclusion error and a lower resolution share on average', () => {
		const mean = (p0: number, id: string) => {
			let s = 0;
			for (let seed = 0; seed < 400; seed++) s += syntheticIndicators({ ...d, p0 }, seed)[id];
			return s / 400;
		};
		expect(mean(30, 'eksklusi_pkh')).toBeGreaterThan(mean(5, 'eksklusi_pkh'));
		expect(mean(30, 'keluhan_selesai')).toBeLessThan(mean(5, 'keluhan_selesai'));
	});
});

describe('synthetic indicators, the period before', () => {
	const base = { nama: 'Kabupaten X', kode_prov: '33', p0: 10 };
	const codes = Array.from({ length: 400 }, (_, i) => `33.${String(i).padStart(3, '0')}`);
	const now = codes.map((kode) => syntheticIndicators({ ...base, kode }, 5));
	const before = codes.map((kode) => syntheticPrevious({ ...base, kode }, 5));
	const pearson = (a: number[], b: number[]) => {
		const m = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
		const [ma, mb] = [m(a), m(b)];
		let sab = 0, saa = 0, sbb = 0;
		for (let i = 0; i < a.length; i++) [sab, saa, sbb] = [sab + (a[i] - ma) * (b[i] - mb), saa + (a[i] - ma) ** 2, sbb + (b[i] - mb) ** 2];
		return sab / Math.sqrt(saa * sbb);
	};
	test('deterministic, and not a copy of the current figures', () => {
		expect(syntheticPrevious({ ...base, kode: codes[1] }, 5)).toEqual(before[1]);
		expect(before.filter((b, i) => b.keluhan_selesai === now[i].keluhan_selesai).length).toBeLessThan(codes.length / 10);
	});
	test('the same district a year apart: strongly but not perfectly correlated, and improved on average', () => {
		for (const id of ['keluhan_selesai', 'rujukan_selesai', 'eksklusi_pkh']) {
			const r = pearson(now.map((v) => v[id]), before.map((v) => v[id]));
			expect(r, id).toBeGreaterThan(0.5);
			expect(r, id).toBeLessThan(0.98);
		}
		const mean = (xs: Record<string, number>[], id: string) => xs.reduce((s, v) => s + v[id], 0) / xs.length;
		expect(mean(now, 'keluhan_selesai')).toBeGreaterThan(mean(before, 'keluhan_selesai'));
		expect(mean(now, 'median_hari_keluhan')).toBeLessThan(mean(before, 'median_hari_keluhan'));
	});
});
