/**
 * Reads a CSV Blob chunk by chunk (never the whole text at once): sniffs what it is, decodes
 * each run of lines as UTF-8 or Windows-1252, cuts it into whole records and lets PapaParse split
 * the fields. Everything it cannot read becomes an issue or an unreadable row, never an exception.
 */
import Papa from 'papaparse';
import { decodeLines, detectDelimiter, hasNul, sniff, type Delimiter } from './detect';
import type { UnreadableCode } from '../contract/intake';
import type { Issue } from './messages';
import { MAX_RECORD_CHARS, RecordSplitter, type Segment } from './record-splitter';

/** Bytes read per step: small enough for steady progress, large enough for PapaParse's speed. */
export const CHUNK_BYTES = 1024 * 1024;
/** The header must fit in this many bytes. */
const HEADER_PROBE_BYTES = 64 * 1024;

export interface CsvHeader {
	fields: string[];
	delimiter: Delimiter;
	/** the file ends its lines with a bare CR (classic Mac OS, Excel's "CSV (Macintosh)"), not LF or CRLF */
	crOnly: boolean;
}

export type Peek = { kind: 'csv'; header: CsvHeader } | { kind: 'parquet' } | { kind: 'fatal'; issue: Issue };

/** Looks at the start of a file: Parquet, unreadable, or CSV with its header fields. */
export async function peekFile(blob: Blob): Promise<Peek> {
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await blob.slice(0, HEADER_PROBE_BYTES).arrayBuffer());
	} catch (e) {
		return { kind: 'fatal', issue: { code: 'galat_baca', severity: 'fatal', detail: String(e) } };
	}
	const what = sniff(bytes);
	if (what === 'parquet') return { kind: 'parquet' };
	if (what === 'binary') return { kind: 'fatal', issue: { code: 'biner', severity: 'fatal' } };
	if (what === 'utf16') return { kind: 'fatal', issue: { code: 'encoding_tidak_didukung', severity: 'fatal' } };
	if (what === 'arrow') return { kind: 'fatal', issue: { code: 'arrow_tidak_didukung', severity: 'fatal' } };
	// A bare CR for line end: read as LF (QA: such a file over 256 KiB was one endless record, and every row was lost).
	const crOnly = bytes.indexOf(0x0a) < 0 && bytes.indexOf(0x0d) >= 0;
	if (crOnly) bytes = crToLf(bytes);
	const { text } = decodeLines(bytes);
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	const headerLine = lines.find((l) => l.trim() !== '');
	if (headerLine === undefined) return { kind: 'fatal', issue: { code: 'kosong', severity: 'fatal' } };
	const delimiter = detectDelimiter(headerLine);
	const parsed = Papa.parse<string[]>(headerLine.replace(/\r$/, ''), { delimiter, header: false });
	const fields = (parsed.data[0] ?? []).map((f) => f.replace(/^\uFEFF/, ''));
	return { kind: 'csv', header: { fields, delimiter, crOnly } };
}

export interface CsvHandlers {
	/** the header record; return false to stop reading */
	header(fields: string[], row: number): boolean;
	record(fields: string[], row: number): void;
	/** a record that could not be split into fields; `column`, the header of the field where it broke, when known */
	unreadable(row: number, detail: string, column?: string, code?: UnreadableCode): void;
	issue(issue: Issue): void;
	progress(bytesRead: number, bytesTotal: number): void;
}

