import { describe, expect, test } from 'vitest';
import { columnPages } from './column-pages';

describe('columnPages', () => {
	test("Kabupaten Tegal's scorecard: the district's column on both pages, its 18 kecamatan 9 and 9", () => {
		const pages = columnPages(19, 1, 10);
		expect(pages).toEqual([
			[0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
			[0, 10, 11, 12, 13, 14, 15, 16, 17, 18]
		]);
	});

	test('every column after the lead is printed exactly once, in order, and no page holds more than asked', () => {
		for (let count = 0; count <= 40; count++)
			for (const lead of [0, 1, 2])
				for (const perPage of [1, 3, 7, 10]) {
					const pages = columnPages(count, lead, perPage);
					const lead_ = Math.min(lead, count);
					const rest = pages.flatMap((p) => p.slice(lead_));
					expect(rest).toEqual(Array.from({ length: Math.max(count - lead_, 0) }, (_, i) => lead_ + i));
					for (const p of pages) {
						expect(p.slice(0, lead_)).toEqual(Array.from({ length: lead_ }, (_, i) => i));
						expect(p.length - lead_).toBeLessThanOrEqual(perPage);
					}
					// as even as can be: page sizes differ by one at most, and no more pages than needed
					const sizes = pages.map((p) => p.length - lead_);
					if (count > lead_) {
						expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
						expect(pages).toHaveLength(Math.ceil((count - lead_) / perPage));
					}
				}
	});

	test('a table that fits is one page, whole; a table of lead columns only is that page', () => {
		expect(columnPages(5, 1, 10)).toEqual([[0, 1, 2, 3, 4]]);
		expect(columnPages(2, 2, 10)).toEqual([[0, 1]]);
		expect(columnPages(0, 1, 10)).toEqual([[]]);
	});

	test('19 columns after the lead, 10 a page: 10 and 9 (Kabupaten Gorontalo)', () => {
		expect(columnPages(20, 1, 10).map((p) => p.length - 1)).toEqual([10, 9]);
	});

	test('a page of no columns is refused', () => {
		expect(() => columnPages(5, 1, 0)).toThrow(/perPage/);
		expect(() => columnPages(5, 1, 2.5)).toThrow(/perPage/);
	});
});
