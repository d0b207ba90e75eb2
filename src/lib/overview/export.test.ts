import { beforeAll, describe, expect, test } from 'vitest';
import { parseExportCsv } from '../export/csv';
import { roundCount, setRoundingKey } from '../export/rounding';
import { overviewCsv } from './export';

const h = { rumah_tangga: 1000, rumah_tangga_miskin: 250, keluhan_diterima: 40, keluhan_selesai: 3, rujukan_selesai: 2, median_hari_rujukan: 11.5, puskesos: 2 };
const trend = [
	{ bulan: '2026-09', keluhan_diterima: 20, keluhan_selesai: 1, rujukan_selesai: 0 },
	{ bulan: '2026-10', keluhan_diterima: 20, keluhan_selesai: 2, rujukan_selesai: 2 }
];

const KEY = 'kunci-uji';
beforeAll(() => setRoundingKey(KEY));

describe('overviewCsv', () => {
	const get = (csv: string) => {
		const { header, rows } = parseExportCsv(csv);
		return new Map(rows.map((r) => [`${r[header.indexOf('indikator')]}|${r[header.indexOf('bulan')]}`, r[header.indexOf('nilai')]]));
	};
	test('headline figures and every month of the trend, small counts suppressed', () => {
		const v = get(overviewCsv('33.28', h, trend, 'publik'));
		expect(v.get('rumah_tangga|')).toBe('1000');
		expect(v.get('persen_rumah_tangga_miskin|')).toBe('25,0');
		expect(v.get('keluhan_selesai|')).toBe('<5');
		expect(v.get('median_hari_rujukan|')).toBe('');
		expect(v.get('puskesos|')).toBe('2');
		expect(v.get('keluhan_diterima|2026-09')).toBe('20');
		expect(v.get('keluhan_selesai|2026-10')).toBe('<5');
		expect(v.get('rujukan_selesai|2026-09')).toBe('0');
		expect(v.size).toBe(8 + 2 * 3);
	});
	test('a month of 1–4 cannot be worked out from the total: the smallest other month of 5 or more is withheld, written "x"', () => {
		const months = [
			{ bulan: '2026-08', keluhan_diterima: 3, keluhan_selesai: 9, rujukan_selesai: 6 },
			{ bulan: '2026-09', keluhan_diterima: 12, keluhan_selesai: 8, rujukan_selesai: 7 },
			{ bulan: '2026-10', keluhan_diterima: 25, keluhan_selesai: 9, rujukan_selesai: 8 }
		];
		const v = get(overviewCsv('33.28', { ...h, keluhan_diterima: 40 }, months, 'publik'));
		expect(['2026-08', '2026-09', '2026-10'].map((b) => v.get(`keluhan_diterima|${b}`))).toEqual(['<5', 'x', '25']);
		// A series with nothing hidden keeps every month, each rounded by the area's key: the same count the same way.
		const r = (n: number) => String(roundCount(n, '33.28', KEY));
		expect(['2026-08', '2026-09', '2026-10'].map((b) => v.get(`keluhan_selesai|${b}`))).toEqual([r(9), r(8), r(9)]);
		expect(['5', '10']).toContain(r(8));
		expect(v.get('keluhan_diterima|')).toBe('40');
		expect(get(overviewCsv('33.28', h, months, 'internal')).get('keluhan_diterima|2026-09')).toBe('12');
	});
	test('the internal copy keeps them', () => {
		const v = get(overviewCsv('33.28', h, trend, 'internal'));
		expect(v.get('keluhan_selesai|')).toBe('3');
		expect(v.get('median_hari_rujukan|')).toBe('11,5');
	});
});
