/**
 * What an area's figures cover when the extract holds only some of its kabupaten/kota: a province
 * (or the whole extract) is the sum of the districts loaded, which must not read as the province's
 * total. Said on the page and in its exports.
 */
import type { Manifest } from '../contract/manifest';
import type { Lang } from '../i18n/format';

export interface Coverage {
	/** the province's name, or null for the whole extract (the country) */
	province: string | null;
	/** the extract's kabupaten/kota in the area, in code order */
	districts: { kode: string; nama: string }[];
	/** how many there are in the area (Kemendagri), when the manifest says */
	total: number | null;
}

/** The coverage of a province or of the whole extract ('') when it is partial or unknown; null for a district, a kecamatan, or a complete area. */
export function areaCoverage(m: Manifest, area: string): Coverage | null {
	const isProvince = area !== '' && !area.includes('.');
	if (area !== '' && !isProvince) return null;
	const inArea = m.areas.filter((a) => area === '' || a.kode_prov === area);
	if (inArea.length === 0) return null;
	const total = area === '' ? (m.kabkota_total?.nasional ?? null) : (m.kabkota_total?.provinsi[area] ?? null);
	if (total !== null && inArea.length >= total) return null;
	return {
		province: isProvince ? inArea[0].nama_prov : null,
		districts: [...inArea].sort((a, b) => a.kode_kab.localeCompare(b.kode_kab)).map((a) => ({ kode: a.kode_kab, nama: a.nama_kab })),
		total
	};
}

/** Names listed before "and N more". */
const LISTED = 5;

/** One sentence: how many of how many, which, and that the figures add up these only. */
export function coverageText(c: Coverage, lang: Lang): string {
	const n = c.districts.length;
	const shown = c.districts.slice(0, LISTED).map((d) => d.nama);
	const more = n - shown.length;
	const where = c.province ?? 'Indonesia';
	if (lang === 'id') {
		const list = more > 0 ? `${shown.join(', ')} dan ${more} lainnya` : shown.join(', ');
		const count = c.total === null ? `${n} kabupaten/kota di ${where}` : `${n} dari ${c.total} kabupaten/kota di ${where}`;
		return `Cakupan ekstrak: ${count} (${list}). Angka wilayah ini hanya menjumlahkan kabupaten/kota tersebut.`;
	}
	const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
	const count = c.total === null ? `${n} districts in ${where}` : `${n} of the ${c.total} districts in ${where}`;
	return `Extract coverage: ${count} (${list}). This area's figures add up these districts only.`;
}
