/** How the bench paces a user's changes, and what its recolour (lab.ts, in the page) returns; shared with bench/run.ts. */

/**
 * A user's pause before each timed change (a filter, a map layer). A change that starts the moment
 * the previous one is drawn waits behind what that one left: most likely its frames' display in the
 * software compositor and the garbage collection the page would otherwise do in idle time (glFinish
 * before it does not help). Measured 2026-11-29 on this machine:
 * - recolouring the province's 8,563 desa → next frame, after a pause of 0 ms: ~155 ms; 30 ms: ~104;
 *   100 ms: ~60-70; 300 ms and 1 s: ~45-75;
 * - filter changes in Tegal, back to back → after 0.5 s (median / p95): Ringkasan 77 / 120 → 70 / 158
 *   ms (no difference beyond noise), Peta's programme filter 269 / 354 → 204 / 287 ms.
 * A person looks at the result before the next change, so the target rows time changes from a
 * settled page; the back-to-back series are reported beside them.
 */
export const USER_PAUSE_MS = 500;

export interface RecolourTimes {
	desa: number;
	/** after USER_PAUSE_MS: call → next drawn frame, → map idle, the call alone */
	frameMs: number[];
	idleMs: number[];
	callMs: number[];
	/** call → next drawn frame, back to back: the first after the pause, each next one as soon as the previous one is idle */
	backToBackMs: number[];
	/** after the same pause, a frame that changes nothing (the draw alone), for comparison */
	repaintMs: number[];
}
