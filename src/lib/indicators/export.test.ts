import { describe, expect, test } from 'vitest';
import { parseExportCsv } from '../export/csv';
import { scorecardCsv } from './export';
import type { Scorecard } from './scorecard';
import type { IndicatorDef } from './types';

const def = {
	id: 'rujukan_selesai', fungsi: 'keluhan_rujukan', label: { id: 'Rujukan selesai', en: 'Referrals completed' }, definition: { id: '', en: '' },
	unit: 'persen', direction: 'higher', weight: 1, source: { id: '', en: '' },
	kind: 'ratio', numerator: { table: 'rujukan', where: [] }, denominator: { table: 'rujukan', where: [] }, scale: 1
} as unknown as IndicatorDef;
const cell = (kode: string, nilai: number, pembilang: number, penyebut: number) => ({ kode, figure: { kode, nilai, pembilang, penyebut }, band: { target: 0.85, batas_merah: 0.7, skor_nol: 0.4 }, rag: 'kuning' as const, previous: null, trend: 'naik' as const, better: true });
const sc = { rows: [{ def, cells: [cell('33.28', 0.78, 3900, 5000), cell('33.28.01', 0.75, 3, 4)] }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
const columns = [{ kode: '33.28', nama: 'Kabupaten Tegal', level: 'kabupaten' }, { kode: '33.28.01', nama: 'Margasari', level: 'kecamatan' }] as never;

describe('scorecardCsv', () => {
	test('one row per indicator and area; the small kecamatan suppressed in public', () => {
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'publik'));
		const get = (r: string[], c: string) => r[header.indexOf(c)];
		expect(rows).toHaveLength(2);
		expect([get(rows[0], 'nilai'), get(rows[0], 'pembilang'), get(rows[0], 'penyebut'), get(rows[0], 'target'), get(rows[0], 'status')]).toEqual(['0,7800', '3900', '5000', '0,8500', 'kuning']);
		expect([get(rows[1], 'nilai'), get(rows[1], 'pembilang'), get(rows[1], 'penyebut')]).toEqual(['', '<5', '<5']);
	});
	test('internal: the small figures stay', () => {
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'internal'));
		expect(rows[1][header.indexOf('pembilang')]).toBe('3');
		expect(rows[1][header.indexOf('nilai')]).toBe('0,7500');
	});
});
