import { createHash } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { sha256Hex, sha256HexSync } from './sha256';

const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256HexSync (plain http, where the browser has no Web Crypto)', () => {
	test('the FIPS 180-4 examples', () => {
		expect(sha256HexSync(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256HexSync(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	test('agrees with Node’s at every length around the block and padding edges, and on a large file', () => {
		let seed = 7;
		const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
		for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
			const b = bytes(n);
			expect(sha256HexSync(b), String(n)).toBe(node(b));
		}
		const big = bytes(3_000_001);
		expect(sha256HexSync(big)).toBe(node(big));
	});
});

describe('sha256Hex', () => {
	test('the same digest with Web Crypto and without it', async () => {
		const b = new TextEncoder().encode('kode_kab=33.28.duckdb');
		const withSubtle = await sha256Hex(b.buffer);
		vi.stubGlobal('crypto', {});
		try {
			expect(await sha256Hex(b)).toBe(withSubtle);
		} finally {
			vi.unstubAllGlobals();
		}
		expect(withSubtle).toBe(node(b));
	});
});
