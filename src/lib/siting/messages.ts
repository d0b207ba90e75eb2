/** The planning view's labels, Bahasa Indonesia first (kept here so the shared dictionary stays small). */
import { formatFixed, formatNumber, PERCENT_SIGN, type Lang } from '../i18n/format';
import { DESA_CODE, dotted } from '../state/view';
import type { Objective, Shortfall } from './scenario';

export const SITING_MESSAGES = {
	title: { id: 'Perencanaan Puskesos', en: 'Puskesos planning' },
	period_note: { id: 'Perencanaan memakai keadaan per tanggal ekstrak, bukan periode.', en: 'Planning uses the state at the extract date, not a period.' },
	whole_district: { id: 'Lokasi direncanakan untuk seluruh kabupaten/kota, bukan satu kecamatan.', en: 'Sites are planned for the whole district, not one sub-district.' },
	whole_district_desa: { id: 'Lokasi direncanakan untuk seluruh kabupaten/kota, bukan satu desa.', en: 'Sites are planned for the whole district, not one village.' },
	pick_district: { id: 'Pilih satu kabupaten/kota untuk merencanakan lokasi Puskesos baru.', en: 'Choose one district to plan new Puskesos sites.' },
	aggregate_only: { id: 'Data rinci wilayah ini tidak dimuat; perencanaan memerlukan data per desa.', en: 'Detailed data for this area is not loaded; planning needs per-village data.' },
	loading: { id: 'Memuat desa dan Puskesos…', en: 'Loading villages and Puskesos…' },
	radius: { id: 'Radius layanan (km)', en: 'Service radius (km)' },
	n: { id: 'Puskesos baru', en: 'New Puskesos' },
	objective: { id: 'Tujuan', en: 'Objective' },
	mclp: { id: 'Cakupan maksimal', en: 'Maximal coverage' },
	pcenter: { id: 'Pemerataan (jarak terjauh terkecil)', en: 'Equity (smallest worst distance)' },
	bobot: { id: 'Bobot 1 keluhan terbuka (dalam RT miskin)', en: 'Weight of 1 open complaint (in poor households)' },
	kandidat: { id: 'Kandidat lokasi', en: 'Candidate sites' },
	kandidat_semua: { id: 'Semua desa', en: 'Every village' },
	kandidat_tanpa: { id: 'Desa tanpa Puskesos', en: 'Villages without a Puskesos' },
	daftar: { id: 'Batasi ke daftar kode desa (mis. desa dengan kantor desa)', en: 'Limit to a list of village codes (e.g. villages with a village office)' },
	daftar_pilih: { id: 'Pilih berkas CSV…', en: 'Choose a CSV file…' },
	daftar_hapus: { id: 'Hapus daftar', en: 'Clear list' },
	daftar_ok: { id: 'desa dari daftar', en: 'villages from the list' },
	daftar_format: { id: 'bukan kode desa', en: 'not a village code' },
	daftar_unknown: { id: 'bukan desa di kabupaten/kota ini', en: 'not a village of this district' },
	baris: { id: 'baris', en: 'line' },
	no_candidates: { id: 'Tidak ada desa kandidat dengan pilihan ini.', en: 'No candidate village with these choices.' },
	computing: { id: 'Menghitung', en: 'Computing' },
	today: { id: 'Cakupan saat ini', en: 'Coverage today' },
	after: { id: 'Dengan Puskesos baru', en: 'With the new Puskesos' },
	poor_within: { id: 'RT miskin (desil 1–4) dalam radius', en: 'Poor households (deciles 1–4) within the radius' },
	keluhan_within: { id: 'Keluhan terbuka dalam radius', en: 'Open complaints within the radius' },
	demand_within: { id: 'Permintaan terjangkau', en: 'Demand covered' },
	worst: { id: 'Jarak terjauh RT miskin ke Puskesos', en: 'Worst distance of poor households to a Puskesos' },
	ranked: { id: 'Usulan lokasi, berurutan', en: 'Proposed sites, ranked' },
	col_rank: { id: '#', en: '#' },
	col_desa: { id: 'Desa', en: 'Village' },
	col_kec: { id: 'Kecamatan', en: 'Sub-district' },
	col_added: { id: 'RT miskin tambahan', en: 'Poor households added' },
	col_added_keluhan: { id: 'Keluhan terbuka tambahan', en: 'Open complaints added' },
	col_worst_after: { id: 'Jarak terjauh sesudah', en: 'Worst distance after' },
	curve: { id: 'Kurva cakupan: berapa Puskesos baru masih sepadan?', en: 'Coverage curve: how many new Puskesos still pay off?' },
	curve_pcenter: { id: 'Kurva jarak terjauh: berapa Puskesos baru masih sepadan?', en: 'Worst-distance curve: how many new Puskesos still pay off?' },
	curve_picture_note: {
		id: 'Titik kurva dihitung dari jumlah rumah tangga miskin dan keluhan terbuka yang dibulatkan acak ke kelipatan 5, desa yang jumlahnya 1–4 dihitung sebagai 2; titik yang bertumpu pada jumlah 1–4 tidak digambar (aturan privasi Dasbor SLRT).',
		en: 'The curve’s points are computed from counts of poor households and open complaints randomly rounded to a multiple of 5, a village whose count is 1–4 counted as 2; a point resting on a count of 1–4 is not drawn (Dasbor SLRT privacy rule).'
	},
	map: { id: 'Peta cakupan', en: 'Coverage map' },
	legend_none: { id: 'Di luar radius', en: 'Beyond the radius' },
	legend_existing: { id: 'Terjangkau Puskesos yang ada', en: 'Reached by an existing Puskesos' },
	legend_fresh: { id: 'Baru terjangkau', en: 'Newly reached' },
	legend_site: { id: 'Usulan Puskesos baru (lingkaran: radius)', en: 'Proposed Puskesos (circle: radius)' },
	legend_existing_site: { id: 'Puskesos yang ada', en: 'Existing Puskesos' },
	pin: { id: 'Simpan sebagai skenario A untuk dibandingkan', en: 'Keep as scenario A to compare' },
	unpin: { id: 'Hapus skenario A', en: 'Clear scenario A' },
	compare: { id: 'Perbandingan skenario', en: 'Scenario comparison' },
	scenario_a: { id: 'Skenario A (disimpan)', en: 'Scenario A (kept)' },
	scenario_b: { id: 'Skenario B (saat ini)', en: 'Scenario B (current)' },
	sites_both: { id: 'Lokasi di kedua skenario', en: 'Sites in both' },
	sites: { id: 'Lokasi', en: 'Sites' },
	csv: { id: 'Unduh CSV', en: 'Download CSV' },
	geojson: { id: 'Unduh GeoJSON', en: 'Download GeoJSON' },
	desa_table: { id: 'Jarak setiap desa ke Puskesos terdekat', en: 'Each village’s distance to its nearest Puskesos' },
	col_jarak: { id: 'Jarak ke Puskesos terdekat (km)', en: 'Distance to nearest Puskesos (km)' },
	col_miskin: { id: 'RT miskin', en: 'Poor households' },
	col_keluhan: { id: 'Keluhan terbuka', en: 'Open complaints' },
	note: {
		id: 'Jarak garis lurus (great-circle) antar titik tengah desa, bukan waktu tempuh. RT miskin: desil DTSEN 1–4 per tanggal ekstrak; keluhan terbuka: status bukan selesai/ditolak. Puskesos yang ada tetap.',
		en: 'Straight-line (great-circle) distance between village centroids, not travel time. Poor households: DTSEN deciles 1–4 at the extract date; open complaints: status neither resolved nor rejected. Existing Puskesos stay.'
	},
	exact: { id: 'optimal terbukti di antara kandidat', en: 'proven optimal among the candidates' },
	heuristic: { id: 'heuristik (tidak terbukti optimal)', en: 'heuristic (not proven optimal)' },
	ms: { id: 'dihitung dalam', en: 'computed in' },
	proposed: { id: 'diusulkan', en: 'proposed' },
	none_asked: { id: 'N = 0: hanya cakupan dan jarak saat ini, tanpa Puskesos baru.', en: 'N = 0: today’s coverage and distances only, no new Puskesos.' }
} as const;

