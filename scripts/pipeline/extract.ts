/**
 * The extract pipeline: a case-database export (CSV per contract table) → validated,
 * pseudonymous, ZSTD Parquet partitioned by kabupaten (Hive layout `kode_kab=33.28/`), per-district
 * summaries for the first figures, a validation report and a manifest with SHA-256 of every file.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AGGREGATES, createAggregateSql } from '../../src/lib/db/aggregates';
import { IntegrityChecker } from '../../src/lib/contract/integrity';
import type { IntakeError } from '../../src/lib/contract/intake';
import { isIdentifyingColumn } from '../../src/lib/contract/pii';
import { SCHEMA_VERSION, TABLE_NAMES, TABLES, sqlType, type TableName } from '../../src/lib/contract/schema';
import { rowReason } from '../../src/lib/import/messages';
import { monthFromIndex, monthIndex, type Period } from '../../src/lib/overview/period';
import type { Manifest, ManifestArea, ManifestFile } from '../../src/lib/contract/manifest';
import { CsvSink } from '../lib/csv-sink';
import { intakeCsv, type TableIntakeResult } from './intake-csv';
import { districtSummary } from './summary';
import { districtPetaSummary } from './peta-summary';
import { provinceSummary } from '../../src/lib/overview/rollup';
import type { DistrictSummary } from '../../src/lib/overview/headline';
import { prevalidateTable } from './intake-fast';
import { checkKeys, loadKnownDesa } from './integrity-sql';
import { kabkotaTotal } from './kabkota-total';

/** Rows per Parquet row group: DuckDB's vector-aligned default, decoded one group at a time in the browser. */
const ROW_GROUP_SIZE = 122_880;
/**
 * Districts written at once, each on its own connection. Writing is mostly one thread per
 * statement, so more writers than cores keep the cores busy; four is also the size of the libuv
 * pool @duckdb/node-api runs its statements on (province: 2 writers ~35 s, 4 ~30 s, 6 ~31 s).
 */
const DISTRICT_WRITERS = 4;

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
	/** 'fast' (default): SQL pre-filter, JS validator for flagged rows; 'js': every row through JS (the reference) */
	route?: 'fast' | 'js';
	log?: (line: string) => void;
}

export interface ExtractResult {
	manifest: Manifest;
	tables: TableIntakeResult[];
	errors: number;
}

export class PipelineError extends Error {}

type OnError = (e: IntakeError) => void;

/**
 * The key public exports round counts with (src/lib/export/rounding.ts). It must stay the same from
 * one month's extract to the next (a count rounded anew each month could be averaged), and secret
 * (it decides which way each count went): so it is derived from the pseudonymisation salt, which
 * is both. The demo's is derived from a public word: its data are synthetic. Without a salt, a
 * random key for this extract alone, and the log says why that is weaker.
 */
export function roundingKeyFor(opts: Pick<ExtractOptions, 'salt' | 'source'>, log: (line: string) => void = () => {}): string {
	if (opts.salt) return createHmac('sha256', opts.salt).update('kunci-pembulatan-ekspor').digest('hex');
	if (opts.source === 'demo') return createHash('sha256').update('kunci-pembulatan-demo-sintetis').digest('hex');
	log('Peringatan / warning: tanpa SLRT_PSEUDONYM_SALT kunci pembulatan ekspor dibuat acak untuk ekstrak ini saja; ekstrak berikutnya membulatkan secara lain / without SLRT_PSEUDONYM_SALT the export rounding key is random for this extract only, so the next extract rounds differently');
	return randomBytes(32).toString('hex');
}

/** Logs the seconds since the previous step. */
function stepTimer(log: (line: string) => void): (label: string) => void {
	let t = performance.now();
	return (label) => {
		const now = performance.now();
		log(`[${label}: ${((now - t) / 1000).toFixed(1)} s]`);
		t = now;
	};
}

function logTable(log: (line: string) => void, r: TableIntakeResult, seconds: number, route?: string): void {
	log(`${r.table}: ${r.read} dibaca, ${r.accepted} diterima, ${r.rejected} ditolak${r.droppedIdentifying.length ? `, kolom identitas dibuang: ${r.droppedIdentifying.join(', ')}` : ''} (${seconds.toFixed(1)} s${route ? `, ${route}` : ''})`);
}

/**
 * The reference route: every row through PapaParse, the JS validator and IntegrityChecker, good
 * rows to a clean CSV that DuckDB loads. Slow (5–8 µs a row), kept to prove the fast route equal.
 */
