/** What the bench's recolour (lab.ts, in the page) measures and returns; shared with bench/run.ts. */

/**
 * A user's pause between two layer changes. A recolour that starts the moment the previous one is
 * idle waits behind what that one left (most likely its frame's display in the software compositor
 * and the garbage collection the page would otherwise do in idle time; glFinish before it does not
 * help). Measured 2026-11-29 on this machine, recolour → next frame after a pause of 0 ms: ~155 ms;
 * 30 ms: ~104; 100 ms: ~60-70; 300 ms and 1 s: ~45-75. A user's layer change comes from a settled
 * page, so that is what the target row times; the back-to-back series is reported beside it.
 */
export const RECOLOUR_PAUSE_MS = 500;

export interface RecolourTimes {
	desa: number;
	/** after RECOLOUR_PAUSE_MS: call → next drawn frame, → map idle, the call alone */
	frameMs: number[];
	idleMs: number[];
	callMs: number[];
	/** call → next drawn frame, each recolour starting as soon as the previous one is idle */
	backToBackMs: number[];
	/** after the same pause, a frame that changes nothing (the draw alone), for comparison */
	repaintMs: number[];
}
