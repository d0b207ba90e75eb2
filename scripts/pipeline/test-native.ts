/**
 * Native DuckDB for the pipeline's tests: one in-memory instance per test file, opened before its
 * tests and closed after them, and views over the Parquet files an extract's manifest lists (the
 * dashboard's tables and aggregates, as the browser sees them). Not a test itself (no `.test.ts`).
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import type { Manifest } from '../../src/lib/contract/manifest';
import { TABLE_NAMES, type TableName } from '../../src/lib/contract/schema';
import { AGGREGATES, createAggregateSql } from '../../src/lib/db/aggregates';

/** The file's connection, usable inside its tests and hooks (opened in a beforeAll registered here). */
export function nativeForTests(): () => DuckDBConnection {
	let instance: DuckDBInstance | undefined;
	let conn: DuckDBConnection | undefined;
	beforeAll(async () => {
		instance = await DuckDBInstance.create(':memory:');
		conn = await instance.connect();
		await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
	});
	afterAll(() => {
		conn?.closeSync();
		instance?.closeSync();
	});
	return () => conn!;
}

/** Creates, in a fresh schema, a view per table over the files the manifest lists for it, and the aggregates over those. */
export async function viewsOver(conn: DuckDBConnection, dir: string, manifest: Manifest, schema: string, tables: readonly TableName[] = TABLE_NAMES): Promise<void> {
	await conn.run(`CREATE SCHEMA ${schema}`);
	for (const t of tables) {
		const files = manifest.files.filter((f) => f.table === t).map((f) => `'${join(dir, f.path).replace(/'/g, "''")}'`);
		if (files.length) await conn.run(`CREATE VIEW ${schema}.${t} AS SELECT * FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`);
	}
	for (const a of AGGREGATES) await conn.run(createAggregateSql(a, `${schema}.${a.name}`, `${schema}.${a.source}`));
}
