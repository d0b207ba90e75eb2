import { describe, expect, it } from 'vitest';
import { legendRows, wrapText } from './picture';

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

describe("a picture's legend, in rows", () => {
	const chars = (t: string) => t.length;
	it('puts entries side by side until the next would pass the width: swatch, half a gap, label, a gap between', () => {
		// Each entry: 2 (swatch) + 1 (half gap) + its label; 2 between entries.
		expect(legendRows(['< 10', '10 – 20', '≥ 20', 'Tanpa data'], 28, chars, 2, 2)).toEqual([[0, 1, 2], [3]]);
		expect(legendRows(['< 10', '10 – 20', '≥ 20', 'Tanpa data'], 27, chars, 2, 2)).toEqual([[0, 1], [2, 3]]);
		expect(legendRows(['a', 'b'], 100, chars, 2, 2)).toEqual([[0, 1]]);
	});
	it('gives an entry wider than a row a row of its own, and nothing for no entries', () => {
		expect(legendRows(['x', 'a label far wider than the row', 'y'], 10, chars, 2, 2)).toEqual([[0], [1], [2]]);
		expect(legendRows([], 10, chars, 2, 2)).toEqual([]);
	});
});
