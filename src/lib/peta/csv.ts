/**
 * The per-desa figures as exported from the map: one row of fields per desa, written as CSV
 * (the table) or GeoJSON (the layer, with the real boundaries). Suppression of small counts
 * follows src/lib/export/privacy.ts.
 */
import { toCsv } from '../export/csv';
import { toGeoJson } from '../export/geojson';
import { complementary } from '../export/complementary';
import { count, derived, text, withheldIf, type ExportMode, type Field } from '../export/privacy';
import type { HotspotClass } from '../geo/fdr';
import type { DesaFeatureCollection } from '../map/desa-map';
import { moranLabel } from './moran-layer';
import type { DesaFigures } from './shape';

export const DESA_EXPORT_HEADER = [
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
	'klaster_moran',
	'rujukan',
	'rujukan_selesai',
	'persen_rujukan_selesai',
	'median_hari_rujukan',
	'rujukan_lewat_standar',
	'persen_rujukan_lewat_standar',
	'jarak_puskesos_km'
] as const;

/** The counts of a desa's row, each adding up over a kecamatan's desa to the kecamatan's figure. */
const DESA_COUNTS = ['rumah_tangga', 'miskin', 'keluhan', 'rujukan', 'rujukan_selesai', 'rujukan_lewat'] as const;
type DesaCount = (typeof DESA_COUNTS)[number];

/**
 * Per desa, the counts withheld so that none hidden for being 1–4 can be worked out from its
 * kecamatan's total (published on Indikator) minus the desa shown (export/complementary.ts).
 */
export function desaWithheld(desa: readonly DesaFigures[]): Map<string, Set<DesaCount>> {
	const out = new Map<string, Set<DesaCount>>();
	for (const c of DESA_COUNTS) {
		for (const kode of complementary(desa.map((d) => ({ group: d.kode_kec, key: d.kode, value: d[c] })))) {
			const s = out.get(kode) ?? new Set<DesaCount>();
			s.add(c);
			out.set(kode, s);
		}
	}
	return out;
}

export function desaFields(d: DesaFigures, hotspotName: (h: HotspotClass | null) => string, withheld: ReadonlySet<DesaCount> = new Set()): Field[] {
	const w = (...cs: DesaCount[]) => cs.some((c) => withheld.has(c));
	return [
		text(d.kode),
		text(d.nama),
		text(d.kode_kec),
		text(d.nama_kec),
		withheldIf(count(d.rumah_tangga), w('rumah_tangga')),
		withheldIf(count(d.miskin), w('miskin')),
		withheldIf(derived(d.kemiskinan === null ? null : d.kemiskinan * 100, 1, d.rumah_tangga, d.miskin), w('rumah_tangga', 'miskin')),
		withheldIf(count(d.keluhan), w('keluhan')),
		withheldIf(derived(d.keluhan_mentah, 1, d.rumah_tangga, d.keluhan), w('rumah_tangga', 'keluhan')),
		withheldIf(derived(d.keluhan_eb, 1, d.rumah_tangga, d.keluhan), w('rumah_tangga', 'keluhan')),
		// The Gi* class describes the neighbourhood, not the desa's own small count: it stays.
		text(hotspotName(d.hotspot)),
		text(moranLabel(d.moran, 'id')),
		withheldIf(count(d.rujukan), w('rujukan')),
		withheldIf(count(d.rujukan_selesai), w('rujukan_selesai')),
		withheldIf(derived(d.rujukan_share === null ? null : d.rujukan_share * 100, 1, d.rujukan, d.rujukan_selesai), w('rujukan', 'rujukan_selesai')),
		withheldIf(derived(d.median_hari, 1, d.rujukan_selesai), w('rujukan_selesai')),
		withheldIf(count(d.rujukan_lewat), w('rujukan_lewat')),
		withheldIf(derived(d.rujukan_lewat_share === null ? null : d.rujukan_lewat_share * 100, 1, d.rujukan, d.rujukan_lewat), w('rujukan', 'rujukan_lewat')),
		// A distance between public places gives no household away: never suppressed.
		derived(d.puskesos_km, 2)
	];
}

/** Every desa's fields, with the counts withheld beside the hidden ones. */
function desaRows(desa: readonly DesaFigures[], hotspotName: (h: HotspotClass | null) => string): Map<string, Field[]> {
	const withheld = desaWithheld(desa);
	return new Map(desa.map((d) => [d.kode, desaFields(d, hotspotName, withheld.get(d.kode))]));
}

/** `about`: what the figures are (export-view.ts, exportAbout), a `#` line under the privacy note. */
export function desaCsv(desa: readonly DesaFigures[], hotspotName: (h: HotspotClass | null) => string, mode: ExportMode = 'publik', about?: string): string {
	return toCsv(DESA_EXPORT_HEADER, [...desaRows(desa, hotspotName).values()], mode, about ? [about] : []);
}

/** The layer as shown: every boundary of the district, or of the kecamatan when one is chosen. */
export function desaGeoJson(
	geometry: DesaFeatureCollection,
	desa: readonly DesaFigures[],
	hotspotName: (h: HotspotClass | null) => string,
	mode: ExportMode = 'publik',
	kecamatan: string | null = null,
	about?: string
) {
	const rows = desaRows(desa, hotspotName);
	const features = geometry.features.filter((f) => !kecamatan || f.properties.kode_kec === kecamatan).map((f) => ({ geometry: f.geometry, properties: { ...f.properties, kode_desa: f.properties.kode } }));
	return toGeoJson(features, 'kode_desa', DESA_EXPORT_HEADER, rows, mode, about);
}
