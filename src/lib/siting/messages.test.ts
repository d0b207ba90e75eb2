import { describe, expect, test } from 'vitest';
import { shortfallText, wholeDistrictText } from './messages';

describe('why fewer sites than asked', () => {
	test('coverage saturated after some sites, in Indonesian and English', () => {
		const s = { reason: 'no-gain', proposed: 17, asked: 20 } as const;
		expect(shortfallText(s, 'mclp', 'id')).toBe('Setelah 17 lokasi, tidak ada lokasi baru yang menambah cakupan: diusulkan 17, bukan 20.');
		expect(shortfallText(s, 'mclp', 'en')).toBe('After 17 sites, no new site adds coverage: 17 proposed, not 20.');
		expect(shortfallText({ ...s, proposed: 1 }, 'mclp', 'en')).toBe('After 1 site, no new site adds coverage: 1 proposed, not 20.');
	});

	test('nothing to add at all; equity speaks of the worst distance too; too few candidates', () => {
		const none = { reason: 'no-gain', proposed: 0, asked: 5 } as const;
		expect(shortfallText(none, 'mclp', 'id')).toBe('Puskesos yang ada sudah menjangkau semua yang dapat dijangkau dalam radius ini; tidak ada lokasi baru yang menambah cakupan: tidak ada usulan (diminta 5).');
		expect(shortfallText(none, 'mclp', 'en')).toBe('The existing Puskesos already reach all that any site could reach within this radius; no new site adds coverage: none is proposed (5 asked).');
		expect(shortfallText({ ...none, proposed: 4 }, 'pcenter', 'id')).toBe('Setelah 4 lokasi, tidak ada lokasi baru yang memperpendek jarak terjauh atau menambah cakupan: diusulkan 4, bukan 5.');
		expect(shortfallText({ reason: 'candidates', proposed: 2, asked: 3 }, 'mclp', 'en')).toBe('There are only 2 candidate villages: 2 proposed, not 3.');
	});
});

describe('why the plan is of the whole district', () => {
	test('a link naming a desa shows its kecamatan: the plan says it is not of one desa, in Indonesian and English', () => {
		for (const asked of ['33.28.07.2001', '3328072001', ' 33.28.07.2001 ']) expect(wholeDistrictText(asked, '33.28.07', 'id')).toBe('Lokasi direncanakan untuk seluruh kabupaten/kota, bukan satu desa.');
		expect(wholeDistrictText('33.28.07.2001', '33.28.07', 'en')).toBe('Sites are planned for the whole district, not one village.');
	});
	test('a kecamatan chosen: not of one kecamatan; a district: nothing to say', () => {
		expect(wholeDistrictText('33.28.07', '33.28.07', 'id')).toBe('Lokasi direncanakan untuk seluruh kabupaten/kota, bukan satu kecamatan.');
		expect(wholeDistrictText(null, '33.28.07', 'en')).toBe('Sites are planned for the whole district, not one sub-district.');
		// A desa of another kecamatan than the one shown is not what is shown.
		expect(wholeDistrictText('33.28.08.2001', '33.28.07', 'en')).toBe('Sites are planned for the whole district, not one sub-district.');
		expect(wholeDistrictText('33.28', '33.28', 'id')).toBeNull();
		expect(wholeDistrictText('33.28.99.9999', '33.28', 'id')).toBeNull();
	});
});
