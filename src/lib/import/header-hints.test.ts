import { describe, expect, it } from 'vitest';
import { editDistance, suggestColumn } from './header-hints';

describe('suggestColumn', () => {
	const expected = ['id_puskesos', 'tgl_kontak_slrt', 'penduduk', 'lat', 'lng'];
	it('names the column a typo or another spelling means', () => {
		expect(suggestColumn('id_puskesmas', expected)).toBe('id_puskesos');
		expect(suggestColumn('tgl_kontak_slr', expected)).toBe('tgl_kontak_slrt');
		expect(suggestColumn('TGL KONTAK SLRT ', expected)).toBe('tgl_kontak_slrt');
		expect(suggestColumn('tglkontakslrt', expected)).toBe('tgl_kontak_slrt');
		expect(suggestColumn('pendudu', expected)).toBe('penduduk');
	});
	it('reads the abbreviations and long forms Dinas exports use', () => {
		const rt = ['id_rt', 'kode_desa', 'jumlah_art', 'pengeluaran_kapita', 'tgl_registrasi', 'lng'];
		expect(suggestColumn('jml_art', rt)).toBe('jumlah_art');
		expect(suggestColumn('Jumlah Anggota Rumah Tangga', rt)).toBe('jumlah_art');
		expect(suggestColumn('id_rumah_tangga', rt)).toBe('id_rt');
		expect(suggestColumn('kd_desa', rt)).toBe('kode_desa');
		expect(suggestColumn('pengeluaran_per_kapita', rt)).toBe('pengeluaran_kapita');
		expect(suggestColumn('tanggal_registrasi', rt)).toBe('tgl_registrasi');
		expect(suggestColumn('longitude', rt)).toBe('lng');
		expect(suggestColumn('jml_rt', rt)).toBeNull();
	});
	it('stays quiet for a column that is nothing like one the file lacks', () => {
		for (const h of ['catatan', 'kode_pos', 'jumlah', 'alt', 'x']) expect(suggestColumn(h, expected), h).toBeNull();
	});
	it('counts edits', () => {
		expect([editDistance('kitten', 'sitting'), editDistance('', 'ab'), editDistance('abc', 'abc')]).toEqual([3, 2, 0]);
		expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
	});
});
