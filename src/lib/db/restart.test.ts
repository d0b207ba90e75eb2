import { describe, expect, test } from 'vitest';
import { RESTART_WINDOW_MS, restartsAfter } from './restart';

describe('restartsAfter', () => {
	test('restarts after the first and second stop, not the third within the window', () => {
		expect(restartsAfter([], 1_000)).toBe(true);
		expect(restartsAfter([1_000], 2_000)).toBe(true);
		expect(restartsAfter([1_000, 2_000], 3_000)).toBe(false);
	});

	test('stops longer ago than the window do not count', () => {
		expect(restartsAfter([0, 1_000], 1_000 + RESTART_WINDOW_MS)).toBe(true);
		expect(restartsAfter([500, 1_000], RESTART_WINDOW_MS + 499)).toBe(false);
	});
});
