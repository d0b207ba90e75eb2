/**
 * Rows a user uploaded (issue #6) into DuckDB-WASM: one table `_unggah_<table>` per contract
 * table, with the contract's schema plus kode_kab. They replace the extract rows of the districts
 * they cover in every view (extracts.ts `useUploadedDistricts`), so every page uses them.
 */
import type { ManifestArea } from '../contract/manifest';
import { TABLE_NAMES, TABLES, type TableName } from '../contract/schema';
import { AGGREGATES, createAggregateSql } from './aggregates';
import { getDuckDB } from './duckdb';
import { ensureTables, useUploadedDistricts } from './extracts';
import { appendArrow } from './parquet';
import { query } from './query';
import { quoteIdent } from './quote';

export const uploadedTable = (name: TableName) => `_unggah_${name}`;

/** Replaces any earlier upload with these Arrow batches and switches the views to them. */
export async function registerUploaded(tables: readonly { table: TableName; batches: readonly Uint8Array[] }[], kabs: readonly string[]): Promise<void> {
	await ensureTables();
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		for (const name of TABLE_NAMES) {
			await conn.query(`CREATE OR REPLACE TABLE ${quoteIdent(uploadedTable(name))} AS SELECT * FROM ${quoteIdent(`_kosong_${name}`)} LIMIT 0`);
		}
	} finally {
		await conn.close();
	}
	for (const t of tables) if (t.batches.length) await appendArrow(uploadedTable(t.table), t.batches);
	// The same pre-aggregates the pipeline writes for an extract, computed once from the uploaded rows.
	const c = await db.connect();
	try {
		for (const a of AGGREGATES) await c.query(createAggregateSql(a, quoteIdent(`_unggah_${a.name}`), quoteIdent(uploadedTable(a.source))));
	} finally {
		await c.close();
	}
	await useUploadedDistricts(kabs);
}

/** The uploaded districts described as the manifest describes its areas. */
export async function uploadedAreas(): Promise<ManifestArea[]> {
	const rows = await query<{ kode_kab: string; nama_kab: string; kode_prov: string; nama_prov: string; kode_kec: string; nama_kec: string; desa: number }>(`
		SELECT kode_kab, any_value(nama_kab) AS nama_kab, any_value(kode_prov) AS kode_prov, any_value(nama_prov) AS nama_prov,
		       kode_kec, any_value(nama_kec) AS nama_kec, count(*)::INTEGER AS desa
		FROM ${quoteIdent(uploadedTable('wilayah'))} GROUP BY kode_kab, kode_kec ORDER BY kode_kab, kode_kec`);
	const areas = new Map<string, ManifestArea>();
	for (const r of rows) {
		let a = areas.get(r.kode_kab);
		if (!a) areas.set(r.kode_kab, (a = { kode_kab: r.kode_kab, nama_kab: r.nama_kab, kode_prov: r.kode_prov, nama_prov: r.nama_prov, desa: 0, kecamatan: [] }));
		a.desa += Number(r.desa);
		a.kecamatan.push({ kode: r.kode_kec, nama: r.nama_kec });
	}
	return [...areas.values()];
}

/** The latest date any uploaded row carries (ISO), or null for an upload without dates. */
export async function uploadedLatestDate(): Promise<string | null> {
	const parts = TABLE_NAMES.flatMap((name) => TABLES[name].columns.filter((c) => c.type === 'date').map((c) => `SELECT max(${quoteIdent(c.name)}) AS d FROM ${quoteIdent(uploadedTable(name))}`));
	if (!parts.length) return null;
	const [row] = await query<{ d: string | null }>(`SELECT strftime(max(d), '%Y-%m-%d') AS d FROM (${parts.join(' UNION ALL ')})`);
	return row?.d ?? null;
}

/** One district's uploaded rows of a table, sorted as the pipeline sorts them, as Arrow IPC. */
export async function uploadedArrow(name: TableName, kodeKab: string): Promise<Uint8Array> {
	const { tableToIPC } = await import('apache-arrow');
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		const sort = TABLES[name].sortBy.map(quoteIdent).join(', ');
		const stmt = await conn.prepare(`SELECT * FROM ${quoteIdent(uploadedTable(name))} WHERE kode_kab = ? ORDER BY ${sort}`);
		try {
			return tableToIPC(await stmt.query(kodeKab), 'stream');
		} finally {
			await stmt.close();
		}
	} finally {
		await conn.close();
	}
}
