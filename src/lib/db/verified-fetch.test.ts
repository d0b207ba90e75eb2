import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256HexSync } from '../contract/sha256';
import { fetchVerified } from './verified-fetch';

const bytes = new TextEncoder().encode('kode_kab=33.28');
const sha = sha256HexSync(bytes);

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('fetchVerified', () => {
	it('hands back the bytes whose SHA-256 is the manifest’s', async () => {
		vi.stubGlobal('fetch', async () => new Response(bytes, { headers: { 'x-slrt-cached-at': '2026-11-01T00:00:00Z' } }));
		const got = await fetchVerified('/extracts/db/kode_kab=33.28.duckdb', sha);
		expect(got.ok).toBe(true);
		if (got.ok) expect(new Uint8Array(got.bytes)).toEqual(bytes);
	});

	it('names other bytes a checksum failure', async () => {
		vi.stubGlobal('fetch', async () => new Response(new TextEncoder().encode('something else')));
		const got = await fetchVerified('/x', sha);
		expect(got).toMatchObject({ ok: false, kind: 'checksum' });
	});

	it('answers with a failure, not an exception, when the digest itself fails', async () => {
		vi.stubGlobal('fetch', async () => new Response(bytes));
		vi.spyOn(crypto.subtle, 'digest').mockRejectedValue(new Error('digest unavailable'));
		const got = await fetchVerified('/x', sha);
		expect(got).toEqual({ ok: false, kind: 'checksum', detail: 'sha256: digest unavailable' });
	});
});
