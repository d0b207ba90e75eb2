/**
 * The fast intake route (SQL pre-filter + JS validator for flagged rows + keys in SQL) against the
 * reference route (every row through PapaParse, the JS validator and IntegrityChecker), on seeded
 * corrupted exports: the same report rows (table, row, column, code, reason, value), the same
 * counts, the same Parquet bytes and the same summaries.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, type TableName } from '../../src/lib/contract/schema';
import { loadKnownDesaCodes } from '../demo/reference';
import { writeCorruptExport, type CorruptOptions } from './corrupt-export';
import { runExtract, type ExtractResult } from './extract';
import { EXTRACT_DATE, MONTHS } from './test-export';

const KNOWN_DESA = loadKnownDesaCodes();
const tmpDirs: string[] = [];
afterAll(() => {
	for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

interface RouteRun {
	result: ExtractResult;
	report: string;
	/** per table, the route the log says it took */
	routes: Record<string, string>;
	summaries: string[];
}

async function both(seed: number, opts: CorruptOptions, salt?: string, edit?: (exportDir: string) => void): Promise<{ fast: RouteRun; js: RouteRun }> {
	const dir = mkdtempSync(join(tmpdir(), 'slrt-routes-'));
	tmpDirs.push(dir);
	writeCorruptExport(join(dir, 'export'), seed, opts);
	edit?.(join(dir, 'export'));
	const run = async (route: 'fast' | 'js'): Promise<RouteRun> => {
		const lines: string[] = [];
		const out = join(dir, `out-${route}`);
		const report = join(dir, `laporan-${route}`);
		const result = await runExtract({ inDir: join(dir, 'export'), outDir: out, reportDir: report, extractDate: EXTRACT_DATE, months: MONTHS, salt, knownDesa: KNOWN_DESA, source: 'extract', route, log: (l) => lines.push(l) });
		const routes = Object.fromEntries(lines.map((l) => /^(\w+): .*, (SQL|JS)\)$/.exec(l)).filter((m) => m !== null).map((m) => [m![1], m![2]]));
		return { result, report, routes, summaries: result.manifest.summaries.map((s) => readFileSync(join(out, s.path), 'utf8')) };
	};
	return { fast: await run('fast'), js: await run('js') };
}

const reportOf = (r: RouteRun) => readFileSync(join(r.report, 'laporan-validasi.csv'), 'utf8');
const lines = (csv: string) => csv.trimEnd().split('\n');

function expectSame(fast: RouteRun, js: RouteRun): void {
	expect(lines(reportOf(fast))).toEqual(lines(reportOf(js)));
	expect(readFileSync(join(fast.report, 'laporan-validasi.json'), 'utf8')).toBe(readFileSync(join(js.report, 'laporan-validasi.json'), 'utf8'));
	expect(fast.result.tables).toEqual(js.result.tables);
	expect(fast.result.errors).toBe(js.result.errors);
	const sha = (r: RouteRun) => r.result.manifest.files.map((f) => [f.path, f.rows, f.sha256]);
	expect(sha(fast)).toEqual(sha(js));
	expect(fast.summaries).toEqual(js.summaries);
	expect(fast.result.manifest.areas).toEqual(js.result.manifest.areas);
}

/** Codes found in the reference report: the corruption must reach every kind of check. */
function codesOf(r: RouteRun): Set<string> {
	return new Set(lines(reportOf(r)).slice(1).map((l) => l.split(',')[3]));
}

