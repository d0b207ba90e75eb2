/**
 * Loading extracts into DuckDB-WASM: the manifest first, then each district's database file,
 * verified against the manifest and attached read-only; the contract's tables are views over every
 * attached district (docs/data-loading.md says why). A file that is missing or corrupted is
 * reported by name; the rest still loads.
 */
import { checkManifest, type Manifest, type ManifestFile } from '../contract/manifest';
import { TABLE_NAMES, TABLES, sqlType } from '../contract/schema';
import type { AreaSummary } from '../overview/headline';
import { checkPetaSummary, type PetaSummary } from '../peta/summary';
import type { DecodeFailure } from './decode-protocol';
import { AGGREGATES, aggregateSelect } from './aggregates';
import { getDuckDB, onEngineStopped } from './duckdb';
import { EngineStopped, stoppedMessage } from './guarded';
import { markOnce } from '../perf/marks';
import { quoteIdent } from './quote';
import { cachedAt, rememberManifest } from '../offline/remember';
import { versionedUrl } from '../offline/policy';
import { fetchVerified } from './verified-fetch';

export interface LoadError {
	path: string;
	kind: DecodeFailure | 'insert' | 'manifest';
	detail: string;
	/** A pre-aggregate (a summary file): the figures are still complete wherever the rows load. */
	summary?: true;
}

/**
 * What the page says under its failed files: figures without them, unless only summaries failed,
 * whose figures the rows give once they load (and only without the rows are they left out).
 */
export function failureNote(errors: readonly LoadError[]): 'figures_incomplete' | 'summaries_failed' | null {
	if (errors.length === 0) return null;
	return errors.every((e) => e.summary) ? 'summaries_failed' : 'figures_incomplete';
}

/** A loader's answer that is a failure rather than the file's content. */
export function isLoadError<T>(x: T | LoadError): x is LoadError {
	return typeof x === 'object' && x !== null && 'kind' in x && 'path' in x && 'detail' in x;
}

/**
 * Where a district's database file is: arriving ('download', `bytesRead` of `bytesTotal`), being
 * verified and attached ('prepare'), or no longer loading ('done': attached, or failed).
 */
export interface LoadProgress {
	kodeKab: string;
	phase: 'download' | 'prepare' | 'done';
	bytesRead: number;
	bytesTotal: number;
}

export class ManifestError extends Error {}

export interface LoadedManifest {
	manifest: Manifest;
	/** When the network failed and the offline copy answered: the time that copy was stored. */
	cachedAt: string | null;
}

/**
 * The extract's manifest, from the server (or its offline copy when the network fails). `remember`:
 * keep it for offline use; a page only checking what the server serves (offline/newer-extract.ts)
 * does not, as the kept copy must stay the one whose files it has loaded.
 */
export async function fetchManifest(baseUrl: string, { remember = true } = {}): Promise<LoadedManifest> {
	const url = `${baseUrl}/manifest.json`;
	let res: Response;
	try {
		res = (remember ? await earlyManifest(url) : null) ?? (await fetch(url, { cache: 'no-cache' }));
	} catch (e) {
		throw new ManifestError(`manifest.json tidak dapat diambil / could not be fetched: ${String(e)}`);
	}
	if (!res.ok) throw new ManifestError(`manifest.json tidak ditemukan (HTTP ${res.status}) / not found — jalankan / run: npm run data`);
	const stamp = cachedAt(res);
	let text: string;
	let json: unknown;
	try {
		text = await res.text();
		json = JSON.parse(text);
	} catch {
		throw new ManifestError('manifest.json rusak: bukan JSON / corrupted: not JSON');
	}
	const { value, errors } = checkManifest(json);
	if (!value) throw new ManifestError(`manifest.json tidak sah / invalid: ${errors.join('; ')}`);
	if (stamp === null && remember) void rememberManifest(url, new TextEncoder().encode(text).buffer as ArrayBuffer, value);
	return { manifest: value, cachedAt: stamp };
}

/**
 * The answer to the manifest request app.html makes as the page starts, for the same URL, once;
 * null when there is none or it failed (the caller then asks again and reports that failure).
 */
