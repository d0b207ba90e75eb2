/**
 * Identifying columns: the browser and the extracts never carry names, NIK, family-card
 * numbers, addresses or phone numbers of households. Detection is by column name (as Dinas
 * exports and spreadsheets name them) and, for id columns, by NIK-shaped values.
 */
import { PROVINCES } from './provinces';

const PII_NAME_PATTERNS: readonly RegExp[] = [
	/^nik(_.*)?$/,
	/(^|_)nik$/,
	/^(no|nomor)_?(kk|ktp|nik|hp|telp|telepon|wa)$/,
	/^(nkk|kk|ktp|npwp|bpjs_no|no_bpjs)$/,
	/^((no|nomor)_)?(kartu_keluarga|kartu_tanda_penduduk|induk_kependudukan|nomor_induk_kependudukan)$/,
	/^nama(_(kepala|krt|lengkap|art|kk|penerima|pelapor|ibu|ayah|pengadu|anggota|responden|kepala_keluarga|kepala_rumah_tangga))?$/,
	/^(nama_?krt|namakrt|nama_kepala_rt)$/,
	/^(full_?name|first_?name|last_?name|name|person_?name)$/,
	/^alamat(_.*)?$/,
	/^(address|street|jalan|rt_rw|rtrw|dusun_alamat)$/,
	/^(telepon|telp|hp|no_?hp|phone|phone_?number|mobile|whatsapp|wa|email|e_?mail)$/,
	/^(tgl|tanggal)_lahir$/,
	/^(tempat_lahir|date_of_birth|dob|birth_?date)$/
];

/** Normalises a header the way exports vary it: case, spaces, dots and dashes. */
export function normaliseHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s.\-/]+/g, '_')
		.replace(/[^a-z0-9_]/g, '')
		.replace(/_+/g, '_')
		.replace(/^_|_$/g, '');
}

export function isIdentifyingColumn(header: string): boolean {
	const h = normaliseHeader(header);
	return PII_NAME_PATTERNS.some((p) => p.test(h));
}

/**
 * Digits of a NIK or a family-card number (No. KK). nikDigits only ever removes characters, so a
 * value with fewer digits than this is never NIK-shaped: the extract pipeline's SQL pre-filter
 * (scripts/pipeline/sql-checks.ts) sends every cell with this many digits to nikDigits, which decides.
 */
