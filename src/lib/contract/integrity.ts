/**
 * Keys across tables: duplicate ids, references to records that do not exist, and Kemendagri
 * codes that are not real villages. Tables must be checked in TABLE_NAMES order so that every
 * referenced table is complete before the tables that point at it.
 */
import type { TableName, TableSpec } from './schema';
import type { CellError, Row } from './validate';

export class IntegrityChecker {
	private readonly keys = new Map<TableName, Set<string>>();

	/** @param knownDesa real Kemendagri village codes; codes outside it are rejected. */
	constructor(private readonly knownDesa?: ReadonlySet<string>) {}

	/** Marks a table as present (even if empty) so that references into it are checked. */
	open(table: TableName): void {
		if (!this.keys.has(table)) this.keys.set(table, new Set());
	}

	/** Checks a row that passed validateRecord; on success its key is registered. */
	check(table: TableSpec, row: Row): CellError[] {
		const own = this.keys.get(table.name) ?? new Set<string>();
		this.keys.set(table.name, own);
		const pk = String(row[table.primaryKey]);
		if (own.has(pk)) return [{ column: table.primaryKey, code: 'duplikat', value: pk }];
		if (table.name === 'wilayah' && this.knownDesa && !this.knownDesa.has(pk)) {
			return [{ column: 'kode_desa', code: 'kode_tidak_dikenal', value: pk }];
		}
		for (const fk of table.foreignKeys) {
			const v = row[fk.column];
			const target = this.keys.get(fk.table);
			// A reference into a table that was not supplied at all cannot be checked here.
			if (v === null || v === undefined || !target) continue;
			if (!target.has(String(v))) {
				const code = fk.references === 'kode_desa' ? 'kode_tidak_dikenal' : 'referensi_tidak_ada';
				return [{ column: fk.column, code, value: String(v) }];
			}
		}
		own.add(pk);
		return [];
	}

	count(table: TableName): number {
		return this.keys.get(table)?.size ?? 0;
	}
}
