/** Labels of the Data page, Bahasa Indonesia first, English second. */
import type { Lang } from '../i18n/format';

export const DATA_LABELS = {
	title: { id: 'Data: muat ekstrak sendiri', en: 'Data: load your own extract' },
	intro: {
		id: 'Unggah ekspor basis data kasus (CSV per tabel kontrak, koma atau titik koma, UTF-8 atau Windows-1252) atau berkas Parquet. Semua diperiksa di peramban ini; tidak ada yang dikirim ke server. Kolom identitas (nama, NIK, alamat, telepon) dibuang sebelum dimuat.',
		en: 'Upload the case-database export (CSV per contract table, comma or semicolon, UTF-8 or Windows-1252) or Parquet files. Everything is checked in this browser; nothing is sent to a server. Identifying columns (names, NIK, addresses, phones) are dropped before loading.'
	},
	drop: { id: 'Letakkan berkas CSV atau Parquet di sini, atau', en: 'Drop CSV or Parquet files here, or' },
	pick: { id: 'pilih berkas', en: 'choose files' },
	reading: { id: 'Membaca dan memeriksa', en: 'Reading and checking' },
	report: { id: 'Laporan validasi', en: 'Validation report' },
	file: { id: 'Berkas', en: 'File' },
	table: { id: 'Tabel', en: 'Table' },
	format: { id: 'Format', en: 'Format' },
	read: { id: 'Dibaca', en: 'Read' },
	accepted: { id: 'Diterima', en: 'Accepted' },
	rejected: { id: 'Ditolak', en: 'Rejected' },
	notes: { id: 'Catatan', en: 'Notes' },
	row: { id: 'Baris', en: 'Row' },
	column: { id: 'Kolom', en: 'Column' },
	reason: { id: 'Alasan', en: 'Reason' },
	value: { id: 'Nilai', en: 'Value' },
	rejected_rows: { id: 'Baris yang ditolak', en: 'Rejected rows' },
	codes_unchecked: { id: 'Kode desa belum diperiksa terhadap daftar Kemendagri (daftar tidak dapat diambil: luring?). Kode yang tidak ada tidak ditolak.', en: 'Village codes were not checked against the Kemendagri list (the list could not be fetched: offline?). Codes that do not exist are not rejected.' },
	shown_first: { id: 'ditampilkan', en: 'shown' },
	download_report: { id: 'Unduh laporan (CSV)', en: 'Download report (CSV)' },
	load: { id: 'Muat ke dasbor', en: 'Load into the dashboard' },
	loading: { id: 'Memuat ke DuckDB-WASM…', en: 'Loading into DuckDB-WASM…' },
	loaded: { id: 'Dimuat. Semua halaman kini memakai data unggahan untuk', en: 'Loaded. Every page now uses the uploaded data for' },
	save: { id: 'Simpan sebagai ekstrak Parquet + manifest (.tar)', en: 'Save as Parquet extract + manifest (.tar)' },
	saving: { id: 'Menulis Parquet…', en: 'Writing Parquet…' },
	quality: { id: 'Kualitas data', en: 'Data quality' },
	quality_none: { id: 'Pilih satu kabupaten/kota untuk memeriksa kualitas data rinci.', en: 'Choose one district to check the detailed data quality.' },
	completeness: { id: 'Kelengkapan kolom opsional (kolom wajib lengkap karena divalidasi)', en: 'Completeness of optional columns (required columns are complete: they are validated)' },
	completeness_kec: { id: 'Kelengkapan per kecamatan (rumah tangga)', en: 'Completeness per sub-district (households)' },
	households: { id: 'Rumah tangga', en: 'Households' },
	timeliness: { id: 'Ketepatan waktu: hari dari keluhan diterima sampai dicatat', en: 'Timeliness: days from complaint received to entered' },
	per_facilitator: { id: 'Per fasilitator', en: 'Per facilitator' },
	per_puskesos: { id: 'Per Puskesos', en: 'Per Puskesos' },
	complaints: { id: 'Keluhan', en: 'Complaints' },
	median_days: { id: 'Median hari', en: 'Median days' },
	p90_days: { id: 'P90 hari', en: 'P90 days' },
	duplicates: { id: 'Kemungkinan rumah tangga ganda', en: 'Possible duplicate households' },
	duplicates_rule: {
		id: 'Aturan: ID berbeda tetapi desa, desil, jumlah anggota, pengeluaran per kapita, tanggal registrasi, dan penanda lansia/disabilitas/balita/kepala perempuan sama.',
		en: 'Rule: different ids but the same village, decile, household size, expenditure per capita, registration date and elderly/disability/under-five/female-head flags.'
	},
	groups: { id: 'kelompok', en: 'groups' },
	implausible: { id: 'Desa dengan angka keluhan tidak wajar', en: 'Villages with implausible complaint rates' },
	implausible_rule: {
		id: 'Aturan: keluhan per 1.000 rumah tangga; skor-z termodifikasi |0,6745 × (angka − median) / MAD| > {z} (Iglewicz–Hoaglin); hanya desa dengan ≥ {n} rumah tangga. Median {med}, MAD {mad}, {desa} desa diuji.',
		en: 'Rule: complaints per 1,000 households; modified z-score |0.6745 × (rate − median) / MAD| > {z} (Iglewicz–Hoaglin); only villages with ≥ {n} households. Median {med}, MAD {mad}, {desa} villages tested.'
	},
	none_flagged: { id: 'Tidak ada desa yang ditandai.', en: 'No village flagged.' },
	rate: { id: 'Per 1.000 RT', en: 'Per 1,000 households' },
	consistency: { id: 'Konsistensi antar tabel', en: 'Consistency across tables' },
	consistency_rule: {
		id: 'Baris yang masing-masing sah tetapi saling bertentangan; dihitung, tidak ditolak (rumah tangga bisa pindah atau terdaftar ulang). Periksa di basis data kasus.',
		en: 'Rows each valid on their own that contradict each other; counted, not rejected (a household may have moved or been registered again). Check them in the case database.'
	},
	check: { id: 'Pemeriksaan', en: 'Check' },
	rows_found: { id: 'Baris', en: 'Rows' },
	c_keluhan_sebelum_registrasi: { id: 'Keluhan bertanggal sebelum rumah tangganya terdaftar', en: 'Complaints dated before their household was registered' },
	c_keluhan_desa_lain: { id: 'Keluhan di desa/kelurahan lain dari rumah tangganya', en: 'Complaints in another village than their household’s' },
	c_rujukan_rt_lain: { id: 'Rujukan untuk rumah tangga lain dari keluhan asalnya', en: 'Referrals of another household than their complaint’s' },
	c_rujukan_sebelum_keluhan: { id: 'Rujukan terdaftar sebelum keluhan asalnya diterima', en: 'Referrals registered before their complaint was received' },
	dtsen: { id: 'Rumah tangga padan DTSEN', en: 'Households matched to DTSEN' },
	no_rows: { id: 'Tidak ada data', en: 'No data' },
	failed: { id: 'Impor gagal', en: 'Import failed' }
} as const;

export type DataLabel = keyof typeof DATA_LABELS;

export function dl(key: DataLabel, lang: Lang, vars: Record<string, string | number> = {}): string {
	let s: string = DATA_LABELS[key][lang];
	for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
	return s;
}
