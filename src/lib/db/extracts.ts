/**
 * Loading extracts into DuckDB-WASM: the manifest first, then each district's Parquet partitions,
 * verified and decoded in a worker, appended to one table per contract table. A file that is
 * missing or corrupted is reported by name; the rest still loads.
 */
import { checkManifest, type Manifest, type ManifestFile } from '../contract/manifest';
import { TABLE_NAMES, TABLES, sqlType } from '../contract/schema';
import type { DistrictSummary } from '../overview/headline';
import type { DecodeFailure, DecodeRequest, DecodeResponse } from './decode-protocol';
import { getDuckDB } from './duckdb';
import { quoteIdent } from './quote';

export interface LoadError {
	path: string;
	kind: DecodeFailure | 'insert' | 'manifest';
	detail: string;
}

export interface LoadProgress {
	kodeKab: string;
	filesDone: number;
	filesTotal: number;
}

export class ManifestError extends Error {}

export async function fetchManifest(baseUrl: string): Promise<Manifest> {
	const url = `${baseUrl}/manifest.json`;
	let res: Response;
	try {
		res = await fetch(url, { cache: 'no-cache' });
	} catch (e) {
		throw new ManifestError(`manifest.json tidak dapat diambil / could not be fetched: ${String(e)}`);
	}
	if (!res.ok) throw new ManifestError(`manifest.json tidak ditemukan (HTTP ${res.status}) / not found — jalankan / run: npm run data`);
	let json: unknown;
	try {
		json = await res.json();
	} catch {
		throw new ManifestError('manifest.json rusak: bukan JSON / corrupted: not JSON');
	}
	const { value, errors } = checkManifest(json);
	if (!value) throw new ManifestError(`manifest.json tidak sah / invalid: ${errors.join('; ')}`);
	return value;
}

async function sha256Hex(buf: ArrayBuffer): Promise<string> {
	const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
	return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A district's pre-aggregated summary, verified against the manifest. */
export async function fetchSummary(baseUrl: string, entry: ManifestFile): Promise<DistrictSummary> {
	const res = await fetch(`${baseUrl}/${entry.path}`);
	if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { path: entry.path });
	const buf = await res.arrayBuffer();
	if ((await sha256Hex(buf)) !== entry.sha256) throw Object.assign(new Error('checksum'), { path: entry.path });
	return JSON.parse(new TextDecoder().decode(buf)) as DistrictSummary;
}

/* --------------------------------------------------------------- the worker */

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (r: DecodeResponse) => void>();

function decoder(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (ev: MessageEvent<DecodeResponse>) => {
		pending.get(ev.data.id)?.(ev.data);
		pending.delete(ev.data.id);
	};
	return worker;
}

function decode(url: string, sha256: string): Promise<DecodeResponse> {
	const id = nextId++;
	return new Promise((resolve) => {
		pending.set(id, resolve);
		decoder().postMessage({ id, url, sha256 } satisfies DecodeRequest);
	});
}

/* ----------------------------------------------------------- DuckDB tables */

let tablesCreated: Promise<void> | null = null;

/** Empty tables with the contract's schema (plus kode_kab), so queries work whatever loads. */
function ensureTables(): Promise<void> {
	tablesCreated ??= (async () => {
		const db = await getDuckDB();
		const conn = await db.connect();
		try {
			for (const name of TABLE_NAMES) {
				const cols = TABLES[name].columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c)}`);
				if (!TABLES[name].columns.some((c) => c.name === 'kode_kab')) cols.push(`${quoteIdent('kode_kab')} VARCHAR`);
				await conn.query(`CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (${cols.join(', ')})`);
			}
		} finally {
			await conn.close();
		}
	})();
	return tablesCreated;
}

const districtLoads = new Map<string, Promise<LoadError[]>>();

/** Loads every table partition of one district once; concurrent callers share the load. */
export function loadDistrict(baseUrl: string, manifest: Manifest, kodeKab: string, onProgress?: (p: LoadProgress) => void): Promise<LoadError[]> {
	const key = `${baseUrl}|${kodeKab}`;
	let p = districtLoads.get(key);
	if (!p) {
		p = loadFiles(baseUrl, manifest.files.filter((f) => f.kode_kab === kodeKab), kodeKab, onProgress);
		districtLoads.set(key, p);
	}
	return p;
}

async function loadFiles(baseUrl: string, files: ManifestFile[], kodeKab: string, onProgress?: (p: LoadProgress) => void): Promise<LoadError[]> {
	await ensureTables();
	const db = await getDuckDB();
	const errors: LoadError[] = [];
	let done = 0;
	// Decode all files of the district concurrently in the worker; insert in manifest order.
	const decoded = files.map((f) => decode(`${baseUrl}/${f.path}`, f.sha256));
	for (let i = 0; i < files.length; i++) {
		const f = files[i];
		const r = await decoded[i];
		if (!r.ok) errors.push({ path: f.path, kind: r.kind, detail: r.detail });
		else {
			const conn = await db.connect();
			try {
				// One transaction per file: a file either loads whole or not at all.
				await conn.query('BEGIN TRANSACTION');
				for (const chunk of r.chunks) await conn.insertArrowFromIPCStream(chunk, { name: f.table, create: false });
				await conn.query('COMMIT');
			} catch (e) {
				await conn.query('ROLLBACK').catch(() => {});
				errors.push({ path: f.path, kind: 'insert', detail: e instanceof Error ? e.message : String(e) });
			} finally {
				await conn.close();
			}
		}
		onProgress?.({ kodeKab, filesDone: ++done, filesTotal: files.length });
	}
	return errors;
}
