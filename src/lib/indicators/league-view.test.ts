import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import type { LeagueRow } from './league';
import { leagueRowView, leagueViews } from './league-view';

const defs = ['keluhan_selesai', 'median_hari_keluhan', 'bps_p0'].map((id) => CATALOGUE.find((d) => d.id === id)!);
const years = [2023, 2024, 2025];

/** Kota Mojokerto now and 12 months before: resolution up (better), days up (worse), a change of +12.34 points. */
const pilot: LeagueRow = {
	kode: '35.76',
	nama: 'Kota Mojokerto',
	kode_prov: '35',
	nama_prov: 'Jawa Timur',
	sumber: 'pilot',
	score: 81.26,
	coverage: 1,
	rank: 3,
	previousRank: 17,
	previousScore: 68.92,
	scoreChange: 12.34,
	p0: { '2023': 5.85, '2024': 5.53, '2025': 5.2 },
	cells: {
		keluhan_selesai: { value: 0.8772, rag: 'hijau', previous: 0.8123, trend: 'naik', better: true },
		median_hari_keluhan: { value: 21.5, rag: 'kuning', previous: 18, trend: 'naik', better: false },
		bps_p0: { value: 5.2, rag: 'hijau' }
	}
};
/** A district without a score or any figure, and no period before. */
const blank: LeagueRow = { kode: '11.01', nama: 'Kabupaten Aceh Selatan', kode_prov: '11', nama_prov: 'Aceh', sumber: 'sintetis', score: null, coverage: 0, rank: null, p0: { '2023': null, '2024': null, '2025': null }, cells: {} };

describe("a league row's cells as shown", () => {
	test('in Indonesian: figures with their unit, band letter, arrow and the figure before as a note', () => {
		const v = leagueRowView(pilot, defs, years, 'id');
		expect([v.rank, v.rankTitle, v.source, v.score, v.change, v.changeTone, v.changeTitle]).toEqual(['3', 'Periode sebelumnya: 17', 'pilot', '81,3', '+12,3', 'better', 'Periode sebelumnya: 68,9']);
		expect(v.figures.keluhan_selesai).toEqual({ text: '87,7\u00a0%', letter: 'H', rag: 'hijau', title: 'Periode sebelumnya: 81,2\u00a0%', arrow: '▲', tone: 'better' });
		// More days is worse: the arrow points up, coloured for the worse.
		expect(v.figures.median_hari_keluhan).toEqual({ text: '21,5 hari', letter: 'K', rag: 'kuning', title: 'Periode sebelumnya: 18 hari', arrow: '▲', tone: 'worse' });
		expect(v.p0).toMatchObject({ text: '5,20\u00a0%', letter: 'H', rag: 'hijau' });
		expect(v.p0Trend).toBe('5,85\u00a0% → 5,53\u00a0%');
	});

	test('in English: the same figures, English letters and words', () => {
		const v = leagueRowView(pilot, defs, years, 'en');
		expect([v.score, v.change, v.changeTitle, v.source]).toEqual(['81.3', '+12.3', 'Period before: 68.9', 'pilot']);
		expect(v.figures.keluhan_selesai).toMatchObject({ text: '87.7%', letter: 'G', title: 'Period before: 81.2%' });
		expect(v.figures.median_hari_keluhan).toMatchObject({ text: '21.5 days', letter: 'A' });
	});

	test('a district without figures: dashes, no band, no arrow, no note', () => {
		const v = leagueRowView(blank, defs, years, 'id');
		expect([v.rank, v.rankTitle, v.score, v.change, v.changeTone, v.changeTitle, v.p0Trend]).toEqual(['–', undefined, '–', '–', '', undefined, '– → –']);
		expect([v.source, leagueRowView(blank, defs, years, 'en').source]).toEqual(['sintetis', 'synthetic']);
		expect(v.figures.keluhan_selesai).toEqual({ text: '–', letter: '', rag: 'none', title: undefined, arrow: '', tone: '' });
	});

	test('a change under 0.05 points either way is not coloured; a fall is', () => {
		const tone = (scoreChange: number) => leagueRowView({ ...pilot, scoreChange }, defs, years, 'id').changeTone;
		expect([tone(0.04), tone(-0.04), tone(0.05), tone(-0.05), tone(-3)]).toEqual(['', '', 'better', 'worse', 'worse']);
		expect(leagueRowView({ ...pilot, scoreChange: -3 }, defs, years, 'id').change).toBe('−3,0');
	});

	test('each row is made once for its columns and language; a sort hands the same rows and gets the same views', () => {
		const view = leagueViews(defs, years, 'id');
		const first = view(pilot);
		expect(view(pilot)).toBe(first);
		expect(view(blank)).not.toBe(first);
		expect(leagueViews(defs, years, 'en')(pilot).score).toBe('81.3');
	});
});
