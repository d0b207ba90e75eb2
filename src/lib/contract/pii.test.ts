import { describe, expect, it } from 'vitest';
import { isIdentifyingColumn, looksLikeNik } from './pii';

describe('identifying columns written out in full', () => {
	it('are recognised whatever the spelling of the header', () => {
		for (const h of ['Nomor Kartu Keluarga', 'no_kartu_keluarga', 'Kartu Keluarga', 'Nomor Induk Kependudukan', 'NIK', 'No. KK', 'Alamat Lengkap'])
			expect(isIdentifyingColumn(h), h).toBe(true);
	});
	it('leave ordinary columns alone', () => {
		for (const h of ['jumlah_art', 'kartu_prakerja_aktif', 'kode_desa', 'nama_desa', 'nama_puskesos']) expect(isIdentifyingColumn(h), h).toBe(false);
	});
	it('spot NIK-shaped values', () => {
		expect(looksLikeNik('3328010101900001')).toBe(true);
		expect(looksLikeNik('RT3328-4c14c00a')).toBe(false);
		expect(looksLikeNik('332801010190000')).toBe(false);
	});
});
