/**
 * Indicator definition → one parameterised SQL statement over the contract's tables, grouped by
 * district, kecamatan or desa. Pure: no DuckDB here, so the SQL it writes is unit-tested as text
 * and run against native DuckDB in compile.test.ts.
 *
 * Every statement takes $1 the area's code prefix ('33.28.'), $2 the period's first and $3 its
 * last day (ISO dates); the definition's own values follow as $4, $5, …. It returns one row per
 * area of the level inside the prefix (areas without any rows included), ordered by code:
 *   kode, nilai (the figure), pembilang (numerator or count), penyebut (denominator, or the
 *   number of rows a median is taken over).
 * Definitions are assumed valid (validate.ts runs when the catalogue loads).
 */
import type { Param } from '../db/query';
import { quoteIdent } from '../db/quote';
import type { Filter, IndicatorDef, Level, RowSet } from './types';

export interface CompiledQuery {
	sql: string;
	params: Param[];
}

/** Length of a Kemendagri code at each level: PP.KK, PP.KK.CC, PP.KK.CC.XDDD. */
export const CODE_LENGTH: Record<Level, number> = { kab: 5, kec: 8, desa: 13 };

/** Mean Earth radius (IUGG), for straight-line distances between centroids and Puskesos. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The column that places a table's rows, and the finest level it can be grouped by. */
const LOCATION: Record<RowSet['table'], { col: string; finest: Level }> = {
	wilayah: { col: 'kode_desa', finest: 'desa' },
	puskesos: { col: 'kode_desa', finest: 'desa' },
	rumah_tangga: { col: 'kode_desa', finest: 'desa' },
	keluhan: { col: 'kode_desa', finest: 'desa' },
	rujukan: { col: 'kode_desa', finest: 'desa' },
	fasilitator: { col: 'kode_kec', finest: 'kec' }
};

const LEVEL_ORDER: Record<Level, number> = { kab: 0, kec: 1, desa: 2 };

/** $1 area prefix, $2 first day, $3 last day. */
const FIXED_PARAMS = 3;

/** The SQL and parameters for the three fixed parameters. */
export function periodParams(areaPrefix: string, firstDay: string, lastDay: string): Param[] {
	return [areaPrefix, firstDay, lastDay];
}

/** Whether a table's rows can be grouped at a level (facilitators are recorded per kecamatan). */
export function groupable(table: RowSet['table'], level: Level): boolean {
	return LEVEL_ORDER[level] <= LEVEL_ORDER[LOCATION[table].finest];
}

/** Whether the indicator has a figure at a level computed from case data. */
export function availableAt(def: IndicatorDef, level: Level): boolean {
	switch (def.kind) {
		case 'bps':
			return false;
		case 'ratio':
			return groupable(def.numerator.table, level) && groupable(def.denominator.table, level);
		case 'count':
		case 'median_days':
			return groupable(def.rows.table, level);
		case 'coverage_km':
			return true;
	}
}

/** Collects the definition's values as parameters after the three fixed ones. */
class Params {
	readonly values: Param[];
	constructor(fixed: Param[]) {
		this.values = [...fixed];
	}
	add(v: Param): string {
		this.values.push(v);
		return `$${this.values.length}`;
	}
}

function keyOf(col: string, level: Level): string {
	return level === 'desa' ? quoteIdent(col) : `left(${quoteIdent(col)}, ${CODE_LENGTH[level]})`;
}

const END = '$3::DATE';

function filterSql(f: Filter, p: Params): string {
	const c = quoteIdent(f.col);
	switch (f.op) {
		case 'eq':
			return `${c} = ${p.add(f.value)}`;
		case 'ne':
			return `${c} <> ${p.add(f.value)}`;
		case 'le':
			return `${c} <= ${p.add(f.value)}`;
		case 'ge':
			return `${c} >= ${p.add(f.value)}`;
		case 'in':
			return `${c} IN (${f.values.map((v) => p.add(v)).join(', ')})`;
		case 'in_period':
			return `${c} BETWEEN $2::DATE AND ${END}`;
		case 'by_end':
			return `${c} <= ${END}`;
		case 'open_at_end':
			return `(${c} IS NULL OR ${c} > ${END})`;
		case 'within_days':
			return `${c} > ${END} - ${p.add(f.days)}::INTEGER AND ${c} <= ${END}`;
		case 'older_than_days':
			return `${c} < ${END} - ${p.add(f.days)}::INTEGER`;
		case 'elapsed_gt_days':
			return `date_diff('day', ${c}, least(coalesce(${quoteIdent(f.to)}, ${END}), ${END})) > ${p.add(f.days)}`;
	}
}

