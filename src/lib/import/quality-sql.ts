/**
 * The data-quality panel's SQL over the contract views (whatever is loaded: extracts or an
 * upload), for one area given as a Kemendagri code prefix ('' = everything). Pure builders; the
 * rules a user reads on screen are the constants below.
 */
import { TABLES, type TableName } from '../contract/schema';
import { quoteIdent } from '../db/quote';

/** Iglewicz–Hoaglin: |0.6745 (x − median) / MAD| above this marks a desa's rate as implausible. */
export const MODIFIED_Z_LIMIT = 3.5;
/** 0.6745 makes the MAD comparable to a standard deviation for normally distributed rates. */
const MAD_SCALE = 0.6745;
/** Desa with fewer households are left out of the outlier test: their rates swing by chance. */
export const MIN_HOUSEHOLDS_FOR_RATE = 30;
/** Rows shown in the per-facilitator, per-Puskesos and duplicate lists. */
export const LIST_LIMIT = 20;

/** Columns whose completeness is informative: required ones are complete by validation. */
export function optionalColumns(table: TableName): string[] {
	return TABLES[table].columns.filter((c) => !c.required).map((c) => c.name);
}

const areaFilter = (col = 'kode_desa') => `starts_with(${quoteIdent(col)}, ?)`;

/** One row: `baris` (rows) and, per optional column, how many rows fill it. */
export function completenessSql(table: 'rumah_tangga' | 'keluhan' | 'rujukan'): string {
	const cols = optionalColumns(table).map((c) => `count(${quoteIdent(c)})::INTEGER AS ${quoteIdent(c)}`);
	return `SELECT count(*)::INTEGER AS baris, ${cols.join(', ')} FROM ${quoteIdent(table)} WHERE ${areaFilter()}`;
}

/** Per kecamatan: households, and how many fill each optional household column. */
export function completenessByKecamatanSql(): string {
	const cols = optionalColumns('rumah_tangga').map((c) => `count(${quoteIdent(c)})::INTEGER AS ${quoteIdent(c)}`);
	return `SELECT substr(r.kode_desa, 1, 8) AS kode_kec, any_value(w.nama_kec) AS nama_kec, count(*)::INTEGER AS baris, ${cols.join(', ')}
		FROM rumah_tangga r LEFT JOIN wilayah w USING (kode_desa)
		WHERE ${areaFilter('kode_desa')} GROUP BY 1 ORDER BY 1`;
}

/** Days from a complaint's receipt to its entry in the system, per facilitator. */
export const TIMELINESS_FASILITATOR_SQL = `
	SELECT coalesce(id_fasilitator, '—') AS kelompok, count(*)::INTEGER AS keluhan,
	       median(date_diff('day', tgl_keluhan, tgl_input))::DOUBLE AS median_hari,
	       quantile_cont(date_diff('day', tgl_keluhan, tgl_input), 0.9)::DOUBLE AS p90_hari
	FROM keluhan WHERE ${areaFilter()} GROUP BY 1 ORDER BY median_hari DESC, keluhan DESC, kelompok LIMIT ${LIST_LIMIT}`;

/** The same per Puskesos (through the handling facilitator's post). */
export const TIMELINESS_PUSKESOS_SQL = `
	SELECT coalesce(p.nama_puskesos, f.id_puskesos, '—') AS kelompok, count(*)::INTEGER AS keluhan,
	       median(date_diff('day', k.tgl_keluhan, k.tgl_input))::DOUBLE AS median_hari,
	       quantile_cont(date_diff('day', k.tgl_keluhan, k.tgl_input), 0.9)::DOUBLE AS p90_hari
	FROM keluhan k LEFT JOIN fasilitator f USING (id_fasilitator) LEFT JOIN puskesos p ON p.id_puskesos = f.id_puskesos
	WHERE starts_with(k.kode_desa, ?) GROUP BY 1 ORDER BY median_hari DESC, keluhan DESC, kelompok LIMIT ${LIST_LIMIT}`;

/** Attributes that, all equal under different ids, suggest one household registered twice. */
export const DUPLICATE_KEYS = ['kode_desa', 'desil', 'jumlah_art', 'pengeluaran_kapita', 'tgl_registrasi', 'ada_lansia', 'ada_disabilitas', 'ada_balita', 'kepala_perempuan'] as const;

const DUPLICATE_GROUPS = `
	SELECT ${DUPLICATE_KEYS.map(quoteIdent).join(', ')}, count(*)::INTEGER AS n, list(id_rt ORDER BY id_rt) AS ids
	FROM rumah_tangga WHERE ${areaFilter()} GROUP BY ALL HAVING count(*) > 1`;

/** How many groups of possible duplicates, and how many households they hold. */
export const DUPLICATES_SQL = `WITH g AS (${DUPLICATE_GROUPS}) SELECT count(*)::INTEGER AS kelompok, coalesce(sum(n), 0)::INTEGER AS rumah_tangga FROM g`;

/** The largest groups, with their first ids (DuckDB-WASM has no JSON extension: ids come joined). */
export const DUPLICATE_EXAMPLES_SQL = `WITH g AS (${DUPLICATE_GROUPS})
	SELECT kode_desa, n, array_to_string(ids[1:5], ', ') AS ids FROM g ORDER BY n DESC, kode_desa LIMIT ${LIST_LIMIT}`;

