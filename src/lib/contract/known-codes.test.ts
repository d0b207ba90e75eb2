import { describe, expect, it } from 'vitest';
import { decodeKnownCodes, encodeKnownCodes } from './known-codes';

describe('known village codes', () => {
	const codes = ['33.28.01.2002', '33.28.01.2001', '35.76.01.1001', '33.28.02.2001'];
	it('one sorted line per kecamatan, read back to the same set', () => {
		const text = encodeKnownCodes(codes);
		expect(text).toBe('33.28.01:2001,2002\n33.28.02:2001\n35.76.01:1001\n');
		expect(decodeKnownCodes(text)).toEqual(new Set(codes));
	});
	it('a malformed line is an error, not a shorter list', () => {
		expect(() => decodeKnownCodes('33.28.01:2001,20\n')).toThrow(/baris 1/);
		expect(() => decodeKnownCodes('<!doctype html>')).toThrow();
	});
});
