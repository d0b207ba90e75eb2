/**
 * The page's handle on siting.worker.ts: one scenario at a time. A new request while one runs
 * ends the old worker (the solver is synchronous inside it, so it cannot be interrupted
 * otherwise) and the old promise rejects with Superseded, which callers ignore.
 */
import type { SitingRequest, SitingResponse } from './protocol';
import type { ScenarioResult } from './scenario';

export class Superseded extends Error {}

export class SitingClient {
	private worker: Worker | null = null;
	private nextId = 0;
	private pending: { id: number; reject: (e: Error) => void } | null = null;

	run(req: Omit<SitingRequest, 'id'>, onProgress: (fraction: number, stage: string) => void): Promise<{ result: ScenarioResult; ms: number }> {
		if (this.pending) {
			this.pending.reject(new Superseded());
			this.worker?.terminate();
			this.worker = null;
		}
		const id = ++this.nextId;
		const worker = (this.worker ??= new Worker(new URL('./siting.worker.ts', import.meta.url), { type: 'module' }));
		return new Promise((resolve, reject) => {
			this.pending = { id, reject };
			worker.onmessage = (ev: MessageEvent<SitingResponse>) => {
				const m = ev.data;
				if (m.id !== id) return;
				if (m.type === 'progress') return onProgress(m.fraction, m.stage);
				this.pending = null;
				if (m.type === 'result') resolve({ result: m.result, ms: m.ms });
				else reject(new Error(m.message));
			};
			worker.onerror = (ev) => {
				this.pending = null;
				reject(new Error(ev.message || 'siting worker failed'));
			};
			worker.postMessage({ id, ...req } satisfies SitingRequest);
		});
	}

	destroy(): void {
		this.worker?.terminate();
		this.worker = null;
		this.pending = null;
	}
}
