/** Every label of the interface, Bahasa Indonesia first, English second. */
import type { Lang } from './format';

export const MESSAGES = {
	app_title: { id: 'Dasbor SLRT', en: 'SLRT Dashboard' },
	app_subtitle: { id: 'Sistem Layanan dan Rujukan Terpadu', en: 'Integrated Service and Referral System' },
	nav_ringkasan: { id: 'Ringkasan', en: 'Overview' },
	nav_peta: { id: 'Peta', en: 'Map' },
	nav_indikator: { id: 'Indikator', en: 'Scorecard' },
	nav_bandingkan: { id: 'Bandingkan', en: 'Compare' },
	nav_perencanaan: { id: 'Perencanaan', en: 'Planning' },
	nav_data: { id: 'Data', en: 'Data' },
	area: { id: 'Wilayah', en: 'Area' },
	all_areas: { id: 'Semua wilayah yang dimuat', en: 'All loaded areas' },
	all_kecamatan: { id: 'Semua kecamatan', en: 'All sub-districts' },
	province: { id: 'Provinsi', en: 'Province' },
	district: { id: 'Kabupaten/kota', en: 'District' },
	kecamatan: { id: 'Kecamatan', en: 'Sub-district' },
	period: { id: 'Periode', en: 'Period' },
	language: { id: 'Bahasa', en: 'Language' },
	loading_manifest: { id: 'Membaca manifest ekstrak…', en: 'Reading the extract manifest…' },
	loading_db: { id: 'Menyiapkan DuckDB-WASM…', en: 'Starting DuckDB-WASM…' },
	loading_files: { id: 'Memuat berkas ekstrak', en: 'Loading extract files' },
	source_summary: { id: 'Angka awal dari ringkasan pra-agregat; memuat data rinci…', en: 'First figures from the pre-aggregated summary; loading detailed data…' },
	source_aggregate: { id: 'Dihitung dari agregat per kecamatan (wilayah terlalu besar untuk memuat baris rinci); pilih kabupaten/kota untuk data rinci', en: 'Computed from per-kecamatan aggregates (area too large to load detailed rows); choose a district for detailed data' },
	source_fallback: { id: 'Angka dari ringkasan pra-agregat: data rinci wilayah ini gagal dimuat (lihat pesan di atas)', en: 'Figures from the pre-aggregated summary: the detailed data of this area failed to load (see the message above)' },
	source_live: { id: 'Dihitung langsung oleh DuckDB-WASM dari ekstrak', en: 'Computed live by DuckDB-WASM from the extracts' },
	load_errors: { id: 'Sebagian berkas ekstrak tidak dapat dimuat', en: 'Some extract files could not be loaded' },
	error_checksum: { id: 'berkas rusak (checksum SHA-256 tidak cocok dengan manifest)', en: 'file corrupted (SHA-256 does not match the manifest)' },
	error_fetch: { id: 'berkas tidak dapat diambil', en: 'file could not be fetched' },
	error_decode: { id: 'berkas tidak dapat dibaca', en: 'file could not be read' },
	error_insert: { id: 'berkas tidak sesuai skema', en: 'file does not match the schema' },
	error_manifest: { id: 'manifest bermasalah', en: 'manifest problem' },
	figures_incomplete: { id: 'Angka di bawah tidak mencakup berkas yang gagal dimuat.', en: 'The figures below exclude the files that failed to load.' },
	hl_rumah_tangga: { id: 'Rumah tangga terdaftar', en: 'Registered households' },
	hl_rumah_tangga_note: { id: 'di DTSEN, per akhir periode', en: 'in DTSEN, at the end of the period' },
	hl_miskin: { id: 'Rumah tangga miskin (desil 1–4)', en: 'Poor households (deciles 1–4)' },
	hl_keluhan_diterima: { id: 'Keluhan diterima', en: 'Complaints received' },
	hl_keluhan_selesai: { id: 'Keluhan diselesaikan', en: 'Complaints resolved' },
	hl_rujukan_selesai: { id: 'Rujukan selesai', en: 'Referrals completed' },
	hl_median_hari: { id: 'Median hari sampai rujukan selesai', en: 'Median days to complete a referral' },
	hl_puskesos: { id: 'Puskesos beroperasi', en: 'Puskesos in operation' },
	at_period_end: { id: 'per akhir periode', en: 'at the end of the period' },
	in_period: { id: 'dalam periode', en: 'in the period' },
	of_registered: { id: 'dari rumah tangga terdaftar', en: 'of registered households' },
	of_received: { id: 'dibanding keluhan diterima', en: 'relative to complaints received' },
	days: { id: 'hari', en: 'days' },
	trend_title: { id: 'Tren bulanan keluhan dan rujukan', en: 'Monthly complaints and referrals' },
	not_built_title: { id: 'Tampilan ini sedang dibangun', en: 'This view is being built' },
	extract_date: { id: 'Tanggal ekstrak', en: 'Extract date' },
	demo_notice: { id: 'Data demo sintetis (bukan data kasus nyata), dikalibrasi dengan data BPS dan batas wilayah nyata.', en: 'Synthetic demo data (not real case data), calibrated to real BPS figures and boundaries.' }
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function translate(key: MessageKey, lang: Lang): string {
	return MESSAGES[key][lang];
}
