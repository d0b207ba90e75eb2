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
import { isAreaCode } from '../../src/lib/contract/integrity';
import { TABLES, type TableSpec } from '../../src/lib/contract/schema';
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
 * Creates the view `<name>` of accepted rows over `v_<name>` (a table or view that must outlive
 * it, and be visible to every connection: not TEMP; referenced tables must already exist) and
 * returns the rows rejected on keys, in line order.
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
		// A column that is not its table's key (wilayah.kode_kec) repeats: DISTINCT, or it would repeat the row.
		const distinct = fk.references === TABLES[fk.table].primaryKey ? '' : 'DISTINCT ';
		joins.push(`LEFT JOIN (SELECT ${distinct}${fk.references} AS k FROM ${fk.table}) j${i} ON v.${fk.column} = j${i}.k`);
		failures.push({ when: `v.${fk.column} IS NOT NULL AND j${i}.k IS NULL`, column: fk.column, code: isAreaCode(fk.references) ? 'kode_tidak_dikenal' : 'referensi_tidak_ada' });
	});
	const failCol = failures.length ? `CASE ${failures.map((f) => `WHEN ${f.when} THEN ${lit(f.column)}`).join(' ')} END` : 'NULL::VARCHAR';
	const failCode = failures.length ? `CASE ${failures.map((f) => `WHEN ${f.when} THEN ${lit(f.code)}`).join(' ')} END` : 'NULL::VARCHAR';
	const cols = table.columns.map((c) => c.name);
	const anyFail = failures.length ? failures.map((f) => `(${f.when})`).join(' OR ') : 'false';
	const failValue = `CASE ${failures.map((f) => `WHEN ${f.when} THEN v.${f.column}`).join(' ') || 'WHEN false THEN NULL'} END`;
	// Only the failing rows are materialised (few); every row is joined once.
	await conn.run(`CREATE OR REPLACE TEMP TABLE fail_${name} AS
		SELECT v.line, v.${pk} AS k, ${failCol} AS col, ${failCode} AS code, ${failValue} AS value FROM v_${name} v ${joins.join(' ')} WHERE ${anyFail}`);
	// Keys seen twice are rare: the first accepted line (first whose references hold) is worked out only for them.
	// Grouped by a 64-bit hash of the key (several times cheaper than by the string): a shared hash
	// only makes a candidate, and the window below groups the candidates by the key itself.
	await conn.run(`CREATE OR REPLACE TEMP TABLE dup_${name} AS
		SELECT v.line, v.${pk} AS k, min(v.line) FILTER (WHERE f.line IS NULL) OVER (PARTITION BY v.${pk}) AS first
		FROM v_${name} v LEFT JOIN fail_${name} f ON v.line = f.line
		WHERE hash(v.${pk}) IN (SELECT hash(${pk}) FROM v_${name} GROUP BY 1 HAVING count(*) > 1)`);
	const reader = await conn.runAndReadAll(`
		SELECT line, col, code, value FROM (
			SELECT d.line, ${lit(pk)} AS col, 'duplikat' AS code, d.k AS value FROM dup_${name} d WHERE d.first < d.line
			UNION ALL
			SELECT f.line, f.col, f.code, f.value FROM fail_${name} f WHERE NOT EXISTS (SELECT 1 FROM dup_${name} d WHERE d.line = f.line AND d.first < d.line)
		) ORDER BY line`);
	const rejected = reader.getRowObjectsJS() as { line: number; col: string; code: IntakeError['code']; value: string }[];
	// The accepted rows stay a view over the validated ones (no copy of millions of rows): the
	// views and tables under it live until the pipeline's DuckDB instance closes.
	let keep = '';
	if (rejected.length) {
		await conn.run(`CREATE OR REPLACE TABLE rejected_${name} AS SELECT line FROM fail_${name} UNION ALL SELECT line FROM dup_${name} WHERE first < line`);
		keep = `WHERE line NOT IN (SELECT line FROM rejected_${name})`;
	}
	await conn.run(`CREATE OR REPLACE VIEW ${name} AS SELECT ${cols.join(', ')} FROM v_${name} ${keep}`);
	await conn.run(`DROP TABLE fail_${name}; DROP TABLE dup_${name}`);
	return rejected.map((r) => ({
		table: name,
		row: Number(r.line),
		column: r.col,
		code: r.code,
		value: String(r.value)
	}));
}
