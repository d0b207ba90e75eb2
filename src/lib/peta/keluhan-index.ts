/**
 * The keluhan layer answered in memory. One query reads a district's complaints grouped by desa,
 * month, category and programme (Kabupaten Tegal, 24 months: ~17,500 groups for ~19,400
 * complaints, most groups being a single complaint). Every period and complaint filter of the layer
 * is then counted in JavaScript, in well under a millisecond, with the same answer as
 * `PETA_SQL.keluhan` (tested on the demo extracts for every filter).
 *
 * Why: asking DuckDB's worker costs a round trip that ends in a later task, so the page draws a
 * frame for the picker and then a second one for the figures. Counted here, a programme or category
 * change updates the map, legend and table in the task of the change itself, in one frame.
 */
import { monthIndex, type Period } from '../overview/period';
import type { KeluhanFilter, KeluhanRow } from './sql';

/** Parameter: $1 area prefix. Months as monthIndex numbers (year × 12 + month − 1). Ordered by desa code, as the layer's rows are. */
export const KELUHAN_INDEX_SQL = `
SELECT kode_desa AS kode, (year(tgl_keluhan) * 12 + month(tgl_keluhan) - 1)::INTEGER AS bulan, kategori, program, count(*)::INTEGER AS n
FROM keluhan WHERE starts_with(kode_desa, $1)
GROUP BY ALL
ORDER BY ALL`;

/** A row of KELUHAN_INDEX_SQL: complaints of one desa, month, category and programme. */
export interface KeluhanIndexRow {
	kode: string;
	/** the month as monthIndex; null for a complaint without a date (no period counts it) */
	bulan: number | null;
	kategori: string | null;
	program: string | null;
	n: number;
}

/**
 * Complaints per desa in the period's months that match the filter ('' = any category or
 * programme): a row per desa with at least one, in code order, as `PETA_SQL.keluhan` returns them.
 * `rows` are KELUHAN_INDEX_SQL's, in desa order: rows out of order (which would split a desa in two)
 * are refused.
 */
export function countKeluhan(rows: readonly KeluhanIndexRow[], period: Period, filter: KeluhanFilter): KeluhanRow[] {
	const [from, to] = [monthIndex(period.start), monthIndex(period.end)];
	const out: KeluhanRow[] = [];
	let kode = '';
	let count = 0;
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		if (r.kode !== kode) {
			if (r.kode < kode) throw new RangeError(`keluhan index not ordered by desa code at row ${i}`);
			if (count > 0) out.push({ kode, keluhan: count });
			kode = r.kode;
			count = 0;
		}
		if (r.bulan === null || r.bulan < from || r.bulan > to) continue;
		if (filter.kategori !== '' && r.kategori !== filter.kategori) continue;
		if (filter.program !== '' && r.program !== filter.program) continue;
		count += r.n;
	}
	if (count > 0) out.push({ kode, keluhan: count });
	return out;
}
