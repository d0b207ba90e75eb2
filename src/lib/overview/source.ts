/** Where Ringkasan's figures come from, and how the line that says so follows it. */

/** none: nothing yet; summary: the pre-aggregate's, live ones to follow; aggregate: the pre-aggregate's, final (too many rows for the tab); fallback: the pre-aggregate's, the live ones failed; live: DuckDB-WASM's. */
export type FigureSource = 'none' | 'summary' | 'aggregate' | 'fallback' | 'live';

/**
 * Whether a new source waits (LOADING_NOTICE_MS) before the source line says it. Only live →
 * summary does: a filter change on live figures shows the summary's figures for the new view at once
 * (exact, the same as the SQL's) and the live query confirms them ~0.1 s later, so saying "first
 * figures from the summary, live ones to follow" for that moment would only flicker. If the
 * confirmation is slow, the line says so after the wait; any other change (a failure included) is
 * said at once.
 */
export function holdsLine(shown: FigureSource, next: FigureSource): boolean {
	return shown === 'live' && next === 'summary';
}
