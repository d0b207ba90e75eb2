import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { CODE_PATTERNS } from '../../src/lib/contract/validate';
import { rng } from './corrupt-export';
import { globOf, lit } from './sql-checks';

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
