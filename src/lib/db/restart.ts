/**
 * When DuckDB-WASM's engine is started again by itself after its worker stopped. An engine that
 * stops on the same work each time (out of memory on one district's file) would be restarted
 * forever: after RESTARTS stops within RESTART_WINDOW_MS the page asks the user to reload instead.
 */
export const RESTARTS = 2;
export const RESTART_WINDOW_MS = 5 * 60_000;

/** Whether a stop at `now`, after earlier stops at the times `before` (ms), is followed by a restart. */
export function restartsAfter(before: readonly number[], now: number): boolean {
	return before.filter((t) => now - t < RESTART_WINDOW_MS).length < RESTARTS;
}
