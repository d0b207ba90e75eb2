import { describe, expect, it } from 'vitest';
import type { DesaFigures } from './shape';
import { sortDesa } from './table';

const fig = (kode: string, nama: string, kemiskinan: number | null): DesaFigures => ({
	kode, nama, kode_kec: 'k', nama_kec: 'K', rumah_tangga: 10, miskin: 1, kemiskinan, keluhan: 1, keluhan_mentah: 1, keluhan_eb: 2,
	gi_z: 0, hotspot: 'ns', rujukan: 0, rujukan_selesai: 0, rujukan_share: null, median_hari: null
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
