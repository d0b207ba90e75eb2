import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, test } from 'vitest';
import { fetchVerified } from '../../src/lib/db/verified-fetch';
import { startStaticServer } from '../lib/static-server';
import { BROTLI_LARGE_BYTES, BROTLI_QUALITY_LARGE, BROTLI_QUALITY_SMALL, brotliQuality, isCompressible, precompressDir } from './precompress';

const dirs: string[] = [];
function tempDir(): string {
	const d = mkdtempSync(join(tmpdir(), 'slrt-precompress-test-'));
	dirs.push(d);
	return d;
}
afterAll(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Text that compresses well: a GeoJSON-like list of features. */
const TEXT = JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ type: 'Feature', id: `33.28.01.${2000 + i}`, properties: { nama: `Desa ${i}` } })));

describe('which files are compressed', () => {
	test('text, WebAssembly and databases of 1 KB or more; never Parquet (compressed inside) or small files', () => {
		expect(isCompressible('_app/immutable/assets/duckdb-eh.x.wasm', 23_624_811)).toBe(true);
		expect(isCompressible('extracts/db/kode_kab=33.28.duckdb', 11_808_768)).toBe(true);
		expect(isCompressible('index.html', 3641)).toBe(true);
		expect(isCompressible('geo/desa/kode_kab=33.28.geojson', 523_796)).toBe(true);
		expect(isCompressible('extracts/rumah_tangga/kode_kab=33.28/data_0.parquet', 6_511_056)).toBe(false);
		expect(isCompressible('index.html', 1023)).toBe(false);
		expect(isCompressible('x.png', 50_000)).toBe(false);
	});

	test('Brotli at its best for files up to 2 MiB, one step lower above (the engine would take a minute)', () => {
		expect(brotliQuality(BROTLI_LARGE_BYTES)).toBe(BROTLI_QUALITY_SMALL);
		expect(brotliQuality(BROTLI_LARGE_BYTES + 1)).toBe(BROTLI_QUALITY_LARGE);
		expect(BROTLI_QUALITY_LARGE).toBeLessThan(BROTLI_QUALITY_SMALL);
	});
});

describe('precompressDir', () => {
	test('writes .br and .gz copies that decode to the file, keeps none that would not save a tenth, and takes a rebuild from the cache', async () => {
		const site = tempDir();
		const cacheDir = tempDir();
		mkdirSync(join(site, 'geo'));
		writeFileSync(join(site, 'geo', 'a.geojson'), TEXT);
		writeFileSync(join(site, 'tiny.json'), '{}');
		writeFileSync(join(site, 'noise.json'), randomBytes(8192));
		writeFileSync(join(site, 'data_0.parquet'), TEXT);
		writeFileSync(join(site, 'backup.tar.gz'), 'not ours');

		const first = await precompressDir(site, { cacheDir });
		expect(brotliDecompressSync(readFileSync(join(site, 'geo', 'a.geojson.br'))).toString()).toBe(TEXT);
		expect(gunzipSync(readFileSync(join(site, 'geo', 'a.geojson.gz'))).toString()).toBe(TEXT);
		// Last-Modified (whole seconds) is the same whichever is sent.
		const seconds = (f: string) => Math.floor(statSync(join(site, 'geo', f)).mtimeMs / 1000);
		expect(seconds('a.geojson.gz')).toBe(seconds('a.geojson'));
		for (const f of ['tiny.json.gz', 'noise.json.gz', 'noise.json.br', 'data_0.parquet.gz']) expect(existsSync(join(site, f)), f).toBe(false);
		expect(first.written).toEqual({ br: 1, gzip: 1 });
		expect(first.compressed).toBe(4); // a.geojson and noise.json, each twice

		rmSync(join(site, 'geo', 'a.geojson.br'));
		const again = await precompressDir(site, { cacheDir });
		expect(again.compressed).toBe(0);
		expect(brotliDecompressSync(readFileSync(join(site, 'geo', 'a.geojson.br'))).toString()).toBe(TEXT);
	});

	test('run again over replaced files, it rewrites their copies and removes those of files gone, never a .gz that is no copy', async () => {
		const site = tempDir();
		const cacheDir = tempDir();
		writeFileSync(join(site, 'manifest.json'), TEXT);
		writeFileSync(join(site, 'old.json'), TEXT);
		writeFileSync(join(site, 'backup.tar.gz'), 'not ours');
		await precompressDir(site, { cacheDir });

		const next = TEXT.replaceAll('Desa', 'Kelurahan');
		writeFileSync(join(site, 'manifest.json'), next);
		rmSync(join(site, 'old.json'));
		const s = await precompressDir(site, { cacheDir });
		expect(gunzipSync(readFileSync(join(site, 'manifest.json.gz'))).toString()).toBe(next);
		expect(brotliDecompressSync(readFileSync(join(site, 'manifest.json.br'))).toString()).toBe(next);
		expect(existsSync(join(site, 'old.json.gz'))).toBe(false);
		expect(existsSync(join(site, 'old.json.br'))).toBe(false);
		expect(s.removed).toBe(2);
		expect(readFileSync(join(site, 'backup.tar.gz'), 'utf8')).toBe('not ours');
	});
});

describe('a district database sent as a precompressed copy', () => {
	test('arrives byte-identical, as .br or as .gz, and passes the SHA-256 check the app makes; a range is of the file itself', async () => {
		const site = tempDir();
		mkdirSync(join(site, 'extracts', 'db'), { recursive: true });
		const db = join(site, 'extracts', 'db', 'kode_kab=35.76.duckdb');
		const instance = await DuckDBInstance.create(db);
		const conn = await instance.connect();
		await conn.run(`CREATE TABLE rumah_tangga AS SELECT i AS id, '35.76.0' || (i % 3 + 1) AS kode_kec, i % 10 + 1 AS desil FROM range(20000) t(i)`);
		conn.closeSync();
		instance.closeSync();
		const bytes = readFileSync(db);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		await precompressDir(site, { cacheDir: tempDir() });
		expect(statSync(`${db}.br`).size).toBeLessThan(bytes.length * 0.9);

		const server = await startStaticServer(site, { precompressed: true });
		try {
			const url = `${server.url}/extracts/db/kode_kab=35.76.duckdb?v=${sha256.slice(0, 16)}`;
			for (const encoding of ['br', 'gzip']) {
				const res = await fetch(url, { headers: { 'Accept-Encoding': encoding } });
				expect(res.headers.get('content-encoding')).toBe(encoding);
				expect(res.headers.get('content-type')).toBe('application/octet-stream');
				expect(Number(res.headers.get('content-length'))).toBeLessThan(bytes.length);
				expect(Buffer.from(await res.arrayBuffer()).equals(bytes), encoding).toBe(true);
			}
			// The app's own loading (Node's fetch sends Accept-Encoding: gzip, deflate, br and decodes as a browser does).
			const verified = await fetchVerified(url, sha256);
			expect(verified.ok).toBe(true);
			if (verified.ok) expect(Buffer.from(verified.bytes).equals(bytes)).toBe(true);

			const range = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip', Range: 'bytes=0-99' } });
			expect(range.status).toBe(206);
			expect(range.headers.get('content-encoding')).toBeNull();
			expect(Buffer.from(await range.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);
		} finally {
			await server.close();
		}
	});
});
