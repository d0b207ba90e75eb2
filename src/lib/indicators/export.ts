/**
 * The scorecard as a CSV: one row per indicator and area (long format, so a spreadsheet can pivot
 * it), with value, numerator, denominator, target and band. Figures resting on 1–4 families are
 * suppressed like every export (src/lib/export/privacy.ts): their counts "<5", the value, band and
 * trend blank (a band against a known target, or a trend, would narrow the hidden count down).
 * Beside them, counts that would give a hidden one back by subtraction are withheld
 * (src/lib/export/complementary.ts): a kecamatan's among its district's kecamatan, a desa's among
 * its kecamatan's desa.
 */
import { complementary, type Part } from '../export/complementary';
import { toCsv } from '../export/csv';
import { count, derived, derivedFrom, fieldValue, FILE_DECIMALS, text, textOn, textOnPublic, withheldIf, type ExportMode, type Field } from '../export/privacy';
import { familyRoles } from '../laporan/text';
import { trendOf, type Cell, type Column, type Figure, type Figures, type Scorecard, type Trend } from './scorecard';
import { compositeScore, indicatorScore, rankScores, ragOf, type Composite, type Rag } from './score';
import type { IndicatorDef } from './types';

export const SCORECARD_EXPORT_HEADER = ['kode_wilayah', 'nama_wilayah', 'indikator', 'label', 'satuan', 'nilai', 'pembilang', 'penyebut', 'target', 'status', 'tren'] as const;

type Role = 'pembilang' | 'penyebut' | 'nilai';
const key = (indikator: string, kode: string, role: Role) => `${indikator}|${kode}|${role}`;

/** Whether a public copy withholds a count a cell's figure rests on ("x", scorecardWithheld's keys). */
export function cellWithheld(withheld: ReadonlySet<string>, def: IndicatorDef, kode: string): boolean {
	return familyRoles(def).some((r) => withheld.has(key(def.id, kode, r)));
}

/** The prefix of a key scorecardWithheld gives for a count of the period before. */
const BEFORE = 'sebelum|';

/**
 * Whether a public copy leaves out a cell's trend: a count of either period it compares is
 * withheld ("x"). The arrow of a value against one the period before's file withholds said on which
 * side of the current value the withheld one lay (QA round 8).
 */
export function trendWithheld(withheld: ReadonlySet<string>, def: IndicatorDef, kode: string): boolean {
	return cellWithheld(withheld, def, kode) || familyRoles(def).some((r) => withheld.has(BEFORE + key(def.id, kode, r)));
}

/**
 * The counts to withhold, as `indikator|kode|role` keys. `areas`: every kecamatan of the district
 * (shown or not: a drilled kecamatan keeps the choice made among all of them, as the district's
 * file makes it) and the desa shown; `current` their figures; `previous` those of the period before
 * (null: none), whose withheld counts are keyed apart (trendWithheld), as that period's file withholds them.
 */
export function scorecardWithheld(defs: readonly IndicatorDef[], current: Figures, areas: readonly Column[], previous: Figures | null): Set<string> {
	const out = withheldOf(defs, current, areas);
	if (previous) for (const k of withheldOf(defs, previous, areas)) out.add(BEFORE + k);
	return out;
}

function withheldOf(defs: readonly IndicatorDef[], current: Figures, areas: readonly Column[]): Set<string> {
	const out = new Set<string>();
	const parent = (c: Column) => (c.level === 'kec' ? c.kode.slice(0, 5) : c.level === 'desa' ? c.kode.slice(0, 8) : null);
	for (const def of defs) {
		const figures = current.get(def.id);
		if (!figures) continue;
		for (const role of familyRoles(def)) {
			const parts: Part[] = [];
			for (const a of areas) {
				const g = parent(a);
				const v = figures.get(a.kode)?.[role];
				if (g !== null && typeof v === 'number') parts.push({ group: `${a.level}:${g}`, key: key(def.id, a.kode, role), value: v });
			}
			for (const k of complementary(parts)) out.add(k);
		}
	}
	return out;
}

/**
 * The figure's value: in a public file, computed again from its rounded counts of families
 * (export/rounding.ts; other counts, such as facilitators or population, as they are), so that it
 * gives no exact count back. A median of days is no count: as computed.
 */
function valueField(def: IndicatorDef, fig: Figure | null, kode: string, roles: readonly Role[]): Field {
	const families = roles.map((r) => fig?.[r] ?? 0);
	if (!fig || fig.nilai === null) return derived(null, FILE_DECIMALS, ...families);
	if (def.kind === 'count' && roles.includes('nilai')) return derivedFrom(fig.nilai, FILE_DECIMALS, kode, ([n]) => n, ...families);
	if (def.kind !== 'ratio' || !roles.length) return derived(fig.nilai, FILE_DECIMALS, ...families);
	const { scale } = def;
	// A share cannot pass 100 %, though its two counts are rounded each on its own.
	const cap = def.unit === 'persen' ? scale : Infinity;
	return derivedFrom(
		fig.nilai,
		FILE_DECIMALS,
		kode,
		(rounded) => {
			const of = (r: Role) => (roles.includes(r) ? rounded[roles.indexOf(r)] : (fig[r] ?? 0));
			const d = of('penyebut');
			return d > 0 ? Math.min(cap, (of('pembilang') / d) * scale) : null;
		},
		...families
	);
}