export type SitingKey = keyof typeof SITING_MESSAGES;

export function st(key: SitingKey, lang: Lang): string {
	return SITING_MESSAGES[key][lang];
}

/**
 * Why the plan is of the whole district when the area shown is narrower: of the desa the link names (a
 * desa's code shows its kecamatan, state/view.ts), or of the kecamatan chosen; null for a district.
 * `asked`: the link's `wilayah`; `area`: the area shown (readView).
 */
export function wholeDistrictText(asked: string | null, area: string, lang: Lang): string | null {
	if (area.length < KECAMATAN_CODE_LENGTH) return null;
	const code = asked === null ? '' : dotted(asked.trim());
	return st(DESA_CODE.test(code) && code.startsWith(area) ? 'whole_district_desa' : 'whole_district', lang);
}

/** "33.28.07": a kecamatan's code. */
const KECAMATAN_CODE_LENGTH = 8;

/** Why the list holds fewer sites than asked, in a sentence a planner can act on. */
export function shortfallText(s: Shortfall, objective: Objective, lang: Lang): string {
	const { proposed: k, asked } = s;
	const sites = (n: number) => (lang === 'id' ? `${n} lokasi` : `${n} site${n === 1 ? '' : 's'}`);
	const tally = lang === 'id' ? (k === 0 ? `tidak ada usulan (diminta ${asked})` : `diusulkan ${k}, bukan ${asked}`) : k === 0 ? `none is proposed (${asked} asked)` : `${k} proposed, not ${asked}`;
	if (s.reason === 'candidates') return lang === 'id' ? `Hanya ada ${k} desa kandidat: ${tally}.` : `There ${k === 1 ? 'is' : 'are'} only ${k} candidate village${k === 1 ? '' : 's'}: ${tally}.`;
	const gain =
		objective === 'mclp'
			? { id: 'tidak ada lokasi baru yang menambah cakupan', en: 'no new site adds coverage' }
			: { id: 'tidak ada lokasi baru yang memperpendek jarak terjauh atau menambah cakupan', en: 'no new site shortens the worst distance or adds coverage' };
	if (k > 0) return lang === 'id' ? `Setelah ${sites(k)}, ${gain.id}: ${tally}.` : `After ${sites(k)}, ${gain.en}: ${tally}.`;
	if (objective === 'mclp')
		return lang === 'id'
			? `Puskesos yang ada sudah menjangkau semua yang dapat dijangkau dalam radius ini; ${gain.id}: ${tally}.`
			: `The existing Puskesos already reach all that any site could reach within this radius; ${gain.en}: ${tally}.`;
	return lang === 'id' ? `Dengan Puskesos yang ada, ${gain.id}: ${tally}.` : `With the existing Puskesos, ${gain.en}: ${tally}.`;
}

