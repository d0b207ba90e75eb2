import { describe, expect, it } from 'vitest';
import { monthIndex } from '../overview/period';
import { countKeluhan, type KeluhanIndexRow } from './keluhan-index';

const row = (kode: string, bulan: string | null, kategori: string | null, program: string | null, n = 1): KeluhanIndexRow => ({ kode, bulan: bulan === null ? null : monthIndex(bulan), kategori, program, n });

// Ordered by desa code, as KELUHAN_INDEX_SQL returns them.
const rows = [
	row('35.76.01.1001', '2024-12', 'eksklusi', 'pkh'),
	row('35.76.01.1001', '2025-01', 'eksklusi', 'pkh', 2),
	row('35.76.01.1001', '2025-03', 'pembayaran', 'bpnt'),
	row('35.76.01.1001', null, 'eksklusi', 'pkh', 5),
	row('35.76.01.1002', '2025-04', 'eksklusi', 'pkh'),
	row('35.76.02.1003', '2025-02', 'layanan', null, 3)
];
const q1 = { start: '2025-01', end: '2025-03' };
const all = { kategori: '', program: '' };

describe('the keluhan layer from the complaint index', () => {
	it('counts the complaints of the period per desa, a row for each desa with any, in code order', () => {
		expect(countKeluhan(rows, q1, all)).toEqual([
			{ kode: '35.76.01.1001', keluhan: 3 },
			{ kode: '35.76.02.1003', keluhan: 3 }
		]);
		expect(countKeluhan(rows, { start: '2024-01', end: '2025-12' }, all)).toEqual([
			{ kode: '35.76.01.1001', keluhan: 4 },
			{ kode: '35.76.01.1002', keluhan: 1 },
			{ kode: '35.76.02.1003', keluhan: 3 }
		]);
	});

	it('includes both end months and leaves out complaints without a date', () => {
		expect(countKeluhan(rows, { start: '2024-12', end: '2024-12' }, all)).toEqual([{ kode: '35.76.01.1001', keluhan: 1 }]);
		expect(countKeluhan(rows, { start: '2025-04', end: '2025-04' }, all)).toEqual([{ kode: '35.76.01.1002', keluhan: 1 }]);
	});

	it('counts only the chosen category and programme; a complaint without a programme only when any programme is asked for', () => {
		expect(countKeluhan(rows, q1, { kategori: 'eksklusi', program: '' })).toEqual([{ kode: '35.76.01.1001', keluhan: 2 }]);
		expect(countKeluhan(rows, q1, { kategori: '', program: 'bpnt' })).toEqual([{ kode: '35.76.01.1001', keluhan: 1 }]);
		expect(countKeluhan(rows, q1, { kategori: 'eksklusi', program: 'bpnt' })).toEqual([]);
		expect(countKeluhan(rows, q1, { kategori: 'layanan', program: '' })).toEqual([{ kode: '35.76.02.1003', keluhan: 3 }]);
		expect(countKeluhan(rows, q1, { kategori: 'layanan', program: 'pkh' })).toEqual([]);
	});

	it('refuses rows out of desa order, which would split a desa into two rows', () => {
		expect(() => countKeluhan([rows[4], rows[0]], q1, all)).toThrow('not ordered by desa code at row 1');
	});
});
