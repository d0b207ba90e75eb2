/**
 * The layer queries run by native DuckDB: on a small inline fixture whose answers are known, and
 * on the demo extracts (static/extracts, built by `npm run data`) against direct counts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_AGGREGATES } from '../db/aggregates';
import { firstDay, lastDay, type Period } from '../overview/period';
import { countKeluhan, KELUHAN_INDEX_SQL, type KeluhanIndexRow } from './keluhan-index';
import { PETA_SQL, petaParams, type KeluhanFilter, type KeluhanRow, type KemiskinanRow, type QueryId, type RujukanRow } from './sql';

let conn: DuckDBConnection;

async function run<T>(c: DuckDBConnection, id: QueryId, area: string, first: string, last: string, filter?: KeluhanFilter, standar?: number): Promise<T[]> {
	const rows = (await c.runAndReadAll(PETA_SQL[id], petaParams(id, area, first, last, filter, standar) as string[])).getRowObjectsJS();
	return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

/**
 * countKeluhan over KELUHAN_INDEX_SQL's rows equals PETA_SQL.keluhan for every category and
 * programme of the data (each alone, both together, and none) in each period.
 */
async function expectIndexEqualsQuery(c: DuckDBConnection, area: string, periods: Period[]): Promise<void> {
	const indexRows = (await c.runAndReadAll(KELUHAN_INDEX_SQL, [`${area}.`])).getRowObjectsJS().map((r) => ({ ...r, bulan: r.bulan === null ? null : Number(r.bulan), n: Number(r.n) })) as unknown as KeluhanIndexRow[];
	const values = async (col: string) => (await c.runAndReadAll(`SELECT DISTINCT ${col} AS v FROM keluhan WHERE ${col} IS NOT NULL ORDER BY 1`)).getRowObjectsJS().map((r) => String(r.v));
	const kategori = ['', ...(await values('kategori'))];
	const program = ['', ...(await values('program'))];
	let compared = 0;
	for (const period of periods) {
		for (const k of kategori) {
			for (const p of program) {
				const filter = { kategori: k, program: p };
				const expected = await run<KeluhanRow>(c, 'keluhan', area, firstDay(period.start), lastDay(period.end), filter);
				expect(countKeluhan(indexRows, period, filter), `${period.start}..${period.end} ${k}/${p}`).toEqual(expected);
				compared += expected.length;
			}
		}
	}
	expect(compared).toBeGreaterThan(0);
}

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
	await conn.run(`
		CREATE TABLE wilayah AS SELECT * FROM (VALUES
			('35.76.01.1001', 'Satu', '35.76.01', 'Kec A'),
			('35.76.01.1002', 'Dua', '35.76.01', 'Kec A'),
			('35.76.02.1003', 'Tiga (tanpa RT)', '35.76.02', 'Kec B'),
			('35.7.01.1009', 'Prefix trap', '35.7.01', 'X')
		) t(kode_desa, nama_desa, kode_kec, nama_kec);
		CREATE TABLE rumah_tangga AS SELECT * FROM (VALUES
			('35.76.01.1001', 1, DATE '2024-01-05'), ('35.76.01.1001', 4, DATE '2024-01-05'),
			('35.76.01.1001', 5, DATE '2024-01-05'), ('35.76.01.1001', 2, DATE '2025-06-01'),
			('35.76.01.1002', 9, DATE '2024-03-01'), ('35.7.01.1009', 1, DATE '2024-01-01')
		) t(kode_desa, desil, tgl_registrasi);
		CREATE TABLE keluhan AS SELECT * FROM (VALUES
			('35.76.01.1001', DATE '2024-12-31', 'eksklusi', 'pkh'), ('35.76.01.1001', DATE '2025-01-01', 'eksklusi', 'pkh'),
			('35.76.01.1001', DATE '2025-03-31', 'pembayaran', 'bpnt'), ('35.76.01.1002', DATE '2025-04-01', 'eksklusi', 'pkh')
		) t(kode_desa, tgl_keluhan, kategori, program);
		CREATE TABLE rujukan AS SELECT * FROM (VALUES
			('35.76.01.1001', 'selesai', DATE '2025-01-10', DATE '2025-01-20', NULL),
			('35.76.01.1001', 'selesai', DATE '2025-02-01', DATE '2025-02-05', NULL),
			('35.76.01.1001', 'selesai', DATE '2025-03-01', DATE '2025-05-01', NULL),
			('35.76.01.1001', 'dirujuk', DATE '2025-03-02', NULL, NULL),
			('35.76.01.1002', 'ditolak', DATE '2024-12-01', NULL, DATE '2024-12-20'),
			('35.76.01.1002', 'ditolak', DATE '2025-01-02', NULL, DATE '2025-03-20'),
			('35.76.01.1002', 'ditolak', DATE '2025-01-03', NULL, DATE '2025-04-10')
		) t(kode_desa, status, tgl_terdaftar, tgl_selesai, tgl_ditolak);`);
	for (const sql of CREATE_AGGREGATES) await conn.run(sql);
});

