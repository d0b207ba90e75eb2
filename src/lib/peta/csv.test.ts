import { describe, expect, it } from 'vitest';
import { countCell, derivedCell, desaCsv } from './csv';
import type { DesaFigures } from './shape';

const d = (over: Partial<DesaFigures>): DesaFigures => ({
	kode: '33.28.01.2001', nama: 'Prupuk; Selatan', kode_kec: '33.28.01', nama_kec: 'Margasari', rumah_tangga: 1200, miskin: 300, kemiskinan: 0.25,
	keluhan: 30, keluhan_mentah: 25, keluhan_eb: 24.5, gi_z: 1, hotspot: 'ns', rujukan: 20, rujukan_selesai: 15, rujukan_share: 0.75, median_hari: 14, ...over
});

describe('suppression', () => {
	it('writes <5 for counts of 1–4, keeps 0 and 5+', () => {
		expect([0, 1, 4, 5, 123].map(countCell)).toEqual(['0', '<5', '<5', '5', '123']);
	});
	it('blanks a derived figure when a count it rests on is suppressed', () => {
		expect(derivedCell(0.5, 1, 1000, 3)).toBe('');
		expect(derivedCell(12.345, 1, 1000, 30)).toBe('12,3');
		expect(derivedCell(null, 1, 1000)).toBe('');
	});
});

describe('desaCsv', () => {
	const csv = desaCsv([d({}), d({ kode: '33.28.01.2002', nama: 'Kecil', rumah_tangga: 40, miskin: 3, kemiskinan: 0.075, keluhan: 2, keluhan_mentah: 50, rujukan: 4, rujukan_selesai: 4, rujukan_share: 1, median_hari: 9 })], (h) => h ?? '');
	const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(';'));

	it('has a header and one row per desa, names with a semicolon quoted', () => {
		expect(lines).toHaveLength(3);
		expect(lines[0][0]).toBe('kode_desa');
		expect(csv).toContain('"Prupuk; Selatan"');
	});

	it('suppresses the small desa and everything that would give its counts back', () => {
		const row = Object.fromEntries(lines[0].map((h, i) => [h, lines[2][i]]));
		expect(row).toMatchObject({
			rumah_tangga: '40', rumah_tangga_miskin: '<5', persen_miskin: '', keluhan: '<5', keluhan_per_1000_rt: '', keluhan_per_1000_rt_eb: '',
			rujukan: '<5', rujukan_selesai: '<5', persen_rujukan_selesai: '', median_hari_rujukan: ''
		});
		expect(csv).not.toMatch(/;[1-4];/);
	});
});
