/**
 * Cuts streamed CSV text into runs of whole records, so PapaParse only ever sees complete
 * records and the page never holds more than a chunk of a file. A newline ends a record unless
 * it is inside a quoted field; a quote opens a field only at the field's start (as PapaParse reads
 * it), so a stray inch mark in a text cell cannot swallow the rest of the file. A record that
 * grows past MAX_RECORD_CHARS (an unclosed quote, a runaway field) is cut off and reported, and
 * reading resumes at the next line.
 */

/** Longest record accepted: far above any contract row (about 400 characters) plus ignored columns. */
export const MAX_RECORD_CHARS = 256 * 1024;

/** Runs of whole records (without their final newline), and records cut off for being too long, in file order. */
export type Segment = { block: string } | { oversized: number };

export class RecordSplitter {
	private buf = '';
	/** scan position in buf; state below is the state at that position */
	private pos = 0;
	private inQuotes = false;
	/** buf[pos] begins a field */
	private fieldStart = true;
	/** discarding an oversized record until the next raw newline */
	private skipping = false;

	constructor(private readonly delimiter: string) {}

	push(text: string): Segment[] {
		const out: Segment[] = [];
		if (this.skipping) {
			const nl = text.indexOf('\n');
			if (nl < 0) return out;
			text = text.slice(nl + 1);
			this.skipping = false;
		}
		this.buf += text;
		this.take(out);
		while (this.buf.length > MAX_RECORD_CHARS) {
			out.push({ oversized: this.buf.length });
			// Read the opening quote as broken: resume at the record's first raw newline, quotes reset.
			// Lines of a genuine giant multi-line field then surface as rejected rows, never vanish.
			const nl = this.buf.indexOf('\n');
			this.buf = nl < 0 ? '' : this.buf.slice(nl + 1);
			this.skipping = nl < 0;
			this.pos = 0;
			this.inQuotes = false;
			this.fieldStart = true;
			this.take(out);
		}
		return out;
	}

	private take(out: Segment[]): void {
		const lastEnd = this.scan();
		if (lastEnd < 0) return;
		out.push({ block: stripCr(this.buf.slice(0, lastEnd)) });
		this.buf = this.buf.slice(lastEnd + 1);
		this.pos -= lastEnd + 1;
	}

	/** The text left at the end of the file, and whether it ends inside a quoted field. */
	end(): { rest: string; unterminated: boolean } {
		const rest = this.skipping ? '' : this.buf;
		// A quote held back at the very end of the file closes its field.
		const closedAtEnd = this.inQuotes && this.pos === rest.length - 1 && rest.endsWith('"');
		return { rest: stripCr(rest), unterminated: this.inQuotes && !closedAtEnd };
	}

	/** Advances the scan to the end of buf; returns the index of the last record-ending newline, or -1. */
	private scan(): number {
		const s = this.buf;
		const d = this.delimiter;
		let i = this.pos;
		let last = -1;
		let inQ = this.inQuotes;
		let start = this.fieldStart;
		while (i < s.length) {
			if (inQ) {
				const q = s.indexOf('"', i);
				if (q < 0) {
					i = s.length;
					break;
				}
				if (s.charCodeAt(q + 1) === 34) {
					i = q + 2;
					continue;
				}
				if (q + 1 >= s.length) {
					// A quote at the very end: is it closing, or the first of an escaped pair? Wait for more text.
					i = q;
					break;
				}
				inQ = false;
				start = false;
				i = q + 1;
				continue;
			}
			const c = s[i];
			if (c === '"' && start) {
				inQ = true;
				i++;
				continue;
			}
			if (c === '\n') {
				last = i;
				start = true;
			} else start = c === d;
			i++;
		}
		this.pos = i;
		this.inQuotes = inQ;
		this.fieldStart = start;
		return last;
	}
}

function stripCr(s: string): string {
	return s.endsWith('\r') ? s.slice(0, -1) : s;
}
