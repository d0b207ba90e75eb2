import { describe, expect, test } from 'vitest';
import { judge, percentile, stats, tableLines, TARGETS } from './table';

describe('bench statistics', () => {
	test('median of odd and even counts, min, max, nearest-rank p95', () => {
		expect(stats([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5, n: 3 });
		expect(stats([4, 1, 3, 2]).median).toBe(2.5);
		const xs = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(xs, 95)).toBe(19);
		expect(percentile(xs, 50)).toBe(10);
		expect(stats([]).median).toBeNaN();
	});
	test('targets judge the statistic they name, at the edge inclusive', () => {
		expect(judge(stats([50, 10, 10]), TARGETS['district:filter_ringkasan'])).toBe(true);
		expect(judge(stats(Array.from({ length: 20 }, (_, i) => (i === 19 ? 500 : i === 18 ? 51 : 10))), TARGETS['district:filter_ringkasan'])).toBe(false);
		expect(judge(stats([10]), TARGETS[':naive_over_ours'])).toBe(true);
		expect(judge(stats([9.99]), TARGETS[':naive_over_ours'])).toBe(false);
	});
	test('the table has a header, a rule and one line per row', () => {
		const lines = tableLines([{ scale: 'Tegal', id: 'x', label: 'x', unit: 'ms', ...stats([1, 2, 3]), target: '≤ 5 ms', pass: true }]);
		expect(lines).toHaveLength(3);
		expect(lines[2]).toContain('| ya');
	});
});