export const NIK_DIGITS = 16;
/** Letters written before a number ("NIK", "KTP: "), with what separates them from it. */
const LETTER_PREFIX = /^[A-Za-z]+[\s:#=_-]*/;
/** What a spreadsheet or a typist puts inside or around the digits: spaces, dots, dashes, quotes. */
const NIK_NOISE = /[\s.\-'"`\u00a0]/g;

/**
 * A value holding a NIK or No. KK: 16 digits once the ways exports disguise them are undone — a
 * letter prefix (`NIK3576…`), spaces, dots or dashes between groups (`3576 0112 0385 0003`), a
 * leading quote that makes a spreadsheet keep it as text (`'3576…`), and the `.0` of a number
 * saved as decimal (`3576….0`). Area codes (`33.28.01.2001`, 10 digits), dates and counts have
 * fewer digits and are left alone.
 */
export function looksLikeNik(value: string): boolean {
	return nikDigits(value) !== null;
}

/** The 16 digits of a NIK-shaped value (looksLikeNik), or null: one NIK however written gets one pseudonym. */
export function nikDigits(value: string): string | null {
	if (value.length < NIK_DIGITS) return null;
	const v = value
		.trim()
		.replace(/\.0+$/, '')
		.replace(/^['"`]+/, '')
		.replace(LETTER_PREFIX, '')
		.replace(NIK_NOISE, '');
	if (v.length === NIK_DIGITS && /^\d+$/.test(v)) return v;
	return embeddedNik(value);
}

/** Between two groups of a NIK's digits: spaces, dots, commas, dashes, underscores, slashes, quotes. */
const GROUP_SEPARATOR = /^[\s.,\-_/'"`\u00a0]$/u;
/**
 * Two-digit prefixes a NIK may start with that are no province's code today, read as a NIK's all the
 * same: a miss lets a NIK through, a false hit only holds back one value. 97 was in the list this
 * check started from (e337264); no Kemendagri province has it.
 */
export const NIK_EXTRA_PREFIXES: readonly number[] = [97];

/** The province codes a NIK starts with (contract/provinces.ts), and the extra prefixes. */
export const NIK_PROVINCES: ReadonlySet<number> = new Set([...PROVINCES.map((p) => Number(p.kode)), ...NIK_EXTRA_PREFIXES]);

/**
 * A NIK inside a value in a form the strict reading misses (QA: all loaded, saved and echoed in the
 * report): wrapped (`="3576…"`, `(3576…)`, `[…]`, `{"v": "…"}`, `#3576…`), with a suffix
 * (`3576…_01`, `RT3576…K1`), grouped by commas, slashes or underscores (`3,576,011,…`,
 * `3576/0112/0385/0003`), with zero-width characters, or in full-width or Arabic-Indic digits.
 * The digits are read as groups (runs of digits) joined by one separator; any run of consecutive
 * groups holding exactly 16 digits is a NIK where its digits have a NIK's shape (a province code,
 * a day of birth of 01–31 or 41–71 for women, a month) or where they are all the digits the value
 * holds. A 17-digit number, a timestamp or an area code with a serial are left alone unless they
 * have that shape.
 */
function embeddedNik(value: string): string | null {
	// Most values are ASCII ids with few digits: counted without normalising (every id of every row comes here).
	let ascii = true;
	let count = 0;
	for (let i = 0; i < value.length && ascii; i++) {
		const c = value.charCodeAt(i);
		if (c >= 0x80) ascii = false;
		else if (c >= 48 && c <= 57) count++;
	}
	if (ascii && count < NIK_DIGITS) return null;
	const v = ascii ? value : asciiDigits(value);
	const allDigits = v.replace(/\D/g, '');
	if (allDigits.length < NIK_DIGITS) return null;
	// Groups of digits, each with whether one separator joins it to the next.
	const groups: { digits: string; joined: boolean }[] = [];
	const re = /\d+/g;
	for (let m = re.exec(v); m; m = re.exec(v)) {
		const end = m.index + m[0].length;
		groups.push({ digits: m[0], joined: end + 1 < v.length && GROUP_SEPARATOR.test(v[end]) && /\d/.test(v[end + 1]) });
	}
	for (let i = 0; i < groups.length; i++) {
		let digits = '';
		for (let j = i; j < groups.length; j++) {
			digits += groups[j].digits;
			if (digits.length === NIK_DIGITS && (digits === allDigits || nikShaped(digits))) return digits;
			if (digits.length >= NIK_DIGITS || !groups[j].joined) break;
		}
	}
	return null;
}

/** Whether 16 digits read as a NIK: province, day of birth (+40 for women) and month in range. */
function nikShaped(d: string): boolean {
	const day = Number(d.slice(6, 8));
	const month = Number(d.slice(8, 10));
	return NIK_PROVINCES.has(Number(d.slice(0, 2))) && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
}

/**
 * The value with every decimal digit written as an ASCII one (full-width and mathematical digits by
 * NFKC, Arabic-Indic and other scripts by their block) and format characters (zero-width space,
 * joiners, direction marks) removed.
 */
function asciiDigits(value: string): string {
	let out = '';
	for (const ch of value.normalize('NFKC')) {
		if (/\p{Cf}/u.test(ch)) continue;
		if (/\p{Nd}/u.test(ch) && !/[0-9]/.test(ch)) {
			// Decimal digits come in blocks of ten: the digit is the distance from its block's zero.
			const cp = ch.codePointAt(0)!;
			let zero = cp;
			while (cp - zero < 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
			out += String(cp - zero);
		} else out += ch;
	}
	return out;
}
