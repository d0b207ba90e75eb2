import { describe, expect, test } from 'vitest';
import { parseReportArgs, reportFileName, reportUrl, unknownAreas } from './report';

describe('npm run report arguments', () => {
	test('district codes and options', () => {
		const a = parseReportArgs(['33.28', '75.01', '--periode', '2025-11..2026-10', '--lang', 'en', '--internal']);
		expect(a.districts).toEqual(['33.28', '75.01']);
		expect(reportUrl('33.28', a)).toBe('/laporan?wilayah=33.28&periode=2025-11..2026-10&lang=en&internal=1');
		expect(reportFileName('33.28', '2025-11..2026-10', true)).toBe('RAHASIA_laporan_33.28_2025-11..2026-10_internal.pdf');
		expect(reportFileName('33.28', '2025-11..2026-10', false)).toBe('laporan_33.28_2025-11..2026-10.pdf');
	});
	test('a kecamatan by its code', () => {
		const a = parseReportArgs(['33.28.10', '75.01']);
		expect(a.districts).toEqual(['33.28.10', '75.01']);
		expect(reportUrl('33.28.10', a)).toBe('/laporan?wilayah=33.28.10');
		expect(() => parseReportArgs(['33.28.1'])).toThrow(/unknown argument: "33.28.1"/);
	});
	test('mistakes are named', () => {
		expect(() => parseReportArgs([])).toThrow(/minimal satu kode/);
		expect(() => parseReportArgs(['3328'])).toThrow(/unknown argument: "3328"/);
		expect(() => parseReportArgs(['33.28', '--periode', '2025'])).toThrow(/YYYY-MM\.\.YYYY-MM/);
	});
	test('a code the extract has no district or kecamatan for is named, the others kept', () => {
		const areas = [{ kode_kab: '33.28', kecamatan: [{ kode: '33.28.10' }] }];
		expect(unknownAreas(['33.28', '33.28.10', '33.28.99', '75.01'], areas)).toEqual(['33.28.99: tidak ada di ekstrak ini / not in this extract', '75.01: tidak ada di ekstrak ini / not in this extract']);
	});
});

