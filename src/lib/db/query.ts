/**
 * `query(sql, params)`: every value goes in as a prepared-statement parameter, never by string
 * interpolation; the connection and statement are closed in `finally`.
 */
import type { Table } from 'apache-arrow';
import { getDuckDB } from './duckdb';

export type Param = string | number | boolean | null;

/** Runs one statement and returns plain row objects (BigInt and Date converted). */
export async function query<T = Record<string, unknown>>(sql: string, params: readonly Param[] = []): Promise<T[]> {
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		if (params.length === 0) return rowsOf<T>(await conn.query(sql));
		const stmt = await conn.prepare(sql);
		try {
			return rowsOf<T>(await stmt.query(...params));
		} finally {
			await stmt.close();
		}
	} finally {
		await conn.close();
	}
}

export function rowsOf<T>(table: Table): T[] {
	const out: T[] = [];
	const fields = table.schema.fields.map((f) => f.name);
	for (const row of table) {
		const o: Record<string, unknown> = {};
		for (const f of fields) o[f] = plain((row as unknown as Record<string, unknown>)[f]);
		out.push(o as T);
	}
	return out;
}

function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	return v;
}
