/** The per-desa table's columns and sorting (text columns alphabetically, missing values last). */
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import { fewCases } from './layers';
import { petaText, type PetaMessageKey } from './messages';
import type { DesaFigures } from './shape';

export type SortKey = 'nama' | 'nama_kec' | 'kode' | 'rumah_tangga' | 'kemiskinan' | 'keluhan' | 'keluhan_rate' | 'hotspot' | 'moran' | 'rujukan' | 'rujukan_share' | 'median_hari' | 'rujukan_lewat_share' | 'puskesos_km';

export interface Column {
	key: SortKey;
	/** a shared message, or one of the Peta view's own (messages.ts) when `peta` is set */
	label: MessageKey | PetaMessageKey;
	numeric: boolean;
	peta?: true;
}

export function columnLabel(c: Column, lang: Lang): string {
	return c.peta ? petaText(c.label as PetaMessageKey, lang) : translate(c.label as MessageKey, lang);
}

export const COLUMNS: readonly Column[] = [
	{ key: 'nama', label: 'peta_desa', numeric: false },
	{ key: 'nama_kec', label: 'kecamatan', numeric: false },
	{ key: 'kode', label: 'peta_kode', numeric: false },
	{ key: 'rumah_tangga', label: 'peta_rumah_tangga', numeric: true },
	{ key: 'kemiskinan', label: 'peta_layer_kemiskinan', numeric: true },
	{ key: 'keluhan', label: 'peta_keluhan_count', numeric: true },
	{ key: 'keluhan_rate', label: 'peta_keluhan_rate', numeric: true },
	{ key: 'hotspot', label: 'peta_layer_hotspot', numeric: true },
	{ key: 'moran', label: 'hotspot_moran', numeric: true, peta: true },
	{ key: 'rujukan', label: 'peta_rujukan_count', numeric: true },
	{ key: 'rujukan_share', label: 'peta_layer_rujukan', numeric: true },
	{ key: 'median_hari', label: 'peta_median_hari', numeric: true },
	{ key: 'rujukan_lewat_share', label: 'lewat_share', numeric: true, peta: true },
	{ key: 'puskesos_km', label: 'jarak', numeric: true, peta: true }
];

/** The value a column sorts by; hotspots sort by their Gi* z-score (hottest first when descending). */
export function sortValue(d: DesaFigures, key: SortKey, eb: boolean): string | number | null {
	switch (key) {
		case 'keluhan_rate':
			return eb ? d.keluhan_eb : d.keluhan_mentah;
		case 'hotspot':
			return d.gi_z;
		case 'moran':
			// By the statistic: the strongest positive association (clusters) first when descending.
			return d.moran_i;
		// A referral figure resting on too few cases is not ranked among the others (MIN_REFERRALS): it sorts with the missing.
		case 'rujukan_share':
			return fewCases(d, 'selesai') ? null : d.rujukan_share;
		case 'median_hari':
			return fewCases(d, 'median') ? null : d.median_hari;
		case 'rujukan_lewat_share':
			return fewCases(d, 'lewat') ? null : d.rujukan_lewat_share;
		default:
			return d[key];
	}
}

export function sortDesa(desa: readonly DesaFigures[], key: SortKey, descending: boolean, eb: boolean): DesaFigures[] {
	const dir = descending ? -1 : 1;
	return [...desa].sort((a, b) => {
		const x = sortValue(a, key, eb);
		const y = sortValue(b, key, eb);
		if (x === null || y === null) return x === y ? a.kode.localeCompare(b.kode) : x === null ? 1 : -1;
		const c = typeof x === 'string' ? x.localeCompare(String(y), 'id') : x - (y as number);
		return c === 0 ? a.kode.localeCompare(b.kode) : dir * c;
	});
}
