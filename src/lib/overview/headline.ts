/**
 * Ringkasan's headline figures. Each is defined once here, twice over: as SQL on the contract's
 * tables (what DuckDB-WASM runs on the extracts) and as arithmetic on the pipeline's small
 * pre-aggregated summary (what the page shows before DuckDB-WASM is ready). A unit test holds
 * the two to the same numbers.
 *
 * Definitions, for an area (code prefix) and a period of whole months:
 * - rumah_tangga: households registered by the end of the period;
 * - rumah_tangga_miskin: of those, households in DTSEN deciles 1–4;
 * - keluhan_diterima: complaints received in the period;
 * - keluhan_selesai: complaints resolved (status selesai) in the period;
 * - rujukan_selesai: referrals completed in the period;
 * - median_hari_rujukan: median days from registration to completion of those referrals;
 * - puskesos: Puskesos open by the end of the period.
 */
import { firstDay, lastDay, monthIndex, monthsOf, type Period } from './period';

export interface Headline {
	rumah_tangga: number;
	rumah_tangga_miskin: number;
	keluhan_diterima: number;
	keluhan_selesai: number;
	rujukan_selesai: number;
	median_hari_rujukan: number | null;
	puskesos: number;
}

export interface TrendPoint {
	bulan: string;
	keluhan_diterima: number;
	keluhan_selesai: number;
	rujukan_selesai: number;
}

/** Code prefix selecting an area's desa: '' for everything loaded, else the code and a dot. */
export function areaPrefix(kode: string): string {
	return kode === '' ? '' : `${kode}.`;
}

/**
 * Parameters: $1 area prefix, $2 first day, $3 last day of the period (a month's last day).
 * Households come from the per-desa monthly aggregate (db/aggregates.ts), each other table is
 * read once with FILTERed counts.
 */
export const HEADLINE_SQL = `
WITH rt AS (
  SELECT sum(n)::BIGINT AS n, sum(miskin)::BIGINT AS miskin FROM rt_desa_bulan
  WHERE starts_with(kode_desa, $1) AND bulan <= $3::DATE
), k AS (
  SELECT count(*) FILTER (WHERE tgl_keluhan BETWEEN $2::DATE AND $3::DATE) AS diterima,
    count(*) FILTER (WHERE status = 'selesai' AND tgl_selesai BETWEEN $2::DATE AND $3::DATE) AS selesai
  FROM keluhan WHERE starts_with(kode_desa, $1)
), r AS (
  SELECT count(*) AS n, median(tgl_selesai - tgl_terdaftar) AS median_hari
  FROM rujukan WHERE starts_with(kode_desa, $1) AND tgl_selesai BETWEEN $2::DATE AND $3::DATE
), p AS (
  SELECT count(*) AS n FROM puskesos WHERE starts_with(kode_desa, $1) AND tgl_buka <= $3::DATE
)
SELECT coalesce(rt.n, 0)::BIGINT AS rumah_tangga, coalesce(rt.miskin, 0)::BIGINT AS rumah_tangga_miskin,
  k.diterima AS keluhan_diterima, k.selesai AS keluhan_selesai,
  r.n AS rujukan_selesai, r.median_hari AS median_hari_rujukan, p.n AS puskesos
FROM rt, k, r, p`;

/** Parameters as HEADLINE_SQL; one row per month of the period that has any activity. */
export const TREND_SQL = `
WITH k AS (
  SELECT strftime(tgl_keluhan, '%Y-%m') AS bulan, count(*) AS n FROM keluhan
  WHERE starts_with(kode_desa, $1) AND tgl_keluhan BETWEEN $2::DATE AND $3::DATE GROUP BY 1
), s AS (
  SELECT strftime(tgl_selesai, '%Y-%m') AS bulan, count(*) AS n FROM keluhan
  WHERE starts_with(kode_desa, $1) AND status = 'selesai' AND tgl_selesai BETWEEN $2::DATE AND $3::DATE GROUP BY 1
), r AS (
  SELECT strftime(tgl_selesai, '%Y-%m') AS bulan, count(*) AS n FROM rujukan
  WHERE starts_with(kode_desa, $1) AND tgl_selesai BETWEEN $2::DATE AND $3::DATE GROUP BY 1
)
SELECT bulan, coalesce(k.n, 0) AS keluhan_diterima, coalesce(s.n, 0) AS keluhan_selesai, coalesce(r.n, 0) AS rujukan_selesai
FROM k FULL OUTER JOIN s USING (bulan) FULL OUTER JOIN r USING (bulan)
ORDER BY bulan`;

export function headlineParams(area: string, period: Period): [string, string, string] {
	return [areaPrefix(area), firstDay(period.start), lastDay(period.end)];
}

/** Fills months without activity so the trend has one point per month of the period. */
export function completeTrend(rows: readonly TrendPoint[], period: Period): TrendPoint[] {
	const byMonth = new Map(rows.map((r) => [r.bulan, r]));
	return monthsOf(period).map((bulan) => byMonth.get(bulan) ?? { bulan, keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0 });
}

/**
 * True when two views show the same figures: every headline field, and every month of the trend.
 * The live figures usually equal the summary's (both exact); the panels then need no redraw.
 */
