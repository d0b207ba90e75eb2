/**
 * Which contract table a file holds, from its header names (a file name like `keluhan.csv` only
 * breaks ties). A file that fits no table is named with the closest table and what it lacks.
 */
import { normaliseHeader } from '../contract/pii';
import { TABLE_NAMES, TABLES, type TableName } from '../contract/schema';

export type Identified = { table: TableName } | { table: null; closest: TableName | null; missing: string[] };

export function identifyTable(headers: readonly string[], fileName = ''): Identified {
	const names = new Set(headers.map(normaliseHeader));
	const hint = normaliseHeader(fileName.replace(/\.[^.]*$/, ''));
	let best: { table: TableName; matched: number; missing: string[] } | null = null;
	for (const t of TABLE_NAMES) {
		const cols = TABLES[t].columns;
		const matched = cols.filter((c) => names.has(c.name)).length;
		const missing = cols.filter((c) => c.required && !names.has(c.name)).map((c) => c.name);
		// A complete table beats an incomplete one; then more matched columns, then the file name.
		const score = (missing.length === 0 ? 1000 : 0) + matched * 2 + (hint.startsWith(t) ? 1 : 0);
		const bestScore = best ? (best.missing.length === 0 ? 1000 : 0) + best.matched * 2 + (hint.startsWith(best.table) ? 1 : 0) : -1;
		if (score > bestScore) best = { table: t, matched, missing };
	}
	if (best && best.missing.length === 0) return { table: best.table };
	return { table: null, closest: best && best.matched > 0 ? best.table : null, missing: best && best.matched > 0 ? best.missing : [] };
}
