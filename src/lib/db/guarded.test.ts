import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import { describe, expect, it } from 'vitest';
import { guarded, stoppedMessage } from './guarded';

/** A stand-in for the DuckDB worker: records what it is sent, answers nothing. */
class SilentWorker extends EventTarget {
	sent: { type: string }[] = [];
	terminated = false;
	postMessage(m: { type: string }): void {
		this.sent.push(m);
	}
	terminate(): void {
		this.terminated = true;
	}
}

/** An uncaught error in the worker, as the page sees it; the library's console.error is kept quiet. */
function uncaught(worker: SilentWorker, message: string): void {
	const e = new Event('error') as Event & { message: string };
	e.message = message;
	const quiet = console.error;
	console.error = () => {};
	try {
		worker.dispatchEvent(e);
	} finally {
		console.error = quiet;
	}
}

/** Settles within `ms` or reports that it did not. */
function within<T>(p: Promise<T>, ms = 200): Promise<{ value?: T; error?: unknown; pending?: true }> {
	return Promise.race([p.then((value) => ({ value }), (error) => ({ error })), new Promise<{ pending: true }>((r) => setTimeout(() => r({ pending: true }), ms))]);
}

describe('guarded AsyncDuckDB', () => {
	it('the library alone leaves a request waiting forever once its worker reports an uncaught error', async () => {
		const worker = new SilentWorker();
		const db = new AsyncDuckDB(new VoidLogger(), worker as unknown as Worker);
		const ping = db.ping();
		uncaught(worker, 'RuntimeError: unreachable');
		expect(await within(ping)).toEqual({ pending: true });
	});

	it('rejects the pending requests naming the failure, stops the worker, fails later requests at once and tells onStop once', async () => {
		const worker = new SilentWorker();
		const heard: string[] = [];
		const db = new (guarded(AsyncDuckDB, (e) => heard.push(e.message)))(new VoidLogger(), worker as unknown as Worker);
		const first = db.ping();
		const second = db.registerFileBuffer('a.duckdb', new Uint8Array(4));
		expect(worker.sent.map((m) => m.type)).toEqual(['PING', 'REGISTER_FILE_BUFFER']);
		uncaught(worker, 'RuntimeError: unreachable');
		const message = stoppedMessage('RuntimeError: unreachable');
		expect(message).toBe('DuckDB-WASM: worker berhenti / stopped (RuntimeError: unreachable)');
		for (const p of [first, second]) expect(((await within(p)).error as Error).message).toBe(message);
		expect(worker.terminated).toBe(true);
		expect(((await within(db.ping())).error as Error).message).toBe(message);
		expect(worker.sent).toHaveLength(2);
		// The stop is told once, however many errors the dying worker still reports.
		uncaught(worker, 'RuntimeError: again');
		expect(heard).toEqual([message]);
	});

	it('answers as the library does while the worker is well', async () => {
		const worker = new SilentWorker();
		const db = new (guarded(AsyncDuckDB))(new VoidLogger(), worker as unknown as Worker);
		const ping = db.ping();
		const [{ messageId }] = worker.sent as unknown as { messageId: number }[];
		worker.dispatchEvent(new MessageEvent('message', { data: { requestId: messageId, type: 'OK', data: null } }));
		expect(await within(ping)).toEqual({ value: undefined });
	});
});
