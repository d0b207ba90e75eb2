/**
 * Peta's pre-aggregate for a district (src/lib/peta/summary.ts): the answers of the page's own
 * layer queries for the view a visit opens on, run here on the district's database.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { SCHEMA_VERSION } from '../../src/lib/contract/schema';
import { firstDay, lastDay, type Period } from '../../src/lib/overview/period';
import { DEFAULT_STANDAR } from '../../src/lib/peta/params';
import { CENTROIDS_SQL, nearestPuskesosKm, puskesosParams, SITES_SQL, type CentroidRow, type SiteRow } from '../../src/lib/peta/puskesos';
import { ALL_KELUHAN, PETA_SQL, petaParams, type KeluhanRow, type KemiskinanRow, type RujukanRow } from '../../src/lib/peta/sql';
import type { PetaSummary } from '../../src/lib/peta/summary';
import { defaultPeriod } from '../../src/lib/state/view';
import { rows } from './summary';

/** The default view's figures per desa, with the tables of the district in the search path. */
export async function districtPetaSummary(conn: DuckDBConnection, kodeKab: string, window: Period): Promise<PetaSummary> {
	const period = defaultPeriod({ window });
	const standar = DEFAULT_STANDAR;
	const [first, last] = [firstDay(period.start), lastDay(period.end)];
	const kem = await rows<KemiskinanRow>(conn, PETA_SQL.kemiskinan, petaParams('kemiskinan', kodeKab, first, last));
	const kel = new Map((await rows<KeluhanRow>(conn, PETA_SQL.keluhan, petaParams('keluhan', kodeKab, first, last, ALL_KELUHAN))).map((r) => [r.kode, r.keluhan]));
	const ruj = new Map((await rows<RujukanRow>(conn, PETA_SQL.rujukan, petaParams('rujukan', kodeKab, first, last, ALL_KELUHAN, standar))).map((r) => [r.kode, r]));
	const sites = (await rows<SiteRow>(conn, SITES_SQL, puskesosParams(kodeKab, last))).map((s) => ({ id: s.id, nama: s.nama, kode_desa: s.kode_desa, lat: s.lat, lng: s.lng }));
	const centroids = await rows<CentroidRow>(conn, CENTROIDS_SQL, puskesosParams(kodeKab, last).slice(0, 1));
	const km = nearestPuskesosKm(centroids, sites);
	const r = (kode: string) => ruj.get(kode);
	return {
		schema_version: SCHEMA_VERSION,
		kode_kab: kodeKab,
		period,
		standar,
		kode: kem.map((k) => k.kode),
		rumah_tangga: kem.map((k) => k.rumah_tangga),
		miskin: kem.map((k) => k.miskin),
		keluhan: kem.map((k) => kel.get(k.kode) ?? 0),
		rujukan: kem.map((k) => r(k.kode)?.rujukan ?? 0),
		selesai: kem.map((k) => r(k.kode)?.selesai ?? 0),
		median_hari: kem.map((k) => r(k.kode)?.median_hari ?? null),
		lewat: kem.map((k) => r(k.kode)?.lewat ?? 0),
		puskesos_km: kem.map((k) => km.get(k.kode) ?? null),
		sites
	};
}
