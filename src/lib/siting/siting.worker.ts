/**
 * Runs a planning scenario off the main thread, so the page stays responsive while thousands of
 * desa are indexed and searched; reports progress as it goes.
 */
import type { SitingRequest, SitingResponse } from './protocol';
import { runScenario } from './scenario';

/** At most one progress message per this many ms: the page need not repaint faster. */
const PROGRESS_INTERVAL_MS = 50;

const post = (m: SitingResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<SitingRequest>) => {
	const { id, input, options } = ev.data;
	const t0 = performance.now();
	let last = 0;
	try {
		const result = runScenario(input, {
			...options,
			onProgress: (fraction, stage) => {
				const now = performance.now();
				if (now - last < PROGRESS_INTERVAL_MS && fraction < 1) return;
				last = now;
				post({ id, type: 'progress', fraction, stage });
			}
		});
		post({ id, type: 'result', result, ms: performance.now() - t0 });
	} catch (e) {
		post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
	}
};
