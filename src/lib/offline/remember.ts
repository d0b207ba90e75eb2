/**
 * The page (or a worker) keeps a copy of every data file it has loaded and verified, so the
 * dashboard still opens and answers offline (src/service-worker.ts serves these copies when the
 * network fails). Caching is best effort: where Cache Storage is missing or full, nothing breaks.
 */
import type { Manifest } from '../contract/manifest';
import { whenQuiet } from './idle';
import { CACHED_AT_HEADER, DATA_CACHE } from './policy';
import { pruneExtractCopies } from './prune';

function cacheStorage(): CacheStorage | null {
	return typeof caches === 'undefined' ? null : caches;
}

function stamped(body: BodyInit, contentType: string, now: Date): Response {
	return new Response(body, { headers: { 'content-type': contentType, [CACHED_AT_HEADER]: now.toISOString() } });
}

/** Copies of files the page read (rememberBytes, rememberResponse) being stored: the removal of an old extract's copies waits for them (rememberManifest). */
const storing = new Set<Promise<unknown>>();

function tracked<T>(p: Promise<T>): Promise<T> {
	storing.add(p);
	const done = () => storing.delete(p);
	p.then(done, done);
	return p;
}

/** Resolves once every copy begun (before or while waiting) is stored or has failed. */
async function copiesSettled(): Promise<void> {
	while (storing.size > 0) await Promise.allSettled([...storing]);
}

/** Stores bytes the caller already holds (a verified extract file) under its URL; true once stored. */
export function rememberBytes(url: string, bytes: ArrayBuffer, contentType = 'application/octet-stream'): Promise<boolean> {
	const cs = cacheStorage();
	if (!cs) return Promise.resolve(false);
	// Copied before the first await: the caller may hand the buffer on (transfer) right after.
	const copy = bytes.slice(0);
	return tracked(
		(async () => {
			try {
				await whenQuiet();
				const cache = await cs.open(DATA_CACHE);
				await cache.put(new URL(url, location.href).href, stamped(copy, contentType, new Date()));
				return true;
			} catch {
				// Quota or private mode: the dashboard works online all the same.
				return false;
			}
		})()
	);
}

/**
 * Stores the extract's manifest as the offline copy, then removes the kept files of earlier extracts
 * it does not name (prune.ts): only once it is stored (else the old manifest and its files are what
 * an offline visit has), and after the copies of the files the page loaded with it (the view the user
 * opened) are done: the new month's files go in before the old month's go out.
 */
export async function rememberManifest(url: string, bytes: ArrayBuffer, manifest: Manifest): Promise<void> {
	if (!(await rememberBytes(url, bytes, 'application/json'))) return;
	await copiesSettled();
	const cs = cacheStorage();
	if (!cs) return;
	try {
		await pruneExtractCopies(cs, new URL(url, location.href).href, manifest);
	} catch {
		// Best effort: the old copies stay until the next visit stores the manifest.
	}
}

/** Stores a response the caller is also reading (pass it before consuming its body). */
export function rememberResponse(url: string, res: Response): void {
	const cs = cacheStorage();
	if (!cs || cachedAt(res) !== null) return;
	const copy = res.clone();
	void tracked(
		(async () => {
			try {
				const cache = await cs.open(DATA_CACHE);
				await cache.put(new URL(url, location.href).href, stamped(await copy.blob(), res.headers.get('content-type') ?? 'application/octet-stream', new Date()));
			} catch {
				// Best effort.
			}
		})()
	);
}

/** Stores files the page used but did not read itself (boundaries, DuckDB's WASM), once. */
export async function rememberUrls(urls: readonly string[]): Promise<void> {
	const cs = cacheStorage();
	if (!cs) return;
	try {
		await whenQuiet();
		const cache = await cs.open(DATA_CACHE);
		for (const u of urls) {
			const href = new URL(u, location.href).href;
			if (await cache.match(href)) continue;
			const res = await fetch(href);
			if (!res.ok) continue;
			await cache.put(href, stamped(await res.blob(), res.headers.get('content-type') ?? 'application/octet-stream', new Date()));
		}
	} catch {
		// As above: best effort.
	}
}

/** When a response came from the offline copy, the time it was stored; null when it came from the network. */
export function cachedAt(res: Response): string | null {
	return res.headers.get(CACHED_AT_HEADER);
}