/**
 * Complaints per 1,000 households per desa (the unit of every other complaint rate in the app), with the modified z-score against the area's desa;
 * rows are the desa beyond MODIFIED_Z_LIMIT. A MAD of zero (most desa alike) flags nothing.
 */
export const IMPLAUSIBLE_RATES_SQL = `
	WITH rt AS (SELECT kode_desa, count(*) AS rumah_tangga FROM rumah_tangga WHERE ${areaFilter()} GROUP BY 1),
	k AS (SELECT kode_desa, count(*) AS keluhan FROM keluhan WHERE ${areaFilter()} GROUP BY 1),
	r AS (
		SELECT rt.kode_desa, rt.rumah_tangga, coalesce(k.keluhan, 0) AS keluhan, 1000.0 * coalesce(k.keluhan, 0) / rt.rumah_tangga AS rate
		FROM rt LEFT JOIN k USING (kode_desa) WHERE rt.rumah_tangga >= ${MIN_HOUSEHOLDS_FOR_RATE}
	),
	s AS (SELECT median(rate) AS med, mad(rate) AS mad, count(*) AS desa FROM r)
	SELECT r.kode_desa, w.nama_desa, r.rumah_tangga::INTEGER AS rumah_tangga, r.keluhan::INTEGER AS keluhan, r.rate::DOUBLE AS rate,
	       s.med::DOUBLE AS median_rate, s.mad::DOUBLE AS mad, s.desa::INTEGER AS desa_diuji,
	       (${MAD_SCALE} * (r.rate - s.med) / s.mad)::DOUBLE AS z
	FROM r CROSS JOIN s LEFT JOIN wilayah w USING (kode_desa)
	WHERE s.mad > 0 AND abs(${MAD_SCALE} * (r.rate - s.med) / s.mad) > ${MODIFIED_Z_LIMIT}
	ORDER BY abs(z) DESC, r.kode_desa`;

/** Households and how many are matched to DTSEN. */
export const DTSEN_SQL = `SELECT count(*)::INTEGER AS rumah_tangga, count(*) FILTER (WHERE padan_dtsen)::INTEGER AS padan FROM rumah_tangga WHERE ${areaFilter()}`;

/** Median and MAD of the tested desa, even when none is flagged, so the page can state them. */
export const RATE_STATS_SQL = `
	WITH rt AS (SELECT kode_desa, count(*) AS rumah_tangga FROM rumah_tangga WHERE ${areaFilter()} GROUP BY 1),
	k AS (SELECT kode_desa, count(*) AS keluhan FROM keluhan WHERE ${areaFilter()} GROUP BY 1),
	r AS (SELECT 1000.0 * coalesce(k.keluhan, 0) / rt.rumah_tangga AS rate FROM rt LEFT JOIN k USING (kode_desa) WHERE rt.rumah_tangga >= ${MIN_HOUSEHOLDS_FOR_RATE})
	SELECT count(*)::INTEGER AS desa_diuji, median(rate)::DOUBLE AS median_rate, mad(rate)::DOUBLE AS mad FROM r`;

/**
 * Rows that contradict each other across tables, which no single row's check can see (QA): a
 * complaint dated before its household was registered, a complaint in another desa than its
 * household's, a referral of another household than its complaint's, a referral registered before
 * its complaint was received. Counted for the panel, not rejected: a household may have moved or
 * been registered again, and the rows may still be right; the Dinas decides.
 */
export const CONSISTENCY_SQL = `
	WITH k AS (
		SELECT k.kode_desa, k.tgl_keluhan, r.kode_desa AS desa_rt, r.tgl_registrasi
		FROM keluhan k LEFT JOIN rumah_tangga r USING (id_rt) WHERE starts_with(k.kode_desa, ?)
	),
	j AS (
		SELECT j.id_rt, j.tgl_terdaftar, k.id_rt AS rt_keluhan, k.tgl_keluhan
		FROM rujukan j JOIN keluhan k ON k.id_keluhan = j.id_keluhan WHERE starts_with(j.kode_desa, ?)
	)
	SELECT (SELECT count(*) FROM k)::INTEGER AS keluhan,
	       (SELECT count(*) FROM k WHERE tgl_keluhan < tgl_registrasi)::INTEGER AS keluhan_sebelum_registrasi,
	       (SELECT count(*) FROM k WHERE desa_rt IS NOT NULL AND kode_desa <> desa_rt)::INTEGER AS keluhan_desa_lain,
	       (SELECT count(*) FROM j)::INTEGER AS rujukan_dari_keluhan,
	       (SELECT count(*) FROM j WHERE id_rt <> rt_keluhan)::INTEGER AS rujukan_rt_lain,
	       (SELECT count(*) FROM j WHERE tgl_terdaftar < tgl_keluhan)::INTEGER AS rujukan_sebelum_keluhan`;

/** How many `?` parameters each query takes (all are the area prefix). */
export function paramCount(sql: string): number {
	return (sql.match(/\?/g) ?? []).length;
}
