import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import svelteConfig from '../../svelte.config.js';
import { DATA_FOLDERS, strategyFor } from '../../src/lib/offline/policy';
import { CACHE_FOREVER, CACHE_RULES, CONTENT_TYPES, CSP_DIRECTIVES, FALLBACK_PAGE, headersFor, REVALIDATE } from './headers';

const ORIGIN = 'https://dasbor.example.go.id';
const BUILD = join(import.meta.dirname, '..', '..', 'build');

/** Paths of a real build (npm run build, 2026-12): every kind of file it holds, as the browser asks for them. */
const BUILD_PATHS = [
	'/',
	'/index.html',
	'/peta',
	'/peta.html',
	'/bandingkan',
	'/laporan.html',
	'/200.html',
	'/service-worker.js',
	'/_app/version.json',
	'/_app/env.js',
	'/_app/immutable/entry/start.BqzF1x3k.js',
	'/_app/immutable/chunks/7wxzV0B9.js',
	'/_app/immutable/assets/0.DnQb7dXq.css',
	'/_app/immutable/assets/duckdb-eh.DP-eHUCJ.wasm',
	'/_app/immutable/assets/duckdb-eh.worker.8f26a8d755535f59.BBlUUJaM.js',
	'/_app/immutable/assets/maplibre-gl-worker.CZtFQQIV.mjs',
	'/_app/immutable/workers/assets/parquet_wasm_bg-BHq48xsW.wasm',
	'/extracts/manifest.json',
	'/extracts/db/kode_kab=33.28.duckdb',
	'/extracts/db/kode_kab=33.28.duckdb?v=0123456789abcdef',
	'/extracts/ringkasan/kode_kab=33.28.json?v=0123456789abcdef',
	'/extracts/rumah_tangga/kode_kab=33.28/data_0.parquet',
	'/geo/desa/kode_kab=33.28.geojson',
	'/geo/kode-desa.txt',
	'/nasional/kabkota.geojson',
	'/nasional/indikator.json',
	'/targets/indikator.json'
];

/** Every file of the local build, if there is one (copies excluded), as request paths. */
function builtPaths(dir = BUILD): string[] {
	if (!existsSync(dir)) return [];
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const abs = join(dir, name);
		if (statSync(abs).isDirectory()) out.push(...builtPaths(abs));
		else if (!/\.(gz|br)$/.test(name)) out.push('/' + relative(BUILD, abs).split('\\').join('/'));
	}
	return out;
}

const isPage = (path: string) => !extname(new URL(path, ORIGIN).pathname) || path.endsWith('.html');

describe('headersFor agrees with the service worker (offline/policy.ts)', () => {
	const paths = [...new Set([...BUILD_PATHS, ...builtPaths()])];

	test.each(paths)('%s', (path) => {
		const url = new URL(path, ORIGIN);
		// A page is navigated to; anything else fetched. The shell is left empty: it is the worker's own per-build copy, not an HTTP rule.
		const strategy = strategyFor({ url: url.href, method: 'GET', mode: isPage(path) ? 'navigate' : 'cors', hasRange: false }, ORIGIN, new Set());
		const { cacheControl } = headersFor(url.pathname, url.search);
		// What the worker takes from any copy may be kept for good; what it asks the network for first must be revalidated.
		expect(cacheControl).toBe(strategy === 'immutable' ? CACHE_FOREVER : REVALIDATE);
	});

	test('every data folder of the policy has its rule, built from the policy’s own list', () => {
		for (const folder of DATA_FOLDERS) expect(CACHE_RULES.some((r) => r.location === folder && r.cacheControl === REVALIDATE), folder).toBe(true);
		expect(CACHE_RULES[CACHE_RULES.length - 1].location).toBe('/');
	});

	test('every kind of file the build holds has a content type of its own', () => {
		const exts = new Set(builtPaths().map((p) => extname(p)).filter(Boolean));
		for (const ext of exts) expect(CONTENT_TYPES.map((c) => c.ext), ext).toContain(ext);
	});
});

describe('headersFor', () => {
	test('WebAssembly as application/wasm (streaming compilation), kept for good, precompressed', () => {
		expect(headersFor('/_app/immutable/assets/duckdb-eh.DP-eHUCJ.wasm')).toMatchObject({ contentType: 'application/wasm', cacheControl: CACHE_FOREVER, precompressed: true });
	});

	test('pages are HTML, revalidated, with their prerendered file or the fallback page', () => {
		expect(headersFor('/peta')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATE, precompressed: true });
		expect(headersFor('/')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: REVALIDATE });
		expect(headersFor('/service-worker.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', cacheControl: REVALIDATE });
	});

	test('the manifest and an extract asked for without its hash are revalidated; with it, kept for good', () => {
		expect(headersFor('/extracts/manifest.json').cacheControl).toBe(REVALIDATE);
		expect(headersFor('/extracts/db/kode_kab=33.28.duckdb')).toMatchObject({ cacheControl: REVALIDATE, contentType: 'application/octet-stream', precompressed: true });
		expect(headersFor('/extracts/db/kode_kab=33.28.duckdb', '?v=0123456789abcdef').cacheControl).toBe(CACHE_FOREVER);
	});

	test('Parquet is not precompressed (compressed inside); GeoJSON is, as application/geo+json', () => {
		expect(headersFor('/extracts/rumah_tangga/kode_kab=33.28/data_0.parquet').precompressed).toBe(false);
		expect(headersFor('/geo/desa/kode_kab=33.28.geojson')).toMatchObject({ contentType: 'application/geo+json; charset=utf-8', precompressed: true });
	});
});

describe('the pages’ own policy (svelte.config.js kit.csp)', () => {
	const csp = svelteConfig.kit!.csp!;
	const unquoted = (values: readonly string[]) => values.map((v) => v.replace(/^'(.*)'$/, '$1'));

	test('allows what the server’s policy allows, with hashes in place of unsafe-inline, among them app.html’s inline script', () => {
		expect(csp.mode).toBe('hash');
		const scriptSrc = csp.directives!['script-src']!;
		expect(scriptSrc.filter((v) => !v.startsWith('sha256-'))).toEqual(unquoted(CSP_DIRECTIVES['script-src']).filter((v) => v !== 'unsafe-inline'));
		expect(scriptSrc.filter((v) => v.startsWith('sha256-')).length).toBe([...readFileSync(join(import.meta.dirname, '..', '..', 'src', 'app.html'), 'utf8').matchAll(/<script>/g)].length);
		expect(csp.directives!['worker-src']).toEqual(unquoted(CSP_DIRECTIVES['worker-src']));
	});

	test('the fallback page is the adapter’s', () => {
		expect(readFileSync(join(import.meta.dirname, '..', '..', 'svelte.config.js'), 'utf8')).toContain(`fallback: '${FALLBACK_PAGE.slice(1)}'`);
	});
});