export function sameFigures(a: { headline: Headline | null; trend: readonly TrendPoint[] }, b: { headline: Headline; trend: readonly TrendPoint[] }): boolean {
	if (!a.headline || a.trend.length !== b.trend.length) return false;
	const fields = Object.keys(b.headline) as (keyof Headline)[];
	if (fields.length !== Object.keys(a.headline).length || fields.some((f) => a.headline![f] !== b.headline[f])) return false;
	return a.trend.every((p, i) => {
		const q = b.trend[i];
		return p.bulan === q.bulan && p.keluhan_diterima === q.keluhan_diterima && p.keluhan_selesai === q.keluhan_selesai && p.rujukan_selesai === q.rujukan_selesai;
	});
}

/* ------------------------------------------------------------------ summary */

/** Pre-aggregated figures of one kecamatan; arrays are indexed by month of the summary window. */
export interface KecamatanSummary {
	/** households registered before the window, and per month of it */
	rt_awal: number;
	rt_bulan: number[];
	miskin_awal: number;
	miskin_bulan: number[];
	puskesos_awal: number;
	puskesos_bulan: number[];
	keluhan_diterima: number[];
	keluhan_selesai: number[];
	rujukan_selesai: number[];
	/** [month index, days to completion, referrals] for completed referrals */
	hari_rujukan: [number, number, number][];
}

export interface DistrictSummary {
	schema_version: string;
	kode_kab: string;
	window: Period;
	kecamatan: Record<string, KecamatanSummary>;
}

/**
 * A province's summary: every kecamatan of its districts added up, so a province's first figures need
 * one small file rather than every district's (overview/rollup.ts). It answers the province as a whole;
 * a district within it is answered from that district's own summary.
 */
export interface ProvinceSummary {
	schema_version: string;
	kode_prov: string;
	window: Period;
	/** the districts added up */
	kabupaten: string[];
	total: KecamatanSummary;
}

export type AreaSummary = DistrictSummary | ProvinceSummary;

/** The parts a summary adds up, by code: a district's kecamatan, or a province as one part. */
export function partsOf(s: AreaSummary): Record<string, KecamatanSummary> {
	return 'kecamatan' in s ? s.kecamatan : { [s.kode_prov]: s.total };
}

export function emptyKecamatanSummary(months: number): KecamatanSummary {
	const zeros = () => new Array<number>(months).fill(0);
	return { rt_awal: 0, rt_bulan: zeros(), miskin_awal: 0, miskin_bulan: zeros(), puskesos_awal: 0, puskesos_bulan: zeros(), keluhan_diterima: zeros(), keluhan_selesai: zeros(), rujukan_selesai: zeros(), hari_rujukan: [] };
}

/** The headline and trend for an area and period, from district (or province) summaries alone. */
export function headlineFromSummaries(summaries: readonly AreaSummary[], area: string, period: Period): { headline: Headline; trend: TrendPoint[] } {
	const h: Headline = { rumah_tangga: 0, rumah_tangga_miskin: 0, keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0, median_hari_rujukan: null, puskesos: 0 };
	const months = monthsOf(period);
	const trend = months.map((bulan) => ({ bulan, keluhan_diterima: 0, keluhan_selesai: 0, rujukan_selesai: 0 }));
	const days = new Map<number, number>();
	const prefix = areaPrefix(area);
	for (const s of summaries) {
		const base = monthIndex(s.window.start);
		const a = monthIndex(period.start) - base;
		const b = monthIndex(period.end) - base;
		for (const [part, k] of Object.entries(partsOf(s))) {
			if (!`${part}.`.startsWith(prefix)) continue;
			h.rumah_tangga += k.rt_awal + sum(k.rt_bulan, 0, b);
			h.rumah_tangga_miskin += k.miskin_awal + sum(k.miskin_bulan, 0, b);
			h.puskesos += k.puskesos_awal + sum(k.puskesos_bulan, 0, b);
			h.keluhan_diterima += sum(k.keluhan_diterima, a, b);
			h.keluhan_selesai += sum(k.keluhan_selesai, a, b);
			h.rujukan_selesai += sum(k.rujukan_selesai, a, b);
			for (let m = Math.max(a, 0); m <= b && m < k.keluhan_diterima.length; m++) {
				const t = trend[m - a];
				t.keluhan_diterima += k.keluhan_diterima[m];
				t.keluhan_selesai += k.keluhan_selesai[m];
				t.rujukan_selesai += k.rujukan_selesai[m];
			}
			for (const [m, d, n] of k.hari_rujukan) if (m >= a && m <= b) days.set(d, (days.get(d) ?? 0) + n);
		}
	}
	h.median_hari_rujukan = medianOfCounts(days);
	return { headline: h, trend };
}

function sum(xs: readonly number[], from: number, to: number): number {
	let s = 0;
	for (let i = Math.max(0, from); i <= to && i < xs.length; i++) s += xs[i];
	return s;
}

/** Median of a multiset given as value → count, averaging the two middle values (as DuckDB does). */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
	let n = 0;
	for (const c of counts.values()) n += c;
	if (n === 0) return null;
	const sorted = [...counts.entries()].sort((x, y) => x[0] - y[0]);
	const at = (rank: number) => {
		let seen = 0;
		for (const [v, c] of sorted) {
			seen += c;
			if (rank < seen) return v;
		}
		return sorted[sorted.length - 1][0];
	};
	return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
