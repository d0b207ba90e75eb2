/**
 * Cuts streamed CSV text into runs of whole records, so PapaParse only ever sees complete
 * records and the page never holds more than a chunk of a file. A newline ends a record unless
 * it is inside a quoted field; a quote opens a field only at the field's start (as PapaParse reads
 * it), so a stray inch mark in a text cell cannot swallow the rest of the file.
 *
 * A quote that is opened and never closed would otherwise swallow every line after it. It shows
 * itself in one of four ways, wherever it sits in the file: the file ends inside the quote, the
 * record grows past MAX_RECORD_CHARS, or a later quote closes it and the record that spans several
 * lines has a different number of fields from the header, or text follows that closing quote. Each time the record's first line is
 * given back as `unclosed` (rejected by the reader) and reading resumes at the next line, so every
 * line after it is read as it would have been. A genuine multi-line field has the header's number
 * of fields and is kept. A record too long without any quote is cut off as `oversized`.
 */

/** Longest record accepted: far above any contract row (about 400 characters) plus ignored columns. */
export const MAX_RECORD_CHARS = 256 * 1024;

/**
 * Runs of whole records (without their final newline), the first line of a record whose quote is
 * never closed, and records cut off for being too long, in file order.
 */
export type Segment = { block: string } | { unclosed: string; /** the file's last line: the file may be cut off */ last?: boolean } | { oversized: number };

export class RecordSplitter {
	private buf = '';
	/** scan position in buf (buf always starts at a record's start); state below is the state at that position */
	private pos = 0;
	private inQuotes = false;
	/** buf[pos] begins a field */
	private fieldStart = true;
	/** fields of the record being scanned so far */
	private fields = 1;
	/** fields of the first non-blank record (the header), 0 before it */
	private expected = 0;
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
		this.drain(out);
		while (this.buf.length > MAX_RECORD_CHARS) {
			if (this.inQuotes && this.buf.includes('\n')) this.dropFirstLine(out);
			else {
				out.push({ oversized: this.buf.length });
				const nl = this.buf.indexOf('\n');
				this.restart(nl < 0 ? '' : this.buf.slice(nl + 1));
				this.skipping = nl < 0;
			}
			this.drain(out);
		}
		return out;
	}

	/** The records left at the end of the file. */
	end(): Segment[] {
		const out: Segment[] = [];
		if (this.skipping || this.buf === '') return out;
		// A newline ends the last record as any other: a quote held back at the very end then closes its field.
		this.buf += '\n';
		this.drain(out);
		while (this.inQuotes) {
			this.dropFirstLine(out);
			if (this.buf.trim() === '') out.push({ ...(out.pop() as { unclosed: string }), last: true });
			this.drain(out);
		}
		return out;
	}

	/** Hands out the whole records scanned so far; a broken one is given back as its first line. */
	private drain(out: Segment[]): void {
		for (;;) {
			const { last, broken } = this.scan();
			if (last >= 0) {
				out.push({ block: stripCr(this.buf.slice(0, last)) });
				this.buf = this.buf.slice(last + 1);
				this.pos -= last + 1;
			}
			if (!broken) return;
			this.dropFirstLine(out);
		}
	}

	/** Gives back the first line of the record at buf's start as unclosed; the next line is read afresh. */
	private dropFirstLine(out: Segment[]): void {
		const nl = this.buf.indexOf('\n');
		out.push({ unclosed: stripCr(nl < 0 ? this.buf : this.buf.slice(0, nl)) });
		this.restart(nl < 0 ? '' : this.buf.slice(nl + 1));
	}

	private restart(buf: string): void {
		this.buf = buf;
		this.pos = 0;
		this.inQuotes = false;
		this.fieldStart = true;
		this.fields = 1;
	}

	/**
	 * Advances the scan to the end of buf, or to the end of a broken record; returns the index of the
	 * last record-ending newline before it (-1 for none) and whether a broken record stopped the scan.
	 */
	private scan(): { last: number; broken: boolean } {
		const s = this.buf;
		const d = this.delimiter;
		let i = this.pos;
		let last = -1;
		let inQ = this.inQuotes;
		let start = this.fieldStart;
		let fields = this.fields;
		let broken = false;
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
				const next = s[q + 1];
				if (next !== d && next !== '\n' && next !== '\r' && s.lastIndexOf('\n', q) > last) {
					// A field over several lines whose closing quote is followed by more text: that quote
					// opened a later field; the record is broken.
					broken = true;
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
				const recordStart = last + 1;
				const multiLine = s.indexOf('\n', recordStart) < i;
				if (multiLine && this.expected && fields !== this.expected) {
					// The record spans lines only because a quote was never closed: stop before it.
					broken = true;
					break;
				}
				if (!this.expected && s.slice(recordStart, i).trim() !== '') this.expected = fields;
				last = i;
				start = true;
				fields = 1;
			} else {
				start = c === d;
				if (start) fields++;
			}
			i++;
		}
		if (broken) {
			// Everything from the broken record's start is scanned again once its first line is dropped.
			i = last + 1;
			inQ = false;
			start = true;
			fields = 1;
		}
		this.pos = i;
		this.inQuotes = inQ;
		this.fieldStart = start;
		this.fields = fields;
		return { last, broken };
	}
}

function stripCr(s: string): string {
	return s.endsWith('\r') ? s.slice(0, -1) : s;
}