/** A figure's value as a public copy gives it (a briefing's scorecard): from its rounded counts, null where hidden. */
export function publicValueOf(def: IndicatorDef, fig: Figure | null): number | null {
	return fig ? (fieldValue(valueField(def, fig, fig.kode, familyRoles(def)), 'publik') as number | null) : null;
}

/** A cell's band as a public copy gives it: of its value computed from the rounded counts, so the band does not narrow the exact one down. */
export function publicRag(def: IndicatorDef, cell: Cell | null | undefined): Rag | null {
	if (!cell?.figure) return null;
	return familyRoles(def).length ? ragOf(publicValueOf(def, cell.figure), cell.band, def.direction) : cell.rag;
}

/**
 * A cell's trend against the period before as a public copy gives it: of both periods' values
 * computed from their rounded counts, so the arrow says no more than the values a reader can
 * compute. Of the exact values, an arrow beside two equal printed values narrowed them down.
 */
export function publicTrend(def: IndicatorDef, cell: Cell | null | undefined): Trend | null {
	if (!cell?.figure) return null;
	if (!familyRoles(def).length) return cell.trend;
	return trendOf(publicValueOf(def, cell.figure), cell.previousFigure ? publicValueOf(def, cell.previousFigure) : null);
}

/**
 * A column's composite score as a public copy gives it: each indicator scored on its value computed
 * from the rounded counts, as the national file's pilot values are (scripts/national/pilot.ts), so a
 * public briefing prints the score Bandingkan ranks (QA: they differed, 78,8 against 79,4).
 */
export function publicComposite(sc: Scorecard, kode: string, withheld: ReadonlySet<string> = new Set()): Composite | undefined {
	if (!sc.composite.has(kode)) return undefined;
	return compositeScore(sc.rows.map((r) => ({ score: indicatorScore(publicScoredValue(r, kode, withheld), r.cells.find((c) => c.kode === kode)?.band ?? null), weight: r.def.weight })));
}

/** An area's value of one indicator as a public copy scores it: from the rounded counts, none where the Indikator CSV withholds it ("x"). */
function publicScoredValue(row: Scorecard['rows'][number], kode: string, withheld: ReadonlySet<string>): number | null {
	const cell = row.cells.find((c) => c.kode === kode);
	return cell?.figure && !cellWithheld(withheld, row.def, kode) ? publicValueOf(row.def, cell.figure) : null;
}

/**
 * How many of the indicators weighed into an area's composite a public copy leaves out of it: those
 * with a value in the internal copy but none in public, being withheld ("x") or resting on a count of
 * 1–4 ("<5"). Its public score and rank are then of the others, and the copy says so (QA: a
 * kecamatan's public score 92.5, first of 8, against 78.3, second, without a word).
 */
export function withheldFromComposite(sc: Scorecard, kode: string, withheld: ReadonlySet<string>): number {
	const hasValue = (r: Scorecard['rows'][number]) => (r.cells.find((c) => c.kode === kode)?.figure?.nilai ?? null) !== null;
	return sc.rows.filter((r) => r.def.weight > 0 && hasValue(r) && publicScoredValue(r, kode, withheld) === null).length;
}

/** An area's rank among `peers` (a district's kecamatan) by their public composites, as a public copy prints its score. */
export function publicRank(sc: Scorecard, peers: readonly string[], kode: string, withheld: ReadonlySet<string> = new Set()): number | null {
	return rankScores(peers.map((k) => ({ kode: k, score: publicComposite(sc, k, withheld)?.score ?? null }))).find((r) => r.kode === kode)?.rank ?? null;
}

export function scorecardRows(sc: Scorecard, columns: readonly Column[], withheld: ReadonlySet<string> = new Set()): Field[][] {
	return sc.rows.flatMap((row) =>
		columns.map((col, i) => {
			const cell = row.cells[i];
			const fig: Figure | null = cell?.figure ?? null;
			const roles = fig ? familyRoles(row.def) : [];
			const families = roles.map((r) => fig![r] ?? 0);
			const hidden = (r: Role) => withheld.has(key(row.def.id, col.kode, r));
			const anyHidden = roles.some(hidden);
			const trendHidden = trendWithheld(withheld, row.def, col.kode);
			// A count of families as a count; anything else (Puskesos, facilitators) a plain number, whole or not.
			const asCount = (v: number | null | undefined, r: Role): Field =>
				v === null || v === undefined
					? text('')
					: roles.includes(r)
						? withheldIf(count(v, col.kode), hidden(r))
						: derived(v, Number.isInteger(v) ? 0 : FILE_DECIMALS);
			return [
				text(col.kode),
				text(col.nama),
				text(row.def.id),
				text(row.def.label.id),
				text(row.def.unit),
				withheldIf(valueField(row.def, fig, col.kode, roles), anyHidden),
				asCount(fig?.pembilang, 'pembilang'),
				asCount(fig?.penyebut, 'penyebut'),
				derived(cell?.band?.target ?? null, FILE_DECIMALS),
				withheldIf(textOnPublic(cell?.rag ?? '', publicRag(row.def, cell) ?? '', ...families), anyHidden),
				withheldIf(textOnPublic(cell?.trend ?? '', publicTrend(row.def, cell) ?? '', ...families), trendHidden)
			];
		})
	);
}

export function scorecardCsv(sc: Scorecard, columns: readonly Column[], mode: ExportMode, withheld: ReadonlySet<string> = new Set()): string {
	return toCsv(SCORECARD_EXPORT_HEADER, scorecardRows(sc, columns, withheld), mode);
}
