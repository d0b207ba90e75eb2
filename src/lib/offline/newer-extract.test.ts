import { describe, expect, test } from 'vitest';
import type { Manifest, ManifestFile } from '../contract/manifest';
import { RECHECK_MS, dueForCheck, newerOnServer } from './newer-extract';

const file = (path: string, sha: string): ManifestFile => ({ path, table: 'database', kode_kab: '35.76', rows: 0, bytes: 1, sha256: sha.repeat(64 / sha.length) });
const manifest = (extract_date: string, db: string, summary = 'a'): Manifest =>
	({
		schema_version: '1.0.0',
		source: 'extract',
		extract_date,
		window: { start: '2024-11', end: '2026-10' },
		areas: [],
		tables: {},
		files: [],
		summaries: [file('ringkasan/kode_kab=35.76.json', summary)],
		databases: [file('db/kode_kab=35.76.duckdb', db)]
	}) as unknown as Manifest;

describe('newerOnServer', () => {
	test("the server's manifest is another extract: named by its date", () => {
		expect(newerOnServer(manifest('2026-09-30', '1'), manifest('2026-10-31', '2'))).toEqual({ extract_date: '2026-10-31' });
	});
	test('the same extract, its manifest written again (another order of keys or files), is not newer', () => {
		const shown = manifest('2026-10-31', '1');
		const served = { ...manifest('2026-10-31', '1'), databases: [...shown.databases].reverse() };
		expect(newerOnServer(shown, served)).toBeNull();
	});
	test('a file replaced with the date kept (a re-run of the same month) is another extract', () => {
		expect(newerOnServer(manifest('2026-10-31', '1'), manifest('2026-10-31', '1', 'b'))).toEqual({ extract_date: '2026-10-31' });
	});
	test('an older extract put back on the server is said too: the page does not show what the server serves', () => {
		expect(newerOnServer(manifest('2026-10-31', '2'), manifest('2026-09-30', '1'))).toEqual({ extract_date: '2026-09-30' });
	});
});

describe('dueForCheck', () => {
	test('the first time, then no more often than RECHECK_MS', () => {
		expect(dueForCheck(null, 1_000)).toBe(true);
		expect(dueForCheck(1_000, 1_000 + RECHECK_MS - 1)).toBe(false);
		expect(dueForCheck(1_000, 1_000 + RECHECK_MS)).toBe(true);
	});
});
