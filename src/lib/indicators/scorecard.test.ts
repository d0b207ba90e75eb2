import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import { buildScorecard, columnsOf, peersOf, previousPeriod, trendOf, type Figures } from './scorecard';
import { loadTargets } from './targets';

const TARGETS = loadTargets(JSON.parse(readFileSync(join(import.meta.dirname, '../../../static/targets/indikator.json'), 'utf8')), CATALOGUE).value!;
const WINDOW = { start: '2024-11', end: '2026-10' };
const defs = ['keluhan_selesai', 'median_hari_keluhan', 'puskesos_baru'].map((id) => CATALOGUE.find((d) => d.id === id)!);

function figures(values: Record<string, Record<string, number | null>>): Figures {
	return new Map(Object.entries(values).map(([id, byKode]) => [id, new Map(Object.entries(byKode).map(([kode, nilai]) => [kode, { kode, nilai, pembilang: null, penyebut: null }]))]));
}

describe('previous period', () => {
	test('same length, just before; none when it would leave the window', () => {
		expect(previousPeriod({ start: '2025-11', end: '2026-10' }, WINDOW)).toEqual({ start: '2024-11', end: '2025-10' });
		expect(previousPeriod({ start: '2026-01', end: '2026-03' }, WINDOW)).toEqual({ start: '2025-10', end: '2025-12' });
		expect(previousPeriod({ start: '2025-01', end: '2026-10' }, WINDOW)).toBeNull();
	});
	test('trend', () => {
		expect(trendOf(0.5, 0.4)).toBe('naik');
		expect(trendOf(0.4, 0.5)).toBe('turun');
		expect(trendOf(0.1 + 0.2, 0.3)).toBe('tetap');
		expect(trendOf(null, 0.3)).toBeNull();
	});
});

describe('buildScorecard', () => {
	const columns = [
		{ kode: '33.28', nama: 'Kab. Tegal', level: 'kab' as const },
		{ kode: '33.28.01', nama: 'Margasari', level: 'kec' as const },
		{ kode: '33.28.02', nama: 'Bumijawa', level: 'kec' as const }
	];
	const period = { start: '2025-11', end: '2026-10' };
	// keluhan_selesai: target 85 %, red below 70 %, 0 at 40 %; median days: 14 / 21 / 45 (lower is better).
	const current = figures({
		keluhan_selesai: { '33.28': 0.8, '33.28.01': 0.85, '33.28.02': 0.55 },
		median_hari_keluhan: { '33.28': 15, '33.28.01': 29.5, '33.28.02': 14 },
		puskesos_baru: { '33.28': 3, '33.28.01': 1, '33.28.02': 2 }
	});
	const previous = figures({ keluhan_selesai: { '33.28': 0.7, '33.28.01': 0.85 }, median_hari_keluhan: { '33.28': 20, '33.28.01': 10 } });
	const sc = buildScorecard({ defs, targets: TARGETS, columns, period, current, previous });

	test('cells are banded against the target', () => {
		expect(sc.rows[0].cells.map((c) => c.rag)).toEqual(['kuning', 'hijau', 'merah']);
		expect(sc.rows[1].cells.map((c) => c.rag)).toEqual(['kuning', 'merah', 'hijau']);
		expect(sc.rows[2].cells.map((c) => c.rag)).toEqual([null, null, null]); // no target for a count
	});

	test('trend against the previous period, judged by direction', () => {
		expect(sc.rows[0].cells.map((c) => [c.trend, c.better])).toEqual([['naik', true], ['tetap', null], [null, null]]);
		expect(sc.rows[1].cells.map((c) => [c.trend, c.better])).toEqual([['turun', true], ['naik', false], [null, null]]);
	});

	test('a figure not comparable over time (its past value only a bound) shows no change', () => {
		const held = buildScorecard({ defs: [defs[0], { ...defs[1], comparable: false }, defs[2]], targets: TARGETS, columns, period, current, previous });
		expect(held.rows[1].cells.map((c) => [c.previous, c.trend, c.better])).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
		expect(held.rows[0].cells[0].trend).toBe('naik');
	});

	test('composite per column and rank among kecamatan', () => {
		// Margasari: resolution 1, days (29.5 − 45)/(14 − 45) = 0.5 → 75; Bumijawa: (0.55 − 0.4)/0.45 = 1/3, days 1 → 66.67
		expect(sc.composite.get('33.28.01')!.score).toBeCloseTo(75, 10);
		expect(sc.composite.get('33.28.02')!.score).toBeCloseTo(200 / 3, 10);
		expect(sc.rank.get('33.28.01')).toBe(1);
		expect(sc.rank.get('33.28.02')).toBe(2);
		expect(sc.rank.get('33.28')).toBe(1);
		expect(sc.rankOf.get('kec')).toBe(2);
		// Weighted indicators of the catalogue not in this scorecard do not count against coverage.
		expect(sc.composite.get('33.28.01')!.coverage).toBe(1);
	});

	test('drilled into a kecamatan, it keeps its rank among the district\'s kecamatan (peers ranked, not shown)', () => {
		const area = { kode_kab: '33.28', nama_kab: 'Kab. Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 3, kecamatan: [{ kode: '33.28.01', nama: 'Margasari' }, { kode: '33.28.02', nama: 'Bumijawa' }] };
		const drilled = [columns[0], columns[2], { kode: '33.28.02.2001', nama: 'Desa A', level: 'desa' as const }];
		const peers = peersOf(area, '33.28.02');
		expect(peers.map((c) => c.kode)).toEqual(['33.28.01']);
		const d = buildScorecard({ defs, targets: TARGETS, columns: drilled, peers, period, current, previous });
		// Bumijawa (66.67) below Margasari (75): 2 of 2, as on the district's scorecard; Margasari gets no column.
		expect(d.rank.get('33.28.02')).toBe(sc.rank.get('33.28.02'));
		expect(d.rank.get('33.28.02')).toBe(2);
		expect(d.rankOf.get('kec')).toBe(2);
		expect(d.rank.has('33.28.01')).toBe(false);
		expect(d.composite.has('33.28.01')).toBe(false);
		expect(d.rows[0].cells.map((c) => c.kode)).toEqual(drilled.map((c) => c.kode));
		// Undrilled, no peers.
		expect(peersOf(area, null)).toEqual([]);
	});
});

describe('columns', () => {
	const area = { kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 3, kecamatan: [{ kode: '33.28.01', nama: 'Margasari' }, { kode: '33.28.02', nama: 'Bumijawa' }] };
	test('the district then every kecamatan; drilled: the district, the kecamatan, its desa', () => {
		expect(columnsOf(area, null).map((c) => [c.kode, c.level])).toEqual([['33.28', 'kab'], ['33.28.01', 'kec'], ['33.28.02', 'kec']]);
		expect(columnsOf(area, '33.28.02', [{ kode: '33.28.02.2001', nama: 'Desa A' }]).map((c) => [c.kode, c.nama, c.level])).toEqual([
			['33.28', 'Kabupaten Tegal', 'kab'],
			['33.28.02', 'Bumijawa', 'kec'],
			['33.28.02.2001', 'Desa A', 'desa']
		]);
	});
});
