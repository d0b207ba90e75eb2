/**
 * The pilot districts' indicator values, computed from their Parquet extracts by native DuckDB
 * with the same compiled SQL the browser runs, for the default period (the last 12 months).
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLE_NAMES } from '../../src/lib/contract/schema';
import { bindQuery, compileIndicator } from '../../src/lib/indicators/compile';
import type { IndicatorDef } from '../../src/lib/indicators/types';
import { firstDay, lastDay, type Period } from '../../src/lib/overview/period';

export async function pilotIndicators(extractsDir: string, kabs: readonly string[], defs: readonly IndicatorDef[], period: Period): Promise<Map<string, Record<string, number | null>>> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	try {
		await conn.run('SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;');
		for (const t of TABLE_NAMES) {
			const files = kabs.map((k) => `'${join(extractsDir, t, `kode_kab=${k}`, '*.parquet')}'`).join(', ');
			await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet([${files}])`);
		}
		const out = new Map<string, Record<string, number | null>>();
		for (const kab of kabs) {
			const values: Record<string, number | null> = {};
			for (const def of defs) {
				const q = compileIndicator(def, 'kab');
				if (!q) continue;
				const b = bindQuery(q, `${kab}.`, firstDay(period.start), lastDay(period.end));
				const row = (await conn.runAndReadAll(b.sql, b.params as never)).getRowObjectsJS()[0];
				values[def.id] = row?.nilai === null || row?.nilai === undefined ? null : Number(Number(row.nilai).toFixed(6));
			}
			out.set(kab, values);
		}
		return out;
	} finally {
		conn.closeSync();
	}
}
