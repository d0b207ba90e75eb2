/**
 * Pre-aggregated tables, defined once as data: the extract pipeline writes them into every
 * district's database file (native DuckDB), and the browser builds the same table from rows a user
 * uploads (DuckDB-WASM), so every view queries them the same way whatever loaded the rows.
 *
 * Why: the household register is the one large table (Kabupaten Tegal: ~480,000 rows), and the
 * dashboard only ever asks it "how many (poor) households were registered in these desa by the end
 * of this month". Grouped by desa and registration month it shrinks ~50× (Tegal: ~9,000 rows), and
 * a filter change reads that instead of every household. Periods are whole months, so
 * `bulan <= last day of the period` selects exactly the households with
 * `tgl_registrasi <= last day of the period`: the answers are equal, not approximate (tested).
 */
import type { TableName } from '../contract/schema';

export interface AggregateSpec {
	/** table name, in each district database and as the view over all of them */
	name: string;
	/** the contract table it is computed from */
	source: TableName;
	/** columns and DuckDB types, for the empty table behind the view */
	columns: readonly (readonly [string, string])[];
	/** SELECT over the source table, written `{source}` */
	select: string;
}

export const AGGREGATES: readonly AggregateSpec[] = [
	{
		name: 'rt_desa_bulan',
		source: 'rumah_tangga',
		columns: [
			['kode_desa', 'VARCHAR'],
			['bulan', 'DATE'],
			['n', 'INTEGER'],
			['miskin', 'INTEGER']
		],
		// desil 1–4: the poor households of the headline figures and the kemiskinan layer.
		select: `SELECT kode_desa, date_trunc('month', tgl_registrasi)::DATE AS bulan, count(*)::INTEGER AS n,
  count(*) FILTER (WHERE desil <= 4)::INTEGER AS miskin
FROM {source} GROUP BY kode_desa, bulan ORDER BY kode_desa, bulan`
	}
];

/** The aggregate's SELECT over a given source relation (a quoted table or view name). */
export function aggregateSelect(spec: AggregateSpec, source: string): string {
	return spec.select.replace('{source}', source);
}

/** `CREATE OR REPLACE TABLE target AS` the aggregate over `source`. */
export function createAggregateSql(spec: AggregateSpec, target: string, source: string): string {
	return `CREATE OR REPLACE TABLE ${target} AS ${aggregateSelect(spec, source)}`;
}

/** Every aggregate as a table named after it, over the contract tables of the same names (tests, benchmark). */
export const CREATE_AGGREGATES: readonly string[] = AGGREGATES.map((a) => createAggregateSql(a, a.name, a.source));
