/**
 * Wide tables on paper: a table with more figure columns than a landscape A4 page holds is printed
 * as several pages across, each repeating the columns that say what a row is (the indicator's name,
 * the district's own figure; a kabupaten's rank and name), as a spreadsheet prints "across, then down".
 * The screen keeps one table that scrolls sideways; paper cannot scroll, and a browser cuts the rest.
 */

/**
 * The column indices each printed page shows: the first `lead` columns on every page, then the rest
 * in consecutive runs of at most `perPage`, the runs as even as can be (18 after the lead, 10 a page:
 * 9 and 9, not 10 and 8), so the last page is not a stub of one column.
 */
export function columnPages(count: number, lead: number, perPage: number): number[][] {
	if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`columnPages: perPage must be a whole number ≥ 1, not ${perPage}`);
	const leadIdx = Array.from({ length: Math.min(Math.max(lead, 0), count) }, (_, i) => i);
	const rest = count - leadIdx.length;
	if (rest <= 0) return [leadIdx];
	const pages = Math.ceil(rest / perPage);
	const base = Math.floor(rest / pages);
	const longer = rest % pages;
	const out: number[][] = [];
	let next = leadIdx.length;
	for (let p = 0; p < pages; p++) {
		const size = base + (p < longer ? 1 : 0);
		out.push([...leadIdx, ...Array.from({ length: size }, (_, i) => next + i)]);
		next += size;
	}
	return out;
}
