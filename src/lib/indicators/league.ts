/**
 * The national league table: every kabupaten/kota of the national extract banded, scored and
 * ranked with the same catalogue and targets as the scorecard; sorting, the province filter,
 * medians for "district vs province vs nation", and the CSV export.
 */
import { toCsv } from '../export/csv';
import { derived, text, type Field } from '../export/privacy';
import { bpsValue, type NationalFile, type Sumber } from './national';
import { compositeScore, indicatorScore, rankScores, ragOf, type Rag } from './score';
import { trendOf, type Trend } from './scorecard';
import { bandFor, type Targets } from './targets';
import type { IndicatorDef } from './types';

export interface LeagueCell {
	value: number | null;
	rag: Rag | null;
	/** the value over the period before, when the file has one */
	previous?: number | null;
	/** up, down or the same since then (scorecard.ts trendOf); null without both values */
	trend?: Trend | null;
	/** whether that change is for the better, given the indicator's direction; null for none */
	better?: boolean | null;
}

export interface LeagueRow {
	kode: string;
	nama: string;
	kode_prov: string;
	nama_prov: string;
	sumber: Sumber;
	score: number | null;
	coverage: number;
	rank: number | null;
	cells: Record<string, LeagueCell>;
	/** real BPS P0 by year */
	p0: Record<string, number | null>;
	/**
	 * The composite over the period before, with that period's bands, on this period's indicators: one
	 * blank in either period (or not comparable over time) is held at its current score; null without one.
	 */
	previousScore?: number | null;
	/** score − previousScore, in points */
	scoreChange?: number | null;
	/** the rank by previousScore among all districts */
	previousRank?: number | null;
}

/** Bands, scores and ranks every district of the national file; with a period before, each figure's and the score's change since. */
export function nationalComposites(file: NationalFile, defs: readonly IndicatorDef[], targets: Targets): LeagueRow[] {
	const latest = file.tahun_p0.at(-1)!;
	const before = file.periode_sebelumnya;
	const rows: LeagueRow[] = file.kabkota.map((d) => {
		const cells: Record<string, LeagueCell> = {};
		const earlier = before && d.nilai_sebelumnya ? d.nilai_sebelumnya : null;
		const items = defs.map((def) => {
			const value = def.kind === 'bps' ? bpsValue(d, def.field, latest) : (d.nilai[def.id] ?? null);
			const band = bandFor(targets, def.id, d.kode, file.periode);
			cells[def.id] = { value, rag: ragOf(value, band, def.direction) };
			if (earlier && def.kind !== 'bps' && def.comparable !== false) {
				const previous = earlier[def.id] ?? null;
				const trend = trendOf(value, previous);
				cells[def.id] = { ...cells[def.id], previous, trend, better: trend === null || trend === 'tetap' ? null : (trend === 'naik') === (def.direction === 'higher') };
			}
			return { score: indicatorScore(value, band), weight: def.weight };
		});
		const c = compositeScore(items);
		// BPS's figures carry no weight in the score: the period before is scored on the case-data indicators alone, as
		// this one. The change is like for like: a figure not comparable over time, or blank in one of the two periods
		// (a count of 1–4 withheld, no case at all), is held at its current score or left out of both, so it does not
		// move the score (QA: a backlog withheld only the year before lifted a district's change from +0.6 to +1.7).
		const previousScore = earlier
			? compositeScore(
					defs.map((def, i) => {
						const now = items[i].score;
						const then = earlier[def.id] ?? null;
						const held = def.comparable === false || then === null || now === null;
						return { score: def.kind === 'bps' ? null : held ? now : indicatorScore(then, bandFor(targets, def.id, d.kode, before!)), weight: def.weight };
					})
				).score
			: null;
		const scoreChange = c.score !== null && previousScore !== null ? c.score - previousScore : null;
		return { kode: d.kode, nama: d.nama, kode_prov: d.kode_prov, nama_prov: d.nama_prov, sumber: d.sumber, score: c.score, coverage: c.coverage, rank: null, cells, p0: d.bps.p0, ...(earlier ? { previousScore, scoreChange } : {}) };
	});
	const ranks = new Map(rankScores(rows).map((r) => [r.kode, r.rank]));
	for (const r of rows) r.rank = ranks.get(r.kode) ?? null;
	if (before) {
		const earlier = new Map(rankScores(rows.map((r) => ({ kode: r.kode, score: r.previousScore ?? null }))).map((r) => [r.kode, r.rank]));
		for (const r of rows) r.previousRank = earlier.get(r.kode) ?? null;
	}
	return rows;
}

