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

/** A 16-digit number is shaped like a NIK or a family-card number (No. KK). */
const NIK_SHAPED = /^\d{16}$/;
export function looksLikeNik(value: string): boolean {
	return NIK_SHAPED.test(value.trim());
}
