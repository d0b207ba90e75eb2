/**
 * Thrift's compact protocol, the encoding of a Parquet footer, decoded to a small tree and encoded
 * back. The tree keeps every field it meets, known or not, with its wire type and in its order, so
 * a footer decoded, changed in a few named fields and encoded again carries every other field
 * unchanged (the import rewrites row-group offsets this way: parquet-row-group.ts).
 */

/** Compact protocol wire types (thrift's doc/specs/thrift-compact-protocol.md). */
export const T = { Stop: 0, True: 1, False: 2, Byte: 3, I16: 4, I32: 5, I64: 6, Double: 7, Binary: 8, List: 9, Set: 10, Map: 11, Struct: 12 } as const;

/**
 * One value on the wire. Booleans carry `T.True` whatever their value (a field's wire type holds
 * the value itself); 64-bit integers are bigints so that none loses a digit on the way through.
 */
export type ThriftValue =
	| { type: typeof T.True; value: boolean }
	| { type: typeof T.Byte | typeof T.I16 | typeof T.I32; value: number }
	| { type: typeof T.I64; value: bigint }
	| { type: typeof T.Double; value: number }
	| { type: typeof T.Binary; value: Uint8Array }
	| { type: typeof T.List | typeof T.Set; elem: number; items: ThriftValue[] }
	// an empty map's key and value types are not on the wire: 0 when decoded
	| { type: typeof T.Map; key: number; val: number; entries: [ThriftValue, ThriftValue][] }
	| { type: typeof T.Struct; fields: ThriftStruct };

/** A struct's fields by id, in the order they came. */
export type ThriftStruct = Map<number, ThriftValue>;
export type ThriftStructValue = Extract<ThriftValue, { type: typeof T.Struct }>;

/** Deeper nesting than any Parquet footer holds: damaged bytes, not a struct to walk further. */
const MAX_DEPTH = 32;
/** A varint longer than this many bytes holds more than 64 bits. */
const MAX_VARINT_BYTES = 10;
/** A list header's size nibble that says the size follows as a varint. */
const LONG_LIST = 15;
/** The largest field-id step a field header carries in its high nibble. */
const MAX_DELTA = 15;
const DOUBLE_BYTES = 8;

export class ThriftError extends Error {}

/** Decodes the struct at the start of `bytes`; throws a ThriftError on bytes that are not one. */
export function decodeStruct(bytes: Uint8Array): ThriftStruct {
	return new Decoder(bytes).struct(0);
}

/** The struct's compact-protocol bytes. */
export function encodeStruct(fields: ThriftStruct): Uint8Array {
	const e = new Encoder();
	e.struct(fields);
	return e.bytes();
}

const zigzagDecode = (n: bigint): bigint => (n & 1n ? -((n + 1n) >> 1n) : n >> 1n);
const zigzagEncode = (n: bigint): bigint => (n >= 0n ? n << 1n : (-n << 1n) - 1n);

class Decoder {
	private pos = 0;
	constructor(private readonly b: Uint8Array) {}

	private byte(): number {
		if (this.pos >= this.b.length) throw new ThriftError('ends inside a value');
		return this.b[this.pos++];
	}

	private varint(): bigint {
		let n = 0n;
		for (let i = 0; i < MAX_VARINT_BYTES; i++) {
			const b = this.byte();
			n |= BigInt(b & 0x7f) << BigInt(7 * i);
			if (!(b & 0x80)) return n;
		}
		throw new ThriftError('a number runs on');
	}

	private size(): number {
		const n = this.varint();
		if (n > BigInt(this.b.length)) throw new ThriftError('a length runs past the end');
		return Number(n);
	}

	private take(n: number): Uint8Array {
		if (this.pos + n > this.b.length) throw new ThriftError('ends inside a value');
		return this.b.subarray(this.pos, (this.pos += n));
	}

	private int(type: typeof T.I16 | typeof T.I32): ThriftValue {
		return { type, value: Number(zigzagDecode(this.varint())) };
	}

