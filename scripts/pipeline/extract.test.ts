import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkManifest, type Manifest, type ManifestFile } from '../../src/lib/contract/manifest';
import { isIdentifyingColumn } from '../../src/lib/contract/pii';
import { SCHEMA_VERSION, TABLE_NAMES, TABLES, type TableName } from '../../src/lib/contract/schema';
import { loadKnownDesaCodes } from '../demo/reference';
import { PipelineError, roundingKeyFor, runExtract, type ExtractResult } from './extract';
import { BAD_ROWS, EXTRACT_DATE, goodIds, MONTHS, NIK, PII_VALUES, writeExport, type ExportVariant } from './test-export';
import { nativeForTests } from './test-native';

const KNOWN_DESA = loadKnownDesaCodes();
const SALT = 'uji-garam-rahasia';

const tmpDirs: string[] = [];
const conn = nativeForTests();

afterAll(() => {
	for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

interface Run {
	dir: string;
	out: string;
	report: string;
	result: ExtractResult;
}

async function extract(variant: ExportVariant = {}, salt?: string): Promise<Run> {
	const dir = mkdtempSync(join(tmpdir(), 'slrt-extract-'));
	tmpDirs.push(dir);
	writeExport(join(dir, 'export'), variant);
	const out = join(dir, 'out');
	const report = join(dir, 'laporan');
	const result = await runExtract({ inDir: join(dir, 'export'), outDir: out, reportDir: report, extractDate: EXTRACT_DATE, months: MONTHS, salt, knownDesa: KNOWN_DESA, source: 'extract' });
	return { dir, out, report, result };
}

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
	return (await conn().runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

function reportRows(run: Run): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(join(run.report, 'laporan-validasi.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function parquetFiles(run: Run, table: TableName): string[] {
	return run.result.manifest.files.filter((f) => f.table === table).map((f) => join(run.out, f.path));
}

/** Every file entry of a manifest (files, summaries and any other list of `{ path, sha256 }`). */
function listedFiles(m: Manifest): ManifestFile[] {
	return Object.values(m)
		.filter(Array.isArray)
		.flat()
		.filter((e): e is ManifestFile => typeof e?.path === 'string' && typeof e?.sha256 === 'string');
}

function allFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('runExtract: a small export with three bad rows', () => {
	let run: Run;
	beforeAll(async () => {
		run = await extract();
	});

	it('lists exactly the bad rows, with row number and column, in the report', () => {
		expect(run.result.errors).toBe(BAD_ROWS.length);
		expect(reportRows(run).map(({ tabel, baris, kolom, kode }) => ({ tabel, baris, kolom, kode }))).toEqual(BAD_ROWS);
		const json = JSON.parse(readFileSync(join(run.report, 'laporan-validasi.json'), 'utf8'));
		expect(json.errors).toEqual(BAD_ROWS.map((b) => ({ table: b.tabel, column: b.kolom, code: b.kode, rows: 1 })));
	});

	it('writes one Hive-partitioned Parquet file per table and district, and nothing the manifest does not list', () => {
		expect(run.result.manifest.files.map((f) => f.path)).toEqual(TABLE_NAMES.map((t) => `${t}/kode_kab=35.76/data_0.parquet`));
		const written = allFiles(run.out).map((f) => relative(run.out, f));
		expect(written.sort()).toEqual([...listedFiles(run.result.manifest).map((f) => f.path), 'manifest.json'].sort());
	});

	it.each(TABLE_NAMES)('keeps exactly the good %s rows', async (table) => {
		const pk = TABLES[table].primaryKey;
		const rows = await rowsOf(`SELECT ${pk} AS id FROM read_parquet(${quote(parquetFiles(run, table)[0])}) ORDER BY 1`);
		expect(rows.map((r) => r.id)).toEqual(goodIds()[table]);
	});

	it('counts read = accepted + rejected for every table', () => {
		for (const t of run.result.tables) {
			expect(t.read, t.table).toBe(t.accepted + t.rejected);
			expect(t.accepted, t.table).toBe(goodIds()[t.table as TableName].length);
		}
	});

	it('stores typed values in contract columns plus kode_kab', async () => {
		const file = quote(parquetFiles(run, 'rumah_tangga')[0]);
		const types = await rowsOf(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${file}, hive_partitioning = false))`);
		expect(types.map((r) => r.column_name)).toEqual([...TABLES.rumah_tangga.columns.map((c) => c.name), 'kode_kab']);
		const typeOf = Object.fromEntries(types.map((r) => [r.column_name, r.column_type]));
		expect([typeOf.desil, typeOf.pengeluaran_kapita, typeOf.ada_balita, typeOf.tgl_registrasi]).toEqual(['SMALLINT', 'DOUBLE', 'BOOLEAN', 'DATE']);
		const [rt] = await rowsOf(`SELECT * FROM read_parquet(${file}, hive_partitioning = false) WHERE id_rt = 'RT-01'`);
		expect(rt).toMatchObject({ kode_kab: '35.76', desil: 2, pengeluaran_kapita: 612500, ada_balita: true, tgl_registrasi: '2019-06-13', id_puskesos: null });
		const [pks] = await rowsOf(`SELECT tgl_buka FROM read_parquet(${quote(parquetFiles(run, 'puskesos')[0])}) WHERE id_puskesos = 'PKS-2'`);
		expect(pks.tgl_buka).toBe('2025-06-15'); // written 15/06/2025 in the export
	});

	it('sorts rows by the contract sort order and compresses them with ZSTD', async () => {
		const rt = await rowsOf(`SELECT id_rt FROM read_parquet(${quote(parquetFiles(run, 'rumah_tangga')[0])})`);
		expect(rt.map((r) => r.id_rt)).toEqual(['RT-03', 'RT-04', 'RT-01', 'RT-02', 'RT-05', 'RT-06', 'RT-08']);
		const keluhan = await rowsOf(`SELECT id_keluhan FROM read_parquet(${quote(parquetFiles(run, 'keluhan')[0])})`);
		expect(keluhan.map((r) => r.id_keluhan)).toEqual(['K-03', 'K-04', 'K-01', 'K-02', 'K-06', 'K-07']);
		for (const table of TABLE_NAMES) {
			const codecs = await rowsOf(`SELECT DISTINCT compression FROM parquet_metadata(${quote(parquetFiles(run, table)[0])})`);
			expect(codecs.map((c) => c.compression), table).toEqual(['ZSTD']);
		}
	});

	it('writes the per-desa monthly household aggregate into the district database, equal to the rows it stands for', async () => {
		const db = run.result.manifest.databases.find((d) => d.kode_kab === '35.76')!;
		await conn().run(`ATTACH ${quote(join(run.out, db.path))} AS d35 (READ_ONLY)`);
		try {
			const fromRows = await rowsOf(`SELECT kode_desa, strftime(date_trunc('month', tgl_registrasi), '%Y-%m') AS bulan, count(*)::INTEGER AS n, (count(*) FILTER (WHERE desil <= 4))::INTEGER AS miskin FROM read_parquet(${quote(parquetFiles(run, 'rumah_tangga')[0])}) GROUP BY ALL ORDER BY ALL`);
			const written = await rowsOf(`SELECT kode_desa, strftime(bulan, '%Y-%m') AS bulan, n, miskin FROM d35.rt_desa_bulan ORDER BY ALL`);
			expect(fromRows.length).toBeGreaterThan(0);
			expect(written).toEqual(fromRows);
		} finally {
			await conn().run('DETACH d35');
		}
	});

	it('records sha256, bytes and rows of every file in the manifest', async () => {
		const m = run.result.manifest;
		expect(m.summaries.map((s) => s.path)).toEqual(['ringkasan/kode_kab=35.76.json']);
		for (const f of listedFiles(m)) {
			const bytes = readFileSync(join(run.out, f.path));
			expect(f.sha256, f.path).toBe(createHash('sha256').update(bytes).digest('hex'));
			expect(f.bytes, f.path).toBe(bytes.length);
		}
		for (const f of m.files) {
			const [{ n }] = await rowsOf(`SELECT count(*)::INTEGER AS n FROM read_parquet(${quote(join(run.out, f.path))})`);
			expect(f.rows, f.path).toBe(n);
		}
		for (const t of TABLE_NAMES) expect(m.tables[t].rows, t).toBe(goodIds()[t].length);
	});

	it('writes the manifest it returns, describing the extract', () => {
		const written = JSON.parse(readFileSync(join(run.out, 'manifest.json'), 'utf8'));
		expect(written).toEqual(run.result.manifest);
		expect(checkManifest(written).errors).toEqual([]);
		expect(written).toMatchObject({ schema_version: SCHEMA_VERSION, source: 'extract', extract_date: EXTRACT_DATE, window: { start: '2025-01', end: '2025-12' } });
		expect(written.areas).toEqual([
			{
				kode_kab: '35.76',
				nama_kab: 'Kota Mojokerto',
				kode_prov: '35',
				nama_prov: 'Jawa Timur',
				desa: 3,
				kecamatan: [
					{ kode: '35.76.01', nama: 'Prajuritkulon' },
					{ kode: '35.76.02', nama: 'Magersari' }
				]
			}
		]);
	});

	it('counts blank lines so that row numbers match a spreadsheet, with CRLF line ends', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'slrt-extract-'));
		tmpDirs.push(dir);
		writeExport(join(dir, 'export'));
		const path = join(dir, 'export', 'rumah_tangga.csv');
		const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
		lines.splice(3, 0, '', ',,,'); // two blank rows after row 3: the bad row 8 becomes row 10
		writeFileSync(path, lines.join('\r\n') + '\r\n');
		const r = await runExtract({ inDir: join(dir, 'export'), outDir: join(dir, 'out'), reportDir: join(dir, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: KNOWN_DESA, source: 'extract' });
		expect(reportRows({ dir, out: join(dir, 'out'), report: join(dir, 'laporan'), result: r })[0]).toMatchObject({ tabel: 'rumah_tangga', baris: '10', kolom: 'desil' });
		expect(r.tables.find((t) => t.table === 'rumah_tangga')).toMatchObject({ read: 8, accepted: 7, rejected: 1 });
	});

	it('refuses an export missing a required column, naming it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'slrt-extract-'));
		tmpDirs.push(dir);
		writeExport(join(dir, 'export'));
		const path = join(dir, 'export', 'keluhan.csv');
		const lines = readFileSync(path, 'utf8').split('\n');
		const drop = lines[0].split(',').indexOf('status');
		writeFileSync(path, lines.map((l) => l.split(',').filter((_, i) => i !== drop).join(',')).join('\n'));
		const attempt = runExtract({ inDir: join(dir, 'export'), outDir: join(dir, 'out'), reportDir: join(dir, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: KNOWN_DESA, source: 'extract' });
		await expect(attempt).rejects.toThrow(PipelineError);
		await expect(attempt).rejects.toThrow(/keluhan.*status/);
		expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(false);
	});
});

describe('runExtract: the output folder', () => {
	it('empties a previous extract, but refuses a folder holding anything else and leaves it untouched', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'slrt-extract-'));
		tmpDirs.push(dir);
		writeExport(join(dir, 'export'));
		const opts = { inDir: join(dir, 'export'), outDir: join(dir, 'out'), reportDir: join(dir, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: KNOWN_DESA, source: 'extract' as const };
		await runExtract(opts);
		// Run again over its own output: allowed, and the result is complete again.
		const again = await runExtract(opts);
		expect(existsSync(join(dir, 'out', 'manifest.json'))).toBe(true);
		expect(again.manifest.files.length).toBeGreaterThan(0);
		// A folder that is not an extract (here: the export itself) is not emptied.
		const attempt = runExtract({ ...opts, outDir: join(dir, 'export') });
		await expect(attempt).rejects.toThrow(PipelineError);
		await expect(attempt).rejects.toThrow(/output folder holds other files, not emptied: .*export \(fasilitator\.csv, keluhan\.csv/);
		expect(readdirSync(join(dir, 'export')).sort()).toEqual(['fasilitator.csv', 'keluhan.csv', 'puskesos.csv', 'rujukan.csv', 'rumah_tangga.csv', 'wilayah.csv']);
	});
});

describe('runExtract: the validation report opens safely in a spreadsheet', () => {
	it('writes a rejected value that would start a formula with a leading quote, and numbers as they are', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'slrt-extract-'));
		tmpDirs.push(dir);
		writeExport(join(dir, 'export'));
		const edit = (table: string, from: string, to: string) => {
			const path = join(dir, 'export', `${table}.csv`);
			const text = readFileSync(path, 'utf8');
			expect(text).toContain(from);
			writeFileSync(path, text.replace(from, to));
		};
		// A date cell holding a formula, a count holding '@…', a decile written as a negative number; a
		// formula with words is not said back at all (validate.ts reportedValue).
		edit('rumah_tangga', 'RT-01,35.76.01.1007,2,4', 'RT-01,35.76.01.1007,-3,@1+2');
		edit('keluhan', '2025-04-21', '=1+2*3');
		const result = await runExtract({ inDir: join(dir, 'export'), outDir: join(dir, 'out'), reportDir: join(dir, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: KNOWN_DESA, source: 'extract' });
		expect(result.errors).toBeGreaterThan(BAD_ROWS.length);
		const rows = reportRows({ dir, out: join(dir, 'out'), report: join(dir, 'laporan'), result });
		const values = rows.map((r) => r.nilai);
		expect(values).toContain(`'=1+2*3`);
		expect(values).toContain(`'@1+2`);
		expect(values).toContain('-3');
		expect(values.filter((v) => /^[=+@]/.test(v))).toEqual([]);
	});
});

describe('runExtract: identifying data never reaches an extract', () => {
	let plain: Run;
	let salted: Run;
	beforeAll(async () => {
		plain = await extract({ pii: true, nikId: true });
		salted = await extract({ pii: true, nikId: true }, SALT);
	});
	const secrets = [...Object.values(PII_VALUES), NIK];

	it("the export rounding key: from the salt, the same in every run with it, never the salt itself; random and said without one", () => {
		const key = salted.result.manifest.kunci_pembulatan!;
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(roundingKeyFor({ salt: SALT, source: 'extract' })).toBe(key);
		expect(key).not.toContain(Buffer.from(SALT).toString('hex'));
		expect(roundingKeyFor({ salt: `${SALT}x`, source: 'extract' })).not.toBe(key);
		const lines: string[] = [];
		const a = roundingKeyFor({ source: 'extract' }, (l) => lines.push(l));
		expect(a).not.toBe(roundingKeyFor({ source: 'extract' }));
		expect(lines.join()).toMatch(/SLRT_PSEUDONYM_SALT/);
		expect(plain.result.manifest.kunci_pembulatan).toMatch(/^[0-9a-f]{64}$/);
		expect(roundingKeyFor({ source: 'demo' })).toBe(roundingKeyFor({ source: 'demo' }));
	});

	it('drops the identifying columns and lists them in the result and the report', () => {
		for (const run of [plain, salted]) {
			const rt = run.result.tables.find((t) => t.table === 'rumah_tangga')!;
			expect(rt.droppedIdentifying).toEqual(Object.keys(PII_VALUES));
			const json = JSON.parse(readFileSync(join(run.report, 'laporan-validasi.json'), 'utf8'));
			expect(json.tables.find((t: { table: string }) => t.table === 'rumah_tangga').droppedIdentifying).toEqual(Object.keys(PII_VALUES));
		}
	});

	it('writes no identifying column into any Parquet file', async () => {
		for (const run of [plain, salted]) {
			for (const f of run.result.manifest.files) {
				const names = (await rowsOf(`SELECT name FROM parquet_schema(${quote(join(run.out, f.path))})`)).map((r) => String(r.name));
				for (const col of Object.keys(PII_VALUES)) expect(names, f.path).not.toContain(col);
				expect(names.filter(isIdentifyingColumn), f.path).toEqual([]);
			}
		}
	});

	it('leaves no name, address or NIK in any written byte or decoded value', async () => {
		for (const run of [plain, salted]) {
			for (const file of [...allFiles(run.out), ...allFiles(run.report)]) {
				const bytes = readFileSync(file);
				for (const s of secrets) expect(bytes.includes(s), `${s} in ${file}`).toBe(false);
			}
			// Compressed pages would hide a value from a byte search: decode every file as well.
			for (const f of run.result.manifest.files) {
				const decoded = JSON.stringify(await rowsOf(`SELECT * FROM read_parquet(${quote(join(run.out, f.path))})`));
				for (const s of secrets) expect(decoded.includes(s), `${s} in ${f.path}`).toBe(false);
			}
		}
	});

	it('rejects a NIK-shaped household id when there is no salt', async () => {
		expect(reportRows(plain).map(({ tabel, baris, kolom, kode }) => ({ tabel, baris, kolom, kode }))).toEqual([
			{ tabel: 'rumah_tangga', baris: '3', kolom: 'id_rt', kode: 'nik_di_kolom_id' },
			BAD_ROWS[0],
			BAD_ROWS[1],
			{ tabel: 'keluhan', baris: '9', kolom: 'id_rt', kode: 'nik_di_kolom_id' },
			BAD_ROWS[2]
		]);
		const ids = await rowsOf(`SELECT id_rt FROM read_parquet(${quote(parquetFiles(plain, 'rumah_tangga')[0])}) ORDER BY 1`);
		expect(ids.map((r) => r.id_rt)).toEqual(goodIds().rumah_tangga.filter((id) => id !== 'RT-02'));
	});

	it('pseudonymises a NIK-shaped household id with a salt, consistently across tables', async () => {
		expect(salted.result.errors).toBe(BAD_ROWS.length);
		expect(salted.result.tables.find((t) => t.table === 'rumah_tangga')!.pseudonymised).toBe(1);
		expect(salted.result.tables.find((t) => t.table === 'keluhan')!.pseudonymised).toBe(1);
		const [hh] = await rowsOf(`SELECT id_rt FROM read_parquet(${quote(parquetFiles(salted, 'rumah_tangga')[0])}) WHERE id_rt NOT LIKE 'RT-%'`);
		expect(hh.id_rt).toMatch(/^H[0-9a-f]{20}$/);
		const [k] = await rowsOf(`SELECT id_rt FROM read_parquet(${quote(parquetFiles(salted, 'keluhan')[0])}) WHERE id_keluhan = 'K-08'`);
		expect(k.id_rt).toBe(hh.id_rt);
	});
});
