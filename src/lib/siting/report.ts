/**
 * A scenario as the page and its exports show it: the ranked list (desa, kecamatan, what each
 * site adds, cumulative coverage), the CSV and GeoJSON downloads (small counts suppressed as in
 * every export), the map's catchment circles and desa classes, and a two-scenario comparison.
 */
import { circle } from '@turf/turf';
import { toCsv } from '../export/csv';
import { count, derived, fieldValue, text } from '../export/privacy';
import type { ScenarioResult } from './scenario';
import type { DesaRow, PuskesosRow } from './sql';

export interface RankedRow {
	rank: number;
	kode: string;
	nama: string;
	kode_kec: string;
	nama_kec: string;
	lng: number;
	lat: number;
	miskin: number;
	keluhan: number;
	weight: number;
	/** share of all demand weight covered after this site, existing sites included */
	cumulative: number;
	cumulativeMiskin: number;
}

const share = (a: number, b: number) => (b > 0 ? a / b : 0);

export function rankedRows(r: ScenarioResult, desa: readonly DesaRow[]): RankedRow[] {
	return r.sites.map((s, i) => {
		const d = desa[s.desa];
		return {
			rank: i + 1,
			kode: d.kode,
			nama: d.nama,
			kode_kec: d.kode_kec,
			nama_kec: d.nama_kec,
			lng: d.lng,
			lat: d.lat,
			miskin: s.added.miskin,
			keluhan: s.added.keluhan,
			weight: s.added.weight,
			cumulative: share(s.cumulative.weight, r.total.weight),
			cumulativeMiskin: share(s.cumulative.miskin, r.total.miskin)
		};
	});
}

/** Map classes per desa: 0 beyond every site, 1 reached by an existing Puskesos, 2 reached only by a new site. */
export const COVER_CLASS = { none: 0, existing: 1, fresh: 2 } as const;

export function coverClasses(r: ScenarioResult | null, desa: readonly DesaRow[], radius: number): Map<string, number> {
	const fresh = new Set(r?.newlyCovered ?? []);
	return new Map(
		desa.map((d, i) => [d.kode, fresh.has(i) ? COVER_CLASS.fresh : r && r.nearestExisting[i] <= radius ? COVER_CLASS.existing : COVER_CLASS.none])
	);
}

/** Vertices of a catchment circle: smooth at district zoom, small in the export. */
const CIRCLE_STEPS = 48;

type Feature = { type: 'Feature'; properties: Record<string, string | number | null>; geometry: { type: string; coordinates: unknown } };

/** Proposed sites as points and their catchments as circles; existing Puskesos as points. */
export function scenarioGeoJSON(r: ScenarioResult, desa: readonly DesaRow[], existing: readonly PuskesosRow[]): { type: 'FeatureCollection'; features: Feature[] } {
	const rows = rankedRows(r, desa);
	const radius = r.options.radius;
	const features: Feature[] = [
		...rows.map((s) => ({
			type: 'Feature' as const,
			properties: { jenis: 'jangkauan', peringkat: s.rank, kode_desa: s.kode, radius_km: radius },
			geometry: circle([s.lng, s.lat], radius, { units: 'kilometers', steps: CIRCLE_STEPS }).geometry
		})),
		...rows.map((s) => ({
			type: 'Feature' as const,
			properties: { jenis: 'usulan', peringkat: s.rank, kode_desa: s.kode, nama_desa: s.nama, nama_kec: s.nama_kec, rt_miskin_tambahan: fieldValue(count(s.miskin, catchment(s.kode)), 'publik'), keluhan_terbuka_tambahan: fieldValue(count(s.keluhan, catchment(s.kode)), 'publik') },
			geometry: { type: 'Point', coordinates: [s.lng, s.lat] }
		})),
		...existing.map((p) => ({ type: 'Feature' as const, properties: { jenis: 'puskesos', id_puskesos: p.id, nama_puskesos: p.nama, kode_desa: p.kode_desa }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } }))
	];
	return { type: 'FeatureCollection', features };
}

/** What a site's added counts are rounded as (export/rounding.ts): the households its catchment adds, not its desa's. */
const catchment = (kode: string) => `jangkauan:${kode}`;

const CSV_HEADER = ['peringkat', 'kode_desa', 'nama_desa', 'kode_kec', 'nama_kec', 'lat', 'lng', 'rt_miskin_tambahan', 'keluhan_terbuka_tambahan', 'persen_cakupan_kumulatif', 'persen_rt_miskin_kumulatif'];

/** The ranked list, written like every export (src/lib/export/csv.ts): counts 1–4 as "<5", said in the first line. */
export function scenarioCsv(r: ScenarioResult, desa: readonly DesaRow[]): string {
	const rows = rankedRows(r, desa).map((s, i) => {
		const cum = r.sites[i].cumulative;
		return [
			text(String(s.rank)), text(s.kode), text(s.nama), text(s.kode_kec), text(s.nama_kec), text(String(s.lat)), text(String(s.lng)),
			count(s.miskin, catchment(s.kode)), count(s.keluhan, catchment(s.kode)),
			derived(s.cumulative * 100, 1, cum.miskin, cum.keluhan),
			derived(s.cumulativeMiskin * 100, 1, cum.miskin)
		];
	});
	return toCsv(CSV_HEADER, rows, 'publik');
}

export interface ScenarioSummary {
	covered: number;
	coveredMiskin: number;
	coveredKeluhan: number;
	worst: number;
	sites: string[];
}

export function summarise(r: ScenarioResult, desa: readonly DesaRow[]): ScenarioSummary {
	return {
		covered: share(r.covered.weight, r.total.weight),
		coveredMiskin: share(r.covered.miskin, r.total.miskin),
		coveredKeluhan: share(r.covered.keluhan, r.total.keluhan),
		worst: r.worst,
		sites: r.sites.map((s) => desa[s.desa].kode)
	};
}

/** Sites two scenarios share and those only one of them proposes. */
export function siteOverlap(a: ScenarioSummary, b: ScenarioSummary): { both: string[]; onlyA: string[]; onlyB: string[] } {
	const [sa, sb] = [new Set(a.sites), new Set(b.sites)];
	return { both: a.sites.filter((k) => sb.has(k)), onlyA: a.sites.filter((k) => !sb.has(k)), onlyB: b.sites.filter((k) => !sa.has(k)) };
}
