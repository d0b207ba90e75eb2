/**
 * The planning queries run by native DuckDB: on an inline fixture with known answers, and on the
 * Gorontalo demo extract against direct counts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_AGGREGATES } from '../db/aggregates';
import { DESA_SQL, PUSKESOS_SQL, sitingParams, type DesaRow, type PuskesosRow } from './sql';

let conn: DuckDBConnection;

async function rows<T>(sql: string, kab: string): Promise<T[]> {
	const r = (await conn.runAndReadAll(sql, sitingParams(kab) as string[])).getRowObjectsJS();
	return r.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
});
afterAll(() => conn?.closeSync());

describe('siting queries on a fixture', () => {
	beforeAll(async () => {
		await conn.run(`
			CREATE SCHEMA fx; SET schema = 'fx';
			CREATE TABLE wilayah AS SELECT * FROM (VALUES
				('75.01.01.2001', 'Satu', '75.01.01', 'Kec A', 0.6, 122.9),
				('75.01.01.2002', 'Dua', '75.01.01', 'Kec A', 0.7, 123.0),
				('75.0.01.2009', 'Prefix trap', '75.0.01', 'X', 0.1, 122.0)
			) t(kode_desa, nama_desa, kode_kec, nama_kec, lat, lng);
			CREATE TABLE rumah_tangga AS SELECT * FROM (VALUES
				('75.01.01.2001', 1, DATE '2024-01-31'), ('75.01.01.2001', 4, DATE '2025-06-01'), ('75.01.01.2001', 5, DATE '2024-01-01'), ('75.0.01.2009', 1, DATE '2024-01-01')
			) t(kode_desa, desil, tgl_registrasi);
			CREATE TABLE keluhan AS SELECT * FROM (VALUES
				('75.01.01.2001', 'diterima'), ('75.01.01.2001', 'selesai'), ('75.01.01.2001', 'ditolak'),
				('75.01.01.2001', 'dirujuk'), ('75.01.01.2002', 'diproses')
			) t(kode_desa, status);
			CREATE TABLE puskesos AS SELECT * FROM (VALUES
				('P2', 'Puskesos Dua', '75.01.01.2002', 0.71, 123.01), ('P1', 'Puskesos Trap', '75.0.01.2009', 0.1, 122.0)
			) t(id_puskesos, nama_puskesos, kode_desa, lat, lng);`);
		for (const sql of CREATE_AGGREGATES) await conn.run(sql);
	});
	afterAll(async () => conn.run(`SET schema = 'main'`));

	it('counts deciles 1–4 and open complaints per desa, desa without households included', async () => {
		const r = await rows<DesaRow>(DESA_SQL, '75.01');
		expect(r.map((d) => [d.kode, d.miskin, d.keluhan, d.puskesos])).toEqual([
			['75.01.01.2001', 2, 2, 0],
			['75.01.01.2002', 0, 1, 1]
		]);
		expect(r[0]).toMatchObject({ nama: 'Satu', kode_kec: '75.01.01', nama_kec: 'Kec A', lat: 0.6, lng: 122.9 });
	});

	it('lists the district’s Puskesos only', async () => {
		expect(await rows<PuskesosRow>(PUSKESOS_SQL, '75.01')).toEqual([{ id: 'P2', nama: 'Puskesos Dua', kode_desa: '75.01.01.2002', lat: 0.71, lng: 123.01 }]);
	});
});

const EXTRACTS = join(import.meta.dirname, '..', '..', '..', 'static', 'extracts');
describe.skipIf(!existsSync(join(EXTRACTS, 'wilayah', 'kode_kab=75.01')))('siting queries on the Gorontalo extract', () => {
	beforeAll(async () => {
		for (const t of ['wilayah', 'rumah_tangga', 'keluhan', 'puskesos'])
			await conn.run(`CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet('${join(EXTRACTS, t, 'kode_kab=75.01', '*.parquet')}')`);
		for (const sql of CREATE_AGGREGATES) await conn.run(sql);
	});

	it('sums to the district totals counted directly', async () => {
		const r = await rows<DesaRow>(DESA_SQL, '75.01');
		const one = async (sql: string) => Number(Object.values((await conn.runAndReadAll(sql)).getRowObjectsJS()[0])[0]);
		expect(r).toHaveLength(await one(`SELECT count(*) FROM wilayah`));
		expect(r.reduce((a, d) => a + d.miskin, 0)).toBe(await one(`SELECT count(*) FROM rumah_tangga WHERE desil BETWEEN 1 AND 4`));
		expect(r.reduce((a, d) => a + d.keluhan, 0)).toBe(await one(`SELECT count(*) FROM keluhan WHERE status IN ('diterima', 'diproses', 'dirujuk')`));
		expect(r.reduce((a, d) => a + d.puskesos, 0)).toBe((await rows<PuskesosRow>(PUSKESOS_SQL, '75.01')).length);
	});
});
