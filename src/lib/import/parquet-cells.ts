/**
 * A Parquet cell as the text a CSV export would hold, so that it meets exactly the same row
 * validation: ISO dates, 1/0 booleans, exact decimals, '' for null.
 */
import { Type, type DataType, type Decimal, type Dictionary, type Timestamp } from 'apache-arrow';
import { localIsoDate, WIB } from './time-zones';

const WORD_BITS = 32n;

/**
 * The exact text of an Arrow Decimal value: its unscaled integer (little-endian 32-bit words in
 * two's complement, one to eight of them for Decimal32 … Decimal256) with the point put back
 * `scale` digits from the right. Trailing zeros after the point are dropped, so a DECIMAL(18,2)
 * 4.00 reads as 4, as a CSV would write a whole number. No float is involved: a DECIMAL(38,4) of
 * 30 digits keeps them all.
 */
export function decimalText(words: Uint32Array, scale: number): string {
	let n = 0n;
	for (let i = words.length - 1; i >= 0; i--) n = (n << WORD_BITS) | BigInt(words[i]);
	if (words.length && words[words.length - 1] & 0x8000_0000) n -= 1n << (BigInt(words.length) * WORD_BITS);
	const negative = n < 0n;
	let digits = (negative ? -n : n).toString();
	if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
	digits = digits.padStart(scale + 1, '0');
	const whole = digits.slice(0, -scale);
	const fraction = digits.slice(-scale).replace(/0+$/, '');
	return (negative ? '-' : '') + whole + (fraction ? `.${fraction}` : '');
}

/** What a column no CSV cell can hold is, in Parquet's words: raw bytes or a nested value. */
export type UnreadableKind = 'BLOB' | 'LIST' | 'STRUCT' | 'MAP' | 'UNION';

/**
 * The kind of a column type no CSV cell can hold, or null for one that can (numbers, text,
 * booleans, dates, decimals). Such values have no text to check: bytes read as empty (QA: an id
 * column of BLOB reported every row as missing its id) and a list or struct as "[RT…]" or
 * '{"v": "…"}', a NIK inside it unseen by the NIK check.
 */
export function unreadableKind(type: DataType): UnreadableKind | null {
	switch (type.typeId) {
		case Type.Binary:
		case Type.LargeBinary:
		case Type.FixedSizeBinary:
			return 'BLOB';
		case Type.List:
		case Type.FixedSizeList:
			return 'LIST';
		case Type.Struct:
			return 'STRUCT';
		case Type.Map:
			return 'MAP';
		case Type.Union:
			return 'UNION';
		case Type.Dictionary:
			return unreadableKind((type as Dictionary).dictionary);
		default:
			return null;
	}
}

/**
 * Whether a column holds instants (a Parquet timestamp adjusted to UTC, which Arrow gives a time
 * zone) rather than wall-clock dates and times (a DATE, or a timestamp without one).
 */
export function isInstant(type: DataType): boolean {
	return type.typeId === Type.Timestamp && !!(type as Timestamp).timezone;
}

/**
 * A cell of a column of Arrow type `type` as CSV text. An instant is dated where the row's village
 * lies (`utcOffsetHours`, time-zones.ts); a DATE or a timestamp without a time zone keeps its own
 * calendar date.
 */
export function cellText(v: unknown, type: DataType, utcOffsetHours = WIB): string {
	if (v === null || v === undefined) return '';
	if (type.typeId === Type.Date || type.typeId === Type.Timestamp) {
		const ms = typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.getTime() : Number(v);
		if (!Number.isFinite(ms)) return String(v);
		// An instant's UTC date is the day before for anything before 07:00 WIB (QA: 00:30 on 1 January read as 31 December).
		return isInstant(type) ? localIsoDate(ms, utcOffsetHours) : new Date(ms).toISOString().slice(0, 10);
	}
	if (type.typeId === Type.Decimal && ArrayBuffer.isView(v)) {
		// Arrow's own String(v) is the unscaled integer: DECIMAL(18,2) 1078400.00 read as 107840000 (QA, HIGH).
		return decimalText(new Uint32Array(v.buffer, v.byteOffset, v.byteLength >> 2), (type as Decimal).scale);
	}
	if (typeof v === 'boolean') return v ? '1' : '0';
	return String(v);
}
