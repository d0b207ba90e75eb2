import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../contract/manifest';
import { openParquetNode, writeParquetNode } from './node-parquet';
import { buildSavedExtract } from './save';
import { runImport } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

describe('buildSavedExtract', () => {
	it('writes Parquet per table and district plus a manifest that verifies, readable by native DuckDB', async () => {
		const res = await runImport(Object.entries(fixtureCsv()).map(([t, c]) => fileOf(`${t}.csv`, c)), { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
		const parts = res.tables.map((t) => ({ table: t.table, kodeKab: '35.76', rows: t.rows, ipc: t.batches[0] }));
		const area = { kode_kab: '35.76', nama_kab: 'Kota Mojokerto', kode_prov: '35', nama_prov: 'Jawa Timur', desa: 2, kecamatan: [] };
		const files = await buildSavedExtract(parts, { extractDate: FIXTURE_MAX_DATE, window: { start: '2025-01', end: '2026-10' }, areas: [area] }, (ipc) => writeParquetNode(tableFromIPC(ipc)));
		const dir = mkdtempSync(join(tmpdir(), 'save-'));
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		try {
			for (const f of files) {
				mkdirSync(dirname(join(dir, f.path)), { recursive: true });
				writeFileSync(join(dir, f.path), f.bytes);
			}
			const { value, errors } = checkManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
			expect(errors).toEqual([]);
			expect(value!.files.map((f) => f.path)).toContain('rumah_tangga/kode_kab=35.76/data_0.parquet');
			expect(value!.tables.rumah_tangga.rows).toBe(12);
			for (const f of value!.files) {
				expect(createHash('sha256').update(readFileSync(join(dir, f.path))).digest('hex')).toBe(f.sha256);
				const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(dir, f.path)}')`);
				expect(r.getRowObjectsJS()[0].n).toBe(f.rows);
			}
			const types = await conn.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${join(dir, 'rumah_tangga/kode_kab=35.76/data_0.parquet')}')) WHERE column_name IN ('desil', 'tgl_registrasi', 'padan_dtsen', 'kode_kab') ORDER BY 1`);
			expect(types.getRowObjectsJS()).toEqual([
				{ column_name: 'desil', column_type: 'INTEGER' },
				{ column_name: 'kode_kab', column_type: 'VARCHAR' },
				{ column_name: 'padan_dtsen', column_type: 'BOOLEAN' },
				{ column_name: 'tgl_registrasi', column_type: 'DATE' }
			]);
		} finally {
			conn.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