/** A district's place among all kabupaten/kota: its rank, of how many, and its rank over the period before. */
export interface Standing {
	rank: number;
	of: number;
	previousRank: number | null;
	/**
	 * The score the rank rests on: the league's, from the national file's public figures (a pilot's
	 * computed from rounded counts, docs/indicators.md), which can differ from the exact score the
	 * scorecard shows by a few tenths.
	 */
	score: number;
}

/**
 * A district's national standing for `period`, or null: the national file holds one period, and a
 * rank for another would compare unlike figures; a district without a score has no rank.
 */
export function nationalStanding(rows: readonly LeagueRow[], file: Pick<NationalFile, 'periode'>, kode: string, period: { start: string; end: string }): Standing | null {
	if (file.periode.start !== period.start || file.periode.end !== period.end) return null;
	const r = rows.find((x) => x.kode === kode);
	if (!r || r.rank === null) return null;
	return { rank: r.rank, of: rows.length, previousRank: r.previousRank ?? null, score: r.score! };
}

/** What the table can be sorted by: rank, the score's change, name, province, P0 of a year, or an indicator. */
export type SortKey = 'rank' | 'perubahan' | 'nama' | 'provinsi' | `p0_${number}` | `ind_${string}`;

export function sortValue(r: LeagueRow, key: SortKey): number | string | null {
	if (key === 'rank') return r.rank;
	if (key === 'perubahan') return r.scoreChange ?? null;
	if (key === 'nama') return byName(r.nama);
	if (key === 'provinsi') return `${r.nama_prov} ${r.kode}`;
	if (key.startsWith('p0_')) return r.p0[key.slice(3)] ?? null;
	return r.cells[key.slice(4)]?.value ?? null;
}

/**
 * A district's name as sorted: without "Kabupaten"/"Kota" first, so that Kabupaten Bandung and Kota
 * Bandung sit together (QA: sorted on the full name they were 400 rows apart), the kind after it.
 */
export function byName(nama: string): string {
	const m = /^(Kabupaten|Kota|Kab\.)\s+(.+)$/.exec(nama);
	return m ? `${m[2]} (${m[1]})` : nama;
}

/** Sorted copy; missing values last in either direction, ties by code. */
export function sortLeague(rows: readonly LeagueRow[], key: SortKey, descending: boolean): LeagueRow[] {
	return [...rows].sort((a, b) => {
		const va = sortValue(a, key);
		const vb = sortValue(b, key);
		if (va === null || vb === null) return va === vb ? cmpCode(a, b) : va === null ? 1 : -1;
		const c = typeof va === 'string' ? va.localeCompare(vb as string, 'id') : va - (vb as number);
		return c !== 0 ? (descending ? -c : c) : cmpCode(a, b);
	});
}

const cmpCode = (a: LeagueRow, b: LeagueRow) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0);

export function filterProvince(rows: readonly LeagueRow[], kodeProv: string): LeagueRow[] {
	return kodeProv ? rows.filter((r) => r.kode_prov === kodeProv) : [...rows];
}

