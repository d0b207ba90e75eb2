/**
 * Identifying columns: the browser and the extracts never carry names, NIK, family-card
 * numbers, addresses or phone numbers of households. Detection is by column name (as Dinas
 * exports and spreadsheets name them) and, for id columns, by NIK-shaped values.
 */

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
	return v.length === NIK_DIGITS && /^\d+$/.test(v) ? v : null;
}
