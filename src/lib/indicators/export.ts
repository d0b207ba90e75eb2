/**
 * The scorecard as a CSV: one row per indicator and area (long format, so a spreadsheet can pivot
 * it), with value, numerator, denominator, target and band. Figures resting on 1–4 families are
 * suppressed like every export (src/lib/export/privacy.ts): their counts "<5", the value blank.
 */
import { toCsv } from '../export/csv';
import { count, derived, FILE_DECIMALS, text, type ExportMode, type Field } from '../export/privacy';
import { familyCounts } from '../laporan/text';
import type { Column, Scorecard } from './scorecard';

export const SCORECARD_EXPORT_HEADER = ['kode_wilayah', 'nama_wilayah', 'indikator', 'label', 'satuan', 'nilai', 'pembilang', 'penyebut', 'target', 'status', 'tren'] as const;

export function scorecardRows(sc: Scorecard, columns: readonly Column[]): Field[][] {
	return sc.rows.flatMap((row) =>
		columns.map((col, i) => {
			const cell = row.cells[i];
			const fig = cell?.figure ?? null;
			const families = familyCounts(row.def, fig);
			const asCount = (v: number | null | undefined): Field => (v === null || v === undefined ? text('') : families.includes(v) ? count(v) : derived(v, FILE_DECIMALS));
			return [
				text(col.kode),
				text(col.nama),
				text(row.def.id),
				text(row.def.label.id),
				text(row.def.unit),
				derived(fig?.nilai ?? null, FILE_DECIMALS, ...families),
				asCount(fig?.pembilang),
				asCount(fig?.penyebut),
				derived(cell?.band?.target ?? null, FILE_DECIMALS),
				text(cell?.rag ?? ''),
				text(cell?.trend ?? '')
			];
		})
	);
}

export function scorecardCsv(sc: Scorecard, columns: readonly Column[], mode: ExportMode): string {
	return toCsv(SCORECARD_EXPORT_HEADER, scorecardRows(sc, columns), mode);
}
