import { describe, expect, test } from 'vitest';
import { neutraliseFormula } from './formula';

describe('neutraliseFormula', () => {
	test('text that a spreadsheet would run as a formula gets a leading quote', () => {
		for (const s of ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","klik")', '+SUM(1+1)', '@SUM(1)', '-2+3', '\t=1+1', '\r=1+1', '-Desa'])
			expect(neutraliseFormula(s)).toBe(`'${s}`);
	});
	test('numbers, signed or with a decimal comma, and ordinary text stay as they are', () => {
		for (const s of ['-0,5', '-7.123', '+4', '12', '1e-3', '-1,5E3', 'Prupuk Selatan', '33.28.01.2001', '<5', 'x', '', '=', '-', 'a=b'])
			expect(neutraliseFormula(s)).toBe(s);
	});
});
