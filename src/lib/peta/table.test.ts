import { describe, expect, it } from 'vitest';
import type { DesaFigures } from './shape';
import { columnLabel, COLUMNS, sortDesa } from './table';

const fig = (kode: string, nama: string, kemiskinan: number | null): DesaFigures => ({
	kode, nama, kode_kec: 'k', nama_kec: 'K', rumah_tangga: 10, miskin: 1, kemiskinan, keluhan: 1, keluhan_mentah: 1, keluhan_eb: 2,
	gi_z: 0, hotspot: 'ns', moran_i: null, moran: null, rujukan: 0, rujukan_selesai: 0, rujukan_share: null, median_hari: null,
	rujukan_lewat: 0, rujukan_lewat_share: null, puskesos_km: null
});

describe('sortDesa', () => {
	const desa = [fig('1', 'Banjar', 0.2), fig('2', 'adiwerna', null), fig('3', 'Cerih', 0.5)];
	it('sorts numbers either way, always putting desa without a value last', () => {
		expect(sortDesa(desa, 'kemiskinan', true, true).map((d) => d.kode)).toEqual(['3', '1', '2']);
		expect(sortDesa(desa, 'kemiskinan', false, true).map((d) => d.kode)).toEqual(['1', '3', '2']);
	});
	it('sorts names alphabetically regardless of case', () => {
		expect(sortDesa(desa, 'nama', false, true).map((d) => d.nama)).toEqual(['adiwerna', 'Banjar', 'Cerih']);
	});
});

describe('Moran and past-standard columns', () => {
	const desa = [
		{ ...fig('1', 'A', 0), moran_i: -0.4, moran: 'high-low' as const, rujukan_lewat_share: 0.1 },
		{ ...fig('2', 'B', 0), moran_i: 1.2, moran: 'high-high' as const, rujukan_lewat_share: null },
		{ ...fig('3', 'C', 0), moran_i: 0.3, moran: 'ns' as const, rujukan_lewat_share: 0.6 }
	];
	it('sort by the local Moran statistic and by the share past the standard, missing last', () => {
		expect(sortDesa(desa, 'moran', true, true).map((d) => d.kode)).toEqual(['2', '3', '1']);
		expect(sortDesa(desa, 'rujukan_lewat_share', true, true).map((d) => d.kode)).toEqual(['3', '1', '2']);
	});
	it('label themselves from the Peta messages', () => {
		const labels = COLUMNS.map((c) => columnLabel(c, 'en'));
		expect(labels).toContain("Local Moran's I (LISA)");
		expect(labels).toContain('% past the standard');
		expect(labels).toContain('Village');
	});
});

describe('referral columns on too few cases (MIN_REFERRALS)', () => {
	// 1 of 1 completed is 100 %, and 0 of 2 is 0 %: by chance, so neither heads the sorted table.
	const desa = [
		{ ...fig('1', 'A', 0), rujukan: 1, rujukan_selesai: 1, rujukan_share: 1, median_hari: 3, rujukan_lewat: 0, rujukan_lewat_share: 0 },
		{ ...fig('2', 'B', 0), rujukan: 40, rujukan_selesai: 30, rujukan_share: 0.75, median_hari: 12, rujukan_lewat: 10, rujukan_lewat_share: 0.25 },
		{ ...fig('3', 'C', 0), rujukan: 2, rujukan_selesai: 0, rujukan_share: 0, median_hari: null, rujukan_lewat: 2, rujukan_lewat_share: 1 },
		{ ...fig('4', 'D', 0), rujukan: 10, rujukan_selesai: 4, rujukan_share: 0.4, median_hari: 30, rujukan_lewat: 5, rujukan_lewat_share: 0.5 }
	];
	it('sort after every figure resting on enough cases, either way, as the missing do', () => {
		expect(sortDesa(desa, 'rujukan_share', true, true).map((d) => d.kode)).toEqual(['2', '4', '1', '3']);
		expect(sortDesa(desa, 'rujukan_share', false, true).map((d) => d.kode)).toEqual(['4', '2', '1', '3']);
		expect(sortDesa(desa, 'rujukan_lewat_share', true, true).map((d) => d.kode)).toEqual(['4', '2', '1', '3']);
		// The median days rest on the completed referrals: D's 4 are too few, though it has 10 referrals.
		expect(sortDesa(desa, 'median_hari', true, true).map((d) => d.kode)).toEqual(['2', '1', '3', '4']);
	});
	it('still sort by their counts', () => {
		expect(sortDesa(desa, 'rujukan', true, true).map((d) => d.kode)).toEqual(['2', '4', '3', '1']);
	});
});
