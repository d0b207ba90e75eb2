/**
 * The extract pipeline: a case-database export (CSV per contract table) → validated,
 * pseudonymous, ZSTD Parquet partitioned by kabupaten (Hive layout `kode_kab=33.28/`), per-district
 * summaries for the first figures, a validation report and a manifest with SHA-256 of every file.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AGGREGATES, createAggregateSql } from '../../src/lib/db/aggregates';
import { IntegrityChecker } from '../../src/lib/contract/integrity';
import { INTAKE_MESSAGES, type IntakeError } from '../../src/lib/contract/intake';
import { isIdentifyingColumn } from '../../src/lib/contract/pii';
import { SCHEMA_VERSION, TABLE_NAMES, TABLES, sqlType, type TableName } from '../../src/lib/contract/schema';
import { ERROR_MESSAGES, type ErrorCode } from '../../src/lib/contract/validate';
import { monthFromIndex, monthIndex, type Period } from '../../src/lib/overview/period';
import type { Manifest, ManifestArea, ManifestFile } from '../../src/lib/contract/manifest';
import { CsvSink } from '../lib/csv-sink';
import { intakeCsv, type TableIntakeResult } from './intake-csv';
import { districtSummary } from './summary';

/** Rows per Parquet row group: DuckDB's vector-aligned default, decoded one group at a time in the browser. */
const ROW_GROUP_SIZE = 122_880;

export interface ExtractOptions {
	inDir: string;
	outDir: string;
	reportDir: string;
	/** last day the export covers; later dates are rejected */
	extractDate: string;
	/** months of history the dashboard offers, ending with the extract month */
	months: number;
	/** secret salt for pseudonymising NIK-shaped ids; without it such rows are rejected */
	salt?: string;
	/** real village codes; wilayah rows outside it are rejected */
	knownDesa?: ReadonlySet<string>;
	source: 'demo' | 'extract';
	log?: (line: string) => void;
}

export interface ExtractResult {
	manifest: Manifest;
	tables: TableIntakeResult[];
	errors: number;
}

export class PipelineError extends Error {}

