import { describe, expect, test } from 'vitest';
import { publicValue } from '../export/privacy';
import { setRoundingKey } from '../export/rounding';
import { DEFAULT_PETA } from '../peta/params';
import type { DesaFigures } from '../peta/shape';
import { kecamatanReferralColouring, kecamatanReferrals } from './kecamatan-map';

setRoundingKey('uji-kecamatan-map');

const d = (kode: string, kec: string, rujukan: number, selesai: number): DesaFigures => ({
	kode, nama: kode, kode_kec: kec, nama_kec: `Kec ${kec}`, rumah_tangga: 1000, miskin: 200, kemiskinan: 0.2,
	keluhan: 20, keluhan_mentah: 20, keluhan_eb: 20, gi_z: 0, hotspot: 'ns', rujukan, rujukan_selesai: selesai, rujukan_share: rujukan ? selesai / rujukan : null, median_hari: 10,
	moran_i: 0, moran: 'ns', rujukan_lewat: 0, rujukan_lewat_share: 0, puskesos_km: null
});

// Four kecamatan of 12 desa with 11–19 referrals each, about 79 % completed; one kecamatan with 3
// referrals in all (too few), one whose completed ones add up to 1–4 (printed "<5": hidden).
const KECS = ['33.28.01', '33.28.02', '33.28.03', '33.28.04'];
const desa = [
	...KECS.flatMap((kec, k) => Array.from({ length: 12 }, (_, i) => {
		const n = 11 + ((i * 5 + k) % 9);
		return d(`${kec}.${2001 + i}`, kec, n, Math.round(n * (0.7 + 0.05 * k)));
	})),
	d('33.28.05.2001', '33.28.05', 2, 1),
	d('33.28.05.2002', '33.28.05', 1, 0),
	d('33.28.06.2001', '33.28.06', 6, 2),
	d('33.28.06.2002', '33.28.06', 5, 1)
];

describe("the public briefing's referral map, per kecamatan", () => {
	test("each kecamatan's share is of its counts as a public file prints them (rounded), close to the exact share", () => {
		const { figures, hidden } = kecamatanReferrals(desa);
		for (const kec of KECS) {
			const own = desa.filter((x) => x.kode_kec === kec);
			const [n, s] = [own.reduce((a, x) => a + x.rujukan, 0), own.reduce((a, x) => a + x.rujukan_selesai, 0)];
			const f = figures.find((x) => x.kode === kec)!;
			expect([f.rujukan, f.rujukan_selesai]).toEqual([publicValue(n, kec), publicValue(s, kec)]);
			expect(f.rujukan_share).toBe((publicValue(s, kec) as number) / (publicValue(n, kec) as number));
			// ~180 referrals: the rounding moves the share by at most a few points
			expect(Math.abs(f.rujukan_share! - s / n)).toBeLessThan(0.05);
		}
		expect([...hidden]).toEqual(['33.28.06']);
	});

	test('every desa takes its kecamatan\'s class; the legend counts kecamatan, with one too few and one hidden', () => {
		const c = kecamatanReferralColouring(desa, DEFAULT_PETA, 'id');
		for (const x of desa) expect(c.classes.get(x.kode), x.kode).toBe(c.classes.get(desa.find((y) => y.kode_kec === x.kode_kec)!.kode));
		expect(c.entries.reduce((a, e) => a + e.count, 0)).toBe(KECS.length);
		expect([c.few?.count, c.hidden?.count, c.noData.count]).toEqual([1, 1, 0]);
		expect(c.classes.get('33.28.06.2001')).toBeNull();
		// Each desa of an uncoloured kecamatan is drawn for its kecamatan's reason, the others have none.
		expect(c.reasons).toEqual(new Map([['33.28.05.2001', 'few'], ['33.28.05.2002', 'few'], ['33.28.06.2001', 'hidden'], ['33.28.06.2002', 'hidden']]));
		// No class bound is a hidden kecamatan's share (2 of 11 ≈ 18 %) nor any desa's own.
		expect(c.entries.map((e) => e.label).join(' ')).not.toMatch(/18,2/);
	});
});
