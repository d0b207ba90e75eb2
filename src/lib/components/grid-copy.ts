/**
 * Copying from a table whose rows are grids (Peta's desa table, Bandingkan's league table: grids so
 * the rows out of sight can be skipped, see their styles). With rows drawn as grids the browser's
 * own copy puts each cell on a line of its own; a selection across cells copies instead the rows it
 * touches as tab-separated lines, which a spreadsheet pastes as a grid. A selection inside one cell
 * copies as usual.
 */
import { rowsAsTsv } from '$lib/export/tsv';

/** The `copy` handler of such a table: `cells` gives a touched row's cells as text, its header row's too. */
export function copyRows(e: ClipboardEvent & { currentTarget: HTMLTableElement }, cells: (tr: HTMLTableRowElement) => string[]): void {
	const sel = getSelection();
	if (!sel || sel.isCollapsed || !e.clipboardData) return;
	const common = sel.getRangeAt(0).commonAncestorContainer;
	if ((common instanceof Element ? common : common.parentElement)?.closest('td, th')) return;
	const touched = [...e.currentTarget.querySelectorAll('tr')].filter((tr) => sel.containsNode(tr, true));
	if (!touched.length) return;
	e.clipboardData.setData('text/plain', rowsAsTsv(touched.map(cells)));
	e.preventDefault();
}
