import { describe, expect, it } from 'vitest';
import {
	firstDay,
	formatPeriodParam,
	lastDay,
	monthFromIndex,
	monthIndex,
	monthLabel,
	monthsOf,
	parsePeriodParam,
	periodChoices,
	periodLabel,
	periodOptions,
	covers,
	windowEnding
} from './period';

/** The demo's 24-month window. */
const WINDOW = { start: '2024-11', end: '2026-10' };

describe('period labels', () => {
	it('names a period by its first and last month, and one month once (QA: "Okt 2026 – Okt 2026")', () => {
		expect(periodLabel({ start: '2025-11', end: '2026-10' }, 'id')).toBe('Nov 2025 – Okt 2026');
		expect(periodLabel({ start: '2026-10', end: '2026-10' }, 'id')).toBe('Okt 2026');
		expect(periodLabel({ start: '2026-10', end: '2026-10' }, 'en')).toBe('Oct 2026');
	});
});

describe('months', () => {
	it('lists the months of a period inclusively, across a year boundary', () => {
		expect(monthsOf({ start: '2024-11', end: '2025-02' })).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
		expect(monthsOf({ start: '2025-06', end: '2025-06' })).toEqual(['2025-06']);
		expect(monthsOf({ start: '2025-06', end: '2025-05' })).toEqual([]);
		expect(monthsOf(WINDOW)).toHaveLength(24);
	});

	it('round-trips month indices, December included', () => {
		for (const m of ['2024-01', '2024-12', '2025-10']) expect(monthFromIndex(monthIndex(m))).toBe(m);
		expect(monthIndex('2025-01') - monthIndex('2024-12')).toBe(1);
	});

	it('knows the first and last day of a month, leap years included', () => {
		expect(firstDay('2025-02')).toBe('2025-02-01');
		expect(lastDay('2025-02')).toBe('2025-02-28');
		expect(lastDay('2024-02')).toBe('2024-02-29');
		expect(lastDay('2025-12')).toBe('2025-12-31');
		expect(lastDay('2025-04')).toBe('2025-04-30');
	});

	it('labels months in Indonesian and English', () => {
		expect(monthLabel('2025-08', 'id')).toBe('Agu 2025');
		expect(monthLabel('2025-08', 'en')).toBe('Aug 2025');
		expect(monthLabel('2025-12', 'id')).toBe('Des 2025');
	});
});

describe('parsePeriodParam', () => {
	it('reads a period inside the window unchanged and round-trips it', () => {
		const p = { start: '2025-02', end: '2025-07' };
		expect(parsePeriodParam(formatPeriodParam(p), WINDOW)).toEqual(p);
		expect(formatPeriodParam(p)).toBe('2025-02..2025-07');
	});

	it('clamps a period reaching outside the window to the window', () => {
		expect(parsePeriodParam('2023-01..2025-03', WINDOW)).toEqual({ start: '2024-11', end: '2025-03' });
		expect(parsePeriodParam('2026-05..2027-12', WINDOW)).toEqual({ start: '2026-05', end: '2026-10' });
		expect(parsePeriodParam('2020-01..2030-01', WINDOW)).toEqual(WINDOW);
	});

	it('returns null for a period entirely outside the window', () => {
		expect(parsePeriodParam('2022-01..2023-12', WINDOW)).toBeNull();
		expect(parsePeriodParam('2027-01..2027-03', WINDOW)).toBeNull();
	});

	it.each([null, '', '2025-01', '2025-1..2025-03', '2025-13..2026-01', '2025-00..2025-03', '2025-05..2025-03', '2025-01..', '..2025-03', ' 2025-01..2025-03', '2025-01..2025-02..2025-03', '2025-01-01..2025-03-31'])(
		'returns null for the malformed %j',
		(raw) => {
			expect(parsePeriodParam(raw, WINDOW)).toBeNull();
		}
	);
});

