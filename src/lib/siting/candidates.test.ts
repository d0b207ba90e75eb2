import { describe, expect, test } from 'vitest';
import { parseCandidateList, selectCandidates } from './candidates';
import type { DesaRow } from './sql';

const known = new Set(['75.01.01.2001', '75.01.01.2002', '75.01.02.1003']);

describe('parseCandidateList', () => {
	test('takes one code per line from text or CSV, skips a header and blank lines, reports bad lines by number', () => {
		const text = '\ufeffkode_desa;nama\r\n75.01.01.2001;Satu\n\n"75.01.02.1003",Tiga\n75.01.01.2001\nbukan kode\n75.01.09.2999\n';
		expect(parseCandidateList(text, known)).toEqual({
			kodes: ['75.01.01.2001', '75.01.02.1003'],
			problems: [
				{ line: 6, value: 'bukan kode', reason: 'format' },
				{ line: 7, value: '75.01.09.2999', reason: 'unknown' }
			]
		});
	});

	test('a well-formed code that is no desa of the district is reported as such, not as a malformed line', () => {
		expect(parseCandidateList('33.28.99.9999\n75.01.01.9999\n75.01.01.2001\n75.1.01.2001', known).problems).toEqual([
			{ line: 1, value: '33.28.99.9999', reason: 'unknown' },
			{ line: 2, value: '75.01.01.9999', reason: 'unknown' },
			{ line: 4, value: '75.1.01.2001', reason: 'format' }
		]);
	});

	test('an empty file gives no codes and no problems', () => {
		expect(parseCandidateList('', known)).toEqual({ kodes: [], problems: [] });
	});
});

describe('selectCandidates', () => {
	const desa = [
		{ kode: '75.01.01.2001', puskesos: 1 },
		{ kode: '75.01.01.2002', puskesos: 0 },
		{ kode: '75.01.02.1003', puskesos: 0 }
	] as DesaRow[];
	test('filters by Puskesos and by list, together', () => {
		expect(selectCandidates(desa, { withoutPuskesos: false, list: null })).toEqual([0, 1, 2]);
		expect(selectCandidates(desa, { withoutPuskesos: true, list: null })).toEqual([1, 2]);
		expect(selectCandidates(desa, { withoutPuskesos: true, list: ['75.01.01.2001', '75.01.02.1003'] })).toEqual([2]);
	});
});
