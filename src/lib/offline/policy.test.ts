import { describe, expect, test } from 'vitest';
import { cacheAge, networkCache, pageFallbacks, shellCache, shellPaths, strategyFor } from './policy';

const ORIGIN = 'http://127.0.0.1:4173';
const shell = new Set(['/_app/immutable/entry/start.js', '/favicon.png']);
const req = (path: string, over: Partial<{ method: string; mode: string; hasRange: boolean }> = {}) => ({
	url: path.startsWith('http') ? path : ORIGIN + path,
	method: 'GET',
	mode: 'cors',
	hasRange: false,
	...over
});

describe('strategyFor', () => {
	test('files named by content hash, and the shell, come from any cached copy', () => {
		expect(strategyFor(req('/_app/immutable/entry/start.js'), ORIGIN, shell)).toBe('immutable');
		expect(strategyFor(req('/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm'), ORIGIN, shell)).toBe('immutable');
		expect(strategyFor(req('/favicon.png'), ORIGIN, shell)).toBe('immutable');
		expect(strategyFor(req('/extracts/db/kode_kab=33.28.duckdb?v=0123456789abcdef'), ORIGIN, shell)).toBe('immutable');
	});
	test('navigations go to the network first, whatever the path', () => {
		expect(strategyFor(req('/peta?wilayah=33.28', { mode: 'navigate' }), ORIGIN, shell)).toBe('page');
	});
	test('extracts, boundaries and the build version are data: the network first', () => {
		expect(strategyFor(req('/extracts/manifest.json'), ORIGIN, shell)).toBe('data');
		expect(strategyFor(req('/extracts/db/kode_kab=33.28.duckdb'), ORIGIN, shell)).toBe('data');
		expect(strategyFor(req('/geo/desa/kode_kab=33.28.geojson'), ORIGIN, shell)).toBe('data');
		expect(strategyFor(req('/_app/version.json'), ORIGIN, shell)).toBe('data');
	});
	test('other origins, writes and byte ranges are left alone', () => {
		expect(strategyFor(req('https://tiles.example.org/1/2/3.png'), ORIGIN, shell)).toBe('bypass');
		expect(strategyFor(req('/extracts/manifest.json', { method: 'POST' }), ORIGIN, shell)).toBe('bypass');
		expect(strategyFor(req('/extracts/db/kode_kab=33.28.duckdb', { hasRange: true }), ORIGIN, shell)).toBe('bypass');
		expect(strategyFor(req('not a url'), ORIGIN, shell)).toBe('bypass');
	});
});

describe('shellPaths', () => {
	test('keeps the build and small static files, leaves out data (extracts, boundaries, targets, national) and WASM', () => {
		const got = shellPaths(
			['/_app/a.js', '/_app/immutable/assets/duckdb-eh.x.wasm', '/_app/b.css'],
			['/favicon.png', '/extracts/manifest.json', '/geo/desa/kode_kab=33.28.geojson', '/targets/indikator.json', '/nasional/indikator.json'],
			['/peta', '/']
		);
		expect(got.sort()).toEqual(['/', '/_app/a.js', '/_app/b.css', '/favicon.png', '/peta'].sort());
	});
	test("leaves out the benchmark's pages", () => {
		expect(shellPaths([], [], ['/bench/lab', '/bench/load', '/benchmarks', '/peta']).sort()).toEqual(['/', '/benchmarks', '/peta']);
	});
});

describe('networkCache', () => {
	test("pages and data files not named by content are asked of the server, never taken from the browser's HTTP cache unasked", () => {
		// A server with no caching rules (nginx's default) lets the browser reuse a file for a tenth of its age.
		expect(networkCache('page', 'default')).toBe('no-cache');
		expect(networkCache('data', 'default')).toBe('no-cache');
	});
	test('a mode the page chose is kept', () => {
		expect(networkCache('data', 'no-store')).toBe('no-store');
		expect(networkCache('data', 'reload')).toBe('reload');
		expect(networkCache('data', 'no-cache')).toBe('no-cache');
	});
	test('files named by content may come from any copy', () => {
		expect(networkCache('immutable', 'default')).toBe('default');
	});
});

describe('shellCache', () => {
	test("the shell's pages and unhashed files are revalidated as the worker installs; the build's hashed files may come from the HTTP cache", () => {
		expect(shellCache('/')).toBe('no-cache');
		expect(shellCache('/peta')).toBe('no-cache');
		expect(shellCache('/200.html')).toBe('no-cache');
		expect(shellCache('/_app/version.json')).toBe('no-cache');
		expect(shellCache('/_app/immutable/entry/start.DYglK8EN.js')).toBe('default');
	});
});

describe('pageFallbacks', () => {
	test('the prerendered page first, then the app fallback', () => {
		expect(pageFallbacks('/peta')).toEqual(['/peta', '/peta.html', '/200.html']);
		expect(pageFallbacks('/peta/')).toEqual(['/peta', '/peta.html', '/200.html']);
		expect(pageFallbacks('/')).toEqual(['/', '/200.html']);
	});
});

describe('cacheAge', () => {
	const now = new Date('2026-11-28T12:00:00Z');
	test('minutes, hours, then days', () => {
		expect(cacheAge('2026-11-28T11:59:30Z', now)).toEqual({ unit: 'menit', n: 0 });
		expect(cacheAge('2026-11-28T11:15:00Z', now)).toEqual({ unit: 'menit', n: 45 });
		expect(cacheAge('2026-11-28T09:00:00Z', now)).toEqual({ unit: 'jam', n: 3 });
		expect(cacheAge('2026-11-26T12:00:01Z', now)).toEqual({ unit: 'jam', n: 47 });
		expect(cacheAge('2026-11-20T12:00:00Z', now)).toEqual({ unit: 'hari', n: 8 });
	});
	test('an unreadable stamp gives no age rather than a wrong one', () => {
		expect(cacheAge('kemarin', now)).toBeNull();
	});
});
