/** Buffered CSV writing (RFC 4180 quoting) for the generator's large tables and the pipeline's report. */
import { openSync, writeSync, closeSync } from 'node:fs';
import { neutraliseFormula } from '../../src/lib/export/formula';

const FLUSH_BYTES = 1 << 20;

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(v: CsvValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? '1' : '0';
	const s = String(v);
	return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvSinkOptions {
	/**
	 * Text cells that a spreadsheet would run as a formula get a leading `'` (export/formula.ts), as
	 * the app's own CSVs do: for files people open, such as the validation report, whose values come
	 * from an export. Not for files DuckDB reads back, whose values must stay as they are.
	 */
	neutraliseFormulas?: boolean;
}

export class CsvSink {
	private readonly fd: number;
	private buffer: string[] = [];
	private size = 0;
	private readonly field: (v: CsvValue) => string;
	rows = 0;

	constructor(path: string, header: readonly string[], opts: CsvSinkOptions = {}) {
		this.fd = openSync(path, 'w');
		this.field = opts.neutraliseFormulas ? (v) => csvField(typeof v === 'string' ? neutraliseFormula(v) : v) : csvField;
		this.line(header.map(this.field).join(','));
	}

	write(values: readonly CsvValue[]): void {
		this.line(values.map(this.field).join(','));
		this.rows++;
	}

	private line(s: string): void {
		this.buffer.push(s);
		this.size += s.length + 1;
		if (this.size > FLUSH_BYTES) this.flush();
	}

	private flush(): void {
		if (this.buffer.length) writeSync(this.fd, this.buffer.join('\n') + '\n');
		this.buffer = [];
		this.size = 0;
	}

	close(): void {
		this.flush();
		closeSync(this.fd);
	}
}
