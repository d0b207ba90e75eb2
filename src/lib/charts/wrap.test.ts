import { describe, expect, it } from 'vitest';
import { wrapText } from './echarts';

describe("a PNG's footnote, wrapped", () => {
	const chars = (t: string) => t.length;
	it('breaks between words so no line is wider than allowed', () => {
		expect(wrapText('Jumlah 1–4 rumah tangga ditulis "<5"', 15, chars)).toEqual(['Jumlah 1–4', 'rumah tangga', 'ditulis "<5"']);
	});
	it('keeps a word wider than the line on a line of its own, and ignores extra spaces', () => {
		expect(wrapText('  a  Kemendagri-BPS-crosswalk b ', 5, chars)).toEqual(['a', 'Kemendagri-BPS-crosswalk', 'b']);
		expect(wrapText('', 10, chars)).toEqual([]);
	});
});
