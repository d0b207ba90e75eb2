/**
 * The loaded upload saved back as the pipeline writes an extract: ZSTD Parquet per table and
 * district in Hive layout (`<table>/kode_kab=PP.KK/data_0.parquet`) and a manifest.json with every
 * file's rows, bytes and SHA-256, so the result can be served as the dashboard's own extracts.
 */
import type { Manifest, ManifestArea, ManifestFile } from '../contract/manifest';
import { sha256Hex } from '../contract/sha256';
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../contract/schema';
import type { Period } from '../overview/period';

export interface SavePart {
	table: TableName;
	kodeKab: string;
	rows: number;
	/** the district's rows of the table as Arrow IPC */
	ipc: Uint8Array;
}


export async function buildSavedExtract(
	parts: readonly SavePart[],
	meta: { extractDate: string; window: Period; areas: ManifestArea[] },
	writeParquet: (ipc: Uint8Array) => Uint8Array
): Promise<{ path: string; bytes: Uint8Array }[]> {
	const out: { path: string; bytes: Uint8Array }[] = [];
	const files: ManifestFile[] = [];
	const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, { rows: 0 }])) as Manifest['tables'];
	for (const p of parts) {
		if (p.rows === 0) continue;
		const path = `${p.table}/kode_kab=${p.kodeKab}/data_0.parquet`;
		const bytes = writeParquet(p.ipc);
		out.push({ path, bytes });
		files.push({ path, table: p.table, kode_kab: p.kodeKab, rows: p.rows, bytes: bytes.length, sha256: await sha256Hex(bytes) });
		tables[p.table].rows += p.rows;
	}
	const manifest: Manifest = { schema_version: SCHEMA_VERSION, source: 'extract', extract_date: meta.extractDate, window: meta.window, areas: meta.areas, tables, files, summaries: [], databases: [] };
	out.push({ path: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 1)) });
	return out;
}
