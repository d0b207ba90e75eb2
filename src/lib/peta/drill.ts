/**
 * Moving between levels on the map: the breadcrumb Provinsi › Kabupaten › Kecamatan › Desa of the
 * area shown (each level a `wilayah` to go to), and the districts a province or "everything"
 * offers, since the desa map draws one district at a time.
 */
import type { Manifest } from '../contract/manifest';
import type { Lang } from '../i18n/format';
import { kecamatanLabel } from '../state/view';

export interface Crumb {
	level: 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';
	label: string;
	/** the `wilayah` this crumb goes to; null for the selected desa (not an area of its own) */
	area: string | null;
	/** the level being looked at */
	current: boolean;
}

/**
 * Breadcrumb of an area ('PP', 'PP.KK' or 'PP.KK.CC') and the selected desa, if any. The desa's
 * kecamatan appears even when the whole district is shown, so one click narrows to it.
 */
export function breadcrumb(m: Manifest, area: string, desa: { kode: string; nama: string; nama_kec: string } | null = null, lang: Lang = 'id'): Crumb[] {
	const kab = m.areas.find((a) => (area.length >= 5 ? a.kode_kab === area.slice(0, 5) : a.kode_prov === area));
	if (!kab) return [];
	const crumbs: Crumb[] = [{ level: 'provinsi', label: kab.nama_prov, area: kab.kode_prov, current: area === kab.kode_prov }];
	if (area.length < 5) return crumbs;
	crumbs.push({ level: 'kabupaten', label: kab.nama_kab, area: kab.kode_kab, current: area === kab.kode_kab && !desa });
	const kodeKec = area.length >= 8 ? area.slice(0, 8) : desa?.kode.slice(0, 8);
	const kec = kab.kecamatan.find((k) => k.kode === kodeKec);
	if (kec) crumbs.push({ level: 'kecamatan', label: kecamatanLabel(kec.nama, lang), area: kec.kode, current: area === kec.kode && !desa });
	if (desa) crumbs.push({ level: 'desa', label: desa.nama, area: null, current: true });
	return crumbs;
}

/** Districts to pick from when the area is a province (or everything): the map needs one. */
export function districtChoices(m: Manifest, area: string): { kode: string; nama: string; desa: number }[] {
	if (area.length >= 5) return [];
	return m.areas
		.filter((a) => area === '' || a.kode_prov === area)
		.map((a) => ({ kode: a.kode_kab, nama: a.nama_kab, desa: a.desa }))
		.sort((a, b) => a.kode.localeCompare(b.kode));
}
