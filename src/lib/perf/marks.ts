/**
 * Performance marks the benchmark reads (bench/run.ts): first figures, DuckDB ready, database
 * verified and attached, interactive, live figures. Each is set once per page load, at its first
 * occurrence, so a later filter change does not move it.
 */
export function markOnce(name: string): void {
	if (typeof performance !== 'undefined' && performance.getEntriesByName(name).length === 0) performance.mark(name);
}
