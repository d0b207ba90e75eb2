import { describe, expect, test } from 'vitest';
import type { Manifest } from '../src/lib/contract/manifest';
import { parseReportArgs, periodProblem, reportFileName, reportUrl, unknownAreas } from './report';

describe('npm run report arguments', () => {
	test('district codes and options', () => {
		const a = parseReportArgs(['33.28', '75.01', '--periode', '2025-11..2026-10', '--lang', 'en', '--internal']);
		expect(a.districts).toEqual(['33.28', '75.01']);
		expect(reportUrl('33.28', a)).toBe('/laporan?wilayah=33.28&periode=2025-11..2026-10&lang=en&internal=1');
		expect(reportFileName('33.28', '2025-11..2026-10', true)).toBe('RAHASIA_laporan_33.28_2025-11..2026-10_internal.pdf');
		expect(reportFileName('33.28', '2025-11..2026-10', false)).toBe('laporan_33.28_2025-11..2026-10.pdf');
		// An English copy does not overwrite the Indonesian one (QA).
		expect(reportFileName('33.28', '2025-11..2026-10', false, 'en')).toBe('laporan_33.28_2025-11..2026-10_en.pdf');
		expect(reportFileName('33.28', '2025-11..2026-10', true, 'en')).toBe('RAHASIA_laporan_33.28_2025-11..2026-10_en_internal.pdf');
	});
	test('a kecamatan by its code', () => {
		const a = parseReportArgs(['33.28.10', '75.01']);
		expect(a.districts).toEqual(['33.28.10', '75.01']);
		expect(reportUrl('33.28.10', a)).toBe('/laporan?wilayah=33.28.10');
		expect(() => parseReportArgs(['33.28.1'])).toThrow(/unknown argument: "33.28.1"/);
	});
	test('mistakes are named', () => {
		expect(() => parseReportArgs([])).toThrow(/minimal satu kode/);
		// A code without its dots is read as the web's links read it (QA: the command refused 3328).
		expect(parseReportArgs(['3328', '332810']).districts).toEqual(['33.28', '33.28.10']);
		expect(() => parseReportArgs(['332'])).toThrow(/unknown argument: "332"/);
		expect(() => parseReportArgs(['33.28', '--periode', '2025'])).toThrow(/YYYY-MM\.\.YYYY-MM/);
		// Each in both languages (QA: --lang fr made an Indonesian PDF; a month 13 or a reversed period printed another period).
		for (const p of ['2025-13..2026-01', '2026-10..2026-01', 'foo']) expect(() => parseReportArgs(['33.28', '--periode', p])).toThrow(/must be YYYY-MM\.\.YYYY-MM, the first month not after the last/);
		expect(() => parseReportArgs(['33.28', '--lang', 'fr'])).toThrow(/--lang harus id atau en, bukan "fr" \/ --lang must be id or en/);
		expect(parseReportArgs(['33.28', '--lang', 'id']).lang).toBe('id');
		expect(() => parseReportArgs(['33.28.10.2004'])).toThrow(/33\.28\.10\.2004 is a village code; briefings are made for a district or sub-district \(33\.28\.10\)/);
	});
	test('a period the data has no month of fails; one reaching outside it is printed for the months it has, and says so', () => {
		const m = { window: { start: '2024-11', end: '2026-10' }, areas: [] } as unknown as Manifest;
		expect(periodProblem(null, m, 'id')).toEqual({});
		expect(periodProblem('2025-01..2025-12', m, 'id')).toEqual({});
		expect(periodProblem('2001-01..2001-03', m, 'en').error).toBe('The period Jan 2001 – Mar 2001 (--periode) lies outside the months of the data (Nov 2024 – Oct 2026).');
		expect(periodProblem('2026-06..2027-03', m, 'id')).toEqual({ warning: 'Periode Jun 2026 – Mar 2027 (--periode) melewati bulan-bulan data (Nov 2024 – Okt 2026); yang tampil: Jun 2026 – Okt 2026.' });
		expect(periodProblem('2001-01..2001-03', m, 'id').error).toBe('Periode Jan 2001 – Mar 2001 (--periode) di luar bulan-bulan data (Nov 2024 – Okt 2026).');
		expect(periodProblem('2026-06..2027-03', m, 'en')).toEqual({ warning: 'The period Jun 2026 – Mar 2027 (--periode) reaches outside the months of the data (Nov 2024 – Oct 2026); showing Jun 2026 – Oct 2026.' });
	});
	test('a period that cannot be read is said back whole, whatever it holds (it was cut at a "; showing" in it)', () => {
		const m = { window: { start: '2024-11', end: '2026-10' }, areas: [] } as unknown as Manifest;
		expect(periodProblem('2025; showing 2026', m, 'en').error).toBe('The period “2025; showing 2026” (--periode) cannot be read (it is written YYYY-MM..YYYY-MM).');
		expect(periodProblem('2025; yang tampil: 2026', m, 'id').error).toBe('Periode “2025; yang tampil: 2026” (--periode) tidak dapat dibaca (ditulis TTTT-BB..TTTT-BB).');
	});
	test('a code the extract has no district or kecamatan for is named, the others kept', () => {
		const areas = [{ kode_kab: '33.28', kecamatan: [{ kode: '33.28.10' }] }];
		expect(unknownAreas(['33.28', '33.28.10', '33.28.99', '75.01'], areas)).toEqual(['33.28.99: tidak ada di ekstrak ini / not in this extract', '75.01: tidak ada di ekstrak ini / not in this extract']);
	});
});

