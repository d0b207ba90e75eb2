/**
 * The ways of getting an extract into DuckDB-WASM without its (downloaded) Parquet extension,
 * side by side for bench/load-routes.ts. `parquet` is the route the app uses.
 */
import { DuckDBDataProtocol } from '@duckdb/duckdb-wasm';
import { getDuckDB } from './duckdb';
import { ensureTables } from './extracts';
import { appendArrow, decodeExtract } from './parquet';
import { fetchVerified } from './verified-fetch';
import { quoteIdent } from './quote';

export type LoadRoute = 'parquet' | 'arrow' | 'duckdb' | 'duckdb-verified';

export interface RouteResult {
	route: LoadRoute;
	rows: number;
	loadMs: number;
	queryMs: number;
}

async function run(sql: string): Promise<number> {
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		const t = await conn.query(sql);
		return Number(t.getChildAt(0)?.get(0));
	} finally {
		await conn.close();
	}
}

/** Loads one file by a route into table `t_<route>`, then times a typical headline aggregate on it. */
export async function measureRoute(route: LoadRoute, url: string, sha256: string, template = '_kosong_rumah_tangga'): Promise<RouteResult> {
	await ensureTables();
	const table = `t_${route}_${Date.now()}`;
	const t0 = performance.now();
	if (route === 'parquet') {
		const r = await decodeExtract(url, sha256);
		if (!r.ok) throw new Error(`${r.kind}: ${r.detail}`);
		await run(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(template)} LIMIT 0`);
		await appendArrow(table, r.chunks);
	} else if (route === 'arrow') {
		const buf = new Uint8Array(await (await fetch(url)).arrayBuffer());
		await run(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(template)} LIMIT 0`);
		await appendArrow(table, [buf]);
	} else if (route === 'duckdb-verified') {
		// What the app does: the whole file, its SHA-256 checked, then attached from memory.
		const file = await fetchVerified(url, sha256);
		if (!file.ok) throw new Error(`${file.kind}: ${file.detail}`);
		const db = await getDuckDB();
		await db.registerFileBuffer(`${table}.duckdb`, new Uint8Array(file.bytes));
		await run(`ATTACH '${table}.duckdb' AS ${quoteIdent(table)} (READ_ONLY)`);
		await run(`CREATE VIEW ${quoteIdent(table + '_v')} AS SELECT * FROM ${quoteIdent(table)}.rumah_tangga`);
	} else {
		const db = await getDuckDB();
		const name = `${table}.duckdb`;
		await db.registerFileURL(name, url, DuckDBDataProtocol.HTTP, false);
		await run(`ATTACH '${name}' AS ${quoteIdent(table)} (READ_ONLY)`);
		await run(`CREATE VIEW ${quoteIdent(table + '_v')} AS SELECT * FROM ${quoteIdent(table)}.rumah_tangga`);
	}
	const target = route.startsWith('duckdb') ? `${table}_v` : table;
	const rows = await run(`SELECT count(*) FROM ${quoteIdent(target)}`);
	const loadMs = performance.now() - t0;
	const q0 = performance.now();
	await run(`SELECT count(*) FILTER (WHERE desil <= 4) + count(DISTINCT kode_desa) FROM ${quoteIdent(target)} WHERE tgl_registrasi <= DATE '2026-10-31'`);
	return { route, rows, loadMs, queryMs: performance.now() - q0 };
}
