import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, RecordSplitter, type Segment } from './record-splitter';

/** Feeds text in pieces of the given sizes; returns the records PapaParse reads from the blocks, and the lines given back. */
function split(text: string, sizes: number[], delimiter = ','): { records: string[][]; oversized: number; unclosed: string[]; unterminated: boolean } {
	const s = new RecordSplitter(delimiter);
	const segs: Segment[] = [];
	let i = 0;
	for (let k = 0; i < text.length; k++) {
		const n = sizes[k % sizes.length];
		segs.push(...s.push(text.slice(i, i + n)));
		i += n;
	}
	segs.push(...s.end());
	const records: string[][] = [];
	const unclosed: string[] = [];
	let oversized = 0;
	let unterminated = false;
	for (const seg of segs) {
		if ('oversized' in seg) oversized++;
		else if ('unclosed' in seg) unclosed.push(seg.unclosed), (unterminated ||= !!seg.last);
		else if (seg.block) records.push(...Papa.parse<string[]>(seg.block, { delimiter }).data);
	}
	return { records, oversized, unclosed, unterminated };
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
		expect(r.unclosed).toEqual(['1,"open']);
		expect(r.records).toEqual([['x', 'y']]);
		expect(split('x,y\n1,"closed"', [3]).unterminated).toBe(false);
	});

	/** A header, 3,000 good rows of about 30 characters (some with a quoted field), and a quote opened and never closed on row `at`. */
	const faulty = (at: number, rows = 3000) => {
		const lines = ['id,nama,kode'];
		for (let n = 2; n <= rows + 1; n++) lines.push(n === at ? `R-${n},"Puskesos tanpa tutup,35.76.01` : n % 11 === 0 ? `R-${n},Puskesos ${n},"35.76.03"` : n % 7 ? `R-${n},Puskesos ${n},35.76.01` : `R-${n},"Puskesos ${n}, Wates",35.76.02`);
		return lines.join('\n') + '\n';
	};
	for (const [where, at] of [
		['near the start', 3],
		['in the middle', 1500],
		['near the end', 2990],
		['on the last line', 3001]
	] as const) {
		it(`gives back only the line whose quote is never closed, ${where}, and reads every line after it`, () => {
			for (const sizes of [[1 << 20], [4096], [997, 13]]) {
				const r = split(faulty(at), sizes);
				expect(r.unclosed, JSON.stringify(sizes)).toEqual([`R-${at},"Puskesos tanpa tutup,35.76.01`]);
				expect(r.records.length).toBe(3000);
				expect(r.records.every((f) => f.length === 3)).toBe(true);
				expect(r.records.at(-1)![0]).toBe(at === 3001 ? 'R-3000' : 'R-3001');
				expect(r.unterminated).toBe(at === 3001);
			}
		});
	}

	it('keeps a genuine field over several lines, which has the header\'s number of fields', () => {
		expect(split('a,b\n1,"line one\nline two"\n2,x', [5]).records).toEqual([['a', 'b'], ['1', 'line one\nline two'], ['2', 'x']]);
		expect(split('a,b\n1,"open\n2,x\n3,"y"\n4,z', [5])).toMatchObject({ unclosed: ['1,"open'], records: [['a', 'b'], ['2', 'x'], ['3', 'y'], ['4', 'z']] });
	});

	it('cuts off a runaway record and resumes at the next line', () => {
		const big = 'x'.repeat(MAX_RECORD_CHARS + 10);
		const r = split(`h\n"${big}\nnext\nlast`, [65_536]);
		expect(r.unclosed).toHaveLength(1);
		expect(r.records).toEqual([['h'], ['next'], ['last']]);
		const noNewline = split(`h\n${big}${big}\nafter`, [65_536]);
		expect(noNewline.oversized).toBeGreaterThanOrEqual(1);
		expect(noNewline.records.at(-1)).toEqual(['after']);
	});
});
