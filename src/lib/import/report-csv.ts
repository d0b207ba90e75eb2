/** The validation report as CSV for download: one line per rejected row (and per file-level issue). */
import { neutraliseFormula } from '../export/formula';
import { ISSUE_MESSAGES, rowReason } from './messages';
import type { ImportReport } from './session';

const HEADER = ['berkas', 'tabel', 'baris', 'kolom', 'kode', 'alasan', 'reason', 'nilai'];

/** File names, columns and values come from the upload: a formula among them is neutralised. */
function cell(v: string | number): string {
	const s = typeof v === 'number' ? String(v) : neutraliseFormula(v);
	return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(report: ImportReport): string {
	const lines = [HEADER.join(',')];
	for (const f of report.files) {
		for (const i of f.issues) {
			const m = ISSUE_MESSAGES[i.code];
			lines.push([f.file, f.table ?? '', i.row ?? '', '', i.code, m.id + (i.detail ? `: ${i.detail}` : ''), m.en + (i.detail ? `: ${i.detail}` : ''), ''].map(cell).join(','));
		}
	}
	for (const r of report.rejectedRows) {
		const m = rowReason(r.code, r.table, r.column);
		lines.push([r.file, r.table, r.row, r.column, r.code, m.id, m.en, r.value].map(cell).join(','));
	}
	return lines.join('\n') + '\n';
}
