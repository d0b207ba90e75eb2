/**
 * Accepted rows become Arrow IPC record batches with the contract's types (plus kode_kab, which
 * every loaded table carries), a batch at a time, so a large file is held as compact columns
 * rather than as millions of JS objects. Columns are filled straight into typed arrays: Arrow's
 * generic builders (vectorFromArray) cost several times the whole CSV parse on a 1M-row export.
 */
import { Bool, DateDay, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, type DataType, type Vector } from 'apache-arrow';
import type { ColumnSpec, TableSpec } from '../contract/schema';
import type { Cell, Row } from '../contract/validate';

/** Rows per Arrow batch. */
export const BATCH_ROWS = 65_536;
const MS_PER_DAY = 86_400_000;
const encoder = new TextEncoder();

type Kind = 'int' | 'double' | 'date' | 'bool' | 'text';

function kindOf(col: ColumnSpec): Kind {
	if (col.type === 'int' || col.type === 'double' || col.type === 'date' || col.type === 'bool') return col.type;
	return 'text';
}

/** Days since 1970-01-01 of an ISO date (validated upstream). */
function epochDays(iso: string): number {
	return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
}

class ColumnBuffer {
	private nums: Int32Array | Float64Array | null = null;
	private bits: Uint8Array | null = null;
	private texts: (string | null)[] = [];
	private valid = new Uint8Array(BATCH_ROWS >> 3);
	private nulls = 0;

	constructor(readonly kind: Kind) {
		this.reset();
	}

	reset(): void {
		this.valid = new Uint8Array(BATCH_ROWS >> 3);
		this.nulls = 0;
		this.texts = [];
		if (this.kind === 'int' || this.kind === 'date') this.nums = new Int32Array(BATCH_ROWS);
		else if (this.kind === 'double') this.nums = new Float64Array(BATCH_ROWS);
		else if (this.kind === 'bool') this.bits = new Uint8Array(BATCH_ROWS >> 3);
	}

	set(i: number, v: Cell): void {
		if (this.kind === 'text') this.texts.push(v === null ? null : String(v));
		if (v === null) {
			this.nulls++;
			return;
		}
		this.valid[i >> 3] |= 1 << (i & 7);
		if (this.kind === 'bool') {
			if (v) this.bits![i >> 3] |= 1 << (i & 7);
		} else if (this.kind === 'date') this.nums![i] = epochDays(String(v));
		else if (this.kind !== 'text') this.nums![i] = v as number;
	}

	vector(length: number): Vector {
		const nullBitmap = this.nulls ? this.valid.subarray(0, (length + 7) >> 3) : undefined;
		const base = { length, nullCount: this.nulls, nullBitmap };
		switch (this.kind) {
			case 'int':
				return makeVector(makeData({ type: new Int32(), ...base, data: (this.nums as Int32Array).subarray(0, length) })) as Vector;
			case 'date':
				return makeVector(makeData({ type: new DateDay(), ...base, data: (this.nums as Int32Array).subarray(0, length) })) as Vector;
			case 'double':
				return makeVector(makeData({ type: new Float64(), ...base, data: (this.nums as Float64Array).subarray(0, length) })) as Vector;
			case 'bool':
				return makeVector(makeData({ type: new Bool(), ...base, data: this.bits!.subarray(0, (length + 7) >> 3) })) as Vector;
			default:
				return utf8Vector(this.texts, base);
		}
	}
}

function utf8Vector(texts: readonly (string | null)[], base: { length: number; nullCount: number; nullBitmap?: Uint8Array }): Vector {
	const valueOffsets = new Int32Array(texts.length + 1);
	const joined = texts.map((t) => t ?? '').join('');
	const data = encoder.encode(joined);
	if (data.length === joined.length) {
		// All ASCII (ids, codes, enums): byte offsets are character offsets.
		for (let i = 0; i < texts.length; i++) valueOffsets[i + 1] = valueOffsets[i] + (texts[i]?.length ?? 0);
	} else {
		for (let i = 0; i < texts.length; i++) valueOffsets[i + 1] = valueOffsets[i] + (texts[i] ? encoder.encode(texts[i]!).length : 0);
	}
	return makeVector(makeData({ type: new Utf8(), ...base, valueOffsets, data })) as Vector;
}

/** District of a row: the first five characters of its village or sub-district code. */
export function kodeKabOf(table: TableSpec, row: Row): string {
	if (table.name === 'wilayah') return String(row.kode_kab);
	const code = table.name === 'fasilitator' ? row.kode_kec : row.kode_desa;
	return String(code).slice(0, 5);
}

export class ArrowBatcher {
	readonly batches: Uint8Array[] = [];
	readonly kabs = new Map<string, number>();
	rows = 0;
	private readonly cols: ColumnBuffer[];
	private readonly names: string[];
	/** kode_kab is a contract column of wilayah only; the other tables get it appended */
	private readonly kab: ColumnBuffer | null;
	private n = 0;

	constructor(readonly table: TableSpec) {
		this.cols = table.columns.map((c) => new ColumnBuffer(kindOf(c)));
		this.names = table.columns.map((c) => c.name);
		this.kab = table.columns.some((c) => c.name === 'kode_kab') ? null : new ColumnBuffer('text');
	}

	add(row: Row): void {
		const i = this.n;
		for (let c = 0; c < this.cols.length; c++) this.cols[c].set(i, row[this.names[c]]);
		const kab = kodeKabOf(this.table, row);
		this.kab?.set(i, kab);
		this.kabs.set(kab, (this.kabs.get(kab) ?? 0) + 1);
		this.rows++;
		if (++this.n === BATCH_ROWS) this.flush();
	}

	/** Closes the open batch; returns every batch as Arrow IPC stream bytes. */
	finish(): Uint8Array[] {
		this.flush();
		return this.batches;
	}

	private flush(): void {
		if (this.n === 0) return;
		const vectors: Record<string, Vector> = {};
		this.cols.forEach((c, k) => (vectors[this.names[k]] = c.vector(this.n)));
		if (this.kab) vectors.kode_kab = this.kab.vector(this.n);
		this.batches.push(tableToIPC(new Table(vectors), 'stream'));
		for (const c of this.cols) c.reset();
		this.kab?.reset();
		this.n = 0;
	}
}
