/**
 * The Puskesos layer: sites open by the period's end as points, their catchment circles, and each
 * desa's great-circle distance (from its `wilayah` centroid) to the nearest of them. Distances
 * reuse the planning view's distance source (siting/distance.ts), so both views agree.
 */
import { circle } from '@turf/turf';
import type { LayerSpecification } from 'maplibre-gl';
import type { Param } from '../db/query';
import { areaPrefix } from '../overview/headline';
import { GreatCircleSource } from '../siting/distance';

export const PUSKESOS_OVERLAY = 'peta-puskesos';
/** Vertices of a catchment circle: smooth at district zoom, small to draw. */
const CIRCLE_STEPS = 48;
const SITE_COLOR = '#12324f';

export interface SiteRow {
	id: string;
	nama: string;
	kode_desa: string;
	lat: number;
	lng: number;
}

export interface CentroidRow {
	kode: string;
	lat: number;
	lng: number;
}

/** Parameters: $1 area prefix, $2 the period's last day. A site counts once it has opened by then. */
export const SITES_SQL = `
SELECT id_puskesos AS id, nama_puskesos AS nama, kode_desa, lat::DOUBLE AS lat, lng::DOUBLE AS lng
FROM puskesos WHERE starts_with(kode_desa, $1) AND tgl_buka <= $2::DATE
ORDER BY id_puskesos`;

/** Parameters: $1 area prefix. */
export const CENTROIDS_SQL = `
SELECT kode_desa AS kode, lat::DOUBLE AS lat, lng::DOUBLE AS lng FROM wilayah
WHERE starts_with(kode_desa, $1) ORDER BY kode_desa`;

export function puskesosParams(area: string, lastDay: string): Param[] {
	return [areaPrefix(area), lastDay];
}

/** Each desa's km to its nearest site; null when the district has no site open. */
export function nearestPuskesosKm(desa: readonly CentroidRow[], sites: readonly SiteRow[]): Map<string, number | null> {
	const source = new GreatCircleSource({ lng: desa.map((d) => d.lng), lat: desa.map((d) => d.lat) }, { lng: sites.map((s) => s.lng), lat: sites.map((s) => s.lat) });
	const km = source.nearest(sites.map((_, i) => i));
	return new Map(desa.map((d, i) => [d.kode, Number.isFinite(km[i]) ? km[i] : null]));
}

/** Points and catchment circles (radius in km) as one GeoJSON, told apart by `jenis`. */
export function puskesosOverlay(sites: readonly SiteRow[], radiusKm: number) {
	return {
		type: 'FeatureCollection' as const,
		features: [
			...sites.map((s) => ({ ...circle([s.lng, s.lat], radiusKm, { steps: CIRCLE_STEPS, units: 'kilometers' }), properties: { jenis: 'jangkauan', id: s.id } })),
			...sites.map((s) => ({ type: 'Feature' as const, properties: { jenis: 'puskesos', id: s.id, nama: s.nama }, geometry: { type: 'Point' as const, coordinates: [s.lng, s.lat] } }))
		]
	};
}

export const EMPTY_OVERLAY = { type: 'FeatureCollection' as const, features: [] };

export function puskesosLayers(): LayerSpecification[] {
	return [
		{ id: 'peta-jangkauan-garis', type: 'line', source: PUSKESOS_OVERLAY, filter: ['==', ['get', 'jenis'], 'jangkauan'], paint: { 'line-color': SITE_COLOR, 'line-width': 1.2, 'line-dasharray': [2, 1] } },
		{ id: 'peta-puskesos-titik', type: 'circle', source: PUSKESOS_OVERLAY, filter: ['==', ['get', 'jenis'], 'puskesos'], paint: { 'circle-radius': 5, 'circle-color': SITE_COLOR, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } }
	];
}