describe('periodOptions', () => {
	const options = periodOptions(WINDOW);

	it('offers the whole window first, then the last 12 months', () => {
		expect(options[0].period).toEqual(WINDOW);
		expect(options[0].id).toBe('Seluruh data (Nov 2024 – Okt 2026)');
		expect(options[0].en).toBe('All data (Nov 2024 – Oct 2026)');
		expect(options[1].period).toEqual({ start: '2025-11', end: '2026-10' });
		expect(monthsOf(options[1].period)).toHaveLength(12);
	});

	it('offers each period once when a short window makes choices coincide', () => {
		const short = periodOptions({ start: '2026-01', end: '2026-03' });
		expect(short.map((o) => o.en)).toEqual(['All data (Jan 2026 – Mar 2026)']);
		const year = periodOptions({ start: '2025-01', end: '2025-12' });
		expect(year.map((o) => o.en)).toEqual(['All data (Jan 2025 – Dec 2025)', 'Q4 2025', 'Q3 2025', 'Q2 2025', 'Q1 2025']);
		const keys = options.map((o) => `${o.period.start}..${o.period.end}`);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('offers each calendar year, newest first, cut to the window', () => {
		const years = options.filter((o) => !/^(All|Last|Q\d)/.test(o.en));
		expect(years.map((o) => o.period)).toEqual([
			{ start: '2026-01', end: '2026-10' },
			{ start: '2025-01', end: '2025-12' },
			{ start: '2024-11', end: '2024-12' }
		]);
		expect(years[1].id).toBe('Tahun 2025 (Jan 2025 – Des 2025)');
	});

	it('names a year the window cuts by its months and how many, never as a year beside whole ones', () => {
		const year = (start: string) => options.find((o) => o.period.start === start && monthsOf(o.period).length < 12 && o.period.end.endsWith('-12'))!;
		// The data start in November 2024: its 2 months are not "Tahun 2024" (QA: set against 12 months of 2025).
		expect([year('2024-11').id, year('2024-11').en]).toEqual(['Nov – Des 2024 (2 bulan, sebagian)', 'Nov – Dec 2024 (2 months, partial)']);
		// The year under way says so, as the quarter under way does.
		const running = options.find((o) => o.period.start === '2026-01' && o.period.end === '2026-10')!;
		expect([running.id, running.en]).toEqual(['Tahun 2026 (Jan – Okt 2026, 10 bulan, berjalan)', 'Year 2026 (Jan – Oct 2026, 10 months, to date)']);
		// One month of a year: "month", not "months".
		const one = periodOptions({ start: '2024-12', end: '2026-01' });
		expect(one.filter((o) => monthsOf(o.period).length === 1).map((o) => o.en)).toEqual(['Year 2026 (Jan 2026, 1 month, to date)', 'Dec 2024 (1 month, partial)']);
		expect(options.filter((o) => /^(Tahun|Year) 2024/.test(o.id + o.en))).toEqual([]);
	});

	it('offers every quarter that starts inside the window, newest first', () => {
		const quarters = options.filter((o) => o.en.startsWith('Q'));
		expect(quarters.map((o) => o.en)).toEqual(['Q4 2026 (Oct 2026, to date)', 'Q3 2026', 'Q2 2026', 'Q1 2026', 'Q4 2025', 'Q3 2025', 'Q2 2025', 'Q1 2025']);
		// The quarter under way says which of its months the data have.
		expect(quarters[0].period).toEqual({ start: '2026-10', end: '2026-10' });
		expect(quarters[0].id).toBe('Triwulan 4 2026 (Okt 2026, berjalan)');
		const twoMonths = periodOptions({ start: '2025-01', end: '2025-11' }).find((o) => o.en.startsWith('Q4'))!;
		expect([twoMonths.id, twoMonths.en]).toEqual(['Triwulan 4 2025 (Okt 2025 – Nov 2025, berjalan)', 'Q4 2025 (Oct 2025 – Nov 2025, to date)']);
		expect(quarters[1].period).toEqual({ start: '2026-07', end: '2026-09' });
		expect(quarters[1].id).toBe('Triwulan 3 2026');
	});

	it('puts a link’s own period first in the picker, named as the heading names it', () => {
		const asked = { start: '2026-01', end: '2026-06' };
		const choices = periodChoices(WINDOW, asked);
		expect([choices[0].id, choices[0].en]).toEqual(['Jan 2026 – Jun 2026', 'Jan 2026 – Jun 2026']);
		expect([choices[0].id, choices[0].en]).toEqual([periodLabel(asked, 'id'), periodLabel(asked, 'en')]);
		expect(choices.slice(1)).toEqual(options);
		// A period the picker offers is not offered twice.
		expect(periodChoices(WINDOW, options[3].period)).toEqual(options);
	});

	it('offers only periods inside the window, each accepted unchanged by parsePeriodParam', () => {
		expect(options).toHaveLength(13);
		for (const o of options) expect(parsePeriodParam(formatPeriodParam(o.period), WINDOW)).toEqual(o.period);
	});

	it('never starts the last 12 months before a short window', () => {
		const short = { start: '2026-03', end: '2026-10' };
		const opts = periodOptions(short);
		expect(opts[0].period).toEqual(short);
		expect(opts.every((o) => o.period.start >= short.start)).toBe(true);
		// the last 12 months would be the whole window again: offered once, as the whole window
		expect(opts.filter((o) => o.period.start === short.start && o.period.end === short.end)).toHaveLength(1);
	});
});

describe('windows', () => {
	it('an upload\'s window: the months of the extract\'s length ending with its latest date\'s month', () => {
		expect(windowEnding('2024-10-17', 24)).toEqual({ start: '2022-11', end: '2024-10' });
		expect(windowEnding('2026-11-02', 24)).toEqual({ start: '2024-12', end: '2026-11' });
		expect(windowEnding('2026-01-31', 1)).toEqual({ start: '2026-01', end: '2026-01' });
	});
	it('a summary answers a period only inside its window', () => {
		expect(covers(WINDOW, { start: '2025-11', end: '2026-10' })).toBe(true);
		expect(covers(WINDOW, { start: '2024-10', end: '2025-10' })).toBe(false);
		expect(covers(WINDOW, { start: '2026-01', end: '2026-11' })).toBe(false);
	});
});
