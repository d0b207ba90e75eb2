/**
 * Whether the server now serves another extract than the page shows (offline/newer-extract.ts): asked
 * when the user comes back to the tab, at most once a minute, and at once when a file fails its
 * checksum (the sign of a file replaced under the URL the page still asks for).
 */
import type { Manifest } from '../contract/manifest';
import { fetchManifest } from '../db/extracts';
import { dueForCheck, newerOnServer } from '../offline/newer-extract';

export interface ReplacedExtract {
	/** The extract date of the extract the server serves. */
	served: string;
	/** The extract date of the extract the page shows. */
	shown: string;
}

export class NewerExtractCheck {
	found = $state.raw<ReplacedExtract | null>(null);
	private last: number | null = null;
	private running: Promise<void> | null = null;

	/** `shown`: the extract's manifest the page loaded (before any upload changed it), null before it has. */
	constructor(
		private readonly baseUrl: string,
		private readonly shown: () => Manifest | null
	) {}

	/** Asks the server's manifest, unless asked within the last minute (`force`: ask anyway). */
	check(force = false): Promise<void> {
		const shown = this.shown();
		if (!shown || this.found) return Promise.resolve();
		if (this.running) return this.running;
		const now = Date.now();
		if (!force && !dueForCheck(this.last, now)) return Promise.resolve();
		this.last = now;
		this.running = (async () => {
			try {
				const served = await fetchManifest(this.baseUrl, { remember: false });
				// The offline copy answered: nothing is known of the server's.
				if (served.cachedAt !== null) return;
				const other = newerOnServer(shown, served.manifest);
				if (other) this.found = { served: other.extract_date, shown: shown.extract_date };
			} catch {
				// No answer, or a manifest being written: the page goes on with what it shows.
			} finally {
				this.running = null;
			}
		})();
		return this.running;
	}

	/** Checks each time the tab is shown again; returns the function that stops it. */
	watch(): () => void {
		const shown = () => {
			if (document.visibilityState === 'visible') void this.check();
		};
		document.addEventListener('visibilitychange', shown);
		return () => document.removeEventListener('visibilitychange', shown);
	}
}
