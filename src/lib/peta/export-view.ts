/**
 * What a Peta download holds: the area, period, complaint filter and service standard of the
 * figures shown (not of the view asked for, while its figures load or when only the opening view's
 * pre-aggregate is there). Its file name and its first lines say so, so a file filtered to one
 * programme never reads as every complaint once it has left the dashboard.
 */
import { KATEGORI_LABEL, PROGRAM_LABEL } from '../i18n/labels';
import { formatPeriodParam, type Period } from '../overview/period';
import { DEFAULT_STANDAR } from './params';
import type { KeluhanFilter } from './sql';

export interface ShownView {
	area: string;
	period: Period;
	filter: KeluhanFilter;
	/** the referral service standard in days (the `lewat_standar` columns) */
	standar: number;
}

/**
 * The file name before its mode and extension (privacy.ts, exportFileName): `prefix_area_period`,
 * then the complaint filter and a standard other than the default, e.g.
 * `peta-desa_33.28_2025-01..2025-06_program-pkh_standar-21hari`.
 */
export function exportBase(prefix: string, v: ShownView): string {
	const parts = [prefix, v.area, formatPeriodParam(v.period)];
	if (v.filter.kategori) parts.push(`kategori-${v.filter.kategori}`);
	if (v.filter.program) parts.push(`program-${v.filter.program}`);
	if (v.standar !== DEFAULT_STANDAR) parts.push(`standar-${v.standar}hari`);
	return parts.join('_');
}

/** One line saying what the figures are, in Indonesian then English (the files are shared by the Dinas). */
export function exportAbout(v: ShownView): string {
	const kategori = v.filter.kategori ? KATEGORI_LABEL[v.filter.kategori] : null;
	const program = v.filter.program ? PROGRAM_LABEL[v.filter.program] : null;
	const period = formatPeriodParam(v.period);
	const id = [
		`Wilayah ${v.area}`,
		`periode ${period}`,
		`keluhan: ${kategori ? `kategori ${kategori.id}` : 'semua kategori'}, ${program ? `program ${program.id}` : 'semua program'}`,
		`standar layanan rujukan ${v.standar} hari`
	];
	const en = [
		`Area ${v.area}`,
		`period ${period}`,
		`complaints: ${kategori ? `category ${kategori.en}` : 'all categories'}, ${program ? `programme ${program.en}` : 'all programmes'}`,
		`referral service standard ${v.standar} days`
	];
	return `${id.join('; ')} / ${en.join('; ')}`;
}

/**
 * What a public picture of the referral shares adds under it: each desa's share is the public CSV's,
 * from counts rounded to a multiple of 5, and a desa has few referrals, so it can be far from the real
 * one (the briefing draws the same map per kecamatan for that reason, laporan/kecamatan-map.ts); the
 * CSV beside it has the counts. Null for any other layer, and for an internal picture of exact figures.
 */
export function roundedSharesNote(lapisan: string, rujukan: string, mode: 'publik' | 'internal'): string | null {
	if (mode !== 'publik' || lapisan !== 'rujukan' || rujukan === 'median') return null;
	return 'Persentase per desa dihitung dari jumlah yang dibulatkan ke kelipatan 5: untuk desa dengan sedikit rujukan bisa meleset puluhan poin; jumlahnya ada di CSV / Village shares are computed from counts rounded to a multiple of 5: for a village with few referrals they can be tens of points off; the CSV has the counts';
}
