/** Labels of the Peta view's newer parts, Bahasa Indonesia first (kept here so the shared dictionary stays small). */
import type { Lang } from '../i18n/format';

export const PETA_MESSAGES = {
	hotspot_method: { id: 'Metode hotspot', en: 'Hotspot method' },
	hotspot_gi: { id: 'Getis-Ord Gi*', en: 'Getis-Ord Gi*' },
	hotspot_moran: { id: 'Moran lokal (LISA)', en: "Local Moran's I (LISA)" },
	layer_moran: { id: 'Klaster keluhan (Moran lokal)', en: "Complaint clusters (local Moran's I)" },
	note_moran: {
		id: 'Moran lokal atas laju keluhan yang dihaluskan, ketetanggaan queen, p dari 999 permutasi bersyarat, koreksi FDR Benjamini-Hochberg, α = 5 %',
		en: "Local Moran's I on the smoothed complaint rate, queen contiguity, p from 999 conditional permutations, Benjamini-Hochberg FDR correction, α = 5%"
	},
	moran_hh: { id: 'Tinggi–tinggi', en: 'High–high' },
	moran_lh: { id: 'Rendah–tinggi', en: 'Low–high' },
	moran_hl: { id: 'Tinggi–rendah', en: 'High–low' },
	moran_ll: { id: 'Rendah–rendah', en: 'Low–low' },
	moran_ns: { id: 'Tidak signifikan', en: 'Not significant' },
	rujukan_view: { id: 'Ukuran rujukan', en: 'Referral measure' },
	rujukan_selesai: { id: 'Rujukan selesai', en: 'Referrals completed' },
	rujukan_median: { id: 'Median hari sampai selesai', en: 'Median days to completion' },
	rujukan_lewat: { id: 'Melewati standar layanan', en: 'Past the service standard' },
	standar: { id: 'Standar layanan (hari)', en: 'Service standard (days)' },
	note_rujukan_median: {
		id: 'Median hari dari terdaftar sampai selesai, rujukan terdaftar dalam periode dan selesai sampai akhir periode',
		en: 'Median days from registration to completion, referrals registered in the period and completed by its end'
	},
	note_rujukan_lewat: {
		id: 'Bagian rujukan terdaftar dalam periode yang selesai setelah lebih dari {n} hari, atau masih terbuka lebih dari {n} hari pada akhir periode',
		en: 'Share of referrals registered in the period completed after more than {n} days, or still open more than {n} days at the period end'
	},
	breadcrumb: { id: 'Tingkat wilayah', en: 'Area levels' },
	districts: { id: 'Kabupaten/kota yang tersedia', en: 'Available districts' },
	layer_puskesos: { id: 'Jarak ke Puskesos', en: 'Distance to a Puskesos' },
	note_puskesos: {
		id: 'Jarak garis lurus (km) dari titik tengah desa ke Puskesos terdekat yang buka sampai akhir periode; lingkaran: radius layanan {r} km',
		en: 'Straight-line distance (km) from the village centre to the nearest Puskesos open by the period end; circles: {r} km service radius'
	},
	radius: { id: 'Radius layanan (km)', en: 'Service radius (km)' },
	jarak: { id: 'Jarak ke Puskesos', en: 'Distance to a Puskesos' },
	klas_target: { id: 'Pita target', en: 'Target bands' },
	lewat_count: { id: 'Rujukan lewat standar', en: 'Referrals past the standard' },
	lewat_share: { id: '% lewat standar', en: '% past the standard' },
	few_cases: { id: 'dari {n} rujukan: terlalu sedikit untuk dibandingkan', en: 'from {n} referrals: too few to compare' },
	few_cases_completed: { id: 'dari {n} rujukan selesai: terlalu sedikit untuk dibandingkan', en: 'from {n} completed referrals: too few to compare' },
	few_note: {
		id: '* Berdasar kurang dari {m} rujukan: tidak diwarnai di peta, tidak diurutkan dan tidak diberi peringkat, dikosongkan di ekspor publik.',
		en: '* Resting on fewer than {m} referrals: not coloured on the map, not sorted or ranked, blanked in public exports.'
	}
} as const satisfies Record<string, Record<Lang, string>>;

export type PetaMessageKey = keyof typeof PETA_MESSAGES;

/** A Peta label in the page language; `{n}` placeholders filled from `vars`. */
export function petaText(key: PetaMessageKey, lang: Lang, vars: Record<string, string | number> = {}): string {
	return PETA_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
