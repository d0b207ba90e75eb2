/**
 * CSV for Excel in Indonesia: semicolons (the decimal separator is a comma), UTF-8 with a BOM so
 * Excel reads the accents, CRLF line ends. The first line is a `#` note saying how counts were
 * treated (EXPORT_NOTE), and `about` lines, also `#`, may follow (what the figures are: a view's
 * filters), so the file says it even when it travels without the dashboard.
 */
import { neutraliseFormula } from './formula';
import { EXPORT_NOTE, fieldCell, type ExportMode, type Field } from './privacy';

/** Words (names, labels) may come from an uploaded extract: a formula in them is neutralised; figures are written as numbers. */
function cell(f: Field, mode: ExportMode): string {
	const s = fieldCell(f, mode);
	return f.kind === 'text' || f.kind === 'label' ? neutraliseFormula(s) : s;
}

function quote(s: string): string {
	return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `note`: the file's first line, the privacy rule it follows (a file of no household count says so instead). */
export function toCsv(header: readonly string[], rows: readonly (readonly Field[])[], mode: ExportMode, about: readonly string[] = [], note: string = EXPORT_NOTE[mode]): string {
	for (const [i, r] of rows.entries()) {
		if (r.length !== header.length) throw new Error(`CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
	}
	const lines = [`# ${note}`, ...about.map((a) => `# ${a.replace(/[\r\n]+/g, ' ')}`), header.map(quote).join(';'), ...rows.map((r) => r.map((f) => quote(cell(f, mode))).join(';'))];
	return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Reads such a CSV back (tests, and anyone checking an export): the note, the lines about the figures, the header, the rows. */
export function parseExportCsv(text: string): { note: string; about: string[]; header: string[]; rows: string[][] } {
	const lines = text.replace(/^\ufeff/, '').replace(/\r\n$/, '').split('\r\n');
	const notes: string[] = [];
	while (lines.length && lines[0].startsWith('# ')) notes.push(lines.shift()!.slice(2));
	const [note = '', ...about] = notes;
	const split = (line: string): string[] => {
		const out: string[] = [];
		let cur = '';
		let quoted = false;
		for (let i = 0; i < line.length; i++) {
			const c = line[i];
			if (quoted) {
				if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
				else if (c === '"') quoted = false;
				else cur += c;
			} else if (c === '"') quoted = true;
			else if (c === ';') out.push(cur), (cur = '');
			else cur += c;
		}
		out.push(cur);
		return out;
	};
	const [header, ...rows] = lines.map(split);
	return { note, about, header: header ?? [], rows };
}
