/**
 * The planning page's data: one row per desa of a district (centroid, poor households, open
 * complaints, whether it has a Puskesos) and the district's Puskesos sites. Values go in as
 * parameters; the page runs these through src/lib/db/query.ts once the district is live.
 *
 * Definitions, as of the extract (planning looks at today, not at a period):
 * - poor households: households in the register in DTSEN deciles 1–4;
 * - unresolved complaints: complaints whose status is neither `selesai` nor `ditolak`.
 */
import type { Param } from '../db/query';
import { areaPrefix } from '../overview/headline';
import type { DemandPoint, ExistingSite } from './problem';

/** Complaint statuses that close a complaint; every other status is still open. */
export const CLOSED_KELUHAN = ['selesai', 'ditolak'] as const;

export interface DesaRow extends DemandPoint {
	nama: string;
	kode_kec: string;
	nama_kec: string;
	/** Puskesos located in this desa */
	puskesos: number;
}

export interface PuskesosRow extends ExistingSite {
	nama: string;
	kode_desa: string;
}

/** Parameters: $1 area prefix. */
export const DESA_SQL = `
WITH rt AS (
  SELECT kode_desa, sum(miskin) AS miskin FROM rt_desa_bulan
  WHERE starts_with(kode_desa, $1) GROUP BY kode_desa
),
k AS (
  SELECT kode_desa, count(*) AS keluhan FROM keluhan
  WHERE starts_with(kode_desa, $1) AND status NOT IN (${CLOSED_KELUHAN.map((s) => `'${s}'`).join(', ')}) GROUP BY kode_desa
),
p AS (SELECT kode_desa, count(*) AS n FROM puskesos WHERE starts_with(kode_desa, $1) GROUP BY kode_desa)
SELECT w.kode_desa AS kode, w.nama_desa AS nama, w.kode_kec, w.nama_kec, w.lat::DOUBLE AS lat, w.lng::DOUBLE AS lng,
  coalesce(rt.miskin, 0)::INTEGER AS miskin, coalesce(k.keluhan, 0)::INTEGER AS keluhan, coalesce(p.n, 0)::INTEGER AS puskesos
FROM wilayah w LEFT JOIN rt USING (kode_desa) LEFT JOIN k USING (kode_desa) LEFT JOIN p USING (kode_desa)
WHERE starts_with(w.kode_desa, $1)
ORDER BY kode`;

/** Parameters: $1 area prefix. */
export const PUSKESOS_SQL = `
SELECT id_puskesos AS id, nama_puskesos AS nama, kode_desa, lat::DOUBLE AS lat, lng::DOUBLE AS lng
FROM puskesos WHERE starts_with(kode_desa, $1)
ORDER BY id_puskesos`;

export function sitingParams(kodeKab: string): Param[] {
	return [areaPrefix(kodeKab)];
}