/** Streams every record of a CSV Blob to the handlers; resolves when the file is read. */
export async function readCsv(blob: Blob, delimiter: Delimiter, h: CsvHandlers, crOnly = false): Promise<void> {
	const splitter = new RecordSplitter(delimiter);
	let row = 0;
	let headerSeen = false;
	let headerFields: string[] = [];
	let stopped = false;
	let cpLines = 0;
	let utf8Lines = 0;
	let firstCpRow = 0;
	let carry = new Uint8Array(0);

	const records = (block: string) => {
		if (stopped || block === '') return;
		const res = Papa.parse<string[]>(block, { delimiter, header: false, skipEmptyLines: false });
		const bad = new Set(res.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row!));
		// A damaged block is rare: one look at the block spares a look at every field of every record.
		const nul = block.includes('\0');
		for (let i = 0; i < res.data.length && !stopped; i++) {
			row++;
			const fields = res.data[i];
			if (fields.length === 1 && fields[0].trim() === '') continue; // blank line: counted, not read
			if (!headerSeen) {
				headerSeen = true;
				headerFields = fields;
				if (!h.header(fields, row)) stopped = true;
			} else if (bad.has(i)) h.unreadable(row, 'kutip / quotes');
			else if (nul && fields.some(hasNul)) h.unreadable(row, '', headerFields[fields.findIndex(hasNul)] ?? '', 'blok_rusak');
			else h.record(fields, row);
		}
	};
	const segments = (segs: Segment[]) => {
		for (const s of segs) {
			if ('block' in s) records(s.block);
			else if ('unclosed' in s) {
				if (!headerSeen) records(s.unclosed);
				else if (!stopped) {
					row++;
					h.unreadable(row, UNCLOSED, headerFields[unclosedField(s.unclosed, delimiter)] ?? '');
					if (s.last) h.issue({ code: 'terpotong', severity: 'warning', row });
				}
			} else if (!stopped) {
				row++;
				if (headerSeen) h.unreadable(row, `> ${MAX_RECORD_CHARS}`);
				// How long the record was is not known (it is dropped as it comes): the limit it went past is (QA: a bare number).
				h.issue({ code: 'isian_terlalu_panjang', severity: 'warning', row, detail: `> ${MAX_RECORD_CHARS} karakter / characters` });
			}
		}
	};

	const total = blob.size;
	for (let offset = 0; offset < total && !stopped; offset += CHUNK_BYTES) {
		let chunk: Uint8Array;
		try {
			chunk = new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
			if (crOnly) chunk = crToLf(chunk);
		} catch (e) {
			h.issue({ code: 'galat_baca', severity: 'warning', row: row + 1, detail: String(e) });
			break;
		}
		const last = offset + CHUNK_BYTES >= total;
		const joined = carry.length ? concat(carry, chunk) : chunk;
		// Cut after the last newline byte: it is never part of a UTF-8 or Windows-1252 character.
		// With no newline in sight the run is handed on whole, so the splitter can bound the record.
		let cut = last ? joined.length : joined.lastIndexOf(0x0a) + 1;
		if (cut === 0 && joined.length >= CHUNK_BYTES) cut = joined.length;
		carry = joined.slice(cut);
		const dec = decodeLines(joined.subarray(0, cut));
		// Rows are counted as records; before any multi-line record, a line is a row.
		if (dec.cp1252Lines && !cpLines) firstCpRow = row + dec.firstCp1252Line + 1;
		cpLines += dec.cp1252Lines;
		utf8Lines += dec.utf8Lines;
		segments(splitter.push(offset === 0 ? dec.text.replace(/^\uFEFF/, '') : dec.text));
		h.progress(Math.min(offset + CHUNK_BYTES, total), total);
	}
	if (!stopped) segments(splitter.end());
	// A file wholly in Windows-1252 is a normal Excel export; only a mix deserves a warning.
	if (cpLines && utf8Lines) h.issue({ code: 'campuran_encoding', severity: 'warning', row: firstCpRow, detail: `${cpLines}` });
	if (!headerSeen && !stopped) h.issue({ code: 'kosong', severity: 'fatal' });
	h.progress(total, total);
}
const UNCLOSED = 'kutip tidak ditutup / unclosed quote';

/** Index of the field whose opening quote is never closed: the last one PapaParse finds on the line. */
function unclosedField(line: string, delimiter: Delimiter): number {
	const fields = Papa.parse<string[]>(line, { delimiter, header: false }).data[0] ?? [];
	return Math.max(0, fields.length - 1);
}

/** CR bytes as LF: never part of a UTF-8 or Windows-1252 character, so safe on any slice. */
function crToLf(bytes: Uint8Array): Uint8Array {
	const out = bytes.slice();
	for (let i = 0; i < out.length; i++) if (out[i] === 0x0d) out[i] = 0x0a;
	return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}
