import { describe, expect, it } from 'vitest';
import { localIsoDate, utcOffsetOfDesa, WIB, WIT, WITA } from './time-zones';

describe('utcOffsetOfDesa', () => {
	it('puts each province in its time zone by the village code', () => {
		const wib = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'];
		const wita = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
		const wit = ['81', '82', '91', '92', '93', '94', '95', '96'];
		for (const p of wib) expect(utcOffsetOfDesa(`${p}.01.01.2001`), p).toBe(WIB);
		for (const p of wita) expect(utcOffsetOfDesa(`${p}.01.01.2001`), p).toBe(WITA);
		for (const p of wit) expect(utcOffsetOfDesa(`${p}.01.01.2001`), p).toBe(WIT);
		expect([WIB, WITA, WIT]).toEqual([7, 8, 9]);
	});

	it('is WIB for a value that is not a village code', () => {
		for (const v of ['', '73', '73.03.01', '73.03.01.5001', 'Bantaeng', '99.01.01.2001']) expect(utcOffsetOfDesa(v), v).toBe(WIB);
		expect(utcOffsetOfDesa(' 91.01.01.2001 ')).toBe(WIT);
	});
});

describe('localIsoDate', () => {
	it('is the calendar date at the given offset, on either side of midnight', () => {
		const jakartaHalfPastMidnight = Date.UTC(2024, 11, 31, 17, 30); // 2025-01-01 00:30 WIB
		expect(localIsoDate(jakartaHalfPastMidnight, WIB)).toBe('2025-01-01');
		expect(localIsoDate(Date.UTC(2025, 0, 1, 16, 59), WIB)).toBe('2025-01-01');
		expect(localIsoDate(Date.UTC(2025, 0, 1, 16, 59), WIT)).toBe('2025-01-02');
	});
});
