/**
 * The pilot districts' indicator values, computed from their Parquet extracts by native DuckDB
 * with the same compiled SQL the browser runs, for the default period (the last 12 months).
 *
 * The national extract leaves the district (Kemensos compares every kabupaten/kota with it, and
 * Bandingkan's league downloads it), so each value is the public one (indicators/export.ts,
 * publicValueOf): computed from counts of families rounded with the deployment's key, as the
 * Indikator page's public CSV writes them, and null where such a count is 1–4. Exact values here,
 * beside the rounded counts of that CSV, gave the exact counts back, and a "<5" with them (QA).
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLE_NAMES } from '../../src/lib/contract/schema';
import { setRoundingKey } from '../../src/lib/export/rounding';
import { bindQuery, compileIndicator } from '../../src/lib/indicators/compile';
import { publicValueOf } from '../../src/lib/indicators/export';
import type { IndicatorDef } from '../../src/lib/indicators/types';
import { firstDay, lastDay, type Period } from '../../src/lib/overview/period';

/** Digits a value is kept to in the national file. */
const DIGITS = 6;

export async function pilotIndicators(extractsDir: string, kabs: readonly string[], defs: readonly IndicatorDef[], period: Period, roundingKey: string): Promise<Map<string, Record<string, number | null>>> {
	setRoundingKey(roundingKey);
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
				const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
				const value = row ? publicValueOf(def, { kode: kab, nilai: num(row.nilai), pembilang: num(row.pembilang), penyebut: num(row.penyebut) }) : null;
				values[def.id] = value === null ? null : Number(value.toFixed(DIGITS));
			}
			out.set(kab, values);
		}
		return out;
	} finally {
		conn.closeSync();
	}
}
