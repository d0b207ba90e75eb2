import { createHash, createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hmacSha256, sha256, toHex } from './sha256';

describe('sha256 and hmac, as node:crypto computes them', () => {
	const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), 'Desa Prupuk — 33.28.01.2001 ✓', 'x'.repeat(1000)];
	test('digests', () => {
		for (const s of inputs) expect(toHex(sha256(new TextEncoder().encode(s)))).toBe(createHash('sha256').update(s).digest('hex'));
	});
	test('hmac with short and long keys', () => {
		for (const key of ['k', 'kunci rahasia Dinas', 'K'.repeat(64), 'K'.repeat(100)])
			for (const s of inputs) expect(toHex(hmacSha256(key, s))).toBe(createHmac('sha256', key).update(s).digest('hex'));
	});
});
