/** DataStore.init with the first area named: its summary is asked for as soon as the manifest is read. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataStore } from './data.svelte';
import { failureNote } from '../db/extracts';

const EXTRACTS = join(import.meta.dirname, '..', '..', '..', 'static', 'extracts');

function serveExtracts(): string[] {
	const asked: string[] = [];
	vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
		const url = new URL(String(input), 'http://x');
		asked.push(url.pathname);
		try {
			return new Response(readFileSync(join(EXTRACTS, url.pathname.replace(/^\/extracts\//, ''))), { status: 200 });
		} catch {
			return new Response('not found', { status: 404 });
		}
	});
	return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('DataStore.init', () => {
	it('asks for the first area’s summary as soon as the manifest is read, before the page asks', async () => {
		const asked = serveExtracts();
		const store = new DataStore('/extracts');
		await store.init(() => '33.28');
		expect(asked).toEqual(['/extracts/manifest.json', '/extracts/ringkasan/kode_kab=33.28.json']);
		// The page's own request is answered by the same fetch.
		const [summary] = await store.summariesFor('33.28');
		expect(summary).toMatchObject({ kode_kab: '33.28' });
		expect(asked).toHaveLength(2);
	});

	it('asks for nothing more without a first area', async () => {
		const asked = serveExtracts();
		await new DataStore('/extracts').init(() => null);
		expect(asked).toEqual(['/extracts/manifest.json']);
	});
});

describe('the manifest asked for by app.html as the page starts', () => {
	it('is taken once, for the same URL, instead of asking again; a failed one is asked again', async () => {
		const asked = serveExtracts();
		vi.stubGlobal('location', { href: 'http://x/peta' });
		const early = new Response(readFileSync(join(EXTRACTS, 'manifest.json')), { status: 200 });
		vi.stubGlobal('__slrtManifest', { url: '/extracts/manifest.json', response: Promise.resolve(early) });
		const store = new DataStore('/extracts');
		await store.init(() => null);
		expect(store.manifest?.areas.length).toBeGreaterThan(0);
		expect(asked).toEqual([]);
		// Taken: the next load asks the network.
		await new DataStore('/extracts').init(() => null);
		expect(asked).toEqual(['/extracts/manifest.json']);
		// The early request failed (null): asked again, and its answer used.
		vi.stubGlobal('__slrtManifest', { url: '/extracts/manifest.json', response: Promise.resolve(null) });
		const again = new DataStore('/extracts');
		await again.init(() => null);
		expect(again.manifest).not.toBeNull();
		expect(asked).toEqual(['/extracts/manifest.json', '/extracts/manifest.json']);
	});

	it('is not taken for another extract folder', async () => {
		const asked = serveExtracts();
		vi.stubGlobal('location', { href: 'http://x/' });
		vi.stubGlobal('__slrtManifest', { url: '/extracts/manifest.json', response: Promise.resolve(new Response('{}', { status: 200 })) });
		await new DataStore('/lain').init(() => null);
		expect(asked).toEqual(['/lain/manifest.json']);
	});
});

describe('a summary file that is not what its entry says', () => {
	/** An extract of one district whose two summary files are `ringkasan` and `peta`, each listed with its true SHA-256. */
	async function storeWith(ringkasan: string, peta: string): Promise<DataStore> {
		const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8'));
		const sha = (t: string) => createHash('sha256').update(t).digest('hex');
		const files: Record<string, string> = { 'ringkasan/kode_kab=33.28.json': ringkasan, 'ringkasan/peta/kode_kab=33.28.json': peta };
		const entry = (path: string) => ({ path, table: 'ringkasan', kode_kab: '33.28', rows: 0, bytes: files[path].length, sha256: sha(files[path]) });
		const served = { ...manifest, summaries: [entry('ringkasan/kode_kab=33.28.json')], peta_summaries: [entry('ringkasan/peta/kode_kab=33.28.json')] };
		vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
			const path = new URL(String(input), 'http://x').pathname.replace(/^\/extracts\//, '');
			return new Response(path === 'manifest.json' ? JSON.stringify(served) : files[path], { status: 200 });
		});
		const store = new DataStore('/extracts');
		await store.init(() => null);
		return store;
	}

	it('is named with what is wrong, and the page goes on without it', async () => {
		const other = readFileSync(join(EXTRACTS, 'ringkasan', 'peta', 'kode_kab=33.11.json'), 'utf8');
		const store = await storeWith('{"kode_kab": "33.28", "kecamatan": ', other);
		expect(await store.summariesFor('33.28')).toEqual([]);
		expect(await store.petaSummaryFor('33.28')).toBeNull();
		expect(store.errors.map((e) => [e.path, e.kind])).toEqual([
			['ringkasan/kode_kab=33.28.json', 'decode'],
			['ringkasan/peta/kode_kab=33.28.json', 'decode']
		]);
		expect(store.errors[1].detail).toBe('kolom / fields: kode_kab');
		// Only summaries failed: the page says the rows give their figures, not that figures are missing.
		expect(failureNote(store.errors)).toBe('summaries_failed');
		expect(failureNote([...store.errors, { path: 'db/kode_kab=33.28.duckdb', kind: 'checksum', detail: '' }])).toBe('figures_incomplete');
		expect(failureNote([])).toBeNull();
	});
});
