/**
 * A map layer as GeoJSON: the real boundaries with the layer's values as properties, suppressed
 * the same way as the CSV. The note, and what the figures are (`tentang`, when given), travel as
 * foreign members of the collection.
 */
import { EXPORT_NOTE, fieldValue, type ExportMode, type Field } from './privacy';

export interface ExportFeature {
	type: 'Feature';
	geometry: unknown;
	properties: Record<string, unknown>;
}

/**
 * `rows` gives each feature's fields by its code (property `kodeKey`); features without a row keep
 * their geometry and get nulls, so a map of no-data areas still shows them.
 */
export function toGeoJson(
	features: readonly { geometry: unknown; properties: Record<string, unknown> }[],
	kodeKey: string,
	header: readonly string[],
	rows: ReadonlyMap<string, readonly Field[]>,
	mode: ExportMode,
	about?: string
): { type: 'FeatureCollection'; keterangan: string; tentang?: string; features: ExportFeature[] } {
	return {
		type: 'FeatureCollection',
		keterangan: EXPORT_NOTE[mode],
		...(about ? { tentang: about } : {}),
		features: features.map((f) => {
			const kode = String(f.properties[kodeKey]);
			const row = rows.get(kode);
			const properties: Record<string, unknown> = { [kodeKey]: kode };
			header.forEach((h, i) => {
				if (h !== kodeKey) properties[h] = row ? fieldValue(row[i], mode) : null;
			});
			return { type: 'Feature', geometry: f.geometry, properties };
		})
	};
}
