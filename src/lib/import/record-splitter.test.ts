import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, RecordSplitter, type Segment } from './record-splitter';

/** Feeds text in pieces of the given sizes; returns the records PapaParse reads from the blocks. */
function split(text: string, sizes: number[], delimiter = ','): { records: string[][]; oversized: number; unterminated: boolean } {
	const s = new RecordSplitter(delimiter);
	const segs: Segment[] = [];
	let i = 0;
	for (let k = 0; i < text.length; k++) {
		const n = sizes[k % sizes.length];
		segs.push(...s.push(text.slice(i, i + n)));
		i += n;
	}
	const end = s.end();
	if (end.rest && !end.unterminated) segs.push({ block: end.rest });
	const records: string[][] = [];
	let oversized = 0;
	for (const seg of segs) {
		if ('oversized' in seg) oversized++;
		else if (seg.block) records.push(...Papa.parse<string[]>(seg.block, { delimiter }).data);
	}
	return { records, oversized, unterminated: end.unterminated };
}

const TEXT = 'a,b,c\n1,"multi\nline, with comma",3\n2,"say ""hi""",4\r\n3,5" pipe,6\n4,"",x';

describe('RecordSplitter', () => {
	const whole = Papa.parse<string[]>(TEXT.replace(/\r/g, ''), { delimiter: ',' }).data;

	it('yields the same records as PapaParse on the whole text, however the text is chunked', () => {
		for (const sizes of [[TEXT.length], [1], [2, 3], [7], [13, 1, 5]]) {
			const got = split(TEXT, sizes).records.map((r) => r.map((f) => f.replace(/\r$/, '')));
			expect(got, JSON.stringify(sizes)).toEqual(whole);
		}
	});

	it('treats an inch mark inside an unquoted field as text, not as an open quote', () => {
		expect(split('x,y\n5" pipe,2\n3,4', [4]).records).toEqual([['x', 'y'], ['5" pipe', '2'], ['3', '4']]);
	});

	it('reports a file that ends inside a quoted field', () => {
		const r = split('x,y\n1,"open', [3]);
		expect(r.unterminated).toBe(true);
		expect(r.records).toEqual([['x', 'y']]);
		expect(split('x,y\n1,"closed"', [3]).unterminated).toBe(false);
	});

	it('cuts off a runaway record and resumes at the next line', () => {
		const big = 'x'.repeat(MAX_RECORD_CHARS + 10);
		const r = split(`h\n"${big}\nnext\nlast`, [65_536]);
		expect(r.oversized).toBe(1);
		expect(r.records).toEqual([['h'], ['next'], ['last']]);
		const noNewline = split(`h\n${big}${big}\nafter`, [65_536]);
		expect(noNewline.oversized).toBeGreaterThanOrEqual(1);
		expect(noNewline.records.at(-1)).toEqual(['after']);
	});
});
