/**
 * Keys across tables: duplicate ids, references to records that do not exist, and Kemendagri
 * codes that are not real villages. Tables must be checked in TABLE_NAMES order so that every
 * referenced table is complete before the tables that point at it.
 */
import { BigSet } from './big-set';
import { TABLES, type TableName, type TableSpec } from './schema';
import type { CellError, Row } from './validate';

/** Columns of each table that a foreign key refers to other than the table's key. */
const REFERENCED = Object.fromEntries(
	Object.values(TABLES).map((t) => [t.name, [...new Set(Object.values(TABLES).flatMap((o) => o.foreignKeys.filter((fk) => fk.table === t.name && fk.references !== t.primaryKey).map((fk) => fk.references)))]])
) as Record<TableName, string[]>;

/** A Kemendagri area code (kode_desa, kode_kec…): one missing from wilayah is an unknown code, not a missing record. */
export function isAreaCode(column: string): boolean {
	return column.startsWith('kode_');
}

export class IntegrityChecker {
	// BigSet: a province's tables pass the 2^24 keys one Set holds (QA: a 20-million-row file was cut there).
	private readonly keys = new Map<TableName, BigSet>();
	/** accepted values of columns other tables refer to that are not their table's key (wilayah.kode_kec), by `table.column` */
	private readonly values = new Map<string, BigSet>();

	/** @param knownDesa real Kemendagri village codes; codes outside it are rejected. */
	constructor(private readonly knownDesa?: ReadonlySet<string>) {}

	/** Marks a table as present (even if empty) so that references into it are checked. */
	open(table: TableName): void {
		if (!this.keys.has(table)) this.keys.set(table, new BigSet());
		for (const column of REFERENCED[table]) if (!this.values.has(`${table}.${column}`)) this.values.set(`${table}.${column}`, new BigSet());
	}

	/** Checks a row that passed validateRecord; on success its key is registered. */
	check(table: TableSpec, row: Row): CellError[] {
		const own = this.keys.get(table.name) ?? new BigSet();
		this.keys.set(table.name, own);
		const pk = String(row[table.primaryKey]);
		if (own.has(pk)) return [{ column: table.primaryKey, code: 'duplikat', value: pk }];
		if (table.name === 'wilayah' && this.knownDesa && !this.knownDesa.has(pk)) {
			return [{ column: 'kode_desa', code: 'kode_tidak_dikenal', value: pk }];
		}
		for (const fk of table.foreignKeys) {
			const v = row[fk.column];
			const target = fk.references === TABLES[fk.table].primaryKey ? this.keys.get(fk.table) : this.values.get(`${fk.table}.${fk.references}`);
			// A reference into a table that was not supplied at all cannot be checked here.
			if (v === null || v === undefined || !target) continue;
			if (!target.has(String(v))) {
				const code = isAreaCode(fk.references) ? 'kode_tidak_dikenal' : 'referensi_tidak_ada';
				return [{ column: fk.column, code, value: String(v) }];
			}
		}
		own.add(pk);
		for (const column of REFERENCED[table.name]) {
			const v = row[column];
			if (v !== null && v !== undefined) this.values.get(`${table.name}.${column}`)!.add(String(v));
		}
		return [];
	}

	count(table: TableName): number {
		return this.keys.get(table)?.size ?? 0;
	}
}
