/**
 * What a web server sends with each file of the built site, decided here once and turned into the
 * nginx configuration (scripts/deploy/nginx.ts), the table of rules in docs/deploy.md and the headers
 * of `npm start` (scripts/build/preview-precompressed.ts).
 *
 * It lives in scripts/, not src/lib/: no byte of it is shipped to the browser. What it decides is
 * the server's half of the service worker's contract (src/lib/offline/policy.ts), from whose
 * constants it is built: a file the worker may serve from any copy ('immutable') may be kept by the
 * browser for a year, and everything the worker asks the network for first ('page', 'data') must be
 * revalidated, so a new build, a new month's extract or an edited targets file is seen at once.
 */
import { DATA_FOLDERS, EXTRACTS_PREFIX, IMMUTABLE_PREFIX } from '../../src/lib/offline/policy.ts';

/**
 * File types the build writes `.gz`/`.br` copies of, and a server may send in their place. Parquet is
 * not among them: it is compressed inside already (ZSTD).
 */
export const PRECOMPRESSED_EXTENSIONS = ['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.wasm', '.svg', '.txt', '.csv', '.map', '.pbf', '.duckdb'] as const;

/** A year: what browsers and caches honour as "for good" for a file named by its content. */
export const CACHE_FOREVER = 'public, max-age=31536000, immutable';
/** May be kept, but asked of the server (a 304 when unchanged) before each use. */
export const REVALIDATE = 'no-cache';

export interface CacheRule {
	/** A path prefix (`/geo/`) or one exact path (`= /service-worker.js`), as nginx's location takes it. */
	location: string;
	/** Only requests that carry this query parameter (e.g. `v`); the others fall to the next rule. */
	withQuery?: string;
	cacheControl: string;
	/** Extension-less paths are pages: the prerendered `x.html`, else the app's fallback page. */
	spaFallback?: boolean;
	/** Why, for the guide's table. */
	why: string;
}

/** The first rule whose location (and query) matches a request decides; the last one matches all. */
export const CACHE_RULES: readonly CacheRule[] = [
	{ location: IMMUTABLE_PREFIX, cacheControl: CACHE_FOREVER, why: 'the build’s JS, CSS and WebAssembly, named by their content hash' },
	{ location: EXTRACTS_PREFIX, withQuery: 'v', cacheControl: CACHE_FOREVER, why: 'an extract file asked for with its content hash (`?v=`), so a new extract has new URLs' },
	...DATA_FOLDERS.map((folder) => ({ location: folder, cacheControl: REVALIDATE, why: 'data replaced on the server (the manifest, a new extract, boundaries, targets): seen on the next visit' })),
	{ location: '= /service-worker.js', cacheControl: REVALIDATE, why: 'the service worker: a new build must reach every browser' },
	{ location: '/', cacheControl: REVALIDATE, spaFallback: true, why: 'pages (`/peta` → `peta.html`, else `200.html`) and `/_app/version.json`: they name this build’s files' }
];

/** The adapter's fallback page (svelte.config.js, adapter-static `fallback`). */
export const FALLBACK_PAGE = '/200.html';

export interface ContentType {
	ext: string;
	type: string;
	/** Text: sent with `; charset=utf-8`. */
	charset?: true;
}