/** What the coverage share counts: poor households, plus open complaints at their weight when it is above 0. */
export function demandText(bobot: number, lang: Lang): string {
	if (!(bobot > 0)) return lang === 'id' ? 'RT miskin' : 'poor households';
	const w = String(bobot).replace('.', lang === 'id' ? ',' : '.');
	return lang === 'id' ? `RT miskin + ${w} × keluhan terbuka` : `poor households + ${w} × open complaints`;
}

/** The ranked list's cumulative column: says, when open complaints are weighed in, that the share is weighted. */
export function cumulativeHeader(bobot: number, lang: Lang): string {
	if (!(bobot > 0)) return lang === 'id' ? 'Cakupan kumulatif (% RT miskin)' : 'Cumulative coverage (% of poor households)';
	return lang === 'id' ? `Cakupan kumulatif berbobot (% dari ${demandText(bobot, lang)})` : `Cumulative weighted coverage (% of ${demandText(bobot, lang)})`;
}

/** The curve's series, its horizontal axis, and what its vertical axis measures. */
export function curveText(objective: Objective, bobot: number, lang: Lang): { best: string; plan: string; x: string; measure: string } {
	const id = lang === 'id';
	const measure =
		objective === 'pcenter'
			? id
				? 'Sumbu tegak: jarak terjauh RT miskin ke Puskesos terdekat (km).'
				: 'Vertical axis: worst distance of poor households to their nearest Puskesos (km).'
			: bobot > 0
				? id
					? `Sumbu tegak: cakupan berbobot, % dari ${demandText(bobot, lang)} yang terjangkau (bukan % RT miskin).`
					: `Vertical axis: weighted coverage, % of ${demandText(bobot, lang)} reached (not % of poor households).`
				: id
					? 'Sumbu tegak: % RT miskin yang terjangkau.'
					: 'Vertical axis: % of poor households reached.';
	return {
		best: id ? 'Rencana terbaik untuk k lokasi (dihitung tersendiri tiap k)' : 'Best plan of k sites (solved anew for each k)',
		plan: id ? 'k lokasi pertama dari daftar ini' : 'First k sites of this list',
		x: id ? 'Puskesos baru (k)' : 'New Puskesos (k)',
		measure
	};
}