/** Median of the non-missing values (mean of the middle two for an even count); null when none. */
export function median(values: readonly (number | null)[]): number | null {
	const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return null;
	const m = v.length >> 1;
	return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Per indicator: the median over a set of districts. */
export function medians(rows: readonly LeagueRow[], ids: readonly string[]): Record<string, number | null> {
	return Object.fromEntries(ids.map((id) => [id, median(rows.map((r) => r.cells[id]?.value ?? null))]));
}

/** Decimals of BPS's P0, as BPS publishes it. */
const P0_DECIMALS = 2;
/** Decimals of each unit in the file: a share in percent with two, days and rates as the page reads them, scores with two. */
const UNIT_DECIMALS: Record<IndicatorDef['unit'], number> = { persen: 2, persen_bps: 2, per_1000: 2, hari: 1, jumlah: 0, indeks: 2, rupiah: 0, jiwa: 0 };
const SCORE_DECIMALS = 2;

/** A share is written in percent (its column named `_persen`), as the page shows it; other units as they are. */
const inFile = (def: IndicatorDef, v: number | null | undefined): number | null => (v === null || v === undefined ? null : def.unit === 'persen' ? v * 100 : v);
const columnOf = (def: IndicatorDef) => (def.unit === 'persen' ? `${def.id}_persen` : def.id);

const LEAGUE_NOTE = {
	id: 'Angka tingkat kabupaten/kota: rasio, laju, hari dan skor, tanpa jumlah rumah tangga; nilai lima kabupaten/kota percontohan dihitung dari jumlah yang dibulatkan seperti setiap berkas publik, 509 lainnya sintetis (sumber_indikator)',
	en: 'District-level figures: shares, rates, days and scores, no household counts; the five pilot districts\' values are computed from counts rounded as in every public file, the other 509 are synthetic (sumber_indikator)'
} as const;
const LEAGUE_ABOUT = {
	id: 'Kolom _persen dalam persen (18,12 = 18,12 %); _rag: hijau = mencapai target, kuning = di bawah target, merah = jauh dari target; _sebelumnya: 12 bulan sebelumnya; skor 0–100; bps_p0_<tahun> dalam persen',
	en: 'Columns ending _persen are in percent (18,12 = 18.12 %); _rag: hijau = target met, kuning = below target, merah = far from target; _sebelumnya: the 12 months before; scores 0–100; bps_p0_<year> in percent'
} as const;

/**
 * The table as a CSV like every download (export/csv.ts: semicolons, decimal commas): one line per
 * district, empty cells for missing values, a share in percent. A rank and the indicator rates are
 * not counts of households: nothing is suppressed, and the first line says what the file holds
 * instead of the household rule. Column names stay the same in either language (they are what a
 * script reads); the line under it says, in `lang`, what they mean.
 */
export function leagueCsv(rows: readonly LeagueRow[], defs: readonly IndicatorDef[], years: readonly number[], lang: 'id' | 'en' = 'id'): string {
	const slrt = defs.filter((d) => d.kind !== 'bps');
	const header = ['peringkat', 'kode_kemendagri', 'nama', 'kode_prov', 'provinsi', 'sumber_indikator', 'skor_komposit', 'skor_sebelumnya', 'perubahan_skor', ...years.map((y) => `bps_p0_${y}`), ...slrt.flatMap((d) => [columnOf(d), `${d.id}_rag`, `${columnOf(d)}_sebelumnya`])];
	const lines = rows.map((r): Field[] => [
		text(r.rank === null ? '' : String(r.rank)),
		text(r.kode),
		text(r.nama),
		text(r.kode_prov),
		text(r.nama_prov),
		text(r.sumber),
		derived(r.score, SCORE_DECIMALS),
		derived(r.previousScore ?? null, SCORE_DECIMALS),
		derived(r.scoreChange ?? null, SCORE_DECIMALS),
		...years.map((y) => derived(r.p0[String(y)] ?? null, P0_DECIMALS)),
		...slrt.flatMap((d) => [derived(inFile(d, r.cells[d.id]?.value), UNIT_DECIMALS[d.unit]), text(r.cells[d.id]?.rag ?? ''), derived(inFile(d, r.cells[d.id]?.previous), UNIT_DECIMALS[d.unit])])
	]);
	return toCsv(header, lines, 'publik', [LEAGUE_ABOUT[lang]], LEAGUE_NOTE[lang]);
}

export interface CompareColumn {
	kode: string;
	label: string;
	kind: 'district' | 'median';
	sumber: Sumber | null;
	score: number | null;
	rank: number | null;
	/** a district's score change since the period before (none for a median) */
	scoreChange?: number | null;
	cells: Record<string, LeagueCell>;
	p0: Record<string, number | null>;
}

function medianColumn(kode: string, label: string, rows: readonly LeagueRow[], ids: readonly string[], years: readonly number[]): CompareColumn {
	const m = medians(rows, ids);
	return {
		kode,
		label,
		kind: 'median',
		sumber: null,
		score: median(rows.map((r) => r.score)),
		rank: null,
		cells: Object.fromEntries(ids.map((id) => [id, { value: m[id], rag: null }])),
		p0: Object.fromEntries(years.map((y) => [String(y), median(rows.map((r) => r.p0[String(y)] ?? null))]))
	};
}

/**
 * The side-by-side columns: two to four picked districts; or one district beside the median of its
 * province and the national median (of all 514, real and synthetic alike).
 */
export function compareColumns(all: readonly LeagueRow[], picks: readonly string[], ids: readonly string[], years: readonly number[], labels: { prov: string; nat: string }): CompareColumn[] {
	const picked = picks.map((k) => all.find((r) => r.kode === k)).filter((r): r is LeagueRow => !!r);
	const asColumn = (r: LeagueRow): CompareColumn => ({ kode: r.kode, label: r.nama, kind: 'district', sumber: r.sumber, score: r.score, rank: r.rank, scoreChange: r.scoreChange, cells: r.cells, p0: r.p0 });
	if (picked.length !== 1) return picked.map(asColumn);
	const d = picked[0];
	return [
		asColumn(d),
		medianColumn(`prov-${d.kode_prov}`, `${labels.prov} ${d.nama_prov}`, all.filter((r) => r.kode_prov === d.kode_prov), ids, years),
		medianColumn('nasional', labels.nat, all, ids, years)
	];
}