afterAll(() => conn?.closeSync());

describe('layer queries on a fixture (period 2025-01..2025-03)', () => {
	const q = <T>(id: QueryId, area = '35.76') => run<T>(conn, id, area, '2025-01-01', '2025-03-31');

	it('kemiskinan: deciles 1–4 over households registered by the period end, every desa of the area', async () => {
		expect(await q<KemiskinanRow>('kemiskinan')).toEqual([
			{ kode: '35.76.01.1001', nama: 'Satu', kode_kec: '35.76.01', nama_kec: 'Kec A', rumah_tangga: 3, miskin: 2, nilai: 2 / 3 },
			{ kode: '35.76.01.1002', nama: 'Dua', kode_kec: '35.76.01', nama_kec: 'Kec A', rumah_tangga: 1, miskin: 0, nilai: 0 },
			{ kode: '35.76.02.1003', nama: 'Tiga (tanpa RT)', kode_kec: '35.76.02', nama_kec: 'Kec B', rumah_tangga: 0, miskin: 0, nilai: null }
		]);
	});

	it('keluhan: complaints inside the period, a row per desa that has any', async () => {
		// 1001: 2024-12-31 is before the period, 01-01 and 03-31 inside; 1002: 04-01 is after it.
		expect(await q<KeluhanRow>('keluhan')).toEqual([{ kode: '35.76.01.1001', keluhan: 2 }]);
	});

	it('keluhan: counts only the chosen complaint category and programme', async () => {
		const count = async (filter: KeluhanFilter) => {
			const rows = await run<KeluhanRow>(conn, 'keluhan', '35.76', '2025-01-01', '2025-03-31', filter);
			return ['35.76.01.1001', '35.76.01.1002', '35.76.02.1003'].map((k) => rows.find((r) => r.kode === k)?.keluhan ?? 0);
		};
		expect(await count({ kategori: 'eksklusi', program: '' })).toEqual([1, 0, 0]);
		expect(await count({ kategori: '', program: 'bpnt' })).toEqual([1, 0, 0]);
		expect(await count({ kategori: 'eksklusi', program: 'bpnt' })).toEqual([0, 0, 0]);
		expect(await count({ kategori: '', program: '' })).toEqual([2, 0, 0]);
		// Over a longer period both desa have complaints, in code order; the desa of another district none.
		expect(await run<KeluhanRow>(conn, 'keluhan', '35.76', '2024-01-01', '2025-12-31')).toEqual([
			{ kode: '35.76.01.1001', keluhan: 3 },
			{ kode: '35.76.01.1002', keluhan: 1 }
		]);
	});

	it('keluhan: the complaint index answers as the query does, for every filter and period', async () => {
		await expectIndexEqualsQuery(conn, '35.76', [{ start: '2025-01', end: '2025-03' }, { start: '2024-01', end: '2025-12' }, { start: '2025-04', end: '2025-04' }]);
	});

	it('rujukan: share of referrals registered in the period completed by its end, median days, past the 14-day standard', async () => {
		// 1001: done in 10 and 4 days; one done after the period end (open 30 days at 03-31); one open 29 days → 2 past.
		// 1002: one refused before the period end (closed, not past); one refused after it (open 87 days at 03-31 → past).
		expect(await q<RujukanRow>('rujukan')).toEqual([
			{ kode: '35.76.01.1001', rujukan: 4, selesai: 2, nilai: 0.5, median_hari: 7, lewat: 2, lewat_share: 0.5 },
			{ kode: '35.76.01.1002', rujukan: 2, selesai: 0, nilai: 0, median_hari: null, lewat: 1, lewat_share: 0.5 },
			{ kode: '35.76.02.1003', rujukan: 0, selesai: 0, nilai: null, median_hari: null, lewat: 0, lewat_share: null }
		]);
	});

	it('rujukan: the service standard is a parameter; "past" means strictly more days than it', async () => {
		const lewat = async (standar: number) => (await run<RujukanRow>(conn, 'rujukan', '35.76', '2025-01-01', '2025-03-31', undefined, standar)).map((r) => r.lewat);
		// 1001 days: 10 and 4 (done), 30 and 29 (open at the end). 1002: 87 (open at the end).
		expect(await lewat(7)).toEqual([3, 1, 0]);
		expect(await lewat(29)).toEqual([1, 1, 0]);
		expect(await lewat(30)).toEqual([0, 1, 0]);
		expect(await lewat(87)).toEqual([0, 0, 0]);
	});

	it('narrows to a kecamatan by code prefix', async () => {
		expect((await q<KemiskinanRow>('kemiskinan', '35.76.02')).map((r) => r.kode)).toEqual(['35.76.02.1003']);
	});
});

