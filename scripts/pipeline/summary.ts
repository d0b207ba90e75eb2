/**
 * The small pre-aggregated summary per district that lets Ringkasan show its headline figures
 * before DuckDB-WASM has started. Definitions match src/lib/overview/headline.ts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { emptyKecamatanSummary, type DistrictSummary, type KecamatanSummary } from '../../src/lib/overview/headline';
import { firstDay, monthIndex, monthsOf, type Period } from '../../src/lib/overview/period';
import { SCHEMA_VERSION } from '../../src/lib/contract/schema';

const monthExpr = (col: string, base: number) => `(year(${col}) * 12 + month(${col}) - 1) - ${base}`;

/** A statement's rows, its values bound as parameters (the summaries run the page's own SQL too). */
export async function rows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params: (string | number)[]): Promise<T[]> {
	const prepared = await conn.prepare(sql);
	prepared.bind(params);
	return (await prepared.runAndReadAll()).getRowObjectsJS() as T[];
}

export async function districtSummary(conn: DuckDBConnection, kodeKab: string, window: Period): Promise<DistrictSummary> {
	const base = monthIndex(window.start);
	const months = monthsOf(window).length;
	const start = firstDay(window.start);
	const prefix = `${kodeKab}.`;
	const kecamatan: Record<string, KecamatanSummary> = {};
	const kec = (k: unknown) => (kecamatan[String(k)] ??= emptyKecamatanSummary(months));
	const stock = (col: string) => `CASE WHEN ${col} < $2::DATE THEN -1 ELSE ${monthExpr(col, base)} END`;

	for (const r of await rows(conn, `SELECT kode_kec AS kec FROM wilayah WHERE starts_with(kode_desa, $1) GROUP BY 1`, [prefix])) kec(r.kec);
	for (const r of await rows(conn, `SELECT substr(kode_desa, 1, 8) AS kec, ${stock('tgl_registrasi')} AS m, count(*) AS n, count(*) FILTER (WHERE desil <= 4) AS miskin FROM rumah_tangga WHERE starts_with(kode_desa, $1) GROUP BY ALL`, [prefix, start])) {
		const k = kec(r.kec);
		const m = Number(r.m);
		if (m < 0) [k.rt_awal, k.miskin_awal] = [Number(r.n), Number(r.miskin)];
		else if (m < months) [k.rt_bulan[m], k.miskin_bulan[m]] = [Number(r.n), Number(r.miskin)];
	}
	for (const r of await rows(conn, `SELECT substr(kode_desa, 1, 8) AS kec, ${stock('tgl_buka')} AS m, count(*) AS n FROM puskesos WHERE starts_with(kode_desa, $1) GROUP BY ALL`, [prefix, start])) {
		const k = kec(r.kec);
		const m = Number(r.m);
		if (m < 0) k.puskesos_awal = Number(r.n);
		else if (m < months) k.puskesos_bulan[m] = Number(r.n);
	}
	const flow = async (sql: string, put: (k: KecamatanSummary, m: number, r: Record<string, unknown>) => void) => {
		for (const r of await rows(conn, sql, [prefix])) {
			const m = Number(r.m);
			if (m >= 0 && m < months) put(kec(r.kec), m, r);
		}
	};
	await flow(`SELECT substr(kode_desa, 1, 8) AS kec, ${monthExpr('tgl_keluhan', base)} AS m, count(*) AS n FROM keluhan WHERE starts_with(kode_desa, $1) GROUP BY ALL`, (k, m, r) => (k.keluhan_diterima[m] = Number(r.n)));
	await flow(`SELECT substr(kode_desa, 1, 8) AS kec, ${monthExpr('tgl_selesai', base)} AS m, count(*) AS n FROM keluhan WHERE starts_with(kode_desa, $1) AND status = 'selesai' AND tgl_selesai IS NOT NULL GROUP BY ALL`, (k, m, r) => (k.keluhan_selesai[m] = Number(r.n)));
	await flow(`SELECT substr(kode_desa, 1, 8) AS kec, ${monthExpr('tgl_selesai', base)} AS m, count(*) AS n FROM rujukan WHERE starts_with(kode_desa, $1) AND tgl_selesai IS NOT NULL GROUP BY ALL`, (k, m, r) => (k.rujukan_selesai[m] = Number(r.n)));
	await flow(`SELECT substr(kode_desa, 1, 8) AS kec, ${monthExpr('tgl_selesai', base)} AS m, tgl_selesai - tgl_terdaftar AS d, count(*) AS n FROM rujukan WHERE starts_with(kode_desa, $1) AND tgl_selesai IS NOT NULL GROUP BY ALL ORDER BY 1, 2, 3`, (k, m, r) => k.hari_rujukan.push([m, Number(r.d), Number(r.n)]));
	const sorted = Object.fromEntries(Object.entries(kecamatan).sort(([a], [b]) => (a < b ? -1 : 1)));
	return { schema_version: SCHEMA_VERSION, kode_kab: kodeKab, window, kecamatan: sorted };
}