async function intakeJs(conn: DuckDBConnection, opts: ExtractOptions, tmp: string, checker: IntegrityChecker, pseudonymise: ((v: string) => string) | undefined, onError: OnError, tables: TableIntakeResult[], log: (line: string) => void): Promise<void> {
	for (const name of TABLE_NAMES) {
		const t0 = performance.now();
		const r = await intakeCsv(TABLES[name], join(opts.inDir, `${name}.csv`), join(tmp, `${name}.csv`), checker, { maxDate: opts.extractDate, pseudonymise }, onError);
		tables.push(r);
		logTable(log, r, (performance.now() - t0) / 1000);
		if (r.fatal) throw new PipelineError(r.fatal);
	}
	for (const name of TABLE_NAMES) await loadClean(conn, name, join(tmp, `${name}.csv`));
}

/**
 * The fast route: DuckDB pre-filters every line in SQL, only flagged lines go through the JS
 * validator (intake-fast.ts), keys across rows are checked in SQL (integrity-sql.ts). Same
 * errors, same rows as intakeJs (extract-routes.test.ts).
 */
async function intakeFast(conn: DuckDBConnection, opts: ExtractOptions, tmp: string, pseudonymise: ((v: string) => string) | undefined, onError: OnError, tables: TableIntakeResult[], log: (line: string) => void): Promise<void> {
	if (opts.knownDesa) await loadKnownDesa(conn, opts.knownDesa);
	for (const name of TABLE_NAMES) {
		const t0 = performance.now();
		const laps: string[] = [];
		let t = performance.now();
		const lap = (label: string) => {
			laps.push(`${label} ${((performance.now() - t) / 1000).toFixed(1)}`);
			t = performance.now();
		};
		const p = await prevalidateTable(conn, TABLES[name], join(opts.inDir, `${name}.csv`), join(tmp, `${name}.csv`), { maxDate: opts.extractDate, pseudonymise }, lap);
		const r = p.result;
		tables.push(r);
		if (r.fatal) {
			logTable(log, r, (performance.now() - t0) / 1000);
			throw new PipelineError(r.fatal);
		}
		const keyErrors = await checkKeys(conn, TABLES[name], opts.knownDesa !== undefined);
		lap('keys');
		// Each row has either validation errors or one key error: merging by line gives the JS route's order.
		const all = [...p.errors, ...keyErrors].sort((a, b) => a.row - b.row);
		for (const e of all) onError(e);
		const [{ n }] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${name}`)).getRowObjectsJS() as { n: number }[];
		r.accepted = Number(n);
		r.rejected = r.read - r.accepted;
		logTable(log, r, (performance.now() - t0) / 1000, p.route === 'sql' ? 'SQL' : 'JS');
		log(`  [${laps.join(' s, ')} s]`);
	}
}

export async function runExtract(opts: ExtractOptions): Promise<ExtractResult> {
	const log = opts.log ?? (() => {});
	const tmp = join(opts.outDir, '.tmp');
	refuseForeignOutput(opts.outDir);
	rmSync(opts.outDir, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	mkdirSync(opts.reportDir, { recursive: true });

	const checker = new IntegrityChecker(opts.knownDesa);
	// Values come from the export: a formula among them must not run in the spreadsheet that opens the report.
	const errorSink = new CsvSink(join(opts.reportDir, 'laporan-validasi.csv'), ['tabel', 'baris', 'kolom', 'kode', 'alasan', 'reason', 'nilai'], { neutraliseFormulas: true });
	const errorCounts = new Map<string, number>();
	const onError = (e: IntakeError) => {
		const msg = rowReason(e.code, e.table, e.column);
		errorSink.write([e.table, e.row, e.column, e.code, msg.id, msg.en, e.value.slice(0, 100)]);
		const key = `${e.table}\t${e.column}\t${e.code}`;
		errorCounts.set(key, (errorCounts.get(key) ?? 0) + 1);
	};
	const pseudonymise = opts.salt ? (v: string) => `H${createHmac('sha256', opts.salt!).update(v).digest('hex').slice(0, 20)}` : undefined;

	const tables: TableIntakeResult[] = [];
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const step = stepTimer(log);
	try {
		await conn.run(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false; SET preserve_insertion_order = true;`);
		try {
			if (opts.route === 'js') await intakeJs(conn, opts, tmp, checker, pseudonymise, onError, tables, log);
			else await intakeFast(conn, opts, tmp, pseudonymise, onError, tables, log);
		} finally {
			errorSink.close();
			writeFileSync(join(opts.reportDir, 'laporan-validasi.json'), JSON.stringify({ tables, errors: [...errorCounts].map(([k, n]) => { const [table, column, code] = k.split('\t'); return { table, column, code, rows: n }; }) }, null, 2));
		}
		step('validasi / validation');
		const window = windowOf(opts.extractDate, opts.months);
		const areas = await areasOf(conn);
		mkdirSync(join(opts.outDir, 'ringkasan', 'peta'), { recursive: true });
		// Each district is written whole (its Parquet files, its database, its summary) from its own
		// rows, sorted there: 35 small sorts instead of one of 11 million rows. Writing is mostly one
		// thread compressing columns, so several districts go at a time (DISTRICT_WRITERS).
		const perArea = await inParallel(areas, DISTRICT_WRITERS, () => instance.connect(), async (c, a) => {
			let summary: DistrictSummary | undefined;
			const path = `ringkasan/kode_kab=${a.kode_kab}.json`;
			const petaPath = `ringkasan/peta/kode_kab=${a.kode_kab}.json`;
			const written = await writeDistrict(c, opts.outDir, a.kode_kab, async () => {
				// Summarised from the district's own file: its queries scan that district's rows only.
				summary = await districtSummary(c, a.kode_kab, window);
				writeFileSync(join(opts.outDir, path), JSON.stringify(summary));
				writeFileSync(join(opts.outDir, petaPath), JSON.stringify(await districtPetaSummary(c, a.kode_kab, window)));
			});
			return { ...written, summary: summary!, file: fileEntry(opts.outDir, path, 'ringkasan', a.kode_kab, 0), peta: fileEntry(opts.outDir, petaPath, 'ringkasan', a.kode_kab, 0) };
		});
		// Manifest order as before: table by table, districts in code order (the order of areas).
		const files = TABLE_NAMES.flatMap((t) => perArea.flatMap((r) => r.files.filter((f) => f.table === t)));
		const summaries = perArea.map((r) => r.file);
		const districtSummaries = perArea.map((r) => r.summary);
		const databases = perArea.map((r) => r.db);
		const provinceSummaries = writeProvinceSummaries(opts.outDir, areas, districtSummaries);
		step('Parquet + .duckdb + ringkasan / summaries');
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
			province_summaries: provinceSummaries,
			peta_summaries: perArea.map((r) => r.peta),
			databases,
			kabkota_total: kabkotaTotal(areas.map((a) => a.kode_prov)),
			kunci_pembulatan: roundingKeyFor(opts, log)
		};
		writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
		return { manifest, tables, errors: [...errorCounts.values()].reduce((a, b) => a + b, 0) };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** Maps `items` through `work` with `n` workers, each with its own resource; results in item order. */