async function earlyManifest(url: string): Promise<Response | null> {
	const g = globalThis as { __slrtManifest?: { url: string; response: Promise<Response | null> } };
	const early = g.__slrtManifest;
	if (!early || new URL(url, location.href).href !== new URL(early.url, location.href).href) return null;
	delete g.__slrtManifest;
	return early.response;
}

/** A district's (or province's) pre-aggregated summary, verified against the manifest. */
export function fetchSummary(baseUrl: string, entry: ManifestFile): Promise<AreaSummary | LoadError> {
	return fetchJson<AreaSummary>(baseUrl, entry);
}

/** Peta's pre-aggregate for a district (peta/summary.ts), its shape checked, and that it is this district's. */
export function fetchPetaSummary(baseUrl: string, entry: ManifestFile): Promise<PetaSummary | LoadError> {
	return fetchJson<PetaSummary>(baseUrl, entry, (x) => checkPetaSummary(x, entry.kode_kab));
}

/**
 * An extract's JSON file, verified against the manifest, parsed, and its shape checked (`check` names
 * what is wrong); every failure comes back as a LoadError naming the file.
 */
async function fetchJson<T>(baseUrl: string, entry: ManifestFile, check: (x: unknown) => string[] = () => []): Promise<T | LoadError> {
	// The extract's JSON files are all pre-aggregates (summaries).
	const fail = (kind: LoadError['kind'], detail: string): LoadError => ({ path: entry.path, kind, detail, summary: true });
	const file = await fetchVerified(versionedUrl(baseUrl, entry), entry.sha256);
	if (!file.ok) return fail(file.kind, file.detail);
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder().decode(file.bytes));
	} catch (e) {
		// The engine stopped under it: not the file's failure (the district is attached again to the next engine).
		if (e instanceof EngineStopped) throw e;
		return fail('decode', e instanceof Error ? e.message : String(e));
	}
	const wrong = check(parsed);
	return wrong.length ? fail('decode', `kolom / fields: ${wrong.join(', ')}`) : (parsed as T);
}

/* ----------------------------------------------------------- DuckDB tables */

let tablesCreated: Promise<void> | null = null;

/**
 * Which engine the state below belongs to: bumped when one stops. A load begun for a stopped engine
 * must not touch the next one's state (its file would be attached twice, or its alias listed in views
 * of an engine that never attached it): it ends as the stop, and the page loads the district again.
 */
let generation = 0;

function sameEngine(started: number): void {
	if (started !== generation) throw new EngineStopped(stoppedMessage('dimulai ulang / restarted'));
}

/**
 * Empty tables with the contract's schema (plus kode_kab) behind each table's view, so queries work
 * whatever loads. One statement list: one round trip to the worker, not two per table (those took
 * 54-141 ms between the engine being ready and the district attached).
 */
