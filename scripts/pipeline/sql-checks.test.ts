import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { looksLikeNik } from '../../src/lib/contract/pii';
import { CODE_PATTERNS } from '../../src/lib/contract/validate';
import { TABLE_NAMES, TABLES } from '../../src/lib/contract/schema';
import { JUNK, TYPED_JUNK, rng } from './corrupt-export';
import { DATE_RE, globOf, lineCheckSql, lineOkSql, lineValuesSql, lit } from './sql-checks';
import { fixtureRows } from './test-export';

/** A CSV field as the case database writes it: quoted when it holds a quote, comma or line break. */
const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('globOf', () => {
	it('matches exactly the strings each Kemendagri code pattern matches (DuckDB GLOB vs JS regex)', async () => {
		const r = rng(42);
		const alphabet = ['0', '1', '3', '4', '9', '.', 'a', ' ', '-'];
		const samples = ['33.28.01.2001', '33.28.01.1001', '33.28.01.4001', '33.28.01', '33.28', '33', '3.28', '33.28.01.20011', ' 33.28', '33,28'];
		for (let i = 0; i < 3000; i++) samples.push(Array.from({ length: 1 + r.int(14) }, () => r.pick(alphabet)).join(''));
		for (let i = 0; i < 1000; i++) samples.push(samples[i % 10].split('').map((ch) => (r.int(12) === 0 ? r.pick(alphabet) : ch)).join(''));
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			for (const [type, pattern] of Object.entries(CODE_PATTERNS)) {
				const sql = `SELECT x GLOB ${lit(globOf(pattern!))} AS m FROM (SELECT unnest([${samples.map(lit).join(', ')}]) AS x)`;
				const got = ((await conn.runAndReadAll(sql)).getRowObjectsJS() as { m: boolean }[]).map((row) => row.m);
				expect(got, type).toEqual(samples.map((s) => pattern!.test(s)));
				expect(got.filter(Boolean).length, type).toBeGreaterThan(0);
			}
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('refuses a pattern it cannot express', () => {
		expect(() => globOf(/^\d+$/)).toThrow();
		expect(() => globOf(/\d{2}/)).toThrow();
	});
});

/** NIKs as exports disguise them (pii.test.ts), and look-alikes that are no NIK. */
const NIK_DISGUISES = ["'3576011203850002", '3576 0112 0385 0003', '3576011203850004.0', 'NIK3576011203850005', 'NIK 3576011203850006', 'NIK:3576011203850006', '3576.0112.0385.0007', '3576-0112-0385-0009', '3576011203850010', '-7.576011203850011', '112.4286710000000'];
const NIK_LOOKALIKES = ['35760112038500', '357601120385000.0000', 'RT-3576-0112-0385', '112.42867100000', '35760112038500021'];

describe('lineCheckSql (a short line by its shape, then its typed values)', () => {
	const MAX_DATE = '2025-12-31';
	/** The fixture's rows with their few tolerated-but-not-canonical cells made canonical. */
	const canonicalRows = () => {
		const rows = fixtureRows();
		for (const r of rows.rumah_tangga) r.pengeluaran_kapita = '612500';
		for (const r of rows.puskesos) r.tgl_buka = '2025-06-15';
		return rows;
	};

	it('gives the same verdict as the field-by-field check on every damaged line (every junk value in every column)', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			for (const name of TABLE_NAMES) {
				const table = TABLES[name];
				const cols = table.columns.map((c) => c.name);
				const lines: string[] = [];
				for (const row of canonicalRows()[name]) {
					lines.push(cols.map((c) => field(row[c] ?? '')).join(','));
					for (const col of table.columns) {
						for (const junk of new Set([...JUNK, ...(TYPED_JUNK[col.type] ?? []), ...(col.values ?? []), ...NIK_DISGUISES, ...NIK_LOOKALIKES, '1e400', '9'.repeat(17), '2000-02-29', '1900-02-29', '2100-02-28', '2100-12-31'])) {
							lines.push(cols.map((c) => field(c === col.name ? junk : (row[c] ?? ''))).join(','));
						}
					}
					lines.push(`${lines[lines.length - 1]},extra`, cols.map(() => '').join(','), '');
				}
				const layout = { positions: cols.map((_, i) => i), expectedFields: cols.length, maxDate: MAX_DATE };
				await conn.run(`CREATE OR REPLACE TABLE lines AS SELECT * FROM (SELECT unnest([${lines.map((l) => (l === '' ? 'NULL' : lit(l))).join(', ')}]) AS l)`);
				const reader = await conn.runAndReadAll(`
					SELECT l, ${lineCheckSql(table, layout, ',')} AS shape, ${lineOkSql(table, layout)} AS fields FROM (
						SELECT l, f, ${lineValuesSql(table, layout)} FROM (SELECT l, string_split(l, ',') AS f FROM lines))`);
				const got = reader.getRowObjectsJS() as { l: string | null; shape: boolean; fields: boolean }[];
				expect(got.length, name).toBe(lines.length);
				const differ = got.filter((g) => g.shape !== g.fields).map((g) => g.l);
				expect(differ, name).toEqual([]);
				// Not vacuous: the undamaged lines and many damaged ones pass, and many fail.
				const passed = got.filter((g) => g.shape).length;
				expect(passed, name).toBeGreaterThan(got.length / 10);
				expect(got.length - passed, name).toBeGreaterThan(got.length / 10);
			}
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('flags every line with a NIK in any column, however disguised, for the JS intake to reject or pseudonymise (pii.ts decides)', async () => {
		const r = rng(16);
		// Seeded NIK disguises: groups of digits joined by the noise pii.ts undoes, with its prefixes and suffixes.
		const values = [...NIK_DISGUISES, ...NIK_LOOKALIKES];
		for (let i = 0; i < 300; i++) {
			const digits = Array.from({ length: 14 + r.int(4) }, () => String(r.int(10))).join('');
			const sep = r.pick(['', '', ' ', '.', '-', "'"]);
			const grouped = digits.match(/.{1,4}/g)!.join(sep);
			values.push(`${r.pick(['', '', "'", 'NIK', 'NIK ', 'KTP:', 'x'])}${grouped}${r.pick(['', '', '.0', '.00', '.5', 'a'])}`);
		}
		const niks = values.filter(looksLikeNik);
		expect(niks.length).toBeGreaterThan(50);
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			for (const name of TABLE_NAMES) {
				const table = TABLES[name];
				const cols = table.columns.map((c) => c.name);
				const [row] = canonicalRows()[name];
				const lines = [cols.map((c) => field(row[c] ?? '')).join(',')];
				for (const col of cols) for (const v of niks) lines.push(cols.map((c) => field(c === col ? v : (row[c] ?? ''))).join(','));
				const layout = { positions: cols.map((_, i) => i), expectedFields: cols.length, maxDate: MAX_DATE };
				await conn.run(`CREATE OR REPLACE TABLE lines AS SELECT * FROM (SELECT unnest([${lines.map(lit).join(', ')}]) AS l)`);
				const reader = await conn.runAndReadAll(`
					SELECT l, ${lineCheckSql(table, layout, ',')} AS shape, ${lineOkSql(table, layout)} AS fields FROM (
						SELECT l, f, ${lineValuesSql(table, layout)} FROM (SELECT l, string_split(l, ',') AS f FROM lines))`);
				const got = reader.getRowObjectsJS() as { l: string; shape: boolean; fields: boolean }[];
				// The undamaged line passes; no line with a NIK does, by either check.
				expect([got[0].shape, got[0].fields], name).toEqual([true, true]);
				expect(got.slice(1).filter((g) => g.shape || g.fields).map((g) => g.l), name).toEqual([]);
			}
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});

	it('accepts exactly the calendar dates DuckDB accepts, 1900 to 2100', async () => {
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		try {
			const reader = await conn.runAndReadAll(`
				WITH d AS (SELECT printf('%04d-%02d-%02d', y, m, day) AS s FROM range(1899, 2102) t(y), range(0, 14) u(m), range(0, 33) v(day))
				SELECT count(*) FILTER (WHERE regexp_full_match(s, ${lit(DATE_RE)}) <> (TRY_CAST(s AS DATE) IS NOT NULL AND s BETWEEN '1900-01-01' AND '2100-12-31'))::INTEGER AS differ,
				       count(*) FILTER (WHERE regexp_full_match(s, ${lit(DATE_RE)}))::INTEGER AS ok FROM d`);
			const [{ differ, ok }] = reader.getRowObjectsJS() as { differ: number; ok: number }[];
			expect(differ).toBe(0);
			// 201 years of 365 days, plus the leap days of 1904..2096 (2000 included, 1900 and 2100 not).
			expect(ok).toBe(201 * 365 + 49);
		} finally {
			conn.closeSync();
			instance.closeSync();
		}
	});
});
