import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NIK_PROVINCES } from './pii';
import { province, PROVINCES, UTC_OFFSET } from './provinces';
import { utcOffsetOfDesa } from '../import/time-zones';

/** The 38 provinces of the committed boundaries (data/reference/boundaries/SOURCES.md). */
const reference = (
	JSON.parse(readFileSync(new URL('../../../data/reference/boundaries/indonesia_provinsi.geojson', import.meta.url), 'utf8')) as {
		features: { properties: { kode: string; nama: string } }[];
	}
).features.map((f) => ({ kode: f.properties.kode, nama: f.properties.nama }));

describe('the Kemendagri provinces', () => {
	it('are the reference boundaries’ provinces, code and name, once each', () => {
		expect(reference).toHaveLength(38);
		expect(PROVINCES.map(({ kode, nama }) => ({ kode, nama })).sort((a, b) => a.kode.localeCompare(b.kode))).toEqual(
			[...reference].sort((a, b) => a.kode.localeCompare(b.kode))
		);
		expect(new Set(PROVINCES.map((p) => p.kode)).size).toBe(PROVINCES.length);
	});

	it('each has a time zone, and a village’s dates are read in its province’s', () => {
		for (const p of PROVINCES) {
			expect(Object.keys(UTC_OFFSET), p.nama).toContain(p.zona);
			expect(utcOffsetOfDesa(`${p.kode}.01.01.2001`), p.nama).toBe(UTC_OFFSET[p.zona]);
		}
		expect(province('33')).toEqual({ kode: '33', nama: 'Jawa Tengah', zona: 'WIB' });
		expect(province('97')).toBeUndefined();
	});

	it('give the NIK check its province prefixes, with 97 as before', () => {
		expect([...NIK_PROVINCES].sort((a, b) => a - b)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97]);
	});
});
