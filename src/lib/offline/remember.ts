/**
 * The page (or a worker) keeps a copy of every data file it has loaded and verified, so the
 * dashboard still opens and answers offline (src/service-worker.ts serves these copies when the
 * network fails). Caching is best effort: where Cache Storage is missing or full, nothing breaks.
 */
import { whenQuiet } from './idle';
import { CACHED_AT_HEADER, DATA_CACHE } from './policy';

function cacheStorage(): CacheStorage | null {
	return typeof caches === 'undefined' ? null : caches;
}

function stamped(body: BodyInit, contentType: string, now: Date): Response {
	return new Response(body, { headers: { 'content-type': contentType, [CACHED_AT_HEADER]: now.toISOString() } });
}

/** Stores bytes the caller already holds (a verified extract file) under its URL. */
export async function rememberBytes(url: string, bytes: ArrayBuffer, contentType = 'application/octet-stream'): Promise<void> {
	const cs = cacheStorage();
	if (!cs) return;
	// Copied before the first await: the caller may hand the buffer on (transfer) right after.
	const copy = bytes.slice(0);
	try {
		await whenQuiet();
		const cache = await cs.open(DATA_CACHE);
		await cache.put(new URL(url, location.href).href, stamped(copy, contentType, new Date()));
	} catch {
		// Quota or private mode: the dashboard works online all the same.
	}
}

/** Stores a response the caller is also reading (pass it before consuming its body). */
export function rememberResponse(url: string, res: Response): void {
	const cs = cacheStorage();
	if (!cs || cachedAt(res) !== null) return;
	const copy = res.clone();
	void (async () => {
		try {
			const cache = await cs.open(DATA_CACHE);
			await cache.put(new URL(url, location.href).href, stamped(await copy.blob(), res.headers.get('content-type') ?? 'application/octet-stream', new Date()));
		} catch {
			// Best effort.
		}
	})();
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
