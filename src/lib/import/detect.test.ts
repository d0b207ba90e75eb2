import { describe, expect, it } from 'vitest';
import { decodeLines, detectDelimiter, sniff } from './detect';

describe('sniff', () => {
	it('tells Parquet, binary, UTF-16 and text apart', () => {
		expect(sniff(new Uint8Array([0x50, 0x41, 0x52, 0x31, 0]))).toBe('parquet');
		expect(sniff(new Uint8Array([0x61, 0, 0x62]))).toBe('binary');
		expect(sniff(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf16');
		expect(sniff(new TextEncoder().encode('a;b\r\n1;2\t3'))).toBe('text');
		expect(sniff(new Uint8Array(Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 3 : 0x61))))).toBe('binary');
	});

	it('reads a text file with a damaged block of NULs as text, but not NULs in its header or scattered', () => {
		const enc = new TextEncoder();
		const withBlock = (header: string, block: Uint8Array) => new Uint8Array([...enc.encode(header), ...block, ...enc.encode('1,2\n3,4\n')]);
		expect(sniff(withBlock('a,b\n1,2\n', new Uint8Array(4096)))).toBe('text');
		expect(sniff(withBlock('a,b\n1,2\n', new Uint8Array(7)))).toBe('binary');
		expect(sniff(new Uint8Array([...enc.encode('a,'), 0, 0, 0, 0, 0, 0, 0, 0, 0, ...enc.encode('b\n1,2\n')]))).toBe('binary');
		// a zip (an .xlsx saved as .csv): control bytes in its first line
		expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, ...enc.encode('xl/workbook.xml\n')]))).toBe('binary');
	});
});

describe('sniff: files QA found called "binary"', () => {
	it('names UTF-16 without its byte-order mark, and Arrow IPC files and streams', () => {
		const le = new Uint8Array([...'id_rt,kode_desa\r\n'].flatMap((c) => [c.charCodeAt(0), 0]));
		const be = new Uint8Array([...'id_rt,kode_desa\r\n'].flatMap((c) => [0, c.charCodeAt(0)]));
		expect([sniff(le), sniff(be)]).toEqual(['utf16', 'utf16']);
		expect(sniff(new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 0xff, 0xff]))).toBe('arrow');
		expect(sniff(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x10, 0x01, 0, 0, 0x0c, 0]))).toBe('arrow');
		// other binary stays binary
		expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0]))).toBe('binary');
	});
});

describe('decodeLines', () => {
	it('reads UTF-8 as UTF-8 and Windows-1252 lines as Windows-1252', () => {
		expect(decodeLines(new TextEncoder().encode('Watés\n'))).toEqual({ text: 'Watés\n', cp1252Lines: 0, utf8Lines: 1, firstCp1252Line: -1 });
		const mixed = new Uint8Array([...new TextEncoder().encode('ok\nWatés\n'), 0x57, 0xe9, 0x80, 0x0a]);
		expect(decodeLines(mixed)).toEqual({ text: 'ok\nWatés\nWé€\n', cp1252Lines: 1, utf8Lines: 1, firstCp1252Line: 2 });
	});
});

describe('detectDelimiter', () => {
	it('counts delimiters outside quotes only', () => {
		expect(detectDelimiter('a;b;c')).toBe(';');
		expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('single')).toBe(',');
	});
});
