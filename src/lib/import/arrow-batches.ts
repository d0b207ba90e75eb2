/**
 * Accepted rows become Arrow IPC record batches with the contract's types (plus kode_kab, which
 * every loaded table carries), a batch at a time, so a large file is held as compact columns
 * rather than as millions of JS objects.
 */
import { Bool, DateDay, Float64, Int32, Table, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { ColumnSpec, TableSpec } from '../contract/schema';
import type { Row } from '../contract/validate';

/** Rows per Arrow batch. */
export const BATCH_ROWS = 65_536;

function arrowType(col: ColumnSpec): DataType {
	switch (col.type) {
		case 'int':
			return new Int32();
		case 'double':
			return new Float64();
		case 'date':
			return new DateDay();
		case 'bool':
			return new Bool();
		default:
			return new Utf8();
	}
}

/** District of a row: the first five characters of its village or sub-district code. */
export function kodeKabOf(table: TableSpec, row: Row): string {
	if (table.name === 'wilayah') return String(row.kode_kab);
	const code = table.name === 'fasilitator' ? row.kode_kec : row.kode_desa;
	return String(code).slice(0, 5);
}

export class ArrowBatcher {
	readonly batches: Uint8Array[] = [];
	private cols: (string | number | boolean | null)[][];
	private kab: string[] = [];
	readonly kabs = new Map<string, number>();
	rows = 0;

	constructor(readonly table: TableSpec) {
		this.cols = table.columns.map(() => []);
	}

	add(row: Row): void {
		const cols = this.table.columns;
		for (let i = 0; i < cols.length; i++) {
			const v = row[cols[i].name];
			// Dates travel as epoch milliseconds at UTC midnight, what Arrow's DateDay builder takes.
			this.cols[i].push(cols[i].type === 'date' && typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) : v);
		}
		const kab = kodeKabOf(this.table, row);
		this.kab.push(kab);
		this.kabs.set(kab, (this.kabs.get(kab) ?? 0) + 1);
		this.rows++;
		if (this.kab.length >= BATCH_ROWS) this.flush();
	}

	/** Closes the open batch; returns every batch as Arrow IPC stream bytes. */
	finish(): Uint8Array[] {
		this.flush();
		return this.batches;
	}

	private flush(): void {
		if (this.kab.length === 0) return;
		const vectors: Record<string, Vector> = {};
		this.table.columns.forEach((c, i) => {
			vectors[c.name] = vectorFromArray(this.cols[i], arrowType(c)) as Vector;
		});
		if (!this.table.columns.some((c) => c.name === 'kode_kab')) vectors.kode_kab = vectorFromArray(this.kab, new Utf8()) as Vector;
		this.batches.push(tableToIPC(new Table(vectors), 'stream'));
		this.cols = this.table.columns.map(() => []);
		this.kab = [];
	}
}