	/** A value of `type`; `inList` for an element of a list, set or map, whose booleans take a byte each. */
	value(type: number, depth: number, inList = false): ThriftValue {
		if (depth > MAX_DEPTH) throw new ThriftError('nested too deep');
		switch (type) {
			case T.True:
			case T.False:
				// in a list each boolean is a byte, 1 for true; as a field the type is the value
				return { type: T.True, value: inList ? this.byte() === T.True : type === T.True };
			case T.Byte:
				return { type, value: this.byte() };
			case T.I16:
			case T.I32:
				return this.int(type);
			case T.I64:
				return { type, value: BigInt.asIntN(64, zigzagDecode(this.varint())) };
			case T.Double: {
				const d = this.take(DOUBLE_BYTES);
				return { type, value: new DataView(d.buffer, d.byteOffset, DOUBLE_BYTES).getFloat64(0, true) };
			}
			case T.Binary:
				return { type, value: this.take(this.size()) };
			case T.List:
			case T.Set: {
				const h = this.byte();
				const n = h >> 4 === LONG_LIST ? this.size() : h >> 4;
				const elem = h & 0x0f;
				// every element takes at least a byte, so a damaged size ends at the end of the bytes
				const items: ThriftValue[] = [];
				for (let i = 0; i < n; i++) items.push(this.value(elem, depth + 1, true));
				return { type, elem, items };
			}
			case T.Map: {
				const n = this.size();
				const kv = n ? this.byte() : 0;
				const entries: [ThriftValue, ThriftValue][] = [];
				for (let i = 0; i < n; i++) entries.push([this.value(kv >> 4, depth + 1, true), this.value(kv & 0x0f, depth + 1, true)]);
				return { type, key: kv >> 4, val: kv & 0x0f, entries };
			}
			case T.Struct:
				return { type, fields: this.struct(depth + 1) };
			default:
				throw new ThriftError(`unknown value type ${type}`);
		}
	}

	struct(depth: number): ThriftStruct {
		if (depth > MAX_DEPTH) throw new ThriftError('nested too deep');
		const fields: ThriftStruct = new Map();
		let last = 0;
		for (let h = this.byte(); h & 0x0f; h = this.byte()) {
			const delta = h >> 4;
			const id = delta ? last + delta : Number(zigzagDecode(this.varint()));
			fields.set(id, this.value(h & 0x0f, depth));
			last = id;
		}
		return fields;
	}
}

class Encoder {
	private buf = new Uint8Array(256);
	private len = 0;

	bytes(): Uint8Array {
		return this.buf.slice(0, this.len);
	}

	private room(n: number): void {
		if (this.len + n <= this.buf.length) return;
		const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
		next.set(this.buf.subarray(0, this.len));
		this.buf = next;
	}

	private byte(b: number): void {
		this.room(1);
		this.buf[this.len++] = b & 0xff;
	}

	private varint(n: bigint): void {
		let v = BigInt.asUintN(64, n);
		while (v >= 0x80n) {
			this.byte(Number(v & 0x7fn) | 0x80);
			v >>= 7n;
		}
		this.byte(Number(v));
	}

	private put(b: Uint8Array): void {
		this.room(b.length);
		this.buf.set(b, this.len);
		this.len += b.length;
	}

	/** A field's or an element's payload; booleans only as elements (a field's boolean is in its header). */
	private value(v: ThriftValue): void {
		switch (v.type) {
			case T.True:
				return this.byte(v.value ? T.True : T.False);
			case T.Byte:
				return this.byte(v.value);
			case T.I16:
			case T.I32:
				return this.varint(zigzagEncode(BigInt(v.value)));
			case T.I64:
				return this.varint(zigzagEncode(v.value));
			case T.Double: {
				const b = new Uint8Array(DOUBLE_BYTES);
				new DataView(b.buffer).setFloat64(0, v.value, true);
				return this.put(b);
			}
			case T.Binary:
				this.varint(BigInt(v.value.length));
				return this.put(v.value);
			case T.List:
			case T.Set:
				if (v.items.length < LONG_LIST) this.byte((v.items.length << 4) | v.elem);
				else {
					this.byte((LONG_LIST << 4) | v.elem);
					this.varint(BigInt(v.items.length));
				}
				return v.items.forEach((item) => this.value(item));
			case T.Map:
				this.varint(BigInt(v.entries.length));
				if (v.entries.length) this.byte((v.key << 4) | v.val);
				return v.entries.forEach(([k, val]) => (this.value(k), this.value(val)));
			case T.Struct:
				return this.struct(v.fields);
		}
	}

	struct(fields: ThriftStruct): void {
		let last = 0;
		for (const [id, v] of fields) {
			const type = v.type === T.True && !v.value ? T.False : v.type;
			const delta = id - last;
			if (delta > 0 && delta <= MAX_DELTA) this.byte((delta << 4) | type);
			else {
				this.byte(type);
				this.varint(zigzagEncode(BigInt(id)));
			}
			if (v.type !== T.True) this.value(v);
			last = id;
		}
		this.byte(T.Stop);
	}
}
