/**
 * One SQL query per map layer, each returning one row per desa/kelurahan of the area, desa
 * without households included (they start from `wilayah`), ordered by code. Values go in as
 * parameters; `petaParams` builds them from the area prefix and the period's first and last day.
 *
 * Definitions, for an area and a period of whole months:
 * - kemiskinan: households in DTSEN deciles 1–4 over households registered by the period's end;
 * - keluhan: complaints received in the period, per desa that has any (the others have none); the
 *   rate per 1,000 households registered by the period's end and its Empirical-Bayes smoothing are
 *   computed in shape.ts, with the households of the kemiskinan query (same end, already loaded).
 *   The page answers this query from the district's complaint index (keluhan-index.ts), tested equal
 *   to it for every filter: a programme or category change then runs no query at all;
 * - rujukan: referrals registered in the period, the share of them completed by the period's end
 *   (so a past period's figure does not change with a later extract), and the median days from
 *   registration to completion of those completed; and the share past the service standard of S
 *   days: completed by the period's end after more than S days, or still open at its end (neither
 *   completed nor refused by then) and registered more than S days before it. A referral refused in
 *   time is closed, so it is not past the standard; all referrals of the period are the denominator.
 */
import type { Param } from '../db/query';
import { areaPrefix } from '../overview/headline';
import { DEFAULT_STANDAR } from './params';

export type QueryId = 'kemiskinan' | 'keluhan' | 'rujukan';

export interface KemiskinanRow {
	kode: string;
	nama: string;
	kode_kec: string;
	nama_kec: string;
	rumah_tangga: number;
	miskin: number;
	/** miskin / rumah_tangga; null without households */
	nilai: number | null;
}

/** A desa with complaints in the period; desa without any have no row. */
export interface KeluhanRow {
	kode: string;
	keluhan: number;
}

export interface RujukanRow {
	kode: string;
	rujukan: number;
	selesai: number;
	/** selesai / rujukan; null without referrals */
	nilai: number | null;
	median_hari: number | null;
	/** referrals past the service standard, and their share of `rujukan`; null without referrals */
	lewat: number;
	lewat_share: number | null;
}

/**
 * Households registered by a month's last day, per desa: the denominator of two layers, from the
 * per-desa monthly aggregate (db/aggregates.ts) rather than the household rows.
 */
const HOUSEHOLDS = (last: string) => `
  SELECT kode_desa, sum(n)::BIGINT AS n, sum(miskin)::BIGINT AS miskin
  FROM rt_desa_bulan WHERE starts_with(kode_desa, $1) AND bulan <= ${last}::DATE GROUP BY kode_desa`;

/** Parameters: $1 area prefix, $2 last day. */
const KEMISKINAN_SQL = `
WITH rt AS (${HOUSEHOLDS('$2')})
SELECT w.kode_desa AS kode, w.nama_desa AS nama, w.kode_kec, w.nama_kec,
  coalesce(rt.n, 0)::INTEGER AS rumah_tangga, coalesce(rt.miskin, 0)::INTEGER AS miskin,
  rt.miskin / nullif(rt.n, 0) AS nilai
FROM wilayah w LEFT JOIN rt USING (kode_desa)
WHERE starts_with(w.kode_desa, $1)
ORDER BY kode`;

/** Parameters: $1 area prefix, $2 first day, $3 last day, $4 category and $5 programme ('' = all). */
const KELUHAN_SQL = `
SELECT kode_desa AS kode, count(*)::INTEGER AS keluhan FROM keluhan
WHERE starts_with(kode_desa, $1) AND tgl_keluhan BETWEEN $2::DATE AND $3::DATE
  AND ($4 = '' OR kategori = $4) AND ($5 = '' OR program = $5)
GROUP BY kode_desa
ORDER BY kode`;

/** Parameters: $1 area prefix, $2 first day, $3 last day, $4 service standard in days. */
const RUJUKAN_SQL = `
WITH d AS (
  SELECT kode_desa, tgl_terdaftar, tgl_selesai,
    status = 'selesai' AND tgl_selesai <= $3::DATE AS done,
    coalesce(tgl_ditolak <= $3::DATE, false) AS refused
  FROM rujukan
  WHERE starts_with(kode_desa, $1) AND tgl_terdaftar BETWEEN $2::DATE AND $3::DATE
),
r AS (
  SELECT kode_desa, count(*) AS n,
    count(*) FILTER (WHERE done) AS selesai,
    median(tgl_selesai - tgl_terdaftar) FILTER (WHERE done) AS median_hari,
    count(*) FILTER (WHERE (done AND tgl_selesai - tgl_terdaftar > $4::INTEGER)
      OR (NOT done AND NOT refused AND $3::DATE - tgl_terdaftar > $4::INTEGER)) AS lewat
  FROM d GROUP BY kode_desa
)
SELECT w.kode_desa AS kode, coalesce(r.n, 0)::INTEGER AS rujukan, coalesce(r.selesai, 0)::INTEGER AS selesai,
  r.selesai / nullif(r.n, 0) AS nilai, r.median_hari::DOUBLE AS median_hari,
  coalesce(r.lewat, 0)::INTEGER AS lewat, r.lewat / nullif(r.n, 0) AS lewat_share
FROM wilayah w LEFT JOIN r USING (kode_desa)
WHERE starts_with(w.kode_desa, $1)
ORDER BY kode`;

export const PETA_SQL: Record<QueryId, string> = { kemiskinan: KEMISKINAN_SQL, keluhan: KELUHAN_SQL, rujukan: RUJUKAN_SQL };

/** Which complaints the keluhan layer counts; '' means every category or programme. */
export interface KeluhanFilter {
	kategori: string;
	program: string;
}
export const ALL_KELUHAN: KeluhanFilter = { kategori: '', program: '' };

/**
 * The parameters of a layer's query, for an area code, the period's first and last day, the
 * complaint filter and the referral service standard in days.
 */
export function petaParams(id: QueryId, area: string, firstDay: string, lastDay: string, filter: KeluhanFilter = ALL_KELUHAN, standar = DEFAULT_STANDAR): Param[] {
	const prefix = areaPrefix(area);
	if (id === 'kemiskinan') return [prefix, lastDay];
	return id === 'keluhan' ? [prefix, firstDay, lastDay, filter.kategori, filter.program] : [prefix, firstDay, lastDay, standar];
}
