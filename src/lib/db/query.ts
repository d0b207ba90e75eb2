/**
 * `query(sql, params)`: every value goes in as a prepared-statement parameter, never by string
 * interpolation.
 *
 * The dashboard runs the same few statements again and again with new values (every filter change),
 * and planning them costs DuckDB-WASM more than running them on a district's rows. So queries share
 * one connection, and each statement is prepared once and kept (the most recent `KEPT_STATEMENTS`).
 * DuckDB re-plans a kept statement by itself when the tables or views behind it change (a district
 * attached, an upload). The worker runs one request at a time, so sharing the connection is safe.
 */
import type { AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { getDuckDB, onEngineStopped } from './duckdb';

export type Param = string | number | boolean | null;

/** More than the dashboard's distinct statements, so in use none is closed and prepared again. */
const KEPT_STATEMENTS = 64;

let connection: Promise<AsyncDuckDBConnection> | null = null;
const statements = new Map<string, Promise<AsyncPreparedStatement>>();

// The connection and its prepared statements died with a stopped engine.
onEngineStopped(() => {
	connection = null;
	statements.clear();
});

function shared(): Promise<AsyncDuckDBConnection> {
	connection ??= getDuckDB()
		.then((db) => db.connect())
		.catch((e) => {
			connection = null;
			throw e;
		});
	return connection;
}

/** The statement for `sql`, prepared on first use; a failed preparation is not kept. */
function prepared(conn: AsyncDuckDBConnection, sql: string): Promise<AsyncPreparedStatement> {
	let p = statements.get(sql);
	if (p) {
		// Most recently used last, so eviction takes the least recently used.
		statements.delete(sql);
		statements.set(sql, p);
		return p;
	}
	p = conn.prepare(sql);
	statements.set(sql, p);
	p.catch(() => statements.delete(sql));
	if (statements.size > KEPT_STATEMENTS) {
		const [oldest, stmt] = statements.entries().next().value!;
		statements.delete(oldest);
		void stmt.then((s) => s.close()).catch(() => {});
	}
	return p;
}

/** Runs one statement and returns plain row objects (BigInt and Date converted). */
export async function query<T = Record<string, unknown>>(sql: string, params: readonly Param[] = []): Promise<T[]> {
	const conn = await shared();
	if (params.length === 0) return rowsOf<T>(await conn.query(sql));
	const stmt = await prepared(conn, sql);
	return rowsOf<T>(await stmt.query(...params));
}

/**
 * The table's rows as plain objects, read column by column: a column's iterator walks its buffers
 * directly, where reading row by row goes through a proxy object per row and a lookup per cell
 * (~17,500 rows of 5 columns, the complaint index: several times faster).
 */
export function rowsOf<T>(table: Table): T[] {
	const out: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
	for (const field of table.schema.fields) {
		const column = table.getChild(field.name);
		if (!column) continue;
		let i = 0;
		for (const v of column) out[i++][field.name] = plain(v);
	}
	return out as T[];
}

function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	return v;
}
