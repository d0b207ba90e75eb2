import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from 'vitest';
import { CREATE_AGGREGATES } from '../db/aggregates';
import { HEADLINE_SQL } from '../overview/headline';
import { naiveHeadline, type NaiveTables } from './naive-headline';

// A small fixture with rows on every edge: outside the area, before/after the period, unresolved.
const t: NaiveTables = {
	rumah_tangga: [
		{ kode_desa: '33.28.01.2001', desil: '2', tgl_registrasi: '2020-01-01' },
		{ kode_desa: '33.28.01.2001', desil: '5', tgl_registrasi: '2026-10-31' },
		{ kode_desa: '33.28.01.2002', desil: '4', tgl_registrasi: '2026-11-01' },
		{ kode_desa: '33.11.01.2001', desil: '1', tgl_registrasi: '2020-01-01' }
	],
	keluhan: [
		{ kode_desa: '33.28.01.2001', tgl_keluhan: '2025-11-01', status: 'selesai', tgl_selesai: '2025-11-20' },
		{ kode_desa: '33.28.01.2001', tgl_keluhan: '2025-10-31', status: 'selesai', tgl_selesai: '2025-11-02' },
		{ kode_desa: '33.28.01.2002', tgl_keluhan: '2026-10-31', status: 'diproses', tgl_selesai: '' },
		{ kode_desa: '33.11.01.2001', tgl_keluhan: '2026-01-01', status: 'selesai', tgl_selesai: '2026-01-05' }
	],
	rujukan: [
		{ kode_desa: '33.28.01.2001', tgl_terdaftar: '2025-11-01', tgl_selesai: '2025-11-11' },
		{ kode_desa: '33.28.01.2001', tgl_terdaftar: '2025-10-01', tgl_selesai: '2025-11-04' },
		{ kode_desa: '33.28.01.2002', tgl_terdaftar: '2026-10-01', tgl_selesai: '' },
		{ kode_desa: '33.28.01.2002', tgl_terdaftar: '2026-10-01', tgl_selesai: '2026-11-02' }
	],
	puskesos: [
		{ kode_desa: '33.28.01.2001', tgl_buka: '2020-01-01' },
		{ kode_desa: '33.28.01.2002', tgl_buka: '2026-11-15' }
	]
};

test('the naive reduction gives what HEADLINE_SQL gives on the same rows', async () => {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const values = (rows: readonly Record<string, string | undefined>[], cols: string[]) =>
		rows.map((r) => `(${cols.map((c) => (r[c] ? `'${r[c]}'` : 'NULL')).join(', ')})`).join(', ');
	await conn.run(`CREATE TABLE rumah_tangga AS SELECT kode_desa, desil::INT AS desil, tgl_registrasi::DATE AS tgl_registrasi FROM (VALUES ${values(t.rumah_tangga, ['kode_desa', 'desil', 'tgl_registrasi'])}) v(kode_desa, desil, tgl_registrasi)`);
	await conn.run(`CREATE TABLE keluhan AS SELECT kode_desa, tgl_keluhan::DATE AS tgl_keluhan, status, tgl_selesai::DATE AS tgl_selesai FROM (VALUES ${values(t.keluhan, ['kode_desa', 'tgl_keluhan', 'status', 'tgl_selesai'])}) v(kode_desa, tgl_keluhan, status, tgl_selesai)`);
	await conn.run(`CREATE TABLE rujukan AS SELECT kode_desa, tgl_terdaftar::DATE AS tgl_terdaftar, tgl_selesai::DATE AS tgl_selesai FROM (VALUES ${values(t.rujukan, ['kode_desa', 'tgl_terdaftar', 'tgl_selesai'])}) v(kode_desa, tgl_terdaftar, tgl_selesai)`);
	for (const sql of CREATE_AGGREGATES) await conn.run(sql);
	await conn.run(`CREATE TABLE puskesos AS SELECT kode_desa, tgl_buka::DATE AS tgl_buka FROM (VALUES ${values(t.puskesos, ['kode_desa', 'tgl_buka'])}) v(kode_desa, tgl_buka)`);
	const sql = (await conn.runAndReadAll(HEADLINE_SQL, ['33.28.', '2025-11-01', '2026-10-31'])).getRowObjectsJS()[0];
	const want = Object.fromEntries(Object.entries(sql).map(([k, v]) => [k, v === null ? null : Number(v)]));
	const got = naiveHeadline(t, '33.28.', '2025-11-01', '2026-10-31');
	expect(got).toEqual(want);
	expect(got).toEqual({ rumah_tangga: 2, rumah_tangga_miskin: 1, keluhan_diterima: 2, keluhan_selesai: 2, rujukan_selesai: 2, median_hari_rujukan: 22, puskesos: 1 });
	conn.closeSync();
});
