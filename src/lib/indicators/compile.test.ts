/**
 * The compiler's SQL for each indicator kind, read as text, and then run by native DuckDB on a
 * tiny inline fixture whose figures are worked out by hand in the comments below.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLES, TABLE_NAMES, sqlType } from '../contract/schema';
import { CATALOGUE } from './catalogue';
import { availableAt, bindQuery, compileBatch, compileIndicator, EARTH_RADIUS_KM } from './compile';
import type { IndicatorDef, Level } from './types';

const def = (id: string): IndicatorDef => CATALOGUE.find((d) => d.id === id)!;

describe('SQL per indicator kind', () => {
	test('ratio: numerator and denominator grouped by the level, values as parameters', () => {
		const q = compileIndicator(def('eksklusi_pkh'), 'kec')!;
		expect(q.sql).toContain('left("kode_desa", 8) AS kode');
		expect(q.sql).toMatch(/num AS \(\s+SELECT left\("kode_desa", 8\) AS kode, count\(\*\) AS n\s+FROM "rumah_tangga"/);
		expect(q.sql).toContain('"tgl_registrasi" <= $3::DATE');
		expect(q.sql).toContain('"desil" IN ($4, $5, $6, $7)');
		expect(q.sql).toContain('"terima_pkh" = $8');
		expect(q.sql).toContain('"desil" IN ($9, $10, $11, $12)');
		expect(q.sql).toContain('$13::DOUBLE * coalesce(num.n, 0) / nullif(den.n, 0) AS nilai');
		expect(q.params).toEqual([null, null, null, 1, 2, 3, 4, false, 1, 2, 3, 4, 1]);
		// No value is written into the SQL text.
		expect(q.sql).not.toMatch(/'(pkh|selesai)'|\bfalse\b/);
	});

	test('ratio with a distinct count, at desa level the full code is the key', () => {
		const q = compileIndicator(def('desa_puskesos'), 'desa')!;
		expect(q.sql).toContain('SELECT "kode_desa" AS kode, count(DISTINCT "kode_desa") AS n');
		expect(q.sql).toContain('FROM "puskesos"');
	});

	test('count: rows in the period', () => {
		const q = compileIndicator(def('puskesos_baru'), 'kab')!;
		expect(q.sql).toContain('"tgl_buka" BETWEEN $2::DATE AND $3::DATE');
		expect(q.sql).toContain('left("kode_desa", 5) AS kode');
		expect(q.sql).toContain('NULL::DOUBLE AS penyebut');
		expect(q.params).toEqual([null, null, null]);
	});

	test('median of days between two dates', () => {
		const q = compileIndicator(def('median_hari_keluhan'), 'kab')!;
		expect(q.sql).toContain(`median(date_diff('day', "tgl_keluhan", "tgl_selesai"))::DOUBLE AS nilai`);
		expect(q.sql).toContain('"status" = $4');
		expect(q.params.slice(3)).toEqual(['selesai']);
	});

	test('date operators: elapsed past a standard, open at the end, within and older than a number of days', () => {
		expect(compileIndicator(def('keluhan_lewat_standar'), 'kab')!.sql).toContain(`date_diff('day', "tgl_keluhan", least(coalesce("tgl_selesai", $3::DATE), $3::DATE)) > $4`);
		const backlog = compileIndicator(def('tunggakan_30'), 'kab')!.sql;
		expect(backlog).toContain('"tgl_keluhan" < $3::DATE - $4::INTEGER');
		expect(backlog).toContain('("tgl_selesai" IS NULL OR "tgl_selesai" > $3::DATE)');
		expect(compileIndicator(def('rt_mutakhir'), 'kab')!.sql).toContain('"tgl_pemutakhiran" > $3::DATE - $4::INTEGER AND "tgl_pemutakhiran" <= $3::DATE');
	});

	test('coverage within a distance: haversine with the radius and distance as parameters', () => {
		const q = compileIndicator(def('desa_dekat_puskesos'), 'kec')!;
		expect(q.sql).toContain('asin(sqrt(');
		expect(q.sql).toContain('<= $5::DOUBLE');
		expect(q.params.slice(3)).toEqual([EARTH_RADIUS_KM, 5]);
	});

	test('no case-data figure: BPS context at any level, facilitators below kecamatan', () => {
		expect(compileIndicator(def('bps_p0'), 'kab')).toBeNull();
		expect(availableAt(def('fasilitator_per_1000'), 'kec')).toBe(true);
		expect(compileIndicator(def('fasilitator_per_1000'), 'desa')).toBeNull();
		expect(compileIndicator(def('fasilitator_per_1000'), 'kec')!.sql).toContain('left("kode_kec", 8) AS kode');
	});

	test('batch: the parameters of later indicators renumbered after earlier ones, a shared filter once, ids as parameters', () => {
		const q = compileBatch([def('eksklusi_pkh'), def('median_hari_keluhan'), def('bps_p0')], 'kab')!;
		// eksklusi_pkh's numerator and denominator share the poor deciles ($4–$7); its numerator adds
		// "not receiving" ($8), its scale is $9 and its id $10; median_hari_keluhan's 'selesai' becomes $11, its id $12.
		expect(q.params).toEqual([null, null, null, 1, 2, 3, 4, false, 1, 'eksklusi_pkh', 'selesai', 'median_hari_keluhan']);
		expect(q.sql).toContain('SELECT $10::VARCHAR AS indikator');
		expect(q.sql).toContain('("desil" IN ($4, $5, $6, $7)) AS f1');
		expect(q.sql).toContain('"status" = $11');
		expect(q.sql).toContain('SELECT $12::VARCHAR AS indikator');
		expect(q.sql.match(/UNION ALL/g)).toHaveLength(1); // BPS context has no SQL
		expect(compileBatch([def('bps_p0')], 'kab')).toBeNull();
	});

	test('batch: the households are read once, and a row set shared by indicators is counted once', () => {
		const q = compileBatch(CATALOGUE, 'kec')!;
		// Medians and distances keep statements of their own; every count of a table is one pass over it.
		for (const table of ['rumah_tangga', 'rujukan', 'fasilitator']) expect(q.sql.match(new RegExp(`FROM "${table}"\\n`, 'g')), table).toHaveLength(1);
		expect(q.sql).toContain('"n_rumah_tangga" AS MATERIALIZED');
		// The poor registered households are the denominator of three exclusion errors and of facilitators per 1,000.
		const sets = CATALOGUE.filter((d) => availableAt(d, 'kec')).flatMap((d) => (d.kind === 'ratio' ? [d.numerator, d.denominator] : d.kind === 'count' ? [d.rows] : []));
		const distinct = new Set(sets.map((s) => JSON.stringify(s))).size;
		expect(distinct).toBeLessThan(sets.length);
		expect(q.sql.match(/ AS c\d+/g)).toHaveLength(distinct);
	});

	test('bindQuery fills the area and period and keeps the definition values', () => {
		const b = bindQuery(compileIndicator(def('median_hari_keluhan'), 'kab')!, '33.28.', '2025-01-01', '2025-12-31');
		expect(b.params).toEqual(['33.28.', '2025-01-01', '2025-12-31', 'selesai']);
	});
});

// ---- Native DuckDB on a hand-made fixture: district 33.28 with two kecamatan, and one desa of 33.11 to stay out.
// Period 2025-01-01 .. 2025-12-31.
const FIXTURE: Record<string, string[]> = {
	wilayah: [
		`('33.28.01.2001', -7.0, 109.0)`, // has the open Puskesos
		`('33.28.01.2002', -7.0, 109.1)`, // ≈ 11 km east of it
		`('33.28.02.2001', -7.02, 109.0)`, // ≈ 2.2 km south of it; its own Puskesos opens after the period
		`('33.11.01.2001', -7.6, 110.8)`
	],
	puskesos: [`('p1', '33.28.01.2001', -7.0, 109.0, DATE '2025-03-01')`, `('p2', '33.28.02.2001', -7.02, 109.0, DATE '2026-02-01')`, `('p3', '33.11.01.2001', -7.6, 110.8, DATE '2025-01-01')`],
	fasilitator: [`('f1', '33.28.01')`, `('f2', '33.28.01')`, `('f3', '33.28.02')`, `('f4', '33.11.01')`],
	// id_rt, kode_desa, desil, tgl_registrasi, terima_pkh, padan_dtsen, tgl_pemutakhiran
	rumah_tangga: [
		`('h1', '33.28.01.2001', 1, DATE '2024-01-01', true, true, DATE '2025-06-01')`,
		`('h2', '33.28.01.2001', 3, DATE '2024-01-01', false, false, DATE '2024-06-01')`,
		`('h3', '33.28.01.2002', 8, DATE '2024-01-01', true, true, DATE '2025-12-31')`, // updated on the last day: within
		`('h4', '33.28.02.2001', 2, DATE '2026-01-10', false, true, DATE '2026-01-10')`, // registered after the period
		`('h5', '33.28.02.2001', 5, DATE '2025-05-05', false, true, DATE '2024-12-31')`, // exactly 365 days before the end: not within
		`('h6', '33.11.01.2001', 1, DATE '2024-01-01', false, false, DATE '2025-01-01')`
	],
	// id_keluhan, kode_desa, tgl_keluhan, status, tgl_selesai
	keluhan: [
		`('k1', '33.28.01.2001', DATE '2025-02-01', 'selesai', DATE '2025-02-11')`, // 10 days
		`('k2', '33.28.01.2001', DATE '2025-03-01', 'selesai', DATE '2025-03-21')`, // 20 days: past the standard
		`('k3', '33.28.01.2002', DATE '2025-12-20', 'diproses', NULL)`, // open 11 days at the end
		`('k4', '33.28.02.2001', DATE '2025-06-01', 'selesai', DATE '2026-01-15')`, // resolved after the period: open at its end
		`('k5', '33.28.02.2001', DATE '2024-12-01', 'diproses', NULL)`, // before the period, still open: backlog
		`('k7', '33.28.02.2001', DATE '2025-04-01', 'ditolak', DATE '2025-04-03')`,
		`('k6', '33.11.01.2001', DATE '2025-02-01', 'selesai', DATE '2025-02-05')`
	],
	// id_rujukan, kode_desa, status, tgl_terdaftar, tgl_selesai
	rujukan: [
		`('r1', '33.28.01.2001', 'selesai', DATE '2025-03-01', DATE '2025-04-01')`,
		`('r2', '33.28.02.2001', 'dirujuk', DATE '2025-05-01', NULL)`,
		`('r3', '33.28.02.2001', 'selesai', DATE '2025-11-01', DATE '2026-01-05')`
	]
};
const COLUMNS: Record<string, string> = {
	wilayah: 'kode_desa, lat, lng',
	puskesos: 'id_puskesos, kode_desa, lat, lng, tgl_buka',
	fasilitator: 'id_fasilitator, kode_kec',
	rumah_tangga: 'id_rt, kode_desa, desil, tgl_registrasi, terima_pkh, padan_dtsen, tgl_pemutakhiran',
	keluhan: 'id_keluhan, kode_desa, tgl_keluhan, status, tgl_selesai',
	rujukan: 'id_rujukan, kode_desa, status, tgl_terdaftar, tgl_selesai'
};

let conn: DuckDBConnection;
beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of TABLE_NAMES) {
		// Every contract column, with its contract type; the fixture fills the ones the indicators read.
		await conn.run(`CREATE TABLE ${t} (${TABLES[t].columns.map((c) => `${c.name} ${sqlType(c)}`).join(', ')})`);
		await conn.run(`INSERT INTO ${t} (${COLUMNS[t]}) VALUES ${FIXTURE[t].join(', ')}`);
	}
});
afterAll(() => conn?.closeSync());

interface Row {
	kode: string;
	nilai: number | null;
	pembilang: number | null;
	penyebut: number | null;
}
async function run(id: string, level: Level): Promise<Row[]> {
	const q = bindQuery(compileIndicator(def(id), level)!, '33.28.', '2025-01-01', '2025-12-31');
	const r = await conn.runAndReadAll(q.sql, q.params as never);
	return r.getRowObjectsJS().map((o) => ({ kode: String(o.kode), nilai: o.nilai === null ? null : Number(o.nilai), pembilang: o.pembilang === null ? null : Number(o.pembilang), penyebut: o.penyebut === null ? null : Number(o.penyebut) }));
}
const values = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.kode, r.nilai]));

describe('compiled SQL on native DuckDB, figures worked out by hand', () => {
	test('every indicator of the catalogue runs at every level it has', async () => {
		for (const d of CATALOGUE)
			for (const level of ['kab', 'kec', 'desa'] as const) if (availableAt(d, level)) expect((await run(d.id, level)).length, `${d.id} ${level}`).toBeGreaterThan(0);
	});

	test('complaints resolved: 2 of the 5 received in the period (k4 resolved only after it)', async () => {
		expect(await run('keluhan_selesai', 'kab')).toEqual([{ kode: '33.28', nilai: 0.4, pembilang: 2, penyebut: 5 }]);
		expect(values(await run('keluhan_selesai', 'kec'))).toEqual({ '33.28.01': 2 / 3, '33.28.02': 0 });
	});

	test('median days 15 (10 and 20); a kecamatan with none has no median', async () => {
		expect(await run('median_hari_keluhan', 'kec')).toEqual([
			{ kode: '33.28.01', nilai: 15, pembilang: null, penyebut: 2 },
			{ kode: '33.28.02', nilai: null, pembilang: null, penyebut: 0 }
		]);
	});

	test('past the 14-day standard: k2 (20 days) and k4 (open 213 days at the end) of 5', async () => {
		expect(values(await run('keluhan_lewat_standar', 'kab'))).toEqual({ '33.28': 0.4 });
	});

	test('backlog over 30 days: k4 and k5 per 4 households registered by the end → 500 per 1,000', async () => {
		expect(await run('tunggakan_30', 'kab')).toEqual([{ kode: '33.28', nilai: 500, pembilang: 2, penyebut: 4 }]);
	});

	test('exclusion and inclusion error for PKH', async () => {
		expect(values(await run('eksklusi_pkh', 'kab'))).toEqual({ '33.28': 0.5 }); // h2 of h1, h2 (h4 registered later)
		expect(values(await run('inklusi_pkh', 'kab'))).toEqual({ '33.28': 1 }); // h3 of h3
		expect(values(await run('inklusi_pkh', 'kec'))).toEqual({ '33.28.01': 1, '33.28.02': null }); // no rich household in 02
	});

	test('updated in the last 365 days: h1 and h3 (the last day counts, 365 days before does not) of 4', async () => {
		expect(values(await run('rt_mutakhir', 'kab'))).toEqual({ '33.28': 0.5 });
		expect(values(await run('padan_dtsen', 'kab'))).toEqual({ '33.28': 0.75 });
	});

	test('Puskesos: 1 of 3 desa has one open by the end; 2 of 3 lie within 5 km of it; 1 opened in the period', async () => {
		expect(values(await run('desa_puskesos', 'kab'))).toEqual({ '33.28': 1 / 3 });
		expect(values(await run('desa_puskesos', 'desa'))).toEqual({ '33.28.01.2001': 1, '33.28.01.2002': 0, '33.28.02.2001': 0 });
		expect(values(await run('desa_dekat_puskesos', 'desa'))).toEqual({ '33.28.01.2001': 1, '33.28.01.2002': 0, '33.28.02.2001': 1 });
		expect(values(await run('puskesos_baru', 'kec'))).toEqual({ '33.28.01': 1, '33.28.02': 0 });
	});

	test('facilitators per 1,000 poor households: 3 per 2 → 1,500; a kecamatan without poor households has none', async () => {
		expect(values(await run('fasilitator_per_1000', 'kab'))).toEqual({ '33.28': 1500 });
		expect(values(await run('fasilitator_per_1000', 'kec'))).toEqual({ '33.28.01': 1000, '33.28.02': null });
	});

	test('referrals completed: r1 of the 3 registered in the period (r3 completes after it)', async () => {
		expect(values(await run('rujukan_selesai', 'kab'))).toEqual({ '33.28': 1 / 3 });
	});

	test('one batched statement gives exactly the rows of each indicator run alone, at every level', async () => {
		for (const level of ['kab', 'kec', 'desa'] as const) await expectBatchEqualsAlone(conn, '33.28.', '2025-01-01', '2025-12-31', level);
	});
});

/** Rows of a bound statement, as numbers (counts come back as BigInt). */
async function rowsOf(c: DuckDBConnection, q: { sql: string; params: unknown[] }): Promise<(Row & { indikator?: string })[]> {
	const num = (v: unknown) => (v === null ? null : Number(v));
	return (await c.runAndReadAll(q.sql, q.params as never)).getRowObjectsJS().map((o) => ({ ...(o.indikator === undefined ? {} : { indikator: String(o.indikator) }), kode: String(o.kode), nilai: num(o.nilai), pembilang: num(o.pembilang), penyebut: num(o.penyebut) }));
}

