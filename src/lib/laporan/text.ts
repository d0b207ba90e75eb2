/**
 * The briefing's words (Indonesian first, English second) and how it writes figures: counts of
 * 1–4 households as "<5" unless an internal copy was asked for (src/lib/export/privacy.ts).
 */
import { isSuppressed, publicValue, type ExportMode } from '../export/privacy';
import { formatFixed, formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import type { Figure } from '../indicators/scorecard';
import type { IndicatorDef } from '../indicators/types';
import { PUBLIC_SLACK, SERVICE_STANDARD_DAYS, shareRange, type Reason } from './attention';

/** Tables whose rows are families (a household, its complaints, its referrals); Puskesos and facilitators are not. */
const FAMILY_TABLES: ReadonlySet<string> = new Set(['rumah_tangga', 'keluhan', 'rujukan']);

/** Which of a figure's numbers count families (Figure's fields): those a public copy suppresses when 1–4. */
export function familyRoles(def: IndicatorDef): ('pembilang' | 'penyebut' | 'nilai')[] {
	const out: ('pembilang' | 'penyebut' | 'nilai')[] = [];
	if (def.kind === 'ratio') {
		if (FAMILY_TABLES.has(def.numerator.table)) out.push('pembilang');
		if (FAMILY_TABLES.has(def.denominator.table)) out.push('penyebut');
	} else if (def.kind === 'count' && FAMILY_TABLES.has(def.rows.table)) out.push('nilai');
	else if (def.kind === 'median_days' && FAMILY_TABLES.has(def.rows.table)) out.push('penyebut'); // penyebut: how many cases the median is over
	return out;
}

/** The counts of families an indicator's figure rests on: a public briefing blanks the figure when any is 1–4. */
export function familyCounts(def: IndicatorDef, fig: Figure | null | undefined): number[] {
	if (!fig) return [];
	return familyRoles(def).map((r) => fig[r] ?? 0);
}

const WORDS = {
	title: { id: 'Laporan singkat SLRT', en: 'SLRT briefing' },
	print: { id: 'Cetak / simpan PDF', en: 'Print / save as PDF' },
	internal_banner: { id: 'RAHASIA — salinan internal Dinas Sosial tanpa penyamaran jumlah kecil. Jangan dibagikan.', en: 'CONFIDENTIAL — internal Dinas copy without suppression of small counts. Do not share.' },
	trend_suppressed: {
		id: 'Bulan dengan jumlah 1–4 tidak digambar, begitu pula bulan yang ikut disembunyikan agar jumlah itu tidak dapat dihitung dari totalnya (aturan privasi).',
		en: 'A month with a count of 1–4 is not drawn, nor a month withheld so that such a count cannot be worked out from the total (privacy rule).'
	},
	suppression_note: { id: 'Jumlah 1–4 rumah tangga ditulis “<5” dan angka turunannya dikosongkan; jumlah lain dibulatkan acak ke kelipatan 5 dan persentase dihitung dari jumlah yang dibulatkan (aturan privasi).', en: 'Counts of 1–4 households are written “<5” and figures derived from them are left blank; other counts are randomly rounded to a multiple of 5 and shares computed from the rounded counts (privacy rule).' },
	s_headline: { id: '1. Angka utama', en: '1. Headline figures' },
	s_headline_note: {
		id: 'Keluhan diselesaikan: semua yang selesai dalam periode, juga yang diterima sebelumnya; “Tingkat penyelesaian keluhan” di bagian 2 hanya menghitung keluhan yang diterima dalam periode dan selesai sebelum akhirnya, jadi bisa lebih rendah dari diselesaikan ÷ diterima.',
		en: 'Complaints resolved: all resolved in the period, also those received before it; the “complaint resolution rate” in section 2 counts only complaints received in the period and resolved by its end, so it can be lower than resolved ÷ received.'
	},
	s_scorecard: { id: '2. Indikator terhadap target', en: '2. Indicators against targets' },
	s_scorecard_note: {
		id: 'Target ilustratif dari berkas target Dinas; H = mencapai target, K = di bawah target, M = jauh dari target; ▲▼ naik atau turun dibanding periode sebelumnya, "membaik" atau "memburuk" menurut arah indikator (naiknya penyelesaian membaik, naiknya lama hari memburuk).',
		en: 'Illustrative targets from the Dinas targets file; G = met, A = below, R = far from target; ▲▼ up or down against the previous period, "better" or "worse" by the indicator\'s direction (resolution up is better, days up is worse).'
	},
	t_better: { id: 'membaik', en: 'better' },
	t_worse: { id: 'memburuk', en: 'worse' },
	s_composite: { id: 'Skor komposit', en: 'Composite score' },
	s_composite_withheld: {
		id: 'Skor dan peringkat salinan publik ini dihitung tanpa {n} indikator yang tidak dicetak untuk wilayah ini (“<5” atau “x”), sehingga dapat berbeda dari salinan internal.',
		en: 'This public copy’s score and rank leave out {n} indicator(s) not printed for this area (“<5” or “x”), so they can differ from the internal copy’s.'
	},
	s_national_rank: { id: 'peringkat nasional', en: 'national rank' },
	s_rank_of: { id: 'dari', en: 'of' },
	s_kec_rank: { id: 'peringkat di kabupaten/kota', en: 'rank in the district' },
	s_rank_kec: { id: 'kecamatan', en: 'sub-districts' },
	s_rank_before: { id: '12 bulan sebelumnya', en: 'the 12 months before' },
	s_rank_basis: {
		id: 'Peringkat nasional dari skor nasional {score}: angka publik (dibulatkan), seperti di Bandingkan.',
		en: 'The national rank is by the national score {score}: public (rounded) figures, as in Bandingkan.'
	},
	col_indicator: { id: 'Indikator', en: 'Indicator' },
	col_value: { id: 'Nilai', en: 'Value' },
	col_target: { id: 'Target', en: 'Target' },
	col_band: { id: 'Status', en: 'Status' },
	col_trend: { id: 'Tren', en: 'Trend' },
	s_hotspot: { id: '3. Titik panas keluhan', en: '3. Complaint hotspots' },
	s_hotspot_note: { id: 'Getis-Ord Gi* atas laju keluhan per 1.000 rumah tangga (dihaluskan Empirical Bayes), ketetanggaan queen, koreksi Benjamini–Hochberg.', en: 'Getis-Ord Gi* on complaints per 1,000 households (Empirical-Bayes smoothed), queen contiguity, Benjamini–Hochberg correction.' },
	s_hotspot_kec: { id: 'Kelas dihitung atas seluruh desa kabupaten/kota, sehingga tetangga di kecamatan lain ikut diperhitungkan.', en: 'Classes are computed over every village of the district, so neighbours in other sub-districts count too.' },
	s_rujukan: { id: '4. Penyelesaian rujukan', en: '4. Referral completion' },
	s_rujukan_note_public: {
		id: 'Angka publik per kecamatan: persen rujukan yang terdaftar dalam periode dan selesai sebelum akhir periode, dari jumlah yang dibulatkan ke kelipatan 5; kelas kuantil. Per desa jumlahnya terlalu kecil: pembulatan bisa menggeser persennya puluhan poin. Salinan internal memuat peta per desa.',
		en: 'Public figures per sub-district: share of referrals registered in the period and completed by its end, from counts rounded to a multiple of 5; quantile classes. Per village the counts are too small: rounding could move a share by tens of points. The internal copy has the map per village.'
	},
	s_kec_count: { id: 'kecamatan', en: 'sub-districts' },
	s_hotspot_note_public: {
		id: 'Dihitung dari angka publik (jumlah dibulatkan ke kelipatan 5; desa dengan jumlah 1–4 disembunyikan), jadi kelasnya bisa berbeda dari dasbor.',
		en: 'Computed from the public figures (counts rounded to a multiple of 5; villages with counts of 1–4 hidden), so its classes can differ from the dashboard’s.'
	},
	s_rujukan_note: { id: 'Persen rujukan yang terdaftar dalam periode dan selesai sebelum akhir periode; kelas kuantil.', en: 'Share of referrals registered in the period and completed by its end; quantile classes.' },
	s_attention: { id: '5. Sepuluh desa yang paling perlu perhatian', en: '5. The ten villages needing attention most' },
	s_attention_rule: {
		id: `Urutan: jumlah alasan yang berlaku (titik panas keluhan; median penyelesaian rujukan di atas ${SERVICE_STANDARD_DAYS} hari; kurang dari 60\u00a0% rujukan selesai; persen rumah tangga miskin di atas persentil ke-80 kabupaten), lalu jumlah rumah tangga miskin.`,
		en: `Order: number of reasons that apply (complaint hotspot; median referral completion above ${SERVICE_STANDARD_DAYS} days; under 60% of referrals completed; share of poor households above the district's 80th percentile), then the number of poor households.`
	},
	s_attention_counts_public: {
		id: 'Persen yang ditulis sebagai "x dari y" berasal dari jumlah yang terlalu kecil untuk persen publik: jumlah dibulatkan ke kelipatan 5, dan persen dari keduanya bisa meleset puluhan poin.',
		en: 'A share written "x of y" rests on counts too small for a public percentage: the counts are rounded to a multiple of 5, and a share of the two could be tens of points off.'
	},
	of_counts: { id: 'dari', en: 'of' },
	s_attention_none: { id: 'Tidak ada desa yang memenuhi satu pun alasan.', en: 'No village meets any of the reasons.' },
	s_trend: { id: '6. Tren bulanan', en: '6. Monthly trend' },
	s_provenance: { id: '7. Asal data', en: '7. Where the data come from' },
	col_rank: { id: 'No.', en: 'No.' },
	col_desa: { id: 'Desa/kelurahan', en: 'Village' },
	col_kec: { id: 'Kecamatan', en: 'Sub-district' },
	col_miskin: { id: 'RT miskin', en: 'Poor households' },
	col_rujukan: { id: 'Rujukan selesai', en: 'Referrals completed' },
	col_median: { id: 'Median hari', en: 'Median days' },
	col_why: { id: 'Mengapa', en: 'Why' },
	prov_extract: { id: 'Tanggal ekstrak basis data kasus', en: 'Case database extract date' },
	prov_period: { id: 'Periode', en: 'Period' },
	prov_source: { id: 'Sumber data kasus', en: 'Case data source' },
	prov_demo: { id: 'Data demo sintetis dari generator Dasbor SLRT, dikalibrasi dengan persentase penduduk miskin (P0) BPS 2025; bukan data kasus nyata.', en: 'Synthetic demo data from the Dasbor SLRT generator, calibrated to BPS 2025 poverty headcount (P0); not real case data.' },
	prov_upload: { id: 'Ekstrak yang diunggah pengguna di halaman Data pada sesi ini (bukan data demo); tidak disimpan di server.', en: 'An extract the user uploaded on the Data page in this session (not demo data); not stored on any server.' },
	prov_real: { id: 'Ekstrak basis data kasus SLRT (pseudonim).', en: 'SLRT case database extract (pseudonymous).' },
	prov_bps: { id: 'Angka BPS', en: 'BPS figures' },
	prov_bps_text: { id: 'Baris bertanda (BPS) di bagian 2 — P0, P1, P2, garis kemiskinan — adalah angka resmi Badan Pusat Statistik, dan jumlah penduduk (Dukcapil) angka resmi Dukcapil Kemendagri (data/reference/stats); angka lain dihitung dari data kasus.', en: 'Rows marked (BPS) in section 2 — P0, P1, P2, poverty line — are official Statistics Indonesia figures, and the population (Dukcapil) the Ministry of Home Affairs\' civil registry figure (data/reference/stats); all others are computed from the case data.' },
	prov_boundaries: { id: 'Batas wilayah', en: 'Boundaries' },
	prov_made: { id: 'Dibuat', en: 'Produced' },
	page: { id: 'Halaman', en: 'Page' },
	pick_district: { id: 'Laporan dibuat per kabupaten/kota atau per kecamatan: pilih kabupaten/kota di atas.', en: 'A briefing covers one district or one of its sub-districts: choose a district above.' },
	loading: { id: 'Menyiapkan laporan…', en: 'Preparing the briefing…' },
	aggregate: { id: 'Data rinci kabupaten ini tidak dapat dimuat; laporan memerlukan data rinci.', en: 'This district’s detailed data could not be loaded; the briefing needs them.' },
	r_hotspot: { id: 'titik panas keluhan ({level}\u00a0%)', en: 'complaint hotspot ({level}%)' },
	r_lambat: { id: 'median rujukan {days} hari (standar {std})', en: 'median referral {days} days (standard {std})' },
	r_rendah: { id: 'hanya {share} rujukan selesai', en: 'only {share} of referrals completed' },
	r_miskin: { id: '{share} rumah tangga miskin', en: '{share} of households poor' }
} as const;

export type LaporanWord = keyof typeof WORDS;
/** The briefing's words, for checks across every text of the app (i18n/wording.test.ts). */
export { WORDS as LAPORAN_WORDS };

export function w(key: LaporanWord, lang: Lang): string {
	return WORDS[key][lang];
}

function fill(s: string, vars: Record<string, string>): string {
	return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

/**
 * Widest a public share's possible range may be (over every count its rounded ones allow,
 * shareRange) for the share to be printed as a percentage; a wider one is printed as its rounded
 * counts, "15 dari 15", which say how little they rest on (QA: 100 % printed for 11 of 14).
 */
export const PUBLIC_SHARE_SPREAD = 0.2;

/** A share in a public briefing: a percentage where the rounded counts pin it, else the counts themselves. */
export function publicShareText(part: number, whole: number, share: number | null, lang: Lang): string {
	if (share === null) return '–';
	const [lo, hi] = shareRange(part, whole, PUBLIC_SLACK);
	if (hi - lo <= PUBLIC_SHARE_SPREAD) return percentText(share, lang);
	return `${formatNumber(part, lang)} ${WORDS.of_counts[lang]} ${formatNumber(whole, lang)}`;
}

export function percentText(share: number | null, lang: Lang): string {
	return share === null ? '–' : `${formatFixed(share * 100, lang, 1)}${PERCENT_SIGN[lang]}`;
}

export function reasonText(r: Reason, lang: Lang): string {
	switch (r.kind) {
		case 'hotspot':
			return fill(w('r_hotspot', lang), { level: String(r.level) });
		case 'rujukan_lambat':
			return fill(w('r_lambat', lang), { days: formatNumber(r.medianDays, lang, 1), std: String(SERVICE_STANDARD_DAYS) });
		case 'rujukan_rendah':
			return fill(w('r_rendah', lang), { share: percentText(r.share, lang) });
		case 'miskin_tinggi':
			return fill(w('r_miskin', lang), { share: percentText(r.share, lang) });
	}
}

/** A household count of `area` as printed: in a public briefing "<5" for 1–4, others rounded as in every public file (export/rounding.ts). */
export function countText(n: number, mode: ExportMode, lang: Lang, area: string): string {
	if (mode === 'internal') return formatNumber(n, lang);
	const v = publicValue(n, area);
	return typeof v === 'string' ? v : formatNumber(v, lang);
}

/** Whether a figure resting on these counts is hidden in a public copy (any of them 1–4). */
export function hiddenIn(mode: ExportMode, ...restsOn: number[]): boolean {
	return mode === 'publik' && restsOn.some(isSuppressed);
}

/** A share or median resting on counts: blank ("–") in a public briefing when any of them is suppressed. */
export function derivedText(text: string, mode: ExportMode, ...restsOn: number[]): string {
	return hiddenIn(mode, ...restsOn) ? '–' : text;
}
