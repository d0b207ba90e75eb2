/**
 * The text of each page of a PDF that Chromium printed: its content streams (Flate) decoded, and
 * the glyph ids of each text run mapped through its font's ToUnicode CMap. Enough for tests to
 * read what a printed page says; not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

type Objects = Map<number, Buffer>;

function objectsOf(pdf: Buffer): Objects {
	const out: Objects = new Map();
	const s = pdf.toString('latin1');
	for (const m of s.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) out.set(Number(m[1]), Buffer.from(m[2], 'latin1'));
	return out;
}

function streamOf(o: Buffer): Buffer {
	const s = o.toString('latin1');
	let start = s.indexOf('stream') + 6;
	start += s.slice(start, start + 2) === '\r\n' ? 2 : 1;
	const raw = o.subarray(start, s.lastIndexOf('endstream'));
	try {
		return inflateSync(raw);
	} catch {
		return raw;
	}
}

function cmapOf(b: Buffer): Map<number, string> {
	const m = new Map<number, string>();
	const s = b.toString('latin1');
	for (const blk of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
		for (const [, a, c] of blk[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) m.set(parseInt(a, 16), Buffer.from(c, 'hex').swap16().toString('utf16le'));
	for (const blk of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
		for (const [, a, z, c] of blk[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
			for (let i = parseInt(a, 16); i <= parseInt(z, 16); i++) m.set(i, String.fromCodePoint(parseInt(c, 16) + i - parseInt(a, 16)));
	return m;
}

/** Each page's text, whitespace collapsed. */
export function pdfPageTexts(pdf: Buffer): string[] {
	const objects = objectsOf(pdf);
	const ref = (s: string) => objects.get(Number(s.trim().split(/\s+/)[0]))!;
	const pages = [...objects].filter(([, v]) => /\/Type\s*\/Page(?![s\w])/.test(v.toString('latin1')));
	return pages.map(([, page]) => {
		const p = page.toString('latin1');
		let res = p;
		const r = /\/Resources\s+(\d+) 0 R/.exec(p);
		if (r) res = objects.get(Number(r[1]))!.toString('latin1');
		const fonts = new Map<string, Map<number, string>>();
		const fd = /\/Font\s*(<<[\s\S]*?>>|\d+ 0 R)/.exec(res);
		if (fd) {
			const dict = fd[1].endsWith('R') ? ref(fd[1]).toString('latin1') : fd[1];
			for (const [, name, n] of dict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
				const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(n))!.toString('latin1'));
				fonts.set(name, tu ? cmapOf(streamOf(objects.get(Number(tu[1]))!)) : new Map());
			}
		}
		const content = [...p.matchAll(/\/Contents\s*(\d+) 0 R/g)].map(([, n]) => streamOf(objects.get(Number(n))!).toString('latin1')).join('\n');
		let font = new Map<number, string>();
		const out: string[] = [];
		for (const t of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(ET)/g)) {
			if (t[1]) font = fonts.get(t[1]) ?? new Map();
			else if (t[2] !== undefined) for (let i = 0; i < t[2].length; i += 4) out.push(font.get(parseInt(t[2].slice(i, i + 4), 16)) ?? '?');
			else out.push(' ');
		}
		return out.join('').normalize('NFKC').replace(/\s+/g, ' ').trim();
	});
}
