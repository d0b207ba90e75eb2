/**
 * What a file is, from its first bytes: Parquet (by its magic number, whatever its name), binary
 * junk, UTF-16, or CSV text in UTF-8 or Windows-1252; and the CSV's delimiter from its header.
 */

export type Sniffed = 'parquet' | 'arrow' | 'binary' | 'utf16' | 'text';

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
/** Share of control bytes (other than tab, CR, LF) above which a sample is not text. */
const MAX_CONTROL_SHARE = 0.01;
/**
 * A run of at least this many NUL bytes is a damaged block (a disk or a copy that lost a sector),
 * not the sign of a binary file: the rows around it are read, the row it hits is refused as
 * unreadable (QA: one zeroed block used to cost the whole file).
 */
const DAMAGED_BLOCK_RUN = 8;

export function sniff(sample: Uint8Array): Sniffed {
	if (PARQUET_MAGIC.every((b, i) => sample[i] === b)) return 'parquet';
	// Arrow IPC: a file starts "ARROW1", a stream with the continuation marker 0xFFFFFFFF (QA: called "binary").
	if (ARROW_MAGIC.every((b, i) => sample[i] === b) || (sample.length >= 8 && sample[0] === 0xff && sample[1] === 0xff && sample[2] === 0xff && sample[3] === 0xff)) return 'arrow';
	if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return 'utf16';
	if (utf16WithoutBom(sample)) return 'utf16';
	let firstLine = sample.indexOf(0x0a);
	if (firstLine < 0) firstLine = sample.length;
	let control = 0;
	let counted = 0;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i];
		if (b === 0) {
			// The header line must be clean text; elsewhere a long run of NULs is a damaged block.
			if (i < firstLine) return 'binary';
			let end = i;
			while (end < sample.length && sample[end] === 0) end++;
			if (end - i < DAMAGED_BLOCK_RUN) return 'binary';
			i = end - 1;
			continue;
		}
		counted++;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
			if (i < firstLine) return 'binary';
			control++;
		}
	}
	return counted > 0 && control / counted > MAX_CONTROL_SHARE ? 'binary' : 'text';
}

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/**
 * UTF-16 saved without its byte-order mark: text of ASCII letters with a NUL beside every one, on
 * the odd bytes (little-endian) or the even ones (big-endian) (QA: called "binary data").
 */
function utf16WithoutBom(sample: Uint8Array): boolean {
	const n = Math.min(sample.length, 4096) & ~1;
	if (n < 8) return false;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (sample[i] === 0) evenNul++;
		if (sample[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	return (oddNul > 0.9 * pairs && evenNul < 0.1 * pairs) || (evenNul > 0.9 * pairs && oddNul < 0.1 * pairs);
}

/** Whether a field holds a NUL: the mark of a damaged block the record ran into. */
export const hasNul = (field: string): boolean => field.includes('\0');

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
/**
 * Windows-1252 by table: Node's TextDecoder reads the label as Latin-1 (0x80 as U+0080, not €)
 * while browsers follow the WHATWG table; one implementation keeps tests and pages in agreement.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const cp1252 = {
	decode(bytes: Uint8Array): string {
		let s = '';
		for (let i = 0; i < bytes.length; i++) {
			const b = bytes[i];
			s += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
		}
		return s;
	}
};

/**
 * Decodes a run of whole lines. Valid UTF-8 is read as UTF-8; otherwise each line is read as
 * UTF-8 when it is valid and as Windows-1252 (what Excel on Windows saves) when it is not, so a
 * file with mixed encodings loses no row. Returns how many lines needed Windows-1252.
 */
export interface Decoded {
	text: string;
	/** lines read as Windows-1252 */
	cp1252Lines: number;
	/** lines with non-ASCII characters read as UTF-8 */
	utf8Lines: number;
	/** index of the first line read as Windows-1252, -1 when none was */
	firstCp1252Line: number;
}

export function decodeLines(bytes: Uint8Array): Decoded {
	try {
		const text = utf8.decode(bytes);
		return { text, cp1252Lines: 0, utf8Lines: hasNonAscii(bytes) ? 1 : 0, firstCp1252Line: -1 };
	} catch {
		// fall through: decode line by line
	}
	const parts: string[] = [];
	let cpLines = 0;
	let utf8Lines = 0;
	let firstLine = -1;
	let start = 0;
	while (start < bytes.length) {
		let end = bytes.indexOf(0x0a, start);
		end = end < 0 ? bytes.length : end + 1;
		const line = bytes.subarray(start, end);
		try {
			parts.push(utf8.decode(line));
			if (hasNonAscii(line)) utf8Lines++;
		} catch {
			parts.push(cp1252.decode(line));
			if (firstLine < 0) firstLine = parts.length - 1;
			cpLines++;
		}
		start = end;
	}
	return { text: parts.join(''), cp1252Lines: cpLines, utf8Lines, firstCp1252Line: firstLine };
}

function hasNonAscii(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
	return false;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter that occurs most often outside quotes in the header line (comma when none does). */
export function detectDelimiter(headerLine: string): Delimiter {
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const ch of headerLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
	}
	let best: Delimiter = ',';
	for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
	return best;
}
