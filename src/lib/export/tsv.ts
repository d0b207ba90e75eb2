/** Copied table rows, as a spreadsheet pastes them (components/grid-copy: Peta's desa table, Bandingkan's league table). */

/**
 * Rows of cell texts as tab-separated lines, as a spreadsheet pastes them: whitespace inside a cell
 * (a wrapped header, a tab) becomes one space, so no cell can split a row or a column.
 */
export function rowsAsTsv(rows: readonly (readonly string[])[]): string {
	return rows.map((cells) => cells.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t')).join('\n');
}
