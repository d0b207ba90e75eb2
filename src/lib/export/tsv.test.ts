import { describe, expect, it } from 'vitest';
import { rowsAsTsv } from './tsv';

describe('rowsAsTsv', () => {
	it('writes one line per row and one tab between cells, whitespace inside a cell as one space', () => {
		expect(rowsAsTsv([['Desa/kelurahan', 'Rumah\n  tangga'], ['Prupuk Selatan', '1.669'], ['Tab\there', ' 49,0\u00a0% ']])).toBe('Desa/kelurahan\tRumah tangga\nPrupuk Selatan\t1.669\nTab here\t49,0 %');
	});
});
