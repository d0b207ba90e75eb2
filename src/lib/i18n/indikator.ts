/** Labels of the Indikator and Bandingkan views, Bahasa Indonesia first (kept apart from messages.ts to keep merges easy). */
import { MAX_COMPARE } from '../indicators/bandingkan-params';
import type { Lang } from './format';

export const INDIKATOR_MESSAGES = {
	ind_title: { id: 'Kartu skor indikator', en: 'Indicator scorecard' },
	ind_pick_district: { id: 'Kartu skor menampilkan satu kabupaten/kota: pilih kabupaten/kota (atau kecamatan untuk melihat desa) di atas.', en: 'The scorecard shows one district: choose a district (or a sub-district to see its villages) above.' },
	ind_loading: { id: 'Menghitung indikator…', en: 'Computing indicators…' },
	ind_aggregate: { id: 'Wilayah ini hanya tersedia sebagai agregat; kartu skor memerlukan data rinci.', en: 'This area is only available as aggregates; the scorecard needs detailed data.' },
	ind_config_error: { id: 'Katalog indikator atau berkas target tidak sah', en: 'The indicator catalogue or the targets file is invalid' },
	ind_indicator: { id: 'Indikator', en: 'Indicator' },
	ind_trend: { id: 'Tren per triwulan', en: 'Quarterly trend' },
	ind_composite: { id: 'Skor komposit (0–100)', en: 'Composite score (0–100)' },
	ind_rank: { id: 'Peringkat', en: 'Rank' },
	ind_rank_of: { id: 'dari', en: 'of' },
	ind_coverage: { id: 'bobot terisi', en: 'weight covered' },
	ind_national_rank: { id: 'Peringkat nasional', en: 'National rank' },
	ind_rank_before: { id: '12 bulan sebelumnya', en: 'the 12 months before' },
	ind_rank_basis: {
		id: 'Peringkat ini dari skor nasional {score}: angka publik (dibulatkan), sama seperti di Bandingkan.',
		en: 'This rank is by the national score {score}: public (rounded) figures, as in Bandingkan.'
	},
	ind_drill: { id: 'Lihat desa', en: 'Show villages' },
	ind_back: { id: 'Kembali ke semua kecamatan', en: 'Back to all sub-districts' },
	ind_legend: { id: 'Keterangan warna', en: 'Colour key' },
	ind_rag_hijau: { id: 'H · mencapai target', en: 'G · target met' },
	ind_rag_kuning: { id: 'K · di bawah target', en: 'A · below target' },
	ind_rag_merah: { id: 'M · jauh dari target', en: 'R · far from target' },
	ind_rag_none: { id: 'tanpa target / tanpa data', en: 'no target / no data' },
	ind_trend_note: {
		id: '▲▼ dibanding periode sebelumnya (hijau = membaik, merah = memburuk); tanpa panah pada indikator status rumah tangga, yang hanya tercatat per tanggal ekstrak, dan fasilitator, yang daftarnya tanpa tanggal',
		en: '▲▼ against the previous period (green = better, red = worse); none on the household-status indicators, recorded as of the extract date only, nor on facilitators, whose roster has no dates'
	},
	ind_no_previous: { id: 'Periode sebelumnya di luar data: tanpa panah tren.', en: 'The previous period is outside the data: no trend arrows.' },
	ind_click_hint: { id: 'Klik sel untuk melihat cara menghitungnya.', en: 'Click a cell to see how it was computed.' },
	ind_explain: { id: 'Cara menghitung', en: 'How it is computed' },
	ind_value: { id: 'Nilai', en: 'Value' },
	ind_numerator: { id: 'Pembilang', en: 'Numerator' },
	ind_denominator: { id: 'Penyebut', en: 'Denominator' },
	ind_count: { id: 'Jumlah', en: 'Count' },
	ind_median_over: { id: 'Median dari', en: 'Median over' },
	ind_rows: { id: 'kasus', en: 'cases' },
	ind_target: { id: 'Target', en: 'Target' },
	ind_red_edge: { id: 'Batas merah', en: 'Red edge' },
	ind_previous: { id: 'Periode sebelumnya', en: 'Previous period' },
	ind_source: { id: 'Sumber', en: 'Source' },
	ind_direction_higher: { id: 'lebih tinggi lebih baik', en: 'higher is better' },
	ind_direction_lower: { id: 'lebih rendah lebih baik', en: 'lower is better' },
	ind_weight: { id: 'Bobot', en: 'Weight' },
	ind_close: { id: 'Tutup', en: 'Close' },
	ind_not_at_level: { id: 'Tidak tersedia pada tingkat ini', en: 'Not available at this level' },
	ind_bps_context: { id: 'Angka BPS (nyata), hanya untuk kabupaten/kota', en: 'BPS figure (real), for districts only' },
	ind_period_lbl: { id: 'Periode', en: 'Period' },
	fungsi_integrasi: { id: 'Integrasi layanan', en: 'Service integration' },
	fungsi_keluhan: { id: 'Keluhan dan rujukan', en: 'Complaints and referrals' },
	fungsi_kepesertaan: { id: 'Kepesertaan program', en: 'Programme membership' },
	fungsi_pemutakhiran: { id: 'Pemutakhiran data', en: 'Data updating' },
	fungsi_konteks: { id: 'Konteks (BPS, nyata)', en: 'Context (BPS, real)' }
} as const satisfies Record<string, Record<Lang, string>>;

