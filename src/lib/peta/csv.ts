/**
 * The per-desa table as a CSV for Excel in Indonesia (semicolons, decimal commas, UTF-8 BOM),
 * with small counts suppressed: the privacy rule (README) is that counts below 5 households
 * never leave the dashboard. A count of 1–4 is written "<5"; a figure derived from a suppressed
 * count (a share, a rate, a median of a few referrals) is left blank, since it would give the
 * count back (share × households). Zero stays 0: it describes nobody.
 */
import type { HotspotClass } from '../geo/fdr';
import type { DesaFigures } from './shape';

/** Counts from 1 up to this are suppressed. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';

export function isSuppressed(n: number): boolean {
	return n > 0 && n < SUPPRESS_BELOW;
}

export function countCell(n: number): string {
	return isSuppressed(n) ? SUPPRESSED : String(n);
}

/** A derived figure: blank when missing or when any count it rests on is suppressed. */
export function derivedCell(v: number | null, digits: number, ...counts: number[]): string {
	if (v === null || !Number.isFinite(v) || counts.some(isSuppressed)) return '';
	return v.toFixed(digits).replace('.', ',');
}

const HEADER = [
	'kode_desa',
	'nama_desa',
	'kode_kec',
	'nama_kec',
	'rumah_tangga',
	'rumah_tangga_miskin',
	'persen_miskin',
	'keluhan',
	'keluhan_per_1000_rt',
	'keluhan_per_1000_rt_eb',
	'hotspot_gi',
	'rujukan',
	'rujukan_selesai',
	'persen_rujukan_selesai',
	'median_hari_rujukan'
];

function quote(s: string): string {
	return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function desaCsv(desa: readonly DesaFigures[], hotspotName: (h: HotspotClass | null) => string): string {
	const rows = desa.map((d) => [
		d.kode,
		d.nama,
		d.kode_kec,
		d.nama_kec,
		countCell(d.rumah_tangga),
		countCell(d.miskin),
		derivedCell(d.kemiskinan === null ? null : d.kemiskinan * 100, 1, d.rumah_tangga, d.miskin),
		countCell(d.keluhan),
		derivedCell(d.keluhan_mentah, 1, d.rumah_tangga, d.keluhan),
		derivedCell(d.keluhan_eb, 1, d.rumah_tangga, d.keluhan),
		hotspotName(d.hotspot),
		countCell(d.rujukan),
		countCell(d.rujukan_selesai),
		derivedCell(d.rujukan_share === null ? null : d.rujukan_share * 100, 1, d.rujukan, d.rujukan_selesai),
		derivedCell(d.median_hari, 1, d.rujukan_selesai)
	]);
	return '\ufeff' + [HEADER, ...rows].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
}