/** WHERE clause: inside the area, and every filter. */
function whereSql(rows: RowSet, p: Params): string {
	const loc = quoteIdent(LOCATION[rows.table].col);
	return [`starts_with(${loc}, $1)`, ...rows.where.map((f) => filterSql(f, p))].join('\n    AND ');
}

/** `kode, n` per area for a row set. */
function countCte(rows: RowSet, level: Level, p: Params): string {
	const n = rows.distinct ? `count(DISTINCT ${quoteIdent(rows.distinct)})` : 'count(*)';
	return `SELECT ${keyOf(LOCATION[rows.table].col, level)} AS kode, ${n} AS n
  FROM ${quoteIdent(rows.table)}
  WHERE ${whereSql(rows, p)}
  GROUP BY 1`;
}

/**
 * Every area of the level inside the prefix, so areas without rows still get a row. DuckDB
 * numbers parameters by those a statement uses, so every statement names $1–$3 once here (an
 * inverted period gives no rows).
 */
const PERIOD_GUARD = '$2::DATE <= $3::DATE';
function areasCte(level: Level): string {
	return `SELECT DISTINCT ${keyOf('kode_desa', level)} AS kode FROM "wilayah" WHERE starts_with("kode_desa", $1) AND ${PERIOD_GUARD}`;
}

/**
 * Compiles a definition for a level; null when the indicator has no case-data figure there
 * (BPS context, or facilitators below kecamatan).
 */
export function compileIndicator(def: IndicatorDef, level: Level): CompiledQuery | null {
	if (!availableAt(def, level)) return null;
	const p = new Params([null, null, null]);
	let sql: string;
	switch (def.kind) {
		case 'ratio': {
			const num = countCte(def.numerator, level, p);
			const den = countCte(def.denominator, level, p);
			const scale = p.add(def.scale);
			sql = `WITH areas AS (${areasCte(level)}),
num AS (
  ${num}
),
den AS (
  ${den}
)
SELECT areas.kode, ${scale}::DOUBLE * coalesce(num.n, 0) / nullif(den.n, 0) AS nilai,
  coalesce(num.n, 0)::DOUBLE AS pembilang, coalesce(den.n, 0)::DOUBLE AS penyebut
FROM areas LEFT JOIN num USING (kode) LEFT JOIN den USING (kode)
ORDER BY kode`;
			break;
		}
		case 'count':
			sql = `WITH areas AS (${areasCte(level)}),
c AS (
  ${countCte(def.rows, level, p)}
)
SELECT areas.kode, coalesce(c.n, 0)::DOUBLE AS nilai, coalesce(c.n, 0)::DOUBLE AS pembilang, NULL::DOUBLE AS penyebut
FROM areas LEFT JOIN c USING (kode)
ORDER BY kode`;
			break;
		case 'median_days': {
			const loc = LOCATION[def.rows.table].col;
			sql = `WITH areas AS (${areasCte(level)}),
m AS (
  SELECT ${keyOf(loc, level)} AS kode, median(date_diff('day', ${quoteIdent(def.from)}, ${quoteIdent(def.to)}))::DOUBLE AS nilai, count(*) AS n
  FROM ${quoteIdent(def.rows.table)}
  WHERE ${whereSql(def.rows, p)}
  GROUP BY 1
)
SELECT areas.kode, m.nilai, NULL::DOUBLE AS pembilang, coalesce(m.n, 0)::DOUBLE AS penyebut
FROM areas LEFT JOIN m USING (kode)
ORDER BY kode`;
			break;
		}
		case 'coverage_km': {
			const r = p.add(EARTH_RADIUS_KM);
			const km = p.add(def.km);
			// Haversine distance; a desa with no open Puskesos in the area is not served (NULL → not counted).
			const dist = `2 * ${r}::DOUBLE * asin(sqrt(pow(sin(radians(p.lat - w.lat) / 2), 2) + cos(radians(w.lat)) * cos(radians(p.lat)) * pow(sin(radians(p.lng - w.lng) / 2), 2)))`;
			sql = `WITH p AS (
  SELECT "lat", "lng" FROM "puskesos" WHERE starts_with("kode_desa", $1) AND "tgl_buka" <= ${END}
),
d AS (
  SELECT w.kode_desa, bool_or(${dist} <= ${km}::DOUBLE) AS dekat
  FROM "wilayah" w LEFT JOIN p ON true
  WHERE starts_with(w.kode_desa, $1) AND ${PERIOD_GUARD}
  GROUP BY w.kode_desa
)
SELECT ${keyOf('kode_desa', level)} AS kode, count(*) FILTER (WHERE dekat)::DOUBLE / count(*) AS nilai,
  count(*) FILTER (WHERE dekat)::DOUBLE AS pembilang, count(*)::DOUBLE AS penyebut
FROM d GROUP BY 1
ORDER BY kode`;
			break;
		}
		case 'bps':
			return null;
	}
	return { sql, params: p.values };
}

