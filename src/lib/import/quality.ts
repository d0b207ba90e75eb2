/** Runs the data-quality SQL (quality-sql.ts) over whatever is loaded, for one area. */
import { query, type Param } from '../db/query';
import {
	completenessByKecamatanSql,
	completenessSql,
	CONSISTENCY_SQL,
	DTSEN_SQL,
	DUPLICATE_EXAMPLES_SQL,
	DUPLICATES_SQL,
	IMPLAUSIBLE_RATES_SQL,
	optionalColumns,
	paramCount,
	RATE_STATS_SQL,
	TIMELINESS_FASILITATOR_SQL,
	TIMELINESS_PUSKESOS_SQL
} from './quality-sql';

export interface CompletenessRow {
	table: string;
	column: string;
	rows: number;
	filled: number;
}
export interface TimelinessRow {
	kelompok: string;
	keluhan: number;
	median_hari: number | null;
	p90_hari: number | null;
}
export interface Quality {
	completeness: CompletenessRow[];
	byKecamatan: { kode_kec: string; nama_kec: string | null; baris: number; filled: Record<string, number> }[];
	kecColumns: string[];
	perFasilitator: TimelinessRow[];
	perPuskesos: TimelinessRow[];
	duplicates: { kelompok: number; rumah_tangga: number; contoh: { kode_desa: string; n: number; ids: string }[] };
	implausible: { kode_desa: string; nama_desa: string | null; rumah_tangga: number; keluhan: number; rate: number; z: number }[];
	rateStats: { desa_diuji: number; median_rate: number | null; mad: number | null };
	dtsen: { rumah_tangga: number; padan: number };
	consistency: Consistency;
}

/** Rows contradicting each other across tables (quality-sql.ts CONSISTENCY_SQL), with what they are counted among. */
export interface Consistency {
	keluhan: number;
	keluhan_sebelum_registrasi: number;
	keluhan_desa_lain: number;
	rujukan_dari_keluhan: number;
	rujukan_rt_lain: number;
	rujukan_sebelum_keluhan: number;
}

const run = <T>(sql: string, prefix: string) => query<T>(sql, Array.from({ length: paramCount(sql) }, (): Param => prefix));

export async function loadQuality(prefix: string): Promise<Quality> {
	const completeness: CompletenessRow[] = [];
	for (const table of ['rumah_tangga', 'keluhan', 'rujukan'] as const) {
		const [r] = await run<Record<string, number>>(completenessSql(table), prefix);
		for (const c of optionalColumns(table)) completeness.push({ table, column: c, rows: Number(r.baris), filled: Number(r[c]) });
	}
	const kecColumns = optionalColumns('rumah_tangga');
	const kec = await run<Record<string, string | number | null>>(completenessByKecamatanSql(), prefix);
	const [dup] = await run<{ kelompok: number; rumah_tangga: number }>(DUPLICATES_SQL, prefix);
	const [stats] = await run<Quality['rateStats']>(RATE_STATS_SQL, prefix);
	const [dtsen] = await run<Quality['dtsen']>(DTSEN_SQL, prefix);
	const [consistency] = await run<Consistency>(CONSISTENCY_SQL, prefix);
	return {
		completeness,
		kecColumns,
		byKecamatan: kec.map((k) => ({ kode_kec: String(k.kode_kec), nama_kec: k.nama_kec as string | null, baris: Number(k.baris), filled: Object.fromEntries(kecColumns.map((c) => [c, Number(k[c])])) })),
		perFasilitator: await run<TimelinessRow>(TIMELINESS_FASILITATOR_SQL, prefix),
		perPuskesos: await run<TimelinessRow>(TIMELINESS_PUSKESOS_SQL, prefix),
		duplicates: { kelompok: Number(dup.kelompok), rumah_tangga: Number(dup.rumah_tangga), contoh: await run<Quality['duplicates']['contoh'][number]>(DUPLICATE_EXAMPLES_SQL, prefix) },
		implausible: await run<Quality['implausible'][number]>(IMPLAUSIBLE_RATES_SQL, prefix),
		rateStats: stats,
		dtsen,
		consistency
	};
}
