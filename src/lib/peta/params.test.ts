import { describe, expect, it } from 'vitest';
import { DEFAULT_PETA, DEFAULT_STANDAR, districtOf, kecamatanOf, readPetaParams, readRadius, readStandar, writePetaParams } from './params';

describe('Peta URL parameters', () => {
	it('round-trip, keeping the other parameters', () => {
		const p = { lapisan: 'hotspot', klasifikasi: 'ckmeans', eb: false, kategori: 'pembayaran', program: 'bpnt', hotspot: 'moran', rujukan: 'median', standar: 21, radius: 8 } as const;
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

describe('hotspot method, referral measure and service standard in the URL', () => {
	it('round-trip, and leave the URL when set back to the defaults', () => {
		const q = writePetaParams(new URLSearchParams('wilayah=33.28'), { hotspot: 'moran', rujukan: 'lewat', standar: 30 });
		expect(q.toString()).toBe('wilayah=33.28&hotspot=moran&rujukan=lewat&standar=30');
		expect(readPetaParams(q)).toMatchObject({ hotspot: 'moran', rujukan: 'lewat', standar: 30 });
		expect(writePetaParams(q, { hotspot: 'gi', rujukan: 'selesai', standar: DEFAULT_STANDAR }).toString()).toBe('wilayah=33.28');
	});
	it('default to Gi*, share completed and 14 days, also for nonsense', () => {
		expect(readPetaParams(new URLSearchParams(''))).toMatchObject({ hotspot: 'gi', rujukan: 'selesai', standar: 14 });
		for (const bad of ['0', '-3', '7.5', '366', 'abc', '']) expect(readStandar(bad), bad).toBe(DEFAULT_STANDAR);
		expect([readStandar('1'), readStandar('365')]).toEqual([1, 365]);
		expect(readPetaParams(new URLSearchParams('hotspot=lisa&rujukan=x'))).toMatchObject({ hotspot: 'gi', rujukan: 'selesai' });
	});
});

describe('Puskesos layer and radius in the URL', () => {
	it('reads the layer and a radius within the planning bounds; the default 5 km leaves the URL', () => {
		expect(readPetaParams(new URLSearchParams('lapisan=puskesos&radius=7.5'))).toMatchObject({ lapisan: 'puskesos', radius: 7.5 });
		for (const bad of ['0', '31', '-2', 'x', '5,5']) expect(readRadius(bad), bad).toBe(5);
		expect(writePetaParams(new URLSearchParams('radius=8'), { radius: 5 }).has('radius')).toBe(false);
		expect(writePetaParams(new URLSearchParams(''), { radius: 12 }).get('radius')).toBe('12');
	});
});
