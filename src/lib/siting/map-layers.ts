/**
 * What the planning map draws above the desa: catchment circles of the proposed sites, the
 * existing Puskesos and the proposed sites as points (catchments as outlines, see sitingLayers). One GeoJSON source, layers filtered by a
 * `jenis` property, so a new answer only replaces the data. Desa themselves are coloured by
 * cover class through the shared desa map (feature-state).
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { ScenarioResult } from './scenario';
import { scenarioGeoJSON } from './report';
import type { DesaRow, PuskesosRow } from './sql';

export const SITING_SOURCE = 'perencanaan';

/** Desa colours by cover class (report.ts COVER_CLASS): beyond every site, existing, new. */
export const COVER_PALETTE = ['#d9dee4', '#9cc3df', '#f2a541'] as const;
export const SITE_COLORS = { existing: '#12324f', proposed: '#c2410c', catchment: '#c2410c' } as const;

/**
 * Catchments are drawn as outlines only: a tinted fill over a desa reached by an existing Puskesos
 * turned its blue grey-pink, read as the "beyond the radius" grey (QA). The desa's own colour is
 * its class; the dashed ring says which site's radius it lies in.
 */
export function sitingLayers(): LayerSpecification[] {
	return [
		{ id: 'jangkauan-garis', type: 'line', source: SITING_SOURCE, filter: ['==', ['get', 'jenis'], 'jangkauan'], paint: { 'line-color': SITE_COLORS.catchment, 'line-width': 1.5, 'line-dasharray': [2, 1] } },
		{ id: 'puskesos-titik', type: 'circle', source: SITING_SOURCE, filter: ['==', ['get', 'jenis'], 'puskesos'], paint: { 'circle-radius': 4, 'circle-color': SITE_COLORS.existing, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } },
		{ id: 'usulan-titik', type: 'circle', source: SITING_SOURCE, filter: ['==', ['get', 'jenis'], 'usulan'], paint: { 'circle-radius': 7, 'circle-color': SITE_COLORS.proposed, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } }
	];
}

/** The overlay's data: today's Puskesos always, the answer's sites and catchments when there is one. */
export function sitingOverlay(r: ScenarioResult | null, desa: readonly DesaRow[], existing: readonly PuskesosRow[]) {
	if (r) return scenarioGeoJSON(r, desa, existing);
	return { type: 'FeatureCollection' as const, features: existing.map((p) => ({ type: 'Feature' as const, properties: { jenis: 'puskesos', id_puskesos: p.id }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })) };
}
