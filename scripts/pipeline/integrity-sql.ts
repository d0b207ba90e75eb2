/**
 * IntegrityChecker (src/lib/contract/integrity.ts) in SQL, over the validated rows `v_<table>`
 * (line number + typed contract columns): the same verdict and the same single error per row.
 *
 * The JS checker reads rows in file order and registers a key only when its row is accepted, so a
 * row is a duplicate when an earlier row with the same key was ACCEPTED; otherwise a failing
 * reference (unknown village first for wilayah, then each foreign key in contract order) rejects
 * it; otherwise it is accepted. In SQL: per key, the first line whose references all hold is the
 * accepted one; later lines with that key are duplicates; lines before it fail on their reference.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IntakeError } from '../../src/lib/contract/intake';
import type { TableSpec } from '../../src/lib/contract/schema';
import { lit } from './sql-checks';

/** Table of real village codes, when the run has them. */
export const KNOWN_DESA_TABLE = 'known_desa';

export async function loadKnownDesa(conn: DuckDBConnection, codes: ReadonlySet<string>): Promise<void> {
	await conn.run(`CREATE OR REPLACE TABLE ${KNOWN_DESA_TABLE} (kode VARCHAR)`);
	const app = await conn.createAppender(KNOWN_DESA_TABLE);
	for (const c of codes) {
		app.appendVarchar(c);
		app.endRow();
	}
	app.closeSync();
}

/**
 * Creates the table `<name>` of accepted rows from `v_<name>` (referenced tables must already
 * exist) and returns the rows rejected on keys, in line order.
 */
export async function checkKeys(conn: DuckDBConnection, table: TableSpec, knownDesa: boolean): Promise<IntakeError[]> {
	const name = table.name;
	const pk = table.primaryKey;
	const joins: string[] = [];
	const failures: { when: string; column: string; code: string }[] = [];
	if (name === 'wilayah' && knownDesa) {
		joins.push(`LEFT JOIN ${KNOWN_DESA_TABLE} kd ON v.kode_desa = kd.kode`);
		failures.push({ when: 'kd.kode IS NULL', column: 'kode_desa', code: 'kode_tidak_dikenal' });
	}
	table.foreignKeys.forEach((fk, i) => {
		joins.push(`LEFT JOIN (SELECT ${fk.references} AS k FROM ${fk.table}) j${i} ON v.${fk.column} = j${i}.k`);
		failures.push({ when: `v.${fk.column} IS NOT NULL AND j${i}.k IS NULL`, column: fk.column, code: fk.references === 'kode_desa' ? 'kode_tidak_dikenal' : 'referensi_tidak_ada' });
	});
	const failCol = failures.length ? `CASE ${failures.map((f) => `WHEN ${f.when} THEN ${lit(f.column)}`).join(' ')} END` : 'NULL::VARCHAR';
	const failCode = failures.length ? `CASE ${failures.map((f) => `WHEN ${f.when} THEN ${lit(f.code)}`).join(' ')} END` : 'NULL::VARCHAR';
	const cols = table.columns.map((c) => c.name);
	await conn.run(`CREATE OR REPLACE TEMP TABLE chk_${name} AS SELECT v.*, ${failCol} AS fail_col, ${failCode} AS fail_code FROM v_${name} v ${joins.join(' ')}`);
	await conn.run(`DROP TABLE v_${name}`);
	// Keys seen twice are rare: the first accepted line is worked out only for them.
	await conn.run(`CREATE OR REPLACE TEMP TABLE first_${name} AS
		SELECT ${pk} AS k, min(line) FILTER (WHERE fail_col IS NULL) AS first FROM chk_${name}
		WHERE ${pk} IN (SELECT ${pk} FROM chk_${name} GROUP BY 1 HAVING count(*) > 1) GROUP BY 1`);
	await conn.run(`CREATE OR REPLACE TABLE ${name} AS
		SELECT ${cols.map((c) => `c.${c}`).join(', ')} FROM chk_${name} c LEFT JOIN first_${name} f ON c.${pk} = f.k
		WHERE c.fail_col IS NULL AND (f.first IS NULL OR c.line = f.first)`);
	const reader = await conn.runAndReadAll(`
		SELECT c.line, CASE WHEN f.first < c.line THEN ${lit(pk)} ELSE c.fail_col END AS col,
		       CASE WHEN f.first < c.line THEN 'duplikat' ELSE c.fail_code END AS code,
		       CASE WHEN f.first < c.line THEN c.${pk} ELSE CASE c.fail_col ${[...new Set(failures.map((f) => f.column))].map((col) => `WHEN ${lit(col)} THEN c.${col}`).join(' ') || 'WHEN NULL THEN NULL'} END END AS value
		FROM chk_${name} c LEFT JOIN first_${name} f ON c.${pk} = f.k
		WHERE f.first < c.line OR c.fail_col IS NOT NULL ORDER BY c.line`);
	await conn.run(`DROP TABLE chk_${name}; DROP TABLE first_${name}`);
	return (reader.getRowObjectsJS() as { line: number; col: string; code: IntakeError['code']; value: string }[]).map((r) => ({
		table: name,
		row: Number(r.line),
		column: r.col,
		code: r.code,
		value: String(r.value)
	}));
}
