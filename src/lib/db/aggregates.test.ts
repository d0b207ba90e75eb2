/**
 * The per-desa monthly aggregate answers exactly what the household rows answer, for every
 * month-end a period can end on, including households registered on a month's first or last day.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CREATE_AGGREGATES } from './aggregates';

let conn: DuckDBConnection;

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	// 3,000 households over 4 desa, registered on every kind of day from 2023-12-25 to 2026-03-05,
	// month firsts and lasts (incl. 29 February 2024) among them.
	await conn.run(`
		CREATE TABLE rumah_tangga AS
		SELECT '33.28.0' || (i % 2 + 1) || '.200' || (i % 4) AS kode_desa, (i * 7) % 10 + 1 AS desil,
		  DATE '2023-12-25' + ((i * 37) % 801)::INTEGER AS tgl_registrasi
		FROM range(3000) t(i)
		UNION ALL SELECT '33.28.01.2001', 2, DATE '2024-02-29'
		UNION ALL SELECT '33.28.01.2001', 3, DATE '2024-03-01'
		UNION ALL SELECT '33.28.02.2003', 9, DATE '2025-12-31';`);
	for (const sql of CREATE_AGGREGATES) await conn.run(sql);
});
afterAll(() => conn?.closeSync());

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : String(v)])));

it('is much smaller than the rows it replaces', async () => {
	const [{ n }] = await rows(`SELECT count(*) AS n FROM rt_desa_bulan`);
	expect(Number(n)).toBeLessThan(3003 / 10);
});

it('gives the households (and poor households) of each desa registered by every month end', async () => {
	const ends = await rows(`SELECT strftime(last_day(d), '%Y-%m-%d') AS e FROM range(DATE '2023-11-01', DATE '2026-05-01', INTERVAL 1 MONTH) t(d)`);
	expect(ends.length).toBe(30);
	for (const { e } of ends) {
		const fromRows = await rows(`SELECT kode_desa, count(*) AS n, count(*) FILTER (WHERE desil <= 4) AS miskin FROM rumah_tangga WHERE tgl_registrasi <= DATE '${e}' GROUP BY 1 ORDER BY 1`);
		const fromAggregate = await rows(`SELECT kode_desa, sum(n) AS n, sum(miskin) AS miskin FROM rt_desa_bulan WHERE bulan <= DATE '${e}' GROUP BY 1 ORDER BY 1`);
		expect(fromAggregate, String(e)).toEqual(fromRows);
	}
});
