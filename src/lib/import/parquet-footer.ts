/**
 * The end of a Parquet file: where its footer is and how many rows each row group holds, read in
 * plain TypeScript. parquet-wasm 0.8.0 gives row groups only through its async `ParquetFile`,
 * which traps uncatchably (a WebAssembly `unreachable` in a promise callback) on some damaged
 * footers and row groups; its synchronous `readParquet` and `readSchema` fail with a catchable
 * error, so the import decodes through those and needs the row counts from here.
 */

/** 'PAR1': the magic number a plain (unencrypted) Parquet file ends with. */
const MAGIC = [0x50, 0x41, 0x52, 0x31];
/** The footer's length (4 bytes, little-endian) and the magic number. */
export const TAIL_BYTES = 8;
/** Deeper nesting than any Parquet footer holds: a damaged footer, not one to walk further. */
const MAX_DEPTH = 32;

export class FooterError extends Error {}

/** The footer's length from the last 8 bytes of the file; throws when they are not a Parquet tail. */
export function footerLength(tail: Uint8Array, fileBytes: number): number {
	if (tail.length !== TAIL_BYTES || MAGIC.some((b, i) => tail[4 + i] !== b)) throw new FooterError('Corrupt footer: no Parquet magic number at the end');
	const n = new DataView(tail.buffer, tail.byteOffset, 4).getUint32(0, true);
	if (n + TAIL_BYTES > fileBytes) throw new FooterError('Corrupt footer: longer than the file');
	return n;
}

/** Thrift compact protocol types (the footer's encoding). */
const T = { Stop: 0, True: 1, False: 2, Byte: 3, I16: 4, I32: 5, I64: 6, Double: 7, Binary: 8, List: 9, Set: 10, Map: 11, Struct: 12 } as const;

/** FileMetaData field 4 is its row groups; RowGroup field 3 their row counts (parquet.thrift). */
const FILE_ROW_GROUPS = 4;
const ROW_GROUP_NUM_ROWS = 3;

class Reader {
	pos = 0;
	constructor(private readonly b: Uint8Array) {}

	byte(): number {
		if (this.pos >= this.b.length) throw new FooterError('Corrupt footer: ends inside a value');
		return this.b[this.pos++];
	}

	/** An unsigned varint as a number; exact up to 2^53, which no row count reaches. */
	varint(): number {
		let n = 0;
		for (let shift = 0; shift < 70; shift += 7) {
			const b = this.byte();
			n += (b & 0x7f) * 2 ** shift;
			if (!(b & 0x80)) return n;
		}
		throw new FooterError('Corrupt footer: a number runs on');
	}

	zigzag(): number {
		const n = this.varint();
		return n % 2 ? -(n + 1) / 2 : n / 2;
	}

	skip(n: number): void {
		if (n < 0 || this.pos + n > this.b.length) throw new FooterError('Corrupt footer: ends inside a value');
		this.pos += n;
	}

	/** Field headers of a struct until its stop: [field id, type], null at the stop. */
	field(last: number): [number, number] | null {
		const h = this.byte();
		const type = h & 0x0f;
		if (type === T.Stop) return null;
		const delta = h >> 4;
		return [delta ? last + delta : this.zigzag(), type];
	}

	list(): [number, number] {
		const h = this.byte();
		const size = h >> 4 === 15 ? this.varint() : h >> 4;
		return [size, h & 0x0f];
	}

	value(type: number, depth: number): void {
		if (depth > MAX_DEPTH) throw new FooterError('Corrupt footer: nested too deep');
		switch (type) {
			case T.True:
			case T.False:
				return;
			case T.Byte:
				return this.skip(1);
			case T.I16:
			case T.I32:
			case T.I64:
				return void this.varint();
			case T.Double:
				return this.skip(8);
			case T.Binary:
				return this.skip(this.varint());
			case T.List:
			case T.Set: {
				const [size, elem] = this.list();
				// Booleans in a list take a byte each; every element advances, so a damaged size ends at the footer's end.
				for (let i = 0; i < size; i++) elem === T.True || elem === T.False ? this.skip(1) : this.value(elem, depth + 1);
				return;
			}
			case T.Map: {
				const size = this.varint();
				if (!size) return;
				const kv = this.byte();
				for (let i = 0; i < size; i++) {
					this.value(kv >> 4, depth + 1);
					this.value(kv & 0x0f, depth + 1);
				}
				return;
			}
			case T.Struct:
				return this.struct(depth + 1, () => false);
			default:
				throw new FooterError(`Corrupt footer: unknown value type ${type}`);
		}
	}

	/** Walks a struct, handing each field to `take`, which reads it and returns true, or leaves it to be skipped. */
	struct(depth: number, take: (id: number, type: number) => boolean): void {
		if (depth > MAX_DEPTH) throw new FooterError('Corrupt footer: nested too deep');
		let last = 0;
		for (let f = this.field(last); f; f = this.field(last)) {
			last = f[0];
			if (!take(f[0], f[1])) this.value(f[1], depth);
		}
	}
}

/** The rows of each row group, in file order, from the footer's bytes (without the 8-byte tail). */
export function rowGroupRows(footer: Uint8Array): number[] {
	const r = new Reader(footer);
	const rows: number[] = [];
	r.struct(0, (id, type) => {
		if (id !== FILE_ROW_GROUPS || type !== T.List) return false;
		const [size, elem] = r.list();
		if (elem !== T.Struct) throw new FooterError('Corrupt footer: row groups are not structs');
		for (let g = 0; g < size; g++) {
			let n: number | null = null;
			r.struct(1, (fid, ftype) => {
				if (fid !== ROW_GROUP_NUM_ROWS || ftype !== T.I64) return false;
				n = r.zigzag();
				return true;
			});
			if (n === null || n < 0 || !Number.isSafeInteger(n)) throw new FooterError(`Corrupt footer: row group ${g + 1} has no valid row count`);
			rows.push(n);
		}
		return true;
	});
	return rows;
}
