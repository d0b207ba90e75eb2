import { describe, expect, it } from 'vitest';
import { DEFAULT_PETA, districtOf, kecamatanOf, readPetaParams, writePetaParams } from './params';

describe('Peta URL parameters', () => {
	it('round-trip, keeping the other parameters', () => {
		const p = { lapisan: 'hotspot', klasifikasi: 'ckmeans', eb: false } as const;
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