describe('fast intake route = JS route on corrupted exports', () => {
	const seeds = [1, 2, 3, 4];
	it.each(seeds)('seed %i: same errors, same rows, same bytes (LF, all tables through SQL)', async (seed) => {
		const { fast, js } = await both(seed, { rate: 15 });
		expectSame(fast, js);
		expect(fast.routes).toEqual(Object.fromEntries(TABLE_NAMES.map((t) => [t, 'SQL'])));
		// Damage to the three villages cascades into many rows; good rows must still be there.
		expect(js.result.errors).toBeGreaterThan(50);
		expect(js.result.tables.find((t) => t.table === 'rumah_tangga')!.accepted).toBeGreaterThan(0);
	});

	it('covers every kind of error the contract reports', async () => {
		const codes = new Set<string>();
		for (const seed of seeds) for (const c of codesOf((await both(seed, { rate: 15 })).js)) codes.add(c);
		expect([...codes].sort()).toEqual(
			['duplikat', 'format_kode', 'jenis_tidak_cocok', 'jumlah_kolom', 'kode_tidak_cocok', 'kode_tidak_dikenal', 'masa_depan', 'nik_di_kolom_id', 'nilai', 'referensi_tidak_ada', 'rentang', 'status_tidak_sesuai', 'tipe', 'urutan_tanggal', 'wajib'].sort()
		);
	});

	it('with a salt: NIK-shaped ids pseudonymised alike in both routes', async () => {
		const { fast, js } = await both(5, { rate: 15, nikIds: 6 }, 'garam-uji');
		expectSame(fast, js);
		expect(js.result.tables.find((t) => t.table === 'rumah_tangga')!.pseudonymised).toBeGreaterThanOrEqual(6);
		expect(js.result.tables.find((t) => t.table === 'keluhan')!.pseudonymised).toBeGreaterThan(0);
	});

	it('without a salt: NIK-shaped ids rejected alike in both routes', async () => {
		const { fast, js } = await both(8, { rate: 5, nikIds: 6 });
		expectSame(fast, js);
		expect(codesOf(js).has('nik_di_kolom_id')).toBe(true);
	});

	it('a NIK however disguised, in an id, a text or a decimal column, is rejected alike in both routes and reaches no extract', async () => {
		const disguised: [TableName, string, string][] = [
			['rumah_tangga', 'id_rt', 'NIK3576011203850005'],
			['rumah_tangga', 'id_rt', "'3576011203850002"],
			['keluhan', 'id_keluhan', '3576011203850004.0'],
			['rujukan', 'id_rujukan', '3576-0112-0385-0009'],
			['puskesos', 'nama_puskesos', 'NIK 3576011203850006'],
			['puskesos', 'lat', '-7.576011203850011']
		];
		const { fast, js } = await both(10, { rate: 0 }, undefined, (dir) => {
			disguised.forEach(([table, column, value], i) => {
				// The first rows of each table, one disguise each.
				const k = disguised.slice(0, i).filter(([t]) => t === table).length;
				const path = join(dir, `${table}.csv`);
				const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8').replace('\uFEFF', ''), { skipEmptyLines: true });
				const [header, ...rows] = parsed.data;
				rows[k][header.indexOf(column)] = value;
				writeFileSync(path, Papa.unparse([header, ...rows], { newline: '\n' }) + '\n');
			});
		});
		expectSame(fast, js);
		const nikRows = lines(reportOf(js)).filter((l) => l.split(',')[3].startsWith('nik_'));
		expect(nikRows.map((l) => l.split(',').slice(0, 4).filter((_, i) => i !== 1))).toEqual(
			expect.arrayContaining(disguised.map(([t, c]) => [t, c, c.startsWith('id_') ? 'nik_di_kolom_id' : 'nik_di_kolom']))
		);
	});

	it('a key whose first row fails a reference belongs to the next row that passes; later rows are duplicates', async () => {
		const { fast, js } = await both(9, { rate: 0 }, undefined, (dir) => {
			const path = join(dir, 'rumah_tangga.csv');
			const [header, quoted] = readFileSync(path, 'utf8').split('\n');
			const first = quoted.replace('"612.500,00"', '612500'); // no quoted comma: a plain split is the CSV split
			const cols = header.replace('\uFEFF', '').split(',');
			const set = (line: string, col: string, v: string) => line.split(',').map((f, i) => (cols[i] === col ? v : f)).join(',');
			const dangling = set(set(first, 'id_rt', 'RT-KEMBAR'), 'id_puskesos', 'PKS-TIDAK-ADA');
			const good = set(first, 'id_rt', 'RT-KEMBAR');
			appendFileSync(path, [dangling, good, dangling, good].join('\n') + '\n');
		});
		expectSame(fast, js);
		const kembar = lines(reportOf(js)).filter((l) => l.includes('RT-KEMBAR') || l.includes('PKS-TIDAK-ADA'));
		expect(kembar.map((l) => l.split(',').slice(2, 4).join(','))).toEqual(['id_puskesos,referensi_tidak_ada', 'id_rt,duplikat', 'id_rt,duplikat']);
	});

	it('CRLF line ends are read through SQL too', async () => {
		const crlf: TableName[] = ['rumah_tangga', 'rujukan'];
		const { fast, js } = await both(6, { rate: 15, crlf });
		expectSame(fast, js);
		expect(fast.routes.rumah_tangga).toBe('SQL');
		expect(fast.routes.rujukan).toBe('SQL');
	});

	it('a table with a record spanning lines falls back to JS, with the same result', async () => {
		const { fast, js } = await both(7, { rate: 15, multiline: ['puskesos', 'keluhan'] });
		expectSame(fast, js);
		expect(fast.routes.keluhan).toBe('JS');
		expect(fast.routes.puskesos).toBe('JS');
		expect(fast.routes.rumah_tangga).toBe('SQL');
	});
});