/** The batch of the whole catalogue at a level gives, indicator by indicator, the rows of its own statement. */
async function expectBatchEqualsAlone(c: DuckDBConnection, prefix: string, first: string, last: string, level: Level): Promise<void> {
	const batched = await rowsOf(c, bindQuery(compileBatch(CATALOGUE, level)!, prefix, first, last));
	for (const d of CATALOGUE) {
		if (!availableAt(d, level)) {
			expect(batched.some((r) => r.indikator === d.id), `${d.id} ${level}`).toBe(false);
			continue;
		}
		const mine = batched.filter((r) => r.indikator === d.id).map(({ indikator: _, ...r }) => r);
		mine.sort((x, y) => (x.kode < y.kode ? -1 : 1));
		expect(mine, `${d.id} ${level} ${first}..${last}`).toEqual(await rowsOf(c, bindQuery(compileIndicator(d, level)!, prefix, first, last)));
	}
}

const DEMO_DB = join(import.meta.dirname, '..', '..', '..', 'static', 'extracts', 'db');

describe.runIf(existsSync(join(DEMO_DB, 'kode_kab=33.28.duckdb')))('the batch on the demo extracts', () => {
	let demo: DuckDBConnection;
	beforeAll(async () => {
		demo = await (await DuckDBInstance.create(':memory:')).connect();
		await demo.run(`SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;`);
		for (const kab of ['33.28', '35.76']) await demo.run(`ATTACH '${join(DEMO_DB, `kode_kab=${kab}.duckdb`)}' AS "d${kab}" (READ_ONLY)`);
		for (const t of TABLE_NAMES) await demo.run(`CREATE VIEW ${t} AS SELECT * FROM "d33.28".${t} UNION ALL SELECT * FROM "d35.76".${t}`);
	});
	afterAll(() => demo?.closeSync());

	test('Kabupaten Tegal and Kota Mojokerto: the batch equals each indicator alone, at every level, in three periods', async () => {
		for (const prefix of ['33.28.', '35.76.'])
			for (const [first, last] of [['2025-11-01', '2026-10-31'], ['2026-07-01', '2026-09-30'], ['2024-11-01', '2026-10-31']])
				for (const level of ['kab', 'kec', ...(first === '2025-11-01' ? (['desa'] as const) : [])] as const) await expectBatchEqualsAlone(demo, prefix, first, last, level);
	});
});
