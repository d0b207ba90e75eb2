/**
 * The dashboard's heaviest queries, with the parameters a user's view gives them: the SQL is the
 * app's own (imported, not copied), so the benchmark times what the pages run.
 */
import type { Param } from '../src/lib/db/query';
import { areaPrefix, headlineParams, HEADLINE_SQL, TREND_SQL } from '../src/lib/overview/headline';
import { firstDay, lastDay, type Period } from '../src/lib/overview/period';
import { KELUHAN_INDEX_SQL } from '../src/lib/peta/keluhan-index';
import { PETA_SQL, petaParams } from '../src/lib/peta/sql';

export interface BenchQuery {
	id: string;
	sql: string;
	params: Param[];
}

export function dashboardQueries(kab: string, kec: string, desa: string, period: Period): BenchQuery[] {
	const [a, b] = [firstDay(period.start), lastDay(period.end)];
	return [
		{ id: 'ringkasan: angka utama (kabupaten)', sql: HEADLINE_SQL, params: headlineParams(kab, period) },
		{ id: 'ringkasan: tren bulanan (kabupaten)', sql: TREND_SQL, params: headlineParams(kab, period) },
		{ id: 'ringkasan: angka utama (kecamatan)', sql: HEADLINE_SQL, params: headlineParams(kec, period) },
		{ id: 'ringkasan: tren bulanan (kecamatan)', sql: TREND_SQL, params: headlineParams(kec, period) },
		{ id: 'peta: kemiskinan per desa', sql: PETA_SQL.kemiskinan, params: petaParams('kemiskinan', kab, a, b) },
		// The keluhan layer's every period and filter are counted from this index (keluhan-index.ts).
		{ id: 'peta: indeks keluhan (desa × bulan × kategori × program)', sql: KELUHAN_INDEX_SQL, params: [areaPrefix(kab)] },
		{ id: 'peta: tren satu desa', sql: TREND_SQL, params: [desa, a, b] },
		{ id: 'peta: rujukan per desa', sql: PETA_SQL.rujukan, params: petaParams('rujukan', kab, a, b) },
		{ id: 'ringkasan: angka utama (24 bulan)', sql: HEADLINE_SQL, params: headlineParams(kab, { start: shift(period.start, -12), end: period.end }) },
		{ id: 'peta: rujukan per desa (24 bulan)', sql: PETA_SQL.rujukan, params: petaParams('rujukan', kab, firstDay(shift(period.start, -12)), b) }
	];
}

function shift(month: string, by: number): string {
	const [y, m] = month.split('-').map(Number);
	const i = y * 12 + m - 1 + by;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
