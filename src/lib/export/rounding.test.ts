import { afterEach, describe, expect, test } from 'vitest';
import { publicCount, roundCount, ROUNDING_BASE, roundingKey, setRoundingKey } from './rounding';

const areas = Array.from({ length: 4000 }, (_, i) => `33.28.${String(1 + (i % 20)).padStart(2, '0')}.${2001 + i}`);

describe('keyed random rounding', () => {
	test('multiples of 5 and zero stay; everything else goes to a neighbouring multiple, never below 5', () => {
		for (const v of [0, 5, 10, 480_215]) expect(roundCount(v, '33.28', 'k')).toBe(v);
		for (const area of areas.slice(0, 200))
			for (let v = 5; v < 60; v++) {
				const r = roundCount(v, area, 'k');
				expect(r % ROUNDING_BASE).toBe(0);
				expect([v - (v % 5), v - (v % 5) + 5]).toContain(r);
				expect(r).toBeGreaterThanOrEqual(5);
			}
	});
	test('the same count of the same area rounds the same way every time; another key draws again', () => {
		const a = areas.map((area) => roundCount(12, area, 'kunci-a'));
		expect(areas.map((area) => roundCount(12, area, 'kunci-a'))).toEqual(a);
		const b = areas.map((area) => roundCount(12, area, 'kunci-b'));
		const differ = a.filter((x, i) => x !== b[i]).length;
		// Two independent draws with P(up) = 2/5 differ with chance 2·(2/5)(3/5) = 0.48.
		expect(differ / areas.length).toBeGreaterThan(0.4);
		expect(differ / areas.length).toBeLessThan(0.56);
	});
	test('a draw made before is answered the same whatever was drawn in between, and with each key its own', () => {
		const first = areas.slice(0, 500).flatMap((area) => [roundCount(13, area, 'kunci-c'), roundCount(13, area, 'kunci-d')]);
		// Asked again in another order, each key's draws are the ones it made, not the other key's.
		const d = areas.slice(0, 500).map((area) => roundCount(13, area, 'kunci-d'));
		const c = areas.slice(0, 500).map((area) => roundCount(13, area, 'kunci-c'));
		expect(c.flatMap((x, i) => [x, d[i]])).toEqual(first);
		expect(c.filter((x, i) => x !== d[i]).length).toBeGreaterThan(150);
	});
	test('unbiased: over many areas a count averages to itself, up as often as its remainder says', () => {
		for (const v of [6, 7, 8, 9, 12, 1234]) {
			const mean = areas.reduce((s, area) => s + roundCount(v, area, 'kunci'), 0) / areas.length;
			// Standard error of the mean: 5·sqrt(p(1−p)/n) ≤ 0.04 here; 0.15 is beyond 3.5 of them.
			expect(Math.abs(mean - v)).toBeLessThan(0.15);
		}
	});
	test('a difference of two rounded counts leaves a hidden 1–4 open: none is pinned by one subtraction', () => {
		// total = shown + hidden; a reader knows each rounded count is within 4 of the truth.
		for (const area of areas.slice(0, 300))
			for (let shown = 5; shown < 40; shown++)
				for (let hidden = 1; hidden <= 4; hidden++) {
					const d = roundCount(shown + hidden, area, 'k') - roundCount(shown, `${area}x`, 'k');
					const lo = Math.max(1, d - 8);
					const hi = Math.min(4, d + 8);
					expect(hi - lo).toBeGreaterThanOrEqual(2);
				}
	});
	test('not a whole count: refused', () => {
		expect(() => roundCount(2.5, '33', 'k')).toThrow(RangeError);
		expect(() => roundCount(-5, '33', 'k')).toThrow(RangeError);
	});
});

describe('the deployment key', () => {
	afterEach(() => setRoundingKey('uji'));
	test('used by publicCount once set; an empty key is refused', () => {
		setRoundingKey('kunci-a');
		expect(roundingKey()).toBe('kunci-a');
		expect(publicCount(12, '33.28')).toBe(roundCount(12, '33.28', 'kunci-a'));
		expect(() => setRoundingKey('')).toThrow(RangeError);
	});
});
