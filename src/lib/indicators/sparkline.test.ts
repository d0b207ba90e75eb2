import { describe, expect, test } from 'vitest';
import { sparkPath, sparkQuarters } from './sparkline';
import { formatIndicator } from './format';

describe('sparkline', () => {
	test('calendar quarters inside the window up to the period end', () => {
		const q = sparkQuarters({ start: '2024-11', end: '2026-10' }, '2026-10');
		expect(q[0]).toEqual({ start: '2025-01', end: '2025-03' });
		expect(q.at(-1)).toEqual({ start: '2026-07', end: '2026-09' });
		expect(q).toHaveLength(7);
		expect(sparkQuarters({ start: '2024-11', end: '2026-10' }, '2025-05')).toEqual([{ start: '2025-01', end: '2025-03' }]);
	});
	test('path: scaled into the box, broken at missing values, flat when constant', () => {
		expect(sparkPath([0, 1], 10, 10, 0)).toBe('M0.0 10.0L10.0 0.0');
		expect(sparkPath([0, null, 1], 10, 10, 0)).toBe('M0.0 10.0M10.0 0.0');
		expect(sparkPath([5, 5], 10, 10, 0)).toBe('M0.0 5.0L10.0 5.0');
		expect(sparkPath([null], 10, 10)).toBe('');
	});
});

describe('formatIndicator', () => {
	test('by unit, Indonesian and English', () => {
		expect(formatIndicator('persen', 0.4567, 'id')).toBe('45,7\u00a0%');
		expect(formatIndicator('persen', 0.4567, 'en')).toBe('45.7%');
		expect(formatIndicator('hari', 15, 'id')).toBe('15 hari');
		expect(formatIndicator('per_1000', 1.2345, 'id')).toBe('1,23');
		expect(formatIndicator('rupiah', 612500, 'id')).toBe('Rp 612.500');
		expect(formatIndicator('jumlah', null, 'id')).toBe('–');
	});
});

describe('BPS percentages', () => {
	test('published as 0–100, shown with BPS precision and not rescaled', () => {
		expect(formatIndicator('persen_bps', 6.16, 'id')).toBe('6,16\u00a0%');
		expect(formatIndicator('persen_bps', 14.89, 'en')).toBe('14.89%');
	});
});
