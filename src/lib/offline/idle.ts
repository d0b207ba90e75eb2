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
