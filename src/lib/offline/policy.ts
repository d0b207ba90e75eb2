/**
 * What the service worker does with each request, decided here so it can be tested without a
 * browser. The app shell (HTML, JS, CSS of this build) is cached when the worker installs; the
 * data a visit loaded (manifest, summaries, district databases, boundaries, DuckDB's WASM) is put
 * in a separate cache by the page itself once it has verified it (see remember.ts), so the first
 * visit already leaves a working offline copy even before the worker controls the page.
 */
import type { ManifestFile } from '../contract/manifest';

/** One cache per build for the shell: a new build replaces it. */
export const SHELL_CACHE_PREFIX = 'slrt-shell-';
/** Data survives new builds: the last loaded extracts keep working offline. */
export const DATA_CACHE = 'slrt-data-v1';
/** Set on every response the page stores, so a page served from the cache knows how old it is. */
export const CACHED_AT_HEADER = 'x-slrt-cached-at';
/** SvelteKit names everything under here by content hash. */
export const IMMUTABLE_PREFIX = '/_app/immutable/';
/** The extract's folder: its files are named by content only when asked for with `?v=` (versionedUrl). */
export const EXTRACTS_PREFIX = '/extracts/';

export type Strategy =
	/** Not ours to handle: other origins, non-GET, byte ranges (Cache Storage cannot hold 206s). */
	| 'bypass'
	/** Files named by content hash (this build's JS and CSS, DuckDB's WASM, versioned extract files): any cached copy is right. */
	| 'immutable'
	/** Page navigations: the network first (a new build), else the cached shell. */
	| 'page'
	/** Extracts, boundaries and the rest of static/: the network first (fresh data), else the last copy. */
	| 'data';

export interface RequestInfo {
	url: string;
	method: string;
	mode: string;
	hasRange: boolean;
}

/**
 * The 'immutable' requests as URL patterns (URLPatternInit) for the service worker's static routes:
 * this build's files, and extract files named by content (`?v=`).
 */
export const IMMUTABLE_ROUTES: readonly { pathname: string; search?: string }[] = [{ pathname: `${IMMUTABLE_PREFIX}*` }, { pathname: `${EXTRACTS_PREFIX}*`, search: 'v=*' }];

/**
 * An extract file's URL names its content (`?v=` + the start of its SHA-256): a copy kept under that
 * URL can never be stale, so the service worker serves it without asking the network, and a new
 * extract gets new URLs (and the old ones' copies are removed, prune.ts). The server ignores the query.
 */
export function versionedUrl(baseUrl: string, entry: ManifestFile): string {
	return `${baseUrl}/${entry.path}?v=${entry.sha256.slice(0, VERSION_CHARS)}`;
}
/** Hex digits of the SHA-256 in a versioned URL: 64 bits, no two files of a deployment alike by chance. */
const VERSION_CHARS = 16;

export function strategyFor(req: RequestInfo, origin: string, shell: ReadonlySet<string>): Strategy {
	if (req.method !== 'GET' || req.hasRange) return 'bypass';
	let url: URL;
	try {
		url = new URL(req.url);
	} catch {
		return 'bypass';
	}
	if (url.origin !== origin) return 'bypass';
	if (req.mode === 'navigate') return 'page';
	if (shell.has(url.pathname) || url.pathname.startsWith(IMMUTABLE_PREFIX)) return 'immutable';
	// Extract files named by content (versionedUrl): a kept copy is always right.
	if (url.pathname.startsWith(EXTRACTS_PREFIX) && url.searchParams.has('v')) return 'immutable';
	return 'data';
}

/**
 * The HTTP cache mode of a request the worker sends on to the network: a page or a data file not named
 * by its content is asked of the server (answered 304 when unchanged), never reused unasked. A server
 * with no caching rules of its own (nginx's and Apache's defaults send Last-Modified alone) lets the
 * browser reuse a file for a tenth of its age without asking: a targets file set months ago, then
 * edited, would be banding scorecards by the old targets for days, and "network first" would mean an
 * old page and old data without a word. A mode the page chose itself is kept.
 */
export function networkCache(strategy: Strategy, requested: RequestCache): RequestCache {
	return (strategy === 'page' || strategy === 'data') && requested === 'default' ? 'no-cache' : requested;
}

/**
 * The HTTP cache mode for a shell file the worker stores as it installs: the build's hashed files may
 * come from any copy, its pages and other files are asked of the server (see networkCache): a page
 * reused from an older build would be kept as this build's, naming files the server no longer has.
 */
export function shellCache(path: string): RequestCache {
	return path.startsWith(IMMUTABLE_PREFIX) ? 'default' : 'no-cache';
}

/**
 * static/ folders that hold data, not app: fetched from the network first so an edited file (a
 * Dinas's targets) or a new extract is seen at once; the page keeps copies for offline use.
 */
export const DATA_FOLDERS = ['/extracts/', '/geo/', '/nasional/', '/targets/'] as const;

/** Paths to cache when the worker installs: the build's files and pages, not the data or the lazily fetched WASM. */
export function shellPaths(build: readonly string[], files: readonly string[], prerendered: readonly string[]): string[] {
	const small = files.filter((f) => !DATA_FOLDERS.some((d) => f.startsWith(d)));
	// The benchmark's own pages (bench/run.ts drives them) are no part of the app a user keeps offline.
	const pages = prerendered.filter((p) => !/^\/bench(\/|$)/.test(p));
	return [...new Set([...build.filter((f) => !f.endsWith('.wasm')), ...small, ...pages, '/'])];
}

/** Where an offline navigation lands: the prerendered page for the path, else the app's fallback page. */
export function pageFallbacks(pathname: string): string[] {
	const clean = pathname.replace(/\/+$/, '') || '/';
	return clean === '/' ? ['/', '/200.html'] : [clean, `${clean}.html`, '/200.html'];
}

/** Age of a cached copy in whole hours or days, for the notice on the page. */
export function cacheAge(cachedAtIso: string, now: Date): { unit: 'menit' | 'jam' | 'hari'; n: number } | null {
	const t = Date.parse(cachedAtIso);
	if (!Number.isFinite(t)) return null;
	const minutes = Math.max(0, Math.floor((now.getTime() - t) / 60_000));
	if (minutes < 60) return { unit: 'menit', n: minutes };
	if (minutes < 48 * 60) return { unit: 'jam', n: Math.floor(minutes / 60) };
	return { unit: 'hari', n: Math.floor(minutes / (24 * 60)) };
}