/** The content type of every kind of file the built site holds; WebAssembly must be `application/wasm` for streaming compilation. */
export const CONTENT_TYPES: readonly ContentType[] = [
	{ ext: '.html', type: 'text/html', charset: true },
	{ ext: '.js', type: 'text/javascript', charset: true },
	{ ext: '.mjs', type: 'text/javascript', charset: true },
	{ ext: '.css', type: 'text/css', charset: true },
	{ ext: '.json', type: 'application/json', charset: true },
	{ ext: '.map', type: 'application/json', charset: true },
	{ ext: '.geojson', type: 'application/geo+json', charset: true },
	{ ext: '.txt', type: 'text/plain', charset: true },
	{ ext: '.sha256', type: 'text/plain', charset: true },
	{ ext: '.csv', type: 'text/csv', charset: true },
	{ ext: '.svg', type: 'image/svg+xml', charset: true },
	{ ext: '.wasm', type: 'application/wasm' },
	{ ext: '.parquet', type: 'application/vnd.apache.parquet' },
	{ ext: '.arrow', type: 'application/vnd.apache.arrow.file' },
	{ ext: '.arrows', type: 'application/vnd.apache.arrow.stream' },
	{ ext: '.duckdb', type: 'application/octet-stream' },
	{ ext: '.pbf', type: 'application/x-protobuf' },
	{ ext: '.png', type: 'image/png' },
	{ ext: '.ico', type: 'image/x-icon' },
	{ ext: '.woff2', type: 'font/woff2' }
];
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The Content-Type a file is sent with, by its extension (the test server's and the deployment's, one table). */
export function contentTypeOf(file: string): string {
	const ct = CONTENT_TYPES.find((c) => c.ext === extension(file));
	return ct ? `${ct.type}${ct.charset ? '; charset=utf-8' : ''}` : DEFAULT_CONTENT_TYPE;
}

/**
 * The Content-Security-Policy: nothing from any other origin. `'wasm-unsafe-eval'` lets DuckDB-WASM and
 * parquet-wasm compile WebAssembly (no JavaScript eval); workers are this origin's scripts, and blob:
 * ones; styles may be inline (Svelte's style attributes, ECharts', MapLibre's).
 *
 * `'unsafe-inline'` in script-src is for two inline scripts: src/app.html's (it asks for the manifest
 * as the page starts) and SvelteKit's bootstrap in each prerendered page, whose text names this
 * build's hashed files, so a hash in the server's configuration would change with every build. Each
 * prerendered page carries its own policy in a `<meta http-equiv>` (svelte.config.js `kit.csp`, mode
 * 'hash') with the hashes of exactly those scripts; a browser enforces both policies, so any other
 * inline script is refused.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"],
	'worker-src': ["'self'", 'blob:'],
	'connect-src': ["'self'"],
	'img-src': ["'self'", 'data:', 'blob:'],
	'style-src': ["'self'", "'unsafe-inline'"],
	'font-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
	'frame-ancestors': ["'self'"]
};

export function contentSecurityPolicy(directives = CSP_DIRECTIVES): string {
	return Object.entries(directives)
		.map(([name, values]) => `${name} ${values.join(' ')}`)
		.join('; ');
}

/**
 * Sent with every answer. Not Cross-Origin-Opener-Policy: over plain http on an intranet (section 3 of
 * docs/deploy.md) Chromium ignores it and writes an error to the console of every page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': contentSecurityPolicy(),
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'SAMEORIGIN',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

export interface PathHeaders {
	cacheControl: string;
	contentType: string;
	/** Whether the build's `.br`/`.gz` copy may be sent in its place (with Content-Encoding). */
	precompressed: boolean;
	/** The rule that decided (CACHE_RULES). */
	rule: CacheRule;
}

const extension = (path: string) => /(\.[^./]+)$/.exec(path)?.[1].toLowerCase() ?? '';

function matches(rule: CacheRule, pathname: string, query: URLSearchParams): boolean {
	const hit = rule.location.startsWith('= ') ? pathname === rule.location.slice(2) : pathname.startsWith(rule.location);
	return hit && (rule.withQuery === undefined || query.has(rule.withQuery));
}

/**
 * The headers for a request to the built site, by its path and query (`?v=…`). An extension-less path
 * under a rule with `spaFallback` is a page, sent as HTML.
 */
export function headersFor(pathname: string, search = ''): PathHeaders {
	const query = new URLSearchParams(search);
	const rule = CACHE_RULES.find((r) => matches(r, pathname, query)) ?? CACHE_RULES[CACHE_RULES.length - 1];
	const ext = extension(pathname) || (rule.spaFallback ? '.html' : '');
	return {
		cacheControl: rule.cacheControl,
		contentType: contentTypeOf(`x${ext}`),
		precompressed: (PRECOMPRESSED_EXTENSIONS as readonly string[]).includes(ext),
		rule
	};
}
