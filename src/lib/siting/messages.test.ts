import { describe, expect, test } from 'vitest';
import { shortfallText } from './messages';

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