async function inParallel<T, C extends { closeSync(): void }, R>(items: readonly T[], n: number, open: () => Promise<C>, work: (c: C, item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		const c = await open();
		try {
			while (next < items.length) {
				const i = next++;
				out[i] = await work(c, items[i]);
			}
		} catch (e) {
			next = items.length; // the other workers stop after their current item
			throw e;
		} finally {
			c.closeSync();
		}
	};
	// Every worker has finished (and closed its connection) before an error is passed on: the
	// caller closes the DuckDB instance next.
	const settled = await Promise.allSettled(Array.from({ length: Math.min(n, items.length) }, worker));
	const failed = settled.find((r) => r.status === 'rejected');
	if (failed) throw failed.reason;
	return out;
}

/** What an extract folder holds: the output folder is emptied first only when it holds nothing else. */
const EXTRACT_ENTRIES: ReadonlySet<string> = new Set([...TABLE_NAMES, 'db', 'ringkasan', '.tmp', 'manifest.json']);

/** Refuses an output folder holding anything an extract does not write: `--out` pointed at the wrong folder must not wipe it. */
export function refuseForeignOutput(dir: string): void {
	if (!existsSync(dir)) return;
	if (!statSync(dir).isDirectory()) throw new PipelineError(`Keluaran bukan folder / output is not a folder: ${dir}`);
	const foreign = readdirSync(dir).filter((e) => !EXTRACT_ENTRIES.has(e));
	if (foreign.length) {
		const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ', …' : '');
		throw new PipelineError(`Folder keluaran berisi berkas lain, tidak dikosongkan / output folder holds other files, not emptied: ${dir} (${shown}). Pilih folder kosong / choose an empty folder.`);
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

/**
 * The contract's sort order completed by the primary key: a total order, so the bytes written do
 * not depend on the order rows were loaded in (the fast and the JS route load them differently).
 */
function sortKeys(spec: (typeof TABLES)[TableName]): string[] {
	return spec.sortBy.includes(spec.primaryKey) ? [...spec.sortBy] : [...spec.sortBy, spec.primaryKey];
}

/**
 * A district's rows of one table as written to its extracts: with kode_kab, in the contract's sort
 * order. The code range lets DuckDB skip the row groups of other districts when the export is
 * ordered by village (as exports usually are); the substr is the rule itself.
 */
function districtRowsSql(name: TableName, kodeKab: string): string {
	const spec = TABLES[name];
	const code = name === 'fasilitator' ? 'kode_kec' : 'kode_desa';
	const hasKab = spec.columns.some((c) => c.name === 'kode_kab');
	const where = hasKab ? `kode_kab = '${kodeKab}'` : `${code} >= '${kodeKab}.' AND ${code} < '${kodeKab}/' AND substr(${code}, 1, 5) = '${kodeKab}'`;
	return `SELECT *${hasKab ? '' : `, substr(${code}, 1, 5) AS kode_kab`} FROM memory.${name} WHERE ${where} ORDER BY ${sortKeys(spec).join(', ')}`;
}

/**
 * Writes one district: its rows of every table as ZSTD Parquet (Hive layout, kode_kab kept in the
 * file so the browser can filter without parsing paths) and as one DuckDB database file, which
 * DuckDB-WASM 1.4 can attach (storage format v1.0.0). Loading that is several times faster than
 * decoding Parquet to Arrow in the browser (bench/load-routes.ts, docs/data-loading.md).
 */
async function writeDistrict(conn: DuckDBConnection, outDir: string, kodeKab: string, whileAttached: () => Promise<void>): Promise<{ files: ManifestFile[]; db: ManifestFile }> {
	const path = `db/kode_kab=${kodeKab}.duckdb`;
	// Attached databases are shared by the instance's connections: one name per district.
	const district = `district_${kodeKab.replace(/\W/g, '_')}`;
	mkdirSync(join(outDir, 'db'), { recursive: true });
	const files: ManifestFile[] = [];
	await conn.run(`ATTACH '${join(outDir, path)}' AS ${district} (STORAGE_VERSION 'v1.0.0')`);
	try {
		for (const name of TABLE_NAMES) {
			await conn.run(`CREATE TABLE ${district}.${name} AS ${districtRowsSql(name, kodeKab)}`);
			const [{ n }] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${district}.${name}`)).getRowObjectsJS() as { n: number }[];
			if (Number(n) === 0) continue;
			// The Parquet file holds exactly the rows of the database's table, in the same order.
			// ZSTD level 1: on this data faster to write than the default level 3, and no larger (a sample of 4 districts: 1.85 s, 44.1 MB vs 2.26 s, 45.7 MB).
			const file = `${name}/kode_kab=${kodeKab}/data_0.parquet`;
			mkdirSync(join(outDir, name, `kode_kab=${kodeKab}`), { recursive: true });
			await conn.run(`COPY ${district}.${name} TO '${join(outDir, file)}' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
			await refuseIdentifying(conn, join(outDir, file));
			files.push(fileEntry(outDir, file, name, kodeKab, Number(n)));
		}
		// The per-desa aggregates the dashboard's filters read instead of the household rows (Peta's summary reads them too).
		for (const a of AGGREGATES) await conn.run(createAggregateSql(a, `${district}.${a.name}`, `${district}.${a.source}`));
		await conn.run(`USE ${district}`);
		try {
			await whileAttached();
		} finally {
			await conn.run('USE memory');
		}
	} finally {
		await conn.run(`DETACH ${district}`);
	}
	return { files, db: fileEntry(outDir, path, 'database', kodeKab, 0) };
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

/** One roll-up per province (overview/rollup.ts), so a province's first figures are one small file. */
function writeProvinceSummaries(outDir: string, areas: readonly ManifestArea[], districts: readonly DistrictSummary[]): ManifestFile[] {
	const out: ManifestFile[] = [];
	for (const kodeProv of [...new Set(areas.map((a) => a.kode_prov))].sort()) {
		const path = `ringkasan/kode_prov=${kodeProv}.json`;
		writeFileSync(join(outDir, path), JSON.stringify(provinceSummary(kodeProv, districts.filter((d) => d.kode_kab.startsWith(`${kodeProv}.`)))));
		out.push({ ...fileEntry(outDir, path, 'ringkasan', '', 0), kode_prov: kodeProv });
	}
	return out;
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