export type IndikatorKey = keyof typeof INDIKATOR_MESSAGES;

export function ti(key: IndikatorKey, lang: Lang): string {
	return INDIKATOR_MESSAGES[key][lang];
}

export const BANDINGKAN_MESSAGES = {
	bd_title: { id: 'Perbandingan nasional kabupaten/kota', en: 'National comparison of districts' },
	bd_loading: { id: 'Memuat data nasional…', en: 'Loading national data…' },
	bd_real_synthetic: {
		id: 'Angka BPS (P0, P1, P2, garis kemiskinan) dan jumlah penduduk Dukcapil adalah data nyata. Indikator SLRT nyata hanya untuk kabupaten pilot (dihitung dari basis data kasus demo); untuk kabupaten/kota lain indikator SLRT adalah agregat sintetis, dibangkitkan secara deterministik dari P0 dan jumlah penduduknya yang nyata — ilustrasi metode, bukan perkiraan kinerja.',
		en: 'BPS figures (P0, P1, P2, poverty line) and Dukcapil population are real. SLRT indicators come from case data only for the pilot districts (the demo case database); for every other district they are synthetic aggregates, generated deterministically from its real P0 and population — an illustration of the method, not an estimate of performance.'
	},
	bd_pilot: { id: 'pilot', en: 'pilot' },
	bd_synthetic: { id: 'sintetis', en: 'synthetic' },
	bd_pilot_long: { id: 'Indikator dari data kasus (pilot)', en: 'Indicators from case data (pilot)' },
	bd_synthetic_long: { id: 'Indikator sintetis', en: 'Synthetic indicators' },
	bd_province: { id: 'Provinsi', en: 'Province' },
	bd_all_provinces: { id: 'Semua provinsi', en: 'All provinces' },
	bd_rank: { id: 'Peringkat', en: 'Rank' },
	bd_name: { id: 'Kabupaten/kota', en: 'District' },
	bd_score: { id: 'Skor', en: 'Score' },
	bd_change: { id: 'Perubahan skor', en: 'Score change' },
	bd_change_note: {
		id: 'Skor komposit dikurangi skor periode sebelumnya (12 bulan sebelumnya, dengan target periode itu), dalam poin; indikator status rumah tangga, yang hanya tercatat per tanggal ekstrak, dihitung dengan nilai sekarang di kedua periode',
		en: 'The composite score minus the period before’s (the 12 months before, with that period’s targets), in points; the household-status indicators, recorded as of the extract date only, count at their current value in both'
	},
	bd_before: { id: 'Periode sebelumnya', en: 'Period before' },
	bd_source: { id: 'Sumber indikator', en: 'Indicator source' },
	bd_p0: { id: 'P0 BPS', en: 'BPS P0' },
	bd_p0_trend: { id: 'P0 BPS (tren)', en: 'BPS P0 (trend)' },
	bd_csv: { id: 'Unduh CSV', en: 'Download CSV' },
	bd_export_note: { id: 'Peta nasional berisi angka tingkat kabupaten/kota (persen, laju), bukan jumlah keluarga: tidak ada yang perlu disamarkan.', en: 'The national map holds district-level figures (shares, rates), not counts of families: nothing needs suppressing.' },
	bd_rows: { id: 'kabupaten/kota ditampilkan', en: 'districts shown' },
	bd_compare: { id: 'Bandingkan', en: 'Compare' },
	bd_compare_title: { id: 'Perbandingan berdampingan', en: 'Side-by-side comparison' },
	bd_compare_hint: { id: 'Centang 2–4 kabupaten/kota di tabel (atau klik di peta) untuk membandingkannya; satu kabupaten/kota dibandingkan dengan median provinsi dan nasional.', en: 'Tick 2–4 districts in the table (or click them on the map) to compare them; one district is compared with its province and national median.' },
	bd_compare_full: {
		id: `Paling banyak ${MAX_COMPARE} kabupaten/kota dapat dibandingkan sekaligus. Hapus centang salah satu dulu untuk menambah yang lain.`,
		en: `At most ${MAX_COMPARE} districts can be compared at once. Untick one first to add another.`
	},
	bd_close: { id: 'Tutup', en: 'Close' },
	bd_prov_from_area: { id: 'sesuai wilayah yang dipilih di halaman lain', en: 'as the area chosen on the other pages' },
	bd_median_prov: { id: 'Median provinsi', en: 'Province median' },
	bd_median_nat: { id: 'Median nasional', en: 'National median' },
	bd_clear: { id: 'Hapus pilihan', en: 'Clear selection' },
	bd_map: { id: 'Peta nasional', en: 'National map' },
	bd_map_indicator: { id: 'Indikator di peta', en: 'Indicator on the map' },
	bd_map_classing: { id: 'Pewarnaan', en: 'Colouring' },
	bd_map_rag: { id: 'Pita RAG terhadap target', en: 'RAG bands against the target' },
	bd_map_quantile: { id: 'Kuantil (5 kelas)', en: 'Quantiles (5 classes)' },
	bd_map_change_bands: { id: 'Pita perubahan (naik/turun)', en: 'Change bands (up/down)' },
	bd_change_0: { id: 'turun > 2 poin', en: 'down > 2 points' },
	bd_change_1: { id: 'turun 0,5–2 poin', en: 'down 0.5–2 points' },
	bd_change_2: { id: 'tetap (±0,5 poin)', en: 'the same (±0.5 points)' },
	bd_change_3: { id: 'naik 0,5–2 poin', en: 'up 0.5–2 points' },
	bd_change_4: { id: 'naik > 2 poin', en: 'up > 2 points' },
	bd_map_no_rag: { id: 'Indikator ini tidak punya target, jadi tidak punya pita RAG: diwarnai per kuantil', en: 'This indicator has no target, so no RAG bands: coloured in quantiles' },
	bd_no_data: { id: 'Tanpa data', en: 'No data' },
	/** after a count of districts ("3 kab/kota", "3 districts"); English has a singular (bd_kabkota_one) */
	bd_kabkota_count: { id: 'kab/kota', en: 'districts' },
	bd_kabkota_one: { id: 'kab/kota', en: 'district' },
	bd_period: { id: 'Periode indikator SLRT', en: 'SLRT indicator period' },
	bd_compared_with: { id: 'dibanding', en: 'compared with' },
	bd_table: { id: 'Tabel peringkat', en: 'League table' },
	bd_map_unavailable: {
		id: 'Batas kabupaten/kota untuk peta ini tidak dapat dimuat: perangkat luring dan peta nasional belum pernah tersimpan di sini. Tabel di bawah tetap lengkap; buka halaman ini sekali saat daring agar petanya tersimpan.',
		en: 'The district boundaries for this map could not be loaded: the device is offline and the national map was never kept here. The table below is complete; open this page once online to keep the map.'
	}
} as const satisfies Record<string, Record<Lang, string>>;

export type BandingkanKey = keyof typeof BANDINGKAN_MESSAGES;

export function tb(key: BandingkanKey, lang: Lang): string {
	return BANDINGKAN_MESSAGES[key][lang];
}