/**
 * Said under the list when funding only its first k sites gives less than the best plan of k
 * sites (`gap`, chart.ts planGap): the list is the best plan for all N, ordered by what each adds.
 */
export function planGapText(objective: Objective, n: number, gap: { k: number; plan: number; best: number }, lang: Lang): string {
	const v = (x: number) => (objective === 'pcenter' ? `${formatFixed(x, lang, 1)} km` : `${formatFixed(x, lang, 1)}${PERCENT_SIGN[lang]}`);
	const sites = (k: number) => (lang === 'id' ? `${k} lokasi` : `${k} site${k === 1 ? '' : 's'}`);
	const what = objective === 'pcenter' ? { id: 'jarak terjauh', en: 'the worst distance is' } : { id: 'cakupan', en: 'coverage is' };
	const order =
		objective === 'pcenter'
			? { id: 'diurutkan menurut jarak terjauh sesudah tiap lokasi', en: 'ordered by the worst distance after each site' }
			: { id: 'diurutkan menurut yang ditambah tiap lokasi', en: 'ordered by what each site adds' };
	return lang === 'id'
		? `Daftar ini adalah rencana terbaik untuk ${sites(n)}, ${order.id}. Jika hanya sebagian yang didanai, lokasi teratas belum tentu rencana terbaik untuk jumlah itu: dengan ${sites(gap.k)} pertama ${what.id} ${v(gap.plan)}, sedangkan rencana terbaik ${sites(gap.k)} (lokasi lain) mencapai ${v(gap.best)}. Kurva menunjukkan keduanya.`
		: `This list is the best plan for ${sites(n)}, ${order.en}. If only part is funded, the top sites are not necessarily the best plan of that many: with the first ${sites(gap.k)} ${what.en} ${v(gap.plan)}, while the best plan of ${sites(gap.k)} (other sites) reaches ${v(gap.best)}. The curve shows both.`;
}

/** Said when a typed or linked value is not the one used: the limits, and what is used instead. */
export function clampText(c: { key: 'radius' | 'n' | 'bobot'; asked: string; used: number }, range: { min: number; max: number }, lang: Lang): string {
	const id = lang === 'id';
	const name = { radius: id ? 'Radius layanan' : 'Service radius', n: id ? 'Jumlah Puskesos baru' : 'Number of new Puskesos', bobot: id ? 'Bobot keluhan' : 'Complaint weight' }[c.key];
	const unit = c.key === 'radius' ? ' km' : '';
	const num = (v: number) => `${formatNumber(v, lang, 2)}${unit}`;
	const asked = Number(c.asked.replace(',', '.'));
	const limits = `${num(range.min)}–${num(range.max)}`;
	if (c.asked.trim() === '' || !Number.isFinite(asked)) return id ? `${name} “${c.asked}” bukan angka: dipakai ${num(c.used)}.` : `${name} “${c.asked}” is not a number: ${num(c.used)} is used.`;
	if (asked < range.min || asked > range.max)
		return id ? `${name} ${num(asked)} di luar batas ${limits}: dipakai ${num(c.used)}.` : `${name} ${num(asked)} is outside ${limits}: ${num(c.used)} is used.`;
	return id ? `${name} dihitung dalam bilangan bulat: ${num(asked)} menjadi ${num(c.used)}.` : `${name} is a whole number: ${num(asked)} becomes ${num(c.used)}.`;
}
