import { describe, expect, test } from 'vitest';
import { LOCAL_ROUNDING_KEY, roundingKeyOf } from './rounding-key';

const memory = () => {
	const m = new Map<string, string>();
	return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};
const KEY = 'ab'.repeat(32);

describe('the rounding key of the page', () => {
	test("the manifest's key when it has one", () => {
		const s = memory();
		expect(roundingKeyOf({ kunci_pembulatan: KEY }, s)).toBe(KEY);
		expect(s.m.size).toBe(0);
	});
	test('without one: a random key made once and kept, so later files round the same way', () => {
		const s = memory();
		let calls = 0;
		const random = (b: Uint8Array) => (calls++, b.fill(7));
		const first = roundingKeyOf({}, s, random);
		expect(first).toBe('07'.repeat(32));
		expect(s.m.get(LOCAL_ROUNDING_KEY)).toBe(first);
		expect(roundingKeyOf(null, s, random)).toBe(first);
		expect(calls).toBe(1);
	});
	test('a kept value that is not a key is replaced; no storage still gives a key', () => {
		const s = memory();
		s.setItem(LOCAL_ROUNDING_KEY, '<script>');
		expect(roundingKeyOf(null, s, (b) => b.fill(1))).toBe('01'.repeat(32));
		expect(roundingKeyOf(null, null, (b) => b.fill(2))).toBe('02'.repeat(32));
	});
});
