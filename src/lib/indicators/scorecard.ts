/**
 * The scorecard: rows = indicators, columns = the district, its kecamatan (or one kecamatan and
 * its desa). Pure: it takes the figures the compiled queries returned for the period and the
 * previous one and bands, scores, ranks and compares them.
 */
import type { ManifestArea } from '../contract/manifest';
import { monthFromIndex, monthIndex, type Period } from '../overview/period';
import { compositeScore, indicatorScore, rankScores, ragOf, type Composite, type Rag } from './score';
import { bandFor, type Band, type Targets } from './targets';
import type { IndicatorDef, Level } from './types';

export interface Figure {
	kode: string;
	nilai: number | null;
	pembilang: number | null;
	penyebut: number | null;
}

/** Indicator id → area code → figure. */
export type Figures = Map<string, Map<string, Figure>>;

export interface Column {
	kode: string;
	nama: string;
	level: Level;
}

export type Trend = 'naik' | 'turun' | 'tetap';

export interface Cell {
	kode: string;
	figure: Figure | null;
	band: Band | null;
	rag: Rag | null;
	previous: number | null;
	/** the figure of the period before (its counts), null where there is none or it is not comparable */
	previousFigure: Figure | null;
	trend: Trend | null;
	/** whether the change is an improvement given the indicator's direction; null when flat or unknown */
	better: boolean | null;
}

export interface ScorecardRow {
	def: IndicatorDef;
	cells: Cell[];
}

export interface Scorecard {
	rows: ScorecardRow[];
	composite: Map<string, Composite>;
	/** rank of each column among the columns of the same level (kecamatan among kecamatan…) */
	rank: Map<string, number | null>;
	/** how many columns share that level, for "rank 3 of 18" */
	rankOf: Map<Level, number>;
}

/** The desa of a kecamatan, for the drill-down columns. Parameter: $1 the kecamatan prefix. */
export const DESA_NAMES_SQL = 'SELECT kode_desa AS kode, nama_desa AS nama FROM wilayah WHERE starts_with(kode_desa, $1) ORDER BY kode_desa';

/** Differences smaller than this are no change (floating-point noise). */
export const TREND_EPSILON = 1e-9;

/** The period of the same length just before; null when it would start before the data's window. */
export function previousPeriod(p: Period, window: Period): Period | null {
	const len = monthIndex(p.end) - monthIndex(p.start) + 1;
	const start = monthIndex(p.start) - len;
	if (start < monthIndex(window.start)) return null;
	return { start: monthFromIndex(start), end: monthFromIndex(monthIndex(p.start) - 1) };
}

export function trendOf(now: number | null | undefined, before: number | null | undefined): Trend | null {
	if (now === null || now === undefined || before === null || before === undefined || !Number.isFinite(now) || !Number.isFinite(before)) return null;
	const d = now - before;
	return Math.abs(d) < TREND_EPSILON ? 'tetap' : d > 0 ? 'naik' : 'turun';
}

export interface ScorecardInput {
	defs: readonly IndicatorDef[];
	targets: Targets;
	columns: readonly Column[];
	period: Period;
	current: Figures;
	previous: Figures | null;
	/**
	 * Areas ranked beside the columns but not shown: drilled into a kecamatan, the district's other
	 * kecamatan, so the one shown keeps its rank among them ("#3/18", as on the district's scorecard).
	 */
	peers?: readonly Column[];
}

export function buildScorecard(input: ScorecardInput): Scorecard {
	const { defs, targets, columns, period, current, previous } = input;
	const rows: ScorecardRow[] = defs.map((def) => ({
		def,
		cells: columns.map((c) => {
			const figure = current.get(def.id)?.get(c.kode) ?? null;
			const band = bandFor(targets, def.id, c.kode, period);
			// A figure whose past value is only a bound (comparable: false) shows no change.
			const previousFigure = def.comparable === false ? null : (previous?.get(def.id)?.get(c.kode) ?? null);
			const prev = previousFigure?.nilai ?? null;
			const trend = trendOf(figure?.nilai, prev);
			const better = trend === null || trend === 'tetap' ? null : (trend === 'naik') === (def.direction === 'higher');
			return { kode: c.kode, figure, band, rag: ragOf(figure?.nilai, band, def.direction), previous: prev, previousFigure, trend, better };
		})
	}));
	const composite = new Map<string, Composite>();
	columns.forEach((c, i) => composite.set(c.kode, compositeScore(rows.map((r) => ({ score: indicatorScore(r.cells[i].figure?.nilai, r.cells[i].band), weight: r.def.weight })))));
	const shown = new Set(columns.map((c) => c.kode));
	const peers = (input.peers ?? []).filter((c) => !shown.has(c.kode));
	const peerScore = new Map(peers.map((c) => [c.kode, compositeScore(defs.map((def) => ({ score: indicatorScore(current.get(def.id)?.get(c.kode)?.nilai, bandFor(targets, def.id, c.kode, period)), weight: def.weight }))).score]));
	const rank = new Map<string, number | null>();
	const rankOf = new Map<Level, number>();
	for (const level of ['kab', 'kec', 'desa'] as const) {
		const same = [...columns, ...peers].filter((c) => c.level === level);
		rankOf.set(level, same.length);
		const ranked = rankScores(same.map((c) => ({ kode: c.kode, score: shown.has(c.kode) ? (composite.get(c.kode)?.score ?? null) : (peerScore.get(c.kode) ?? null) })));
		for (const r of ranked) if (shown.has(r.kode)) rank.set(r.kode, r.rank);
	}
	return { rows, composite, rank, rankOf };
}

/** Drilled into a kecamatan, the district's other kecamatan: ranked beside it, not shown (ScorecardInput.peers). */
export function peersOf(area: ManifestArea, kecamatan: string | null): Column[] {
	return kecamatan ? area.kecamatan.filter((k) => k.kode !== kecamatan).map((k) => ({ kode: k.kode, nama: k.nama, level: 'kec' as const })) : [];
}

/** The district, then its kecamatan; or, drilled into a kecamatan, the district, it and its desa. */
export function columnsOf(area: ManifestArea, kecamatan: string | null, desa: { kode: string; nama: string }[] = []): Column[] {
	const kab: Column = { kode: area.kode_kab, nama: area.nama_kab, level: 'kab' };
	if (!kecamatan) return [kab, ...area.kecamatan.map((k) => ({ kode: k.kode, nama: k.nama, level: 'kec' as const }))];
	const k = area.kecamatan.find((x) => x.kode === kecamatan);
	return [kab, { kode: kecamatan, nama: k?.nama ?? kecamatan, level: 'kec' }, ...desa.map((d) => ({ ...d, level: 'desa' as const }))];
}
