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

/** Each page's size in points, [width, height] (its MediaBox; Chromium writes one on every page). */
export function pdfPageSizes(pdf: Buffer): [number, number][] {
	return [...objectsOf(pdf).values()]
		.map((v) => v.toString('latin1'))
		.filter((v) => /\/Type\s*\/Page(?![s\w])/.test(v))
		.map((p) => {
			const m = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(p);
			if (!m) throw new Error('pdfPageSizes: a page without a MediaBox');
			return [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])];
		});
}

/** Each page's text, whitespace collapsed: its content streams', and those of the forms they draw (Chromium draws a transformed box's text, a rotated header, in a form XObject). */
export function pdfPageTexts(pdf: Buffer): string[] {
	const objects = objectsOf(pdf);
	const ref = (s: string) => objects.get(Number(s.trim().split(/\s+/)[0]))!;
	const dictOf = (res: string, key: string): string | undefined => {
		const m = new RegExp(`/${key}\\s*(<<[\\s\\S]*?>>|\\d+ 0 R)`).exec(res);
		return m ? (m[1].endsWith('R') ? ref(m[1]).toString('latin1') : m[1]) : undefined;
	};
	// The text a content stream draws, with the fonts and forms its resources name (a form without fonts of its own uses its drawer's).
	const textOf = (content: string, res: string, inherited: Map<string, Map<number, string>>, depth: number): string => {
		const fonts = new Map(inherited);
		for (const [, name, n] of (dictOf(res, 'Font') ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
			const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(n))!.toString('latin1'));
			fonts.set(name, tu ? cmapOf(streamOf(objects.get(Number(tu[1]))!)) : new Map());
		}
		const forms = new Map<string, Buffer>();
		for (const [, name, n] of (dictOf(res, 'XObject') ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) forms.set(name, objects.get(Number(n))!);
		let font = new Map<number, string>();
		const out: string[] = [];
		for (const t of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(ET)|\/(\w+)\s+Do\b/g)) {
			if (t[1]) font = fonts.get(t[1]) ?? new Map();
			else if (t[2] !== undefined) for (let i = 0; i < t[2].length; i += 4) out.push(font.get(parseInt(t[2].slice(i, i + 4), 16)) ?? '?');
			else if (t[3]) out.push(' ');
			else {
				const form = forms.get(t[4]);
				const head = form?.toString('latin1').split('stream')[0] ?? '';
				if (form && /\/Subtype\s*\/Form/.test(head) && depth < 8) out.push(' ', textOf(streamOf(form).toString('latin1'), head, fonts, depth + 1), ' ');
			}
		}
		return out.join('');
	};
	const pages = [...objects].filter(([, v]) => /\/Type\s*\/Page(?![s\w])/.test(v.toString('latin1')));
	return pages.map(([, page]) => {
		const p = page.toString('latin1');
		const r = /\/Resources\s+(\d+) 0 R/.exec(p);
		const res = r ? objects.get(Number(r[1]))!.toString('latin1') : p;
		const content = [...p.matchAll(/\/Contents\s*(\d+) 0 R/g)].map(([, n]) => streamOf(objects.get(Number(n))!).toString('latin1')).join('\n');
		return textOf(content, res, new Map(), 0).normalize('NFKC').replace(/\s+/g, ' ').trim();
	});
}
