/**
 * Registers the service worker late: once the page has loaded and then had a quiet moment. Its
 * install step fetches and stores the whole app shell, which on a first visit would otherwise
 * compete with the first figures for the network and the two cores (SvelteKit registers it at once).
 */
const AFTER_LOAD_MS = 2_000;
const IDLE_TIMEOUT_MS = 5_000;

export function registerServiceWorkerLate(url: string, type: WorkerType): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const register = () => void navigator.serviceWorker.register(url, { type }).catch(() => {
		// No offline copy this visit; the dashboard works online all the same.
	});
	const whenQuiet = () =>
		setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS }) : register()), AFTER_LOAD_MS);
	if (document.readyState === 'complete') whenQuiet();
	else addEventListener('load', whenQuiet, { once: true });
}
