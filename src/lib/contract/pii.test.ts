import { describe, expect, it } from 'vitest';
import { isIdentifyingColumn, looksLikeNik, nikDigits } from './pii';

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
	it('spot a NIK however an export disguises it', () => {
		for (const v of ["'3576011203850002", '3576 0112 0385 0003', '3576011203850004.0', 'NIK3576011203850005', 'NIK: 3576011203850006', ' 3576.0112.0385.0007 ', '"3576011203850008"', '3576-0112-0385-0009'])
			expect(looksLikeNik(v), v).toBe(true);
	});
	it('leave area codes, dates, counts, amounts and pseudonyms alone', () => {
		for (const v of ['33.28.01.2001', '35.76.01.1007', '2025-08-17', '17/08/2025', '2025-08-17 10:15:00', '1.234.567,89', '612500', 'RT-3576-00012', 'PKS-3576-001', 'H3f9a0c1d2e3b4a5c6d7e', '35760112038500021', 'Puskesos Wates 2'])
			expect(looksLikeNik(v), v).toBe(false);
	});
});

describe('a NIK in the forms QA found past the strict reading', () => {
	it('is found wrapped, with a suffix, grouped otherwise, with zero-width characters or in other digits', () => {
		const nik = '3576011203850003';
		const forms = [
			`="${nik}"`,
			`(${nik})`,
			`[${nik}]`,
			`{"v": "${nik}"}`,
			`#${nik}`,
			`${nik}/`,
			`${nik}_01`,
			`RT${nik}K1`,
			'3,576,011,203,850,003',
			'3576/0112/0385/0003',
			'3576_0112_0385_0003',
			`3576\u200b011203850003`,
			'３５７６０１１２０３８５０００３',
			'٣٥٧٦٠١١٢٠٣٨٥٠٠٠٣'
		];
		for (const v of forms) expect(nikDigits(v), v).toBe(nik);
	});
	it('leaves alone values with as many digits that are no NIK', () => {
		for (const v of ['2025-08-17 10:15:00.123456', '35760112038500021', 'RT-3576-00012-20250817', 'K3576-000003;R3576-000001', '33.28.01.2001 / 2025-08-17']) expect(nikDigits(v), v).toBeNull();
	});
});
