/**
 * Registers the service worker late: a little after the page has loaded, once the user has
 * paused and the page is idle (whenQuiet). Its install step fetches and stores the whole app shell,
 * which on a first visit would otherwise compete with the first figures and the user's first
 * filter changes for the network and the two cores (SvelteKit registers it at once).
 */
import { whenQuiet } from './idle';

const AFTER_LOAD_MS = 2_000;

export function registerServiceWorkerLate(url: string, type: WorkerType): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const register = () =>
		void navigator.serviceWorker.register(url, { type }).catch(() => {
			// No offline copy this visit; the dashboard works online all the same.
		});
	const later = () => setTimeout(() => void whenQuiet().then(register), AFTER_LOAD_MS);
	if (document.readyState === 'complete') later();
	else addEventListener('load', later, { once: true });
}
