import { afterEach, describe, expect, test } from 'vitest';
import { SitingClient, Superseded } from './client';
import type { SitingRequest, SitingResponse } from './protocol';

/** A stand-in Worker: records what it is sent and lets the test answer. */
class FakeWorker {
	static made: FakeWorker[] = [];
	sent: SitingRequest[] = [];
	terminated = false;
	onmessage: ((ev: MessageEvent<SitingResponse>) => void) | null = null;
	onerror: ((ev: ErrorEvent) => void) | null = null;
	constructor() {
		FakeWorker.made.push(this);
	}
	postMessage(m: SitingRequest) {
		this.sent.push(m);
	}
	terminate() {
		this.terminated = true;
	}
	answer(m: SitingResponse) {
		this.onmessage?.({ data: m } as MessageEvent<SitingResponse>);
	}
}

const g = globalThis as { Worker?: unknown };
const original = g.Worker;
afterEach(() => {
	g.Worker = original;
	FakeWorker.made = [];
});

const REQ = { input: { demand: [], existing: [], candidates: [] }, options: { radius: 5, n: 1, objective: 'mclp' as const, weighting: { keluhan: 0 } } };

describe('SitingClient', () => {
	test('passes progress on and resolves with the result', async () => {
		g.Worker = FakeWorker;
		const client = new SitingClient();
		const seen: number[] = [];
		const p = client.run(REQ, (f) => seen.push(f));
		const w = FakeWorker.made[0];
		const id = w.sent[0].id;
		w.answer({ id, type: 'progress', fraction: 0.5, stage: 'mclp' });
		w.answer({ id, type: 'result', result: { sites: [] } as never, ms: 12 });
		await expect(p).resolves.toEqual({ result: { sites: [] }, ms: 12 });
		expect(seen).toEqual([0.5]);
	});

	test('a new request ends the running one: the old promise rejects with Superseded, a fresh worker answers', async () => {
		g.Worker = FakeWorker;
		const client = new SitingClient();
		const first = client.run(REQ, () => {});
		const second = client.run(REQ, () => {});
		await expect(first).rejects.toBeInstanceOf(Superseded);
		expect(FakeWorker.made[0].terminated).toBe(true);
		const w = FakeWorker.made[1];
		w.answer({ id: w.sent[0].id, type: 'error', message: 'bad input: desa 3 has no coordinates' });
		await expect(second).rejects.toThrow('bad input: desa 3 has no coordinates');
	});
});
