/**
 * The per-desa figures as exported from the map: one row of fields per desa, written as CSV
 * (the table) or GeoJSON (the layer, with the real boundaries). Suppression of small counts
 * follows src/lib/export/privacy.ts.
 */
import { toCsv } from '../export/csv';
import { toGeoJson } from '../export/geojson';
import { count, derived, text, type ExportMode, type Field } from '../export/privacy';
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

export function desaFields(d: DesaFigures, hotspotName: (h: HotspotClass | null) => string): Field[] {
	return [
		text(d.kode),
		text(d.nama),
		text(d.kode_kec),
		text(d.nama_kec),
		count(d.rumah_tangga),
		count(d.miskin),
		derived(d.kemiskinan === null ? null : d.kemiskinan * 100, 1, d.rumah_tangga, d.miskin),
		count(d.keluhan),
		derived(d.keluhan_mentah, 1, d.rumah_tangga, d.keluhan),
		derived(d.keluhan_eb, 1, d.rumah_tangga, d.keluhan),
		// The Gi* class describes the neighbourhood, not the desa's own small count: it stays.
		text(hotspotName(d.hotspot)),
		text(moranLabel(d.moran, 'id')),
		count(d.rujukan),
		count(d.rujukan_selesai),
		derived(d.rujukan_share === null ? null : d.rujukan_share * 100, 1, d.rujukan, d.rujukan_selesai),
		derived(d.median_hari, 1, d.rujukan_selesai),
		count(d.rujukan_lewat),
		derived(d.rujukan_lewat_share === null ? null : d.rujukan_lewat_share * 100, 1, d.rujukan, d.rujukan_lewat),
		// A distance between public places gives no household away: never suppressed.
		derived(d.puskesos_km, 2)
	];
}

/** `about`: what the figures are (export-view.ts, exportAbout), a `#` line under the privacy note. */
export function desaCsv(desa: readonly DesaFigures[], hotspotName: (h: HotspotClass | null) => string, mode: ExportMode = 'publik', about?: string): string {
	return toCsv(DESA_EXPORT_HEADER, desa.map((d) => desaFields(d, hotspotName)), mode, about ? [about] : []);
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
	const rows = new Map(desa.map((d) => [d.kode, desaFields(d, hotspotName)]));
	const features = geometry.features.filter((f) => !kecamatan || f.properties.kode_kec === kecamatan).map((f) => ({ geometry: f.geometry, properties: { ...f.properties, kode_desa: f.properties.kode } }));
	return toGeoJson(features, 'kode_desa', DESA_EXPORT_HEADER, rows, mode, about);
}
