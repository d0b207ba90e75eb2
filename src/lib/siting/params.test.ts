import { describe, expect, test } from 'vitest';
import { clampText } from './messages';
import { clampParam, DEFAULT_SITING, KELUHAN_WEIGHT, NEW_SITES, RADIUS_KM, readSitingParams, usedSitingParams, writeSitingParams } from './params';

describe('siting URL parameters', () => {
	test('defaults when absent or malformed, values when valid, out of range brought into range as a typed value is', () => {
		expect(readSitingParams(new URLSearchParams(''))).toEqual(DEFAULT_SITING);
		expect(readSitingParams(new URLSearchParams('radius=7,5&n=10&tujuan=pcenter&bobot=2&kandidat=tanpa'))).toEqual({ radius: 7.5, n: 10, tujuan: 'pcenter', bobot: 2, kandidat: 'tanpa' });
		expect(readSitingParams(new URLSearchParams('radius=0&n=21&tujuan=x&bobot=-1&kandidat=y'))).toEqual({ ...DEFAULT_SITING, radius: 1, n: 20, bobot: 0 });
		expect(readSitingParams(new URLSearchParams('radius=abc&n=x&bobot='))).toEqual(DEFAULT_SITING);
		// The URL and the input agree: whatever is typed is what the same value in a link gives.
		for (const v of [-3, 0, 2.5, 25, 1e9]) expect(readSitingParams(new URLSearchParams(`n=${v}`)).n).toBe(clampParam('n', v));
		expect(readSitingParams(new URLSearchParams('n=25')).n).toBe(20);
		expect(readSitingParams(new URLSearchParams('n=0')).n).toBe(0);
	});

	test('write keeps other parameters and round-trips', () => {
		const q = writeSitingParams(new URLSearchParams('wilayah=75.01&lang=en'), { n: 4, tujuan: 'pcenter' });
		expect(q.get('wilayah')).toBe('75.01');
		expect(q.get('lang')).toBe('en');
		expect(readSitingParams(q)).toMatchObject({ n: 4, tujuan: 'pcenter' });
	});

	test('typed values are brought into range', () => {
		expect(clampParam('n', 50)).toBe(20);
		expect(clampParam('n', 0)).toBe(0);
		expect(clampParam('n', -1)).toBe(0);
		expect(clampParam('n', 2.6)).toBe(3);
		expect(clampParam('radius', 0.2)).toBe(1);
		expect(clampParam('radius', 7.5)).toBe(7.5);
		expect(clampParam('bobot', -3)).toBe(0);
		// A weight is counted in households, as the box steps: a link's 25/3 plans with 8.
		expect(clampParam('bobot', 25 / 3)).toBe(8);
		expect(clampParam('bobot', 2.5)).toBe(3);
		expect(readSitingParams(new URLSearchParams('bobot=8,33')).bobot).toBe(8);
		expect(clampParam('radius', 2.5)).toBe(2.5);
		expect(clampParam('bobot', Number.NaN)).toBe(0);
	});
});

describe('the address says what is planned', () => {
	test('n=25 and bobot=8.33 are rewritten to the 20 and 8 used, other parameters kept; a canonical address is left alone', () => {
		const used = usedSitingParams(new URLSearchParams('wilayah=73.03&n=25&bobot=8.33&radius=2,5&lang=en'));
		expect(used?.params.toString()).toBe('wilayah=73.03&n=20&bobot=8&radius=2.5&lang=en');
		expect(used?.clamped).toEqual([
			{ key: 'n', asked: '25', used: 20 },
			{ key: 'bobot', asked: '8.33', used: 8 }
		]);
		expect(usedSitingParams(new URLSearchParams('wilayah=73.03&n=20&bobot=8&radius=2.5'))).toBeNull();
		expect(usedSitingParams(new URLSearchParams('wilayah=73.03'))).toBeNull();
		expect(usedSitingParams(new URLSearchParams('tujuan=apa'))?.params.toString()).toBe('tujuan=mclp');
	});

	test('a value not used as typed is said with its limits, in both languages', () => {
		expect(clampText({ key: 'n', asked: '50', used: 20 }, NEW_SITES, 'id')).toBe('Jumlah Puskesos baru 50 di luar batas 0–20: dipakai 20.');
		expect(clampText({ key: 'radius', asked: '0', used: 1 }, RADIUS_KM, 'en')).toBe('Service radius 0 km is outside 1 km–30 km: 1 km is used.');
		expect(clampText({ key: 'bobot', asked: '8.33', used: 8 }, KELUHAN_WEIGHT, 'id')).toBe('Bobot keluhan dihitung dalam bilangan bulat: 8,33 menjadi 8.');
		expect(clampText({ key: 'n', asked: 'abc', used: 3 }, NEW_SITES, 'en')).toBe('Number of new Puskesos “abc” is not a number: 3 is used.');
	});
});
