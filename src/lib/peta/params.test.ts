import { describe, expect, it } from 'vitest';
import { DEFAULT_PETA, districtOf, kecamatanOf, readPetaParams, writePetaParams } from './params';

describe('Peta URL parameters', () => {
	it('round-trip, keeping the other parameters', () => {
		const p = { lapisan: 'hotspot', klasifikasi: 'ckmeans', eb: false, kategori: 'pembayaran', program: 'bpnt' } as const;
		const q = writePetaParams(new URLSearchParams('wilayah=33.28&periode=2025-01..2025-12'), p);
		expect(q.get('wilayah')).toBe('33.28');
		expect(readPetaParams(new URLSearchParams(q.toString()))).toEqual(p);
	});
	it('fall back to the defaults on unknown values', () => {
		expect(readPetaParams(new URLSearchParams('lapisan=x&klasifikasi=jenks&eb=maybe'))).toEqual(DEFAULT_PETA);
	});
	it('find the district and kecamatan of an area', () => {
		expect([districtOf(''), districtOf('33'), districtOf('33.28'), districtOf('33.28.01')]).toEqual([null, null, '33.28', '33.28']);
		expect([kecamatanOf('33.28'), kecamatanOf('33.28.01')]).toEqual([null, '33.28.01']);
	});
});

describe('complaint filters in the URL', () => {
	it('reads known categories and programmes, drops unknown ones, and round-trips', () => {
		expect(readPetaParams(new URLSearchParams('kategori=eksklusi&program=pbi_jkn'))).toMatchObject({ kategori: 'eksklusi', program: 'pbi_jkn' });
		expect(readPetaParams(new URLSearchParams('kategori=nama&program=x'))).toMatchObject({ kategori: '', program: '' });
		const p = writePetaParams(new URLSearchParams('wilayah=33.28'), { kategori: 'inklusi', program: 'pkh' });
		expect(readPetaParams(p)).toMatchObject({ kategori: 'inklusi', program: 'pkh' });
		expect(writePetaParams(p, { kategori: '' }).has('kategori')).toBe(false);
		expect(p.get('wilayah')).toBe('33.28');
	});
});
