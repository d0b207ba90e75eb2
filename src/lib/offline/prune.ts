/**
 * Each month a Dinas replaces the extract on the server, and its files get new URLs (policy.ts
 * versionedUrl). The copies kept of the old month's files (~12 MB a district) would stay in the data
 * cache for good, and a device short of space may then evict the whole cache, the offline copy the
 * user relies on with it. Once a new manifest is the offline copy, no offline visit can ask for a file
 * it does not name: those copies are removed.
 */
import { checkManifest, manifestFiles, type Manifest } from '../contract/manifest';
import { DATA_CACHE, versionedUrl } from './policy';

/**
 * The kept extract files to remove: those in the manifest's folder that neither the stored manifest
 * (the offline copy) nor `shown` (the one the page is using, should another tab have stored a newer
 * one meanwhile) names. With no stored manifest (its copy failed, or is unreadable) nothing: an old
 * manifest and its files are then what an offline visit has. The manifest's own copy, and files
 * outside its folder (boundaries, the national file, targets, DuckDB's WASM), are never chosen.
 *
 * `cached` and `manifestHref` are absolute URLs, as Cache Storage gives them.
 */
export function staleExtractCopies(cached: readonly string[], manifestHref: string, stored: Manifest | null, shown: Manifest | null): string[] {
	if (!stored) return [];
	const folder = new URL('.', manifestHref).href;
	const base = folder.slice(0, -1);
	const named = (m: Manifest) => manifestFiles(m).map((f) => new URL(versionedUrl(base, f)).href);
	const keep = new Set([manifestHref, ...named(stored), ...(shown ? named(shown) : [])]);
	return cached.filter((url) => url.startsWith(folder) && !keep.has(url));
}

/**
 * Removes from the data cache (only: the app shell's cache is the service worker's) the extract files
 * the stored manifest at `manifestHref` does not name (staleExtractCopies); returns their URLs.
 * The caller runs it once that manifest is stored and the files the page loaded with it are.
 */
export async function pruneExtractCopies(cs: CacheStorage, manifestHref: string, shown: Manifest | null): Promise<string[]> {
	if (!(await cs.has(DATA_CACHE))) return [];
	const cache = await cs.open(DATA_CACHE);
	const stale = staleExtractCopies(
		(await cache.keys()).map((r) => r.url),
		manifestHref,
		await storedManifest(cache, manifestHref),
		shown
	);
	for (const url of stale) await cache.delete(url);
	return stale;
}

/** The manifest kept for offline use, or null when there is none or it does not read as one. */
async function storedManifest(cache: Cache, href: string): Promise<Manifest | null> {
	const res = await cache.match(href);
	if (!res) return null;
	try {
		return checkManifest(await res.json()).value ?? null;
	} catch {
		return null;
	}
}
