/**
 * The shape of an indicator definition. Indicators are data (catalogue.ts); the compiler
 * (compile.ts) turns a definition into parameterised SQL over the contract's tables, and the
 * validator (validate.ts) rejects a bad definition when the catalogue loads, not while a page renders.
 */
import type { TableName } from '../contract/schema';

/** The four SLRT functions of Permensos 15/2018, plus BPS context figures. */
export type Fungsi = 'integrasi' | 'keluhan' | 'kepesertaan' | 'pemutakhiran' | 'konteks';

/** Whether a higher value is better (share resolved) or a lower one (exclusion error). */
export type Direction = 'higher' | 'lower';

/** Geographic level a figure is grouped by: district, kecamatan or desa/kelurahan. */
export type Level = 'kab' | 'kec' | 'desa';

/** `persen` is a 0–1 share shown as percent; `persen_bps` a percentage as BPS publishes it (0–100). */
export type Unit = 'persen' | 'persen_bps' | 'per_1000' | 'hari' | 'jumlah' | 'indeks' | 'rupiah' | 'jiwa';

/**
 * One condition on a row. Values are compared as prepared-statement parameters. Date conditions
 * are relative to the period the page shows:
 * - `in_period`: the date falls in the period;
 * - `by_end`: on or before the period's last day;
 * - `open_at_end`: empty, or after the period's last day (not yet reached then);
 * - `within_days`: in the `days` days up to and including the period's last day;
 * - `older_than_days`: more than `days` days before the period's last day;
 * - `elapsed_gt_days`: from `col` to `to` (or to the period's end if `to` was not reached by
 *   then) is more than `days` days.
 */
export type Filter =
	| { col: string; op: 'eq' | 'ne' | 'le' | 'ge'; value: string | number | boolean }
	| { col: string; op: 'in'; values: readonly (string | number)[] }
	| { col: string; op: 'in_period' | 'by_end' | 'open_at_end' }
	| { col: string; op: 'within_days' | 'older_than_days'; days: number }
	| { col: string; op: 'elapsed_gt_days'; to: string; days: number };

/** Rows of one table that meet every filter; counted, or their distinct values of `distinct` counted. */
export interface RowSet {
	table: TableName;
	where: readonly Filter[];
	distinct?: string;
}

export type Kind =
	/** numerator / denominator × scale (1 for a share, 1000 for "per 1,000") */
	| { kind: 'ratio'; numerator: RowSet; denominator: RowSet; scale: number }
	/** a number of rows */
	| { kind: 'count'; rows: RowSet }
	/** median days from `from` to `to` over the rows */
	| { kind: 'median_days'; rows: RowSet; from: string; to: string }
	/** share of desa/kelurahan whose centroid lies within `km` of a Puskesos open by the period's end */
	| { kind: 'coverage_km'; km: number }
	/** a BPS figure for the district (context only; not computed from case data) */
	| { kind: 'bps'; field: BpsField };

export type BpsField = 'p0' | 'p1' | 'p2' | 'garis_kemiskinan' | 'penduduk';

export interface Bilingual {
	id: string;
	en: string;
}

export type IndicatorDef = {
	id: string;
	fungsi: Fungsi;
	label: Bilingual;
	definition: Bilingual;
	unit: Unit;
	direction: Direction;
	/** Weight in the composite score; 0 keeps it out (context figures). */
	weight: number;
	source: Bilingual;
	/**
	 * false when a past period's value is not a true value (the case database keeps only the latest
	 * update date, so for a past period the figure is only a bound; the facilitator roster has no
	 * dates at all): no change since the period before is shown, and a score's change holds it at
	 * its current value. Absent: comparable.
	 */
	comparable?: boolean;
} & Kind;
