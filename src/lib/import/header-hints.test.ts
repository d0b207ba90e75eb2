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
	it('stays quiet for a column that is nothing like one the file lacks', () => {
		for (const h of ['catatan', 'kode_pos', 'jumlah', 'alt', 'x']) expect(suggestColumn(h, expected), h).toBeNull();
	});
	it('counts edits', () => {
		expect([editDistance('kitten', 'sitting'), editDistance('', 'ab'), editDistance('abc', 'abc')]).toEqual([3, 2, 0]);
		expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
	});
});
