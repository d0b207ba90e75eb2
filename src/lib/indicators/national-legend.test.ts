import { describe, expect, test } from 'vitest';
import { UNCOLOURED_SWATCH } from '../map/uncoloured';
import { CHANGE_COLORS, RAG_COLORS } from '../map/palette';
import { nationalColouring } from './choropleth';
import { formatIndicator } from './format';
import type { LeagueRow } from './league';
import { nationalLegend, noDataLabel } from './national-legend';

const row = (kode: string, value: number | null, rag: LeagueRow['cells'][string]['rag'], scoreChange: number | null = null): LeagueRow => ({
	kode,
	nama: kode,
	kode_prov: '33',
	nama_prov: 'x',
	sumber: 'sintetis',
	score: value === null ? null : value * 100,
	coverage: 1,
	rank: null,
	cells: { keluhan_selesai: { value, rag } },
	p0: {},
	scoreChange
});
const pct = (v: number) => formatIndicator('persen', v, 'id');
const full = [row('33.01', 0.9, 'hijau', 3), row('33.02', 0.75, 'kuning', -1), row('33.03', 0.5, 'merah', 0.2), row('33.04', 0.6, 'merah', -3), row('33.05', 0.8, 'kuning', 1)];
/** The same five, three of them without a value (and so without a band or a change). */
const gaps = full.map((r, i) => (i % 2 === 0 ? row(r.kode, null, null, null) : r));

describe('nationalLegend', () => {
	test('every district has a value: the classes only, no "Tanpa data" line', () => {
		for (const [mode, kind] of [['rag', 'keluhan_selesai'], ['kuantil', 'keluhan_selesai'], ['rag', 'perubahan'], ['kuantil', 'skor']] as const) {
			const lines = nationalLegend(nationalColouring(full, kind, mode, 'higher', kind === 'keluhan_selesai' ? 'persen' : undefined), pct, 'id');
			expect(lines.some((l) => l.reason), `${kind} ${mode}`).toBe(false);
			expect(lines.map((l) => l.label).join(), `${kind} ${mode}`).not.toMatch(/Tanpa data/);
		}
		expect(nationalLegend(nationalColouring(full, 'keluhan_selesai', 'rag', 'higher'), pct, 'id')).toEqual([
			{ colour: RAG_COLORS[0], label: 'H · mencapai target' },
			{ colour: RAG_COLORS[1], label: 'K · di bawah target' },
			{ colour: RAG_COLORS[2], label: 'M · jauh dari target' }
		]);
		expect(nationalLegend(nationalColouring(full, 'perubahan', 'rag', 'higher'), pct, 'en').map((l) => l.colour)).toEqual([...CHANGE_COLORS]);
	});

	test('some districts without a value: one last line counting them, with the no-data swatch, in Indonesian and English', () => {
		const rag = nationalLegend(nationalColouring(gaps, 'keluhan_selesai', 'rag', 'higher'), pct, 'id');
		expect(rag.map((l) => l.label)).toEqual(['H · mencapai target', 'K · di bawah target', 'M · jauh dari target', 'Tanpa data · 3 kab/kota']);
		expect(rag.at(-1)).toEqual({ colour: UNCOLOURED_SWATCH.none.background, label: 'Tanpa data · 3 kab/kota', reason: 'none' });
		expect(nationalLegend(nationalColouring(gaps, 'keluhan_selesai', 'rag', 'higher'), pct, 'en').at(-1)!.label).toBe('No data · 3 districts');
		// In quantiles of the two values there are: their classes, then the three without.
		const q = nationalLegend(nationalColouring(gaps, 'keluhan_selesai', 'kuantil', 'higher', 'persen'), pct, 'id');
		expect(q.map((l) => l.label)).toEqual(['60,0\u00a0% – 74,9\u00a0%', '75,0\u00a0%', 'Tanpa data · 3 kab/kota']);
		expect(q.filter((l) => l.reason)).toHaveLength(1);
		// The score's change: its bands, then those without one.
		expect(nationalLegend(nationalColouring(gaps, 'perubahan', 'rag', 'higher'), pct, 'en').map((l) => l.label).at(-1)).toBe('No data · 3 districts');
	});

	test('counts the districts without a class, one alone in the singular in English', () => {
		const one = full.map((r, i) => (i === 4 ? row(r.kode, null, null) : r));
		expect(nationalLegend(nationalColouring(one, 'keluhan_selesai', 'rag', 'higher'), pct, 'en').at(-1)!.label).toBe('No data · 1 district');
		expect(nationalLegend(nationalColouring(one, 'keluhan_selesai', 'rag', 'higher'), pct, 'id').at(-1)!.label).toBe('Tanpa data · 1 kab/kota');
		// A value without a band is uncoloured by bands too: counted.
		const unbanded = full.map((r, i) => (i < 2 ? row(r.kode, r.cells.keluhan_selesai.value, null) : r));
		expect(nationalLegend(nationalColouring(unbanded, 'keluhan_selesai', 'rag', 'higher'), pct, 'id').at(-1)!.label).toBe('Tanpa data · 2 kab/kota');
		// Indonesian thousands.
		expect(noDataLabel(1234, 'id')).toBe('Tanpa data · 1.234 kab/kota');
		expect(noDataLabel(1234, 'en')).toBe('No data · 1,234 districts');
	});
});