/** The compiled query with the fixed parameters filled in for an area and period. */
export function bindQuery(q: CompiledQuery, areaPrefix: string, firstDay: string, lastDay: string): CompiledQuery {
	return { sql: q.sql, params: [...periodParams(areaPrefix, firstDay, lastDay), ...q.params.slice(FIXED_PARAMS)] };
}

/**
 * Several indicators at one level as one statement, so the page makes one round trip to
 * DuckDB-WASM per level and period instead of one per indicator. Rows carry `indikator`; the
 * indicators' own values and ids are parameters after $1–$3.
 *
 * The counts of every ratio and count indicator are read in one pass over each table, in a
 * materialised CTE per table (tableCounts), each distinct row set counted once. Run one by one, the
 * catalogue read the ~490,000 households of a district 16 times per level and period, and the
 * scorecard asks for two levels and two periods, its sparklines for eight quarters: natively, on
 * one thread, Kabupaten Tegal's batch took 195 ms by district and 210 ms by kecamatan, now 80 and
 * 88 ms. Each figure equals the one `compileIndicator` gives: tested indicator by indicator, at
 * every level, on the fixture below and on two demo districts in three periods.
 */
export function compileBatch(defs: readonly IndicatorDef[], level: Level): CompiledQuery | null {
	const p = new Params([null, null, null]);
	const parts: string[] = [];
	/** per table: its counts (a count of distinct values, or of rows, and the filters the rows pass) */
	const tables = new Map<RowSet['table'], { col: string; distinct?: string; where: string[] }[]>();
	/** per row set: the column that counts it */
	const columns = new Map<string, { table: RowSet['table']; col: string }>();
	// A filter shared by row sets is written once with the same parameters, so DuckDB works it out once per row.
	const filters = new Map<string, string>();
	const filterOnce = (f: Filter) => {
		const key = JSON.stringify(f);
		let sql = filters.get(key);
		if (sql === undefined) filters.set(key, (sql = filterSql(f, p)));
		return sql;
	};
	const counted = (rows: RowSet) => {
		const key = JSON.stringify(rows);
		let c = columns.get(key);
		if (!c) {
			const counts = tables.get(rows.table) ?? [];
			tables.set(rows.table, counts);
			c = { table: rows.table, col: `c${columns.size}` };
			counts.push({ col: c.col, distinct: rows.distinct, where: rows.where.map((f) => filterOnce(f)) });
			columns.set(key, c);
		}
		return c;
	};
	for (const def of defs) {
		if (!availableAt(def, level)) continue;
		if (def.kind === 'ratio' || def.kind === 'count') {
			const [num, den] = def.kind === 'ratio' ? [counted(def.numerator), counted(def.denominator)] : [counted(def.rows), null];
			const a = `coalesce(a.${num.col}, 0)`;
			const joins = `FROM areas LEFT JOIN ${cteOf(num.table)} a USING (kode)${den ? ` LEFT JOIN ${cteOf(den.table)} b USING (kode)` : ''}`;
			const figures =
				def.kind === 'ratio'
					? `${p.add(def.scale)}::DOUBLE * ${a} / nullif(b.${den!.col}, 0) AS nilai, ${a}::DOUBLE AS pembilang, coalesce(b.${den!.col}, 0)::DOUBLE AS penyebut`
					: `${a}::DOUBLE AS nilai, ${a}::DOUBLE AS pembilang, NULL::DOUBLE AS penyebut`;
			parts.push(`SELECT ${p.add(def.id)}::VARCHAR AS indikator, areas.kode, ${figures}\n${joins}`);
			continue;
		}
		const q = compileIndicator(def, level)!;
		const offset = p.values.length - FIXED_PARAMS;
		const sql = q.sql.replace(/\$(\d+)/g, (m, n: string) => (Number(n) <= FIXED_PARAMS ? m : `$${Number(n) + offset}`));
		p.values.push(...q.params.slice(FIXED_PARAMS));
		parts.push(`SELECT ${p.add(def.id)}::VARCHAR AS indikator, kode, nilai, pembilang, penyebut FROM (\n${sql}\n)`);
	}
	if (!parts.length) return null;
	const ctes = [`areas AS (${areasCte(level)})`];
	for (const [table, counts] of tables) ctes.push(`${cteOf(table)} AS MATERIALIZED (\n${tableCounts(table, counts, level)}\n)`);
	return { sql: `WITH ${ctes.join(',\n')}\n${parts.join('\nUNION ALL\n')}`, params: p.values };
}