export function ensureTables(): Promise<void> {
	tablesCreated ??= (async () => {
		const statements: string[] = [];
		for (const name of TABLE_NAMES) {
			const cols = TABLES[name].columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c)}`);
			if (!TABLES[name].columns.some((c) => c.name === 'kode_kab')) cols.push(`${quoteIdent('kode_kab')} VARCHAR`);
			statements.push(`CREATE TABLE IF NOT EXISTS ${quoteIdent(`_kosong_${name}`)} (${cols.join(', ')})`, `CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM ${quoteIdent(`_kosong_${name}`)}`);
		}
		for (const a of AGGREGATES) {
			statements.push(`CREATE TABLE IF NOT EXISTS ${quoteIdent(`_kosong_${a.name}`)} (${a.columns.map(([c, t]) => `${quoteIdent(c)} ${t}`).join(', ')})`, `CREATE OR REPLACE VIEW ${quoteIdent(a.name)} AS SELECT * FROM ${quoteIdent(`_kosong_${a.name}`)}`);
		}
		await withConnection((c) => c.query(statements.join(';\n')));
	})();
	// A failed start of DuckDB-WASM fails this too: a later start makes the tables afresh (unless a
	// stop has already made way for them).
	const made = tablesCreated;
	made.catch(() => {
		if (tablesCreated === made) tablesCreated = null;
	});
	return made;
}

const districtLoads = new Map<string, Promise<LoadError[]>>();

/** Loads a district's database file once; concurrent callers share the load. */
export function loadDistrict(baseUrl: string, manifest: Manifest, kodeKab: string, onProgress?: (p: LoadProgress) => void): Promise<LoadError[]> {
	const key = `${baseUrl}|${kodeKab}`;
	let p = districtLoads.get(key);
	if (!p) {
		const entry = manifest.databases.find((d) => d.kode_kab === kodeKab);
		p = entry
			? attachDistrict(baseUrl, entry, onProgress)
			: Promise.resolve([{ path: `db/kode_kab=${kodeKab}.duckdb`, kind: 'manifest' as const, detail: 'not in manifest.json' }]);
		districtLoads.set(key, p);
		// Rejected only when DuckDB-WASM failed to start or stopped (reported by its caller): a later
		// load tries again. A load for a stopped engine does not forget the next engine's.
		const load = p;
		load.catch(() => {
			if (districtLoads.get(key) === load) districtLoads.delete(key);
		});
	}
	return p;
}

const attached: string[] = [];
/** The aggregate tables each attached district database holds (aggregates.ts). */
const aggregatesIn = new Map<string, ReadonlySet<string>>();
let viewsLock: Promise<unknown> = Promise.resolve();
/** Districts whose extract rows are replaced by rows a user uploaded (tables `_unggah_*`, uploaded.ts). */
let uploadedKabs: ReadonlySet<string> = new Set();

/**
 * Makes the uploaded tables part of every view and hides the extract rows of the districts they
 * cover, whether those districts are attached already or later: uploaded data replaces a district whole.
 */
export function useUploadedDistricts(kabs: readonly string[]): Promise<void> {
	const p = viewsLock.then(() => {
		uploadedKabs = new Set(kabs);
		return rebuildViews(attached);
	});
	viewsLock = p.catch(() => {});
	return p;
}

// A stopped engine took its tables, attached districts and uploaded rows with it: the next engine
// starts from nothing, and each district is fetched and attached again when a view asks for it.
onEngineStopped(() => {
	generation++;
	tablesCreated = null;
	districtLoads.clear();
	attached.length = 0;
	aggregatesIn.clear();
	viewsLock = Promise.resolve();
	uploadedKabs = new Set();
});

/** The district of an attached database's alias (`kab_33_28` → `33.28`). */
const kabOfAlias = (alias: string) => alias.slice(4).replace('_', '.');

/**
 * Fetches a district's database file, verifies its SHA-256 against the manifest, hands it to
 * DuckDB-WASM and attaches it read-only; the contract's tables are views over every attached
 * district. A file that fails is named and the other districts are unaffected.
 */
async function attachDistrict(baseUrl: string, entry: ManifestFile, onProgress?: (p: LoadProgress) => void): Promise<LoadError[]> {
	let bytesRead = 0;
	let bytesTotal = entry.bytes;
	const progress = (phase: LoadProgress['phase']) => onProgress?.({ kodeKab: entry.kode_kab, phase, bytesRead, bytesTotal });
	progress('download');
	const fail = (kind: LoadError['kind'], detail: string) => {
		progress('done');
		return [{ path: entry.path, kind, detail }];
	};
	const started = generation;
	// The download and DuckDB-WASM's start-up overlap: neither waits for the other.
	const ready = ensureTables();
	ready.catch(() => {}); // awaited below, once the file is in
	const file = await fetchVerified(versionedUrl(baseUrl, entry), entry.sha256, {
		bytes: entry.bytes,
		onProgress: (read, total) => {
			[bytesRead, bytesTotal] = [read, total];
			progress('download');
		}
	});
	if (!file.ok) return fail(file.kind, file.detail);
	markOnce('slrt:db-verified');
	progress('prepare');
	// The file is fine but with no engine to hand it to it is no longer loading, and the failure is
	// the engine's (reported by the caller), not the file's.
	const db = await ready
		.then(() => sameEngine(started))
		.then(getDuckDB)
		.catch((e: unknown) => {
			progress('done');
			throw e;
		});
	const alias = `kab_${entry.kode_kab.replace('.', '_')}`;
	try {
		await db.registerFileBuffer(`${alias}.duckdb`, new Uint8Array(file.bytes));
		await withConnection(async (c) => {
			await c.query(`ATTACH '${alias}.duckdb' AS ${quoteIdent(alias)} (READ_ONLY)`);
			// A database file from before the aggregates existed: its views compute them from its rows.
			// Each aggregate is probed by name (a query bound, no row read): listing the catalog with
			// duckdb_tables() took ~0.2 s here, on the way to the first live figures.
			const present = new Set<string>();
			for (const a of AGGREGATES) if (await hasTable(c, alias, a.name)) present.add(a.name);
			sameEngine(started);
			aggregatesIn.set(alias, present);
		});
	} catch (e) {
		// The engine stopped under it: not the file's failure (the district is attached again to the next engine).
		if (e instanceof EngineStopped) throw e;
		return fail('decode', e instanceof Error ? e.message : String(e));
	}
	sameEngine(started);
	const views = viewsLock
		.then(() => rebuildViews([...attached, alias]))
		.then(() => {
			sameEngine(started);
			attached.push(alias);
		});
	// The lock itself never fails: a district whose views failed does not fail the next one's.
	viewsLock = views.catch(() => {});
	try {
		await views;
	} catch (e) {
		if (e instanceof EngineStopped) throw e;
		return fail('insert', e instanceof Error ? e.message : String(e));
	}
	markOnce('slrt:db-attached');
	progress('done');
	return [];
}

/** Whether an attached database holds a table: a query that binds it and reads no rows. */
async function hasTable(c: Connection, alias: string, table: string): Promise<boolean> {
	try {
		await c.query(`SELECT * FROM ${quoteIdent(alias)}.${quoteIdent(table)} LIMIT 0`);
		return true;
	} catch (e) {
		if (/does not exist/i.test(e instanceof Error ? e.message : String(e))) return false;
		throw e;
	}
}

/**
 * Each contract table becomes a view: the empty contract table UNION ALL every attached district.
 * All views go to DuckDB in one statement list: one round trip to the worker, not one per view.
 */
async function rebuildViews(aliases: readonly string[]): Promise<void> {
	const statements: string[] = [];
	for (const name of TABLE_NAMES) {
		const parts = [
			`SELECT * FROM ${quoteIdent(`_kosong_${name}`)}`,
			...aliases.filter((a) => !uploadedKabs.has(kabOfAlias(a))).map((a) => `SELECT * FROM ${quoteIdent(a)}.${quoteIdent(name)}`),
			...(uploadedKabs.size ? [`SELECT * FROM ${quoteIdent(`_unggah_${name}`)}`] : [])
		];
		statements.push(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS ${parts.join(' UNION ALL ')}`);
	}
	for (const a of AGGREGATES) {
		const fromDistrict = (alias: string) =>
			aggregatesIn.get(alias)?.has(a.name) ? `SELECT * FROM ${quoteIdent(alias)}.${quoteIdent(a.name)}` : `SELECT * FROM (${aggregateSelect(a, `${quoteIdent(alias)}.${quoteIdent(a.source)}`)})`;
		const parts = [
			`SELECT * FROM ${quoteIdent(`_kosong_${a.name}`)}`,
			...aliases.filter((x) => !uploadedKabs.has(kabOfAlias(x))).map(fromDistrict),
			...(uploadedKabs.size ? [`SELECT * FROM ${quoteIdent(`_unggah_${a.name}`)}`] : [])
		];
		statements.push(`CREATE OR REPLACE VIEW ${quoteIdent(a.name)} AS ${parts.join(' UNION ALL ')}`);
	}
	await withConnection((c) => c.query(statements.join(';\n')));
}

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof getDuckDB>>['connect']>>;

async function withConnection<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
	const db = await getDuckDB();
	const conn = await db.connect();
	try {
		return await fn(conn);
	} finally {
		await conn.close();
	}
}
