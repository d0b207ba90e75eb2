/** Longest a deferred task waits for the page to go idle before it runs anyway. */
const IDLE_TIMEOUT_MS = 5_000;

/**
 * Resolves once the page has nothing better to do (or after IDLE_TIMEOUT_MS): offline copies and
 * the service worker's precaching must not compete with the first and live figures. In a worker,
 * which has no idle callback, it resolves on the next task.
 */
export function whenIdle(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
		else setTimeout(resolve, 0);
	});
}

/** How long the user must have left the page alone before background work (offline copies) starts. */
export const QUIET_MS = 1_500;
/** Input that means the user is working: a pause in these is when background work may run. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'change', 'input', 'wheel'] as const;

/** Longest background work waits for the views' loads: a load that hangs must not keep the offline copies off for good. */
export const HOLD_CAP_MS = 15_000;

/**
 * Tracks the user's last input on `target` (the window) from its creation (the app's start), and the
 * loads a view is waiting on (`hold`). `whenQuiet(ms)` resolves once there has been no input for `ms`,
 * no held load is running (up to HOLD_CAP_MS), none has settled in the last `ms` either (a view just
 * drawn is when the user acts on it: a first programme change on Peta right after its map was drawn
 * took 51–61 ms with the copies starting then, 36–53 ms without) and the page is idle: the service worker's install and
 * the offline copies then do not compete with the user's filter changes for the two cores of a modest
 * laptop (issue 7: on a first visit they took a filter change from ~100 to ~300 ms while they ran), nor
 * with a district's first load, whose main thread is idle while DuckDB-WASM starts in its worker. With
 * no target (a worker) it is whenIdle.
 */
export function quietTracker(target: EventTarget | null, now: () => number, idle: () => Promise<void> = whenIdle, holdCapMs = HOLD_CAP_MS) {
	/** The last input, or the last settling of a held load. */
	let lastInput = -Infinity;
	const held = new Set<Promise<unknown>>();
	for (const type of INPUT_EVENTS) target?.addEventListener(type, () => (lastInput = now()), { capture: true, passive: true });
	const quietFor = async (quietMs: number) => {
		for (let wait = lastInput + quietMs - now(); wait > 0; wait = lastInput + quietMs - now()) await new Promise((r) => setTimeout(r, wait));
	};
	return {
		/** Background work waits until `load` settles (or HOLD_CAP_MS has passed); returns `load`. */
		hold<T>(load: Promise<T>): Promise<T> {
			held.add(load);
			const release = () => {
				held.delete(load);
				lastInput = Math.max(lastInput, now());
			};
			load.then(release, release);
			return load;
		},
		async whenQuiet(quietMs = QUIET_MS): Promise<void> {
			const deadline = now() + holdCapMs;
			for (;;) {
				await quietFor(quietMs);
				const left = deadline - now();
				if (held.size === 0 || left <= 0) break;
				let timer: ReturnType<typeof setTimeout> | undefined;
				await Promise.race([Promise.allSettled([...held]), new Promise((r) => (timer = setTimeout(r, left)))]);
				clearTimeout(timer);
			}
			await idle();
		}
	};
}

const shared = quietTracker(typeof window === 'undefined' ? null : window, () => performance.now());

/** See quietTracker: resolves once the user has paused for `quietMs`, no held load runs and the page is idle. */
export function whenQuiet(quietMs = QUIET_MS): Promise<void> {
	return shared.whenQuiet(quietMs);
}

/** See quietTracker: background work (offline copies, the service worker) waits until `load` settles. */
export function holdBackground<T>(load: Promise<T>): Promise<T> {
	return shared.hold(load);
}