/**
 * One table's counts per area, in one pass, each distinct filter worked out once per row: the rows
 * are grouped by area and by the truth of every filter (Kabupaten Tegal's 493,354 households make 92
 * groups for the district, 1,431 by kecamatan, 15,206 by desa), and each count is the sum of the
 * groups its filters all hold in. NULL is neither true nor false, as in a WHERE. Natively, the
 * households' eleven counts took 45–54 ms as one `count(*) FILTER (WHERE …)` per count over the
 * rows, and take 27–29 ms from the groups. A count of distinct values cannot be summed from groups:
 * a table with one is counted row by row.
 */
function tableCounts(table: RowSet['table'], counts: { col: string; distinct?: string; where: string[] }[], level: Level): string {
	const loc = quoteIdent(LOCATION[table].col);
	const from = `FROM ${quoteIdent(table)}\n  WHERE starts_with(${loc}, $1)`;
	if (counts.some((c) => c.distinct)) {
		const cols = counts.map((c) => {
			const n = c.distinct ? `count(DISTINCT ${quoteIdent(c.distinct)})` : 'count(*)';
			return `${c.where.length ? `${n} FILTER (WHERE ${c.where.join(' AND ')})` : n} AS ${c.col}`;
		});
		return `  SELECT ${keyOf(LOCATION[table].col, level)} AS kode, ${cols.join(',\n    ')}\n  ${from}\n  GROUP BY 1`;
	}
	const atoms = [...new Set(counts.flatMap((c) => c.where))];
	const atom = (sql: string) => `f${atoms.indexOf(sql)}`;
	const grouped = [`${keyOf(LOCATION[table].col, level)} AS kode`, ...atoms.map((sql, i) => `(${sql}) AS f${i}`), 'count(*) AS n'];
	const cols = counts.map((c) => `coalesce(sum(n)${c.where.length ? ` FILTER (WHERE ${c.where.map(atom).join(' AND ')})` : ''}, 0)::BIGINT AS ${c.col}`);
	return `  SELECT kode, ${cols.join(',\n    ')}\n  FROM (\n    SELECT ${grouped.join(',\n      ')}\n    ${from.replace('\n', '\n  ')}\n    GROUP BY ALL\n  )\n  GROUP BY 1`;
}

/** The batch's CTE of one table's counts. */
const cteOf = (table: RowSet['table']) => `"n_${table}"`;
