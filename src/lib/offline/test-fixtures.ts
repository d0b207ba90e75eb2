/** Fixtures for the offline tests: two months' manifests and Cache Storage in memory. */
import type { Manifest, ManifestFile } from '../contract/manifest';
import { SCHEMA_VERSION } from '../contract/schema';
import { versionedUrl } from './policy';

export const ORIGIN = 'http://127.0.0.1:4173';
export const MANIFEST = `${ORIGIN}/extracts/manifest.json`;

const file = (path: string, table: ManifestFile['table'], sha: string): ManifestFile => ({ path, table, kode_kab: '35.76', rows: 1, bytes: 1, sha256: sha.repeat(64 / sha.length) });

/** A month's extract: `db` and `summary` stand for the content of its database and summary files. */
export const manifest = (extract_date: string, db: string, summary: string, peta = summary): Manifest =>
	({
		schema_version: SCHEMA_VERSION,
		source: 'extract',
		extract_date,
		window: { start: '2024-11', end: '2026-10' },
		areas: [{ kode_kab: '35.76', nama_kab: 'Kota Mojokerto', kode_prov: '35', nama_prov: 'Jawa Timur', desa: 18, kecamatan: [] }],
		tables: {},
		files: [file('keluhan/kode_kab=35.76/data_0.parquet', 'keluhan', db)],
		summaries: [file('ringkasan/kode_kab=35.76.json', 'ringkasan', summary)],
		peta_summaries: [file('ringkasan/peta/kode_kab=35.76.json', 'ringkasan', peta)],
		databases: [file('db/kode_kab=35.76.duckdb', 'database', db)]
	}) as unknown as Manifest;

export const SEPTEMBER = manifest('2026-09-30', '1', 'a');
/** October's extract: a new database and summary, the same map pre-aggregate as September's. */
export const OCTOBER = manifest('2026-10-31', '2', 'b', 'a');

/** The absolute URLs the page keeps an extract's files under (`pick`: which of them; all unless told). */
export const urlsOf = (m: Manifest, pick: (m: Manifest) => ManifestFile[] = (x) => [...x.files, ...x.summaries, ...(x.peta_summaries ?? []), ...x.databases]) =>
	pick(m).map((f) => `${ORIGIN}${versionedUrl('/extracts', f)}`);

export const body = (x: unknown = 'x') => new Response(typeof x === 'string' ? x : JSON.stringify(x));
export const entries = (urls: readonly string[]) => Object.fromEntries(urls.map((u) => [u, body()]));

export type MemoryCaches = CacheStorage & {
	/** The URLs a cache holds, sorted. */
	urls(name: string): string[];
	/** Holds back every `put` of `url` until the returned function is called. */
	holdPut(url: string): () => void;
	/** Makes every `put` of `url` fail, as a full quota does. */
	failPut(url: string): void;
};

/** Cache Storage in memory: open, has, keys, and a cache's keys, match, put and delete (by URL). */
export function memoryCaches(contents: Record<string, Record<string, Response>>): MemoryCaches {
	const caches = new Map(Object.entries(contents).map(([name, kept]) => [name, new Map(Object.entries(kept))]));
	const held = new Map<string, Promise<void>>();
	const failing = new Set<string>();
	const urlOf = (req: RequestInfo | URL) => (typeof req === 'string' ? req : req instanceof URL ? req.href : req.url);
	const cacheOf = (kept: Map<string, Response>) =>
		({
			keys: async () => [...kept.keys()].map((u) => new Request(u)),
			match: async (req: RequestInfo | URL) => kept.get(urlOf(req))?.clone(),
			put: async (req: RequestInfo | URL, res: Response) => {
				await held.get(urlOf(req));
				if (failing.has(urlOf(req))) throw new DOMException('quota', 'QuotaExceededError');
				kept.set(urlOf(req), res);
			},
			delete: async (req: RequestInfo | URL) => kept.delete(urlOf(req))
		}) as unknown as Cache;
	return {
		has: async (name: string) => caches.has(name),
		open: async (name: string) => {
			if (!caches.has(name)) caches.set(name, new Map());
			return cacheOf(caches.get(name)!);
		},
		keys: async () => [...caches.keys()],
		urls: (name: string) => [...(caches.get(name)?.keys() ?? [])].sort(),
		holdPut(url: string) {
			let release = () => {};
			held.set(url, new Promise<void>((r) => (release = r)));
			return release;
		},
		failPut: (url: string) => void failing.add(url)
	} as unknown as MemoryCaches;
}