export async function runExtract(opts: ExtractOptions): Promise<ExtractResult> {
	const log = opts.log ?? (() => {});
	const tmp = join(opts.outDir, '.tmp');
	rmSync(opts.outDir, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	mkdirSync(opts.reportDir, { recursive: true });

	const checker = new IntegrityChecker(opts.knownDesa);
	const errorSink = new CsvSink(join(opts.reportDir, 'laporan-validasi.csv'), ['tabel', 'baris', 'kolom', 'kode', 'alasan', 'reason', 'nilai']);
	const errorCounts = new Map<string, number>();
	const onError = (e: IntakeError) => {
		const msg = ERROR_MESSAGES[e.code as ErrorCode] ?? INTAKE_MESSAGES[e.code as keyof typeof INTAKE_MESSAGES] ?? { id: e.code, en: e.code };
		errorSink.write([e.table, e.row, e.column, e.code, msg.id, msg.en, e.value.slice(0, 100)]);
		const key = `${e.table}\t${e.column}\t${e.code}`;
		errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
	};
	const pseudonymise = opts.salt ? (v: string) => `H${createHmac('sha256', opts.salt!).update(v).digest('hex').slice(0, 20)}` : undefined;

	const tables: TableIntakeResult[] = [];
	try {
		for (const name of TABLE_NAMES) {
			const t0 = performance.now();
			const r = await intakeCsv(TABLES[name], join(opts.inDir, `${name}.csv`), join(tmp, `${name}.csv`), checker, { maxDate: opts.extractDate, pseudonymise }, onError);
			tables.push(r);
			log(`${name}: ${r.read} dibaca, ${r.accepted} diterima, ${r.rejected} ditolak${r.droppedIdentifying.length ? `, kolom identitas dibuang: ${r.droppedIdentifying.join(', ')}` : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
			if (r.fatal) throw new PipelineError(r.fatal);
		}
	} finally {
		errorSink.close();
		writeFileSync(join(opts.reportDir, 'laporan-validasi.json'), JSON.stringify({ tables, errors: [...errorCounts].map(([k, n]) => { const [table, column, code] = k.split('\t'); return { table, column, code, rows: n }; }) }, null, 2));
	}

	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		await conn.run(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET preserve_insertion_order = true;`);
		for (const name of TABLE_NAMES) await loadClean(conn, name, join(tmp, `${name}.csv`));
		const window = windowOf(opts.extractDate, opts.months);
		const files = await writeParquet(conn, opts.outDir);
		const areas = await areasOf(conn);
		const summaries: ManifestFile[] = [];
		for (const a of areas) {
			const path = `ringkasan/kode_kab=${a.kode_kab}.json`;
			mkdirSync(join(opts.outDir, 'ringkasan'), { recursive: true });
			writeFileSync(join(opts.outDir, path), JSON.stringify(await districtSummary(conn, a.kode_kab, window)));
			summaries.push(fileEntry(opts.outDir, path, 'ringkasan', a.kode_kab, 0));
		}
		const databases: ManifestFile[] = [];
		for (const a of areas) databases.push(await writeDistrictDatabase(conn, opts.outDir, a.kode_kab, files));
		rmSync(tmp, { recursive: true, force: true });
		const manifest: Manifest = {
			schema_version: SCHEMA_VERSION,
			source: opts.source,
			extract_date: opts.extractDate,
			window,
			areas,
			tables: Object.fromEntries(tables.map((t) => [t.table, { rows: t.accepted }])) as Manifest['tables'],
			files,
			summaries,
			databases
		};
		writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
		return { manifest, tables, errors: [...errorCounts.values()].reduce((a, b) => a + b, 0) };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

function windowOf(extractDate: string, months: number): Period {
	const end = extractDate.slice(0, 7);
	return { start: monthFromIndex(monthIndex(end) - months + 1), end };
}

async function loadClean(conn: DuckDBConnection, name: TableName, file: string): Promise<void> {
	const cols = TABLES[name].columns.map((c) => `'${c.name}': '${sqlType(c)}'`).join(', ');
	await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, columns = {${cols}}, nullstr = '', quote = '"', escape = '"', dateformat = '%Y-%m-%d')`);
}

/** Writes every table as Parquet partitioned by kabupaten, sorted for the dashboard's filters. */
async function writeParquet(conn: DuckDBConnection, outDir: string): Promise<ManifestFile[]> {
	const files: ManifestFile[] = [];
	for (const name of TABLE_NAMES) {
		const spec = TABLES[name];
		const kab = name === 'fasilitator' ? 'substr(kode_kec, 1, 5)' : 'substr(kode_desa, 1, 5)';
		const dir = join(outDir, name);
		// Every file keeps kode_kab (WRITE_PARTITION_COLUMNS) so the browser can filter by district without path parsing.
		const select = spec.columns.some((c) => c.name === 'kode_kab') ? '*' : `*, ${kab} AS kode_kab`;
		await conn.run(`COPY (SELECT ${select} FROM ${name} ORDER BY ${spec.sortBy.join(', ')}) TO '${dir}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (kode_kab), WRITE_PARTITION_COLUMNS true, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}, OVERWRITE_OR_IGNORE)`);
		const reader = await conn.runAndReadAll(`SELECT ${kab} AS kode_kab, count(*) AS n FROM ${name} GROUP BY 1 ORDER BY 1`);
		for (const r of reader.getRowObjectsJS()) {
			const kodeKab = String(r.kode_kab);
			for (const f of readdirSync(join(dir, `kode_kab=${kodeKab}`)).sort()) {
				const path = `${name}/kode_kab=${kodeKab}/${f}`;
				await refuseIdentifying(conn, join(outDir, path));
				files.push(fileEntry(outDir, path, name, kodeKab, Number(r.n)));
			}
		}
	}
	return files;
}

/**
 * A district's tables as one DuckDB database file, built from the Parquet just written, which
 * DuckDB-WASM 1.4 can attach (storage format v1.0.0). Loading it is several times faster than
 * decoding Parquet to Arrow in the browser (bench/load-routes.ts, docs/data-loading.md).
 */
async function writeDistrictDatabase(conn: DuckDBConnection, outDir: string, kodeKab: string, files: ManifestFile[]): Promise<ManifestFile> {
	const path = `db/kode_kab=${kodeKab}.duckdb`;
	mkdirSync(join(outDir, 'db'), { recursive: true });
	await conn.run(`ATTACH '${join(outDir, path)}' AS district (STORAGE_VERSION 'v1.0.0')`);
	try {
		for (const name of TABLE_NAMES) {
			const parts = files.filter((f) => f.table === name && f.kode_kab === kodeKab).map((f) => `'${join(outDir, f.path)}'`);
			const empty = TABLES[name].columns.some((c) => c.name === 'kode_kab') ? `SELECT * FROM ${name} LIMIT 0` : `SELECT *, NULL::VARCHAR AS kode_kab FROM ${name} LIMIT 0`;
			const source = parts.length ? `read_parquet([${parts.join(', ')}], hive_partitioning = false)` : `(${empty})`;
			await conn.run(`CREATE TABLE district.${name} AS SELECT * FROM ${source}`);
		}
		// The per-desa aggregates the dashboard's filters read instead of the household rows.
		for (const a of AGGREGATES) await conn.run(createAggregateSql(a, `district.${a.name}`, `district.${a.source}`));
	} finally {
		await conn.run(`DETACH district`);
	}
	return fileEntry(outDir, path, 'database', kodeKab, 0);
}

/** Last line of defence: no column of a written extract may be an identifying one. */
async function refuseIdentifying(conn: DuckDBConnection, file: string): Promise<void> {
	const reader = await conn.runAndReadAll(`SELECT name FROM parquet_schema('${file}') WHERE name <> 'duckdb_schema'`);
	const bad = reader.getRowObjectsJS().map((r) => String(r.name)).filter(isIdentifyingColumn);
	if (bad.length) {
		rmSync(file);
		throw new PipelineError(`Kolom identitas tidak boleh masuk ekstrak / identifying columns refused: ${bad.join(', ')} in ${file}`);
	}
}

function fileEntry(outDir: string, path: string, table: ManifestFile['table'], kodeKab: string, rows: number): ManifestFile {
	const abs = join(outDir, path);
	return { path: relative(outDir, abs), table, kode_kab: kodeKab, rows, bytes: statSync(abs).size, sha256: createHash('sha256').update(readFileSync(abs)).digest('hex') };
}

async function areasOf(conn: DuckDBConnection): Promise<ManifestArea[]> {
	const reader = await conn.runAndReadAll(`
		SELECT kode_kab, any_value(nama_kab) AS nama_kab, any_value(kode_prov) AS kode_prov, any_value(nama_prov) AS nama_prov, count(*) AS desa,
		       list(DISTINCT {'kode': kode_kec, 'nama': nama_kec} ORDER BY {'kode': kode_kec, 'nama': nama_kec}) AS kecamatan
		FROM wilayah GROUP BY kode_kab ORDER BY kode_kab`);
	return reader.getRowObjectsJS().map((r) => ({
		kode_kab: String(r.kode_kab),
		nama_kab: String(r.nama_kab),
		kode_prov: String(r.kode_prov),
		nama_prov: String(r.nama_prov),
		desa: Number(r.desa),
		kecamatan: (r.kecamatan as { kode: string; nama: string }[]).map((k) => ({ kode: k.kode, nama: k.nama }))
	}));
}
