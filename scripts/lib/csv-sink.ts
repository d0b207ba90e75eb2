/** Buffered CSV writing (RFC 4180 quoting) for the generator's large tables. */
import { openSync, writeSync, closeSync } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(v: CsvValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? '1' : '0';
	const s = String(v);
	return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class CsvSink {
	private readonly fd: number;
	private buffer: string[] = [];
	private size = 0;
	rows = 0;

	constructor(path: string, header: readonly string[]) {
		this.fd = openSync(path, 'w');
		this.line(header.join(','));
	}

	write(values: readonly CsvValue[]): void {
		this.line(values.map(csvField).join(','));
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