const EXTRACTS = join(import.meta.dirname, '..', '..', '..', 'static', 'extracts');

describe.runIf(existsSync(join(EXTRACTS, 'manifest.json')))('layer queries on the demo extracts (Kabupaten Tegal)', () => {
	let real: DuckDBConnection;
	beforeAll(async () => {
		real = await (await DuckDBInstance.create(':memory:')).connect();
		await real.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
		for (const t of ['wilayah', 'rumah_tangga', 'keluhan', 'rujukan']) {
			await real.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(EXTRACTS, t, '*', '*.parquet')}')`);
		}
		for (const sql of CREATE_AGGREGATES) await real.run(sql);
	});
	afterAll(() => real?.closeSync());

	it('keluhan: the complaint index answers as the query does, for every category and programme and three periods', async () => {
		await expectIndexEqualsQuery(real, '33.28', [{ start: '2025-11', end: '2026-10' }, { start: '2024-11', end: '2026-10' }, { start: '2026-03', end: '2026-03' }]);
	});

	it('returns all 287 desa, and the per-desa counts add up to the district totals', async () => {
		const [first, last] = ['2025-11-01', '2026-10-31'];
		const kem = await run<KemiskinanRow>(real, 'kemiskinan', '33.28', first, last);
		const kel = await run<KeluhanRow>(real, 'keluhan', '33.28', first, last);
		const ruj = await run<RujukanRow>(real, 'rujukan', '33.28', first, last);
		expect([kem.length, ruj.length]).toEqual([287, 287]);
		// Complaint rows only for desa of the data that had complaints (most of them), in code order.
		const desa = new Set(kem.map((r) => r.kode));
		expect(kel.length).toBeGreaterThan(200);
		expect(kel.every((r) => desa.has(r.kode) && r.keluhan > 0)).toBe(true);
		expect(kel.map((r) => r.kode)).toEqual([...kel.map((r) => r.kode)].sort());
		const one = async (sql: string) => Number(Object.values((await real.runAndReadAll(sql)).getRowObjectsJS()[0])[0]);
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(kem.map((r) => r.rumah_tangga))).toBe(await one(`SELECT count(*) FROM rumah_tangga WHERE kode_desa LIKE '33.28.%' AND tgl_registrasi <= DATE '${last}'`));
		expect(sum(kem.map((r) => r.miskin))).toBe(await one(`SELECT count(*) FROM rumah_tangga WHERE kode_desa LIKE '33.28.%' AND tgl_registrasi <= DATE '${last}' AND desil IN (1,2,3,4)`));
		expect(sum(kel.map((r) => r.keluhan))).toBe(await one(`SELECT count(*) FROM keluhan WHERE kode_desa LIKE '33.28.%' AND tgl_keluhan >= DATE '${first}' AND tgl_keluhan <= DATE '${last}'`));
		expect(sum(ruj.map((r) => r.rujukan))).toBe(await one(`SELECT count(*) FROM rujukan WHERE kode_desa LIKE '33.28.%' AND tgl_terdaftar >= DATE '${first}' AND tgl_terdaftar <= DATE '${last}'`));
		const d = ruj.find((r) => r.kode === '33.28.01.2001')!;
		expect(d.median_hari).toBe(await one(`SELECT quantile_cont(date_diff('day', tgl_terdaftar, tgl_selesai), 0.5) FROM rujukan WHERE kode_desa = '33.28.01.2001' AND status = 'selesai' AND tgl_terdaftar >= DATE '${first}' AND tgl_terdaftar <= DATE '${last}' AND tgl_selesai <= DATE '${last}'`));
	});
});
