import { beforeAll, describe, expect, test } from 'vitest';
import { setRoundingKey } from '../export/rounding';

beforeAll(() => setRoundingKey('kunci-uji'));
import { parseExportCsv } from '../export/csv';
import { publicRank, publicValueOf, scorecardCsv, scorecardWithheld, trendWithheld, withheldFromComposite } from './export';
import { trendOf } from './scorecard';
import type { Figures, Scorecard } from './scorecard';
import type { IndicatorDef } from './types';

const def = {
	id: 'rujukan_selesai', fungsi: 'keluhan_rujukan', label: { id: 'Rujukan selesai', en: 'Referrals completed' }, definition: { id: '', en: '' },
	unit: 'persen', direction: 'higher', weight: 1, source: { id: '', en: '' },
	kind: 'ratio', numerator: { table: 'rujukan', where: [] }, denominator: { table: 'rujukan', where: [] }, scale: 1
} as unknown as IndicatorDef;
const cell = (kode: string, nilai: number, pembilang: number, penyebut: number, before = Math.round(pembilang * 0.9)) => ({
	kode,
	figure: { kode, nilai, pembilang, penyebut },
	band: { target: 0.85, batas_merah: 0.7, skor_nol: 0.4 },
	rag: 'kuning' as const,
	previous: before / penyebut,
	previousFigure: { kode, nilai: before / penyebut, pembilang: before, penyebut },
	trend: 'naik' as const,
	better: true
});
const sc = { rows: [{ def, cells: [cell('33.28', 0.78, 3900, 5000), cell('33.28.01', 0.75, 3, 4)] }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
const columns = [{ kode: '33.28', nama: 'Kabupaten Tegal', level: 'kabupaten' }, { kode: '33.28.01', nama: 'Margasari', level: 'kecamatan' }] as never;

describe('scorecardCsv', () => {
	test('one row per indicator and area; the small kecamatan suppressed in public', () => {
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'publik'));
		const get = (r: string[], c: string) => r[header.indexOf(c)];
		expect(rows).toHaveLength(2);
		expect([get(rows[0], 'nilai'), get(rows[0], 'pembilang'), get(rows[0], 'penyebut'), get(rows[0], 'target'), get(rows[0], 'status')]).toEqual(['0,7800', '3900', '5000', '0,8500', 'kuning']);
		expect([get(rows[1], 'nilai'), get(rows[1], 'pembilang'), get(rows[1], 'penyebut')]).toEqual(['', '<5', '<5']);
		// Its band against a known target, and its trend, would narrow the hidden count down: blank too.
		expect([get(rows[1], 'status'), get(rows[1], 'tren')]).toEqual(['', '']);
		expect([get(rows[0], 'status'), get(rows[0], 'tren')]).toEqual(['kuning', 'naik']);
	});
	test('a public value and its band are of the rounded counts: the band does not tell on which side of the target the exact value is', () => {
		// 846–849 of 1.000 completed: exact shares under the 0,85 target ("kuning"); rounded, some read 850.
		const areas = Array.from({ length: 40 }, (_, i) => `33.28.${String(i + 1).padStart(2, '0')}`);
		const cells = areas.map((kode, i) => ({ ...cell(kode, (846 + (i % 4)) / 1000, 846 + (i % 4), 1000), rag: 'kuning' as const }));
		const many = { rows: [{ def, cells }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const cols = areas.map((kode) => ({ kode, nama: kode, level: 'kecamatan' })) as never;
		const { header, rows } = parseExportCsv(scorecardCsv(many, cols, 'publik'));
		const get = (r: string[], c: string) => r[header.indexOf(c)];
		for (const r of rows) {
			const value = Number(get(r, 'pembilang')) / Number(get(r, 'penyebut'));
			expect(get(r, 'nilai')).toBe(value.toFixed(4).replace('.', ','));
			expect(get(r, 'status')).toBe(value >= 0.85 ? 'hijau' : 'kuning');
		}
		expect(new Set(rows.map((r) => get(r, 'status')))).toEqual(new Set(['hijau', 'kuning']));
		const internal = parseExportCsv(scorecardCsv(many, cols, 'internal'));
		expect(new Set(internal.rows.map((r) => r[header.indexOf('status')]))).toEqual(new Set(['kuning']));
	});
	test('one count of one area is written the same in every indicator, beside any whole (a share\'s numerator was capped at its denominator, and read differently elsewhere)', () => {
		const median = { ...def, id: 'median_hari_keluhan', unit: 'hari', direction: 'lower', kind: 'median_days', rows: { table: 'keluhan', where: [] }, from: 'a', to: 'b' } as unknown as IndicatorDef;
		const areas = Array.from({ length: 40 }, (_, i) => `33.28.${String(i + 1).padStart(2, '0')}`);
		// 12 of 13 complaints resolved; the median is over the same 12.
		const rows = [
			{ def, cells: areas.map((kode) => cell(kode, 12 / 13, 12, 13)) },
			{ def: median, cells: areas.map((kode) => ({ ...cell(kode, 9, 0, 12), figure: { kode, nilai: 9, pembilang: null, penyebut: 12 } })) }
		];
		const sc2 = { rows, composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const cols = areas.map((kode) => ({ kode, nama: kode, level: 'kecamatan' })) as never;
		const { header, rows: lines } = parseExportCsv(scorecardCsv(sc2, cols, 'publik'));
		const get = (id: string, kode: string, c: string) => lines.find((r) => r[header.indexOf('indikator')] === id && r[0] === kode)![header.indexOf(c)];
		for (const kode of areas) expect(get(def.id, kode, 'pembilang'), kode).toBe(get('median_hari_keluhan', kode, 'penyebut'));
		// And the share stays at most 100 %, where 12 reads above 13.
		for (const kode of areas) expect(Number(get(def.id, kode, 'nilai').replace(',', '.'))).toBeLessThanOrEqual(1);
	});
	test('a public trend is of both periods\' public values: an arrow beside two equal printed values would tell the exact ones apart', () => {
		// 847 of 1.000 completed now, 846 before: up, exactly; rounded, many read the same.
		const areas = Array.from({ length: 40 }, (_, i) => `33.28.${String(i + 1).padStart(2, '0')}`);
		const many = { rows: [{ def, cells: areas.map((kode) => cell(kode, 0.847, 847, 1000, 846)) }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const cols = areas.map((kode) => ({ kode, nama: kode, level: 'kecamatan' })) as never;
		const { header, rows } = parseExportCsv(scorecardCsv(many, cols, 'publik'));
		const trends = rows.map((r) => r[header.indexOf('tren')]);
		trends.forEach((t, i) => {
			const c = many.rows[0].cells[i];
			expect(t).toBe(trendOf(publicValueOf(def, c.figure), publicValueOf(def, c.previousFigure)));
		});
		expect(new Set(trends).has('tetap')).toBe(true);
		expect(new Set(parseExportCsv(scorecardCsv(many, cols, 'internal')).rows.map((r) => r[header.indexOf('tren')]))).toEqual(new Set(['naik']));
	});
	test('internal: the small figures stay', () => {
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'internal'));
		expect(rows[1][header.indexOf('pembilang')]).toBe('3');
		expect(rows[1][header.indexOf('nilai')]).toBe('0,7500');
	});
});

describe('scorecardCsv withholds what would give a hidden count back by subtraction', () => {
	const kec = (kode: string) => ({ kode, nama: kode, level: 'kec' as const });
	const desa = (kode: string) => ({ kode, nama: kode, level: 'desa' as const });
	// Referrals completed (numerator) and registered (denominator) per kecamatan of one district.
	const figs = { '33.28': [60, 80], '33.28.01': [3, 20], '33.28.02': [40, 45], '33.28.03': [17, 15] } as Record<string, [number, number]>;
	const current: Figures = new Map([[def.id, new Map(Object.entries(figs).map(([kode, [p, q]]) => [kode, { kode, nilai: p / q, pembilang: p, penyebut: q }]))]]);

	test('a kecamatan\'s: the smallest count of 5 or more among the district\'s kecamatan, written "x", its value, band and trend blank', () => {
		const all = ['33.28.01', '33.28.02', '33.28.03'].map(kec);
		const withheld = scorecardWithheld([def], current, all, null);
		expect([...withheld].sort()).toEqual([`${def.id}|33.28.03|pembilang`]);
		const columns = [{ kode: '33.28', nama: 'Tegal', level: 'kab' as const }, ...all];
		const sc = { rows: [{ def, cells: columns.map((c) => cell(c.kode, figs[c.kode][0] / figs[c.kode][1], ...figs[c.kode])) }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'publik', withheld));
		const col = (c: string) => rows.map((r) => r[header.indexOf(c)]);
		expect(col('pembilang')).toEqual(['60', '<5', '40', 'x']);
		expect(col('penyebut')).toEqual(['80', '20', '45', '15']);
		expect(col('nilai')).toEqual(['0,7500', '', '0,8889', '']);
		// A public band is of the public value (0,8889 reaches the 0,85 target), not the fixture's word.
		expect(col('status')).toEqual(['kuning', '', 'hijau', '']);
		// Nothing is withheld from the internal copy.
		const internal = parseExportCsv(scorecardCsv(sc, columns, 'internal', withheld));
		expect(internal.rows.map((r) => r[internal.header.indexOf('pembilang')])).toEqual(['60', '3', '40', '17']);
	});

	test('a trend against a count the period before\'s file withholds is withheld too: the arrow said which side of the value that count lay (QA round 8)', () => {
		const all = ['33.28.01', '33.28.02', '33.28.03'].map(kec);
		// The period before: 33.28.01's 2 hidden, so 33.28.02's 30 (the smallest of 5 or more) was withheld then.
		const before = { '33.28.01': [2, 20], '33.28.02': [30, 45], '33.28.03': [50, 60] } as Record<string, [number, number]>;
		const previous: Figures = new Map([[def.id, new Map(Object.entries(before).map(([kode, [p, q]]) => [kode, { kode, nilai: p / q, pembilang: p, penyebut: q }]))]]);
		const withheld = scorecardWithheld([def], current, all, previous);
		const columns = [{ kode: '33.28', nama: 'Tegal', level: 'kab' as const }, ...all];
		const sc = { rows: [{ def, cells: columns.map((c) => cell(c.kode, figs[c.kode][0] / figs[c.kode][1], ...figs[c.kode], before[c.kode]?.[0] ?? 54)) }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const { header, rows } = parseExportCsv(scorecardCsv(sc, columns, 'publik', withheld));
		const col = (c: string) => rows.map((r) => r[header.indexOf(c)]);
		// 33.28.02's value is printed; its trend, against the withheld 30, is left blank (it read "naik").
		expect(col('nilai')[2]).toBe('0,8889');
		expect(col('tren')[2]).toBe('');
		expect(trendWithheld(withheld, def, '33.28.02')).toBe(true);
		expect(trendWithheld(scorecardWithheld([def], current, all, null), def, '33.28.02')).toBe(false);
		// The district's trend stays; the internal copy has every trend.
		expect(col('tren')[0]).not.toBe('');
		const internal = parseExportCsv(scorecardCsv(sc, columns, 'internal', withheld));
		expect(internal.rows[2][internal.header.indexOf('tren')]).toBe('naik');
	});

	test('drilled into the kecamatan withheld among its district\'s, its row is withheld as in the district\'s file', () => {
		// The shown kecamatan and the district's others (not shown), plus its desa.
		const areas = [kec('33.28.03'), kec('33.28.01'), kec('33.28.02'), desa('33.28.03.2001')];
		expect(scorecardWithheld([def], current, areas, null).has(`${def.id}|33.28.03|pembilang`)).toBe(true);
	});

	test('counts of what are not families (facilitators) are written whole, and never withheld', () => {
		const fas = { ...def, id: 'fasilitator_per_1000', numerator: { table: 'fasilitator', where: [] }, denominator: { table: 'rumah_tangga', where: [] } } as unknown as IndicatorDef;
		const sc = { rows: [{ def: fas, cells: [cell('33.28', 0.5, 52, 104000)] }], composite: new Map(), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const { header, rows } = parseExportCsv(scorecardCsv(sc, [{ kode: '33.28', nama: 'Tegal', level: 'kab' }] as never, 'publik'));
		expect(rows[0][header.indexOf('pembilang')]).toBe('52');
		// 2 facilitators hide nothing; 3 households do, and the other kecamatan's 900 are withheld beside them.
		const w = scorecardWithheld([fas], new Map([[fas.id, new Map([['33.28.01', { kode: '33.28.01', nilai: 1, pembilang: 2, penyebut: 3 }], ['33.28.02', { kode: '33.28.02', nilai: 1, pembilang: 7, penyebut: 900 }]])]]), [kec('33.28.01'), kec('33.28.02')], null);
		expect([...w]).toEqual([`${fas.id}|33.28.02|penyebut`]);
	});
});

describe('publicRank', () => {
	test('ranks areas by their public composite; a withheld figure drops out of an area\'s score', () => {
		const band = { target: 0.85, batas_merah: 0.7, skor_nol: 0.4 };
		const at = (kode: string, nilai: number, p: number, q: number) => ({ kode, figure: { kode, nilai, pembilang: p, penyebut: q }, band, rag: null, previous: null, previousFigure: null, trend: null, better: null });
		const cells = [at('33.28.01', 0.5, 500, 1000), at('33.28.02', 0.8, 800, 1000), at('33.28.03', 0.65, 650, 1000)];
		const sc = { rows: [{ def, cells }], composite: new Map(cells.map((c) => [c.kode, { score: 0, coverage: 1 }])), rank: new Map(), rankOf: new Map() } as unknown as Scorecard;
		const peers = cells.map((c) => c.kode);
		expect(peers.map((k) => publicRank(sc, peers, k))).toEqual([3, 1, 2]);
		// Withheld, the best area has no score and no rank; the others move up.
		const withheld = new Set(['rujukan_selesai|33.28.02|pembilang']);
		expect(peers.map((k) => publicRank(sc, peers, k, withheld))).toEqual([2, null, 1]);
		// How many indicators its public score leaves out, for the copy to say.
		expect(peers.map((k) => withheldFromComposite(sc, k, withheld))).toEqual([0, 1, 0]);
		expect(withheldFromComposite(sc, '33.28.02', new Set())).toBe(0);
		// A value resting on a count of 1–4 is not printed either ("<5"): left out, and counted (QA).
		const small = { ...sc, rows: [{ def, cells: [at('33.28.04', 0.75, 3, 4)] }] } as unknown as Scorecard;
		expect(withheldFromComposite(small, '33.28.04', new Set())).toBe(1);
	});
});

