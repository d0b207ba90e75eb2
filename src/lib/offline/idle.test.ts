import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietTracker } from './idle';

describe('whenQuiet', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	/** A tracker on a stand-in window, with the fake clock and an idle callback that resolves at once. */
	function setup() {
		const target = new EventTarget();
		const t = quietTracker(target, () => Date.now(), () => Promise.resolve());
		let done = false;
		const input = (type = 'change') => target.dispatchEvent(new Event(type));
		return { t, input, done: () => done, start: (ms: number) => void t.whenQuiet(ms).then(() => (done = true)) };
	}

	it('with no input at all, resolves at once (when idle)', async () => {
		const s = setup();
		s.start(1500);
		await vi.advanceTimersByTimeAsync(0);
		expect(s.done()).toBe(true);
	});

	it('waits until the user has paused for the whole quiet time, however long they keep working', async () => {
		const s = setup();
		// A user changing filters every 400 ms for 2 s, from before anything waits: nothing starts meanwhile.
		s.input('change');
		s.start(1500);
		for (let i = 0; i < 5; i++) {
			await vi.advanceTimersByTimeAsync(400);
			expect(s.done()).toBe(false);
			s.input(i % 2 ? 'pointerdown' : 'keydown');
		}
		// It starts 1.5 s after the last input, not before.
		await vi.advanceTimersByTimeAsync(1499);
		expect(s.done()).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(s.done()).toBe(true);
	});

	it('ignores events that are not input', async () => {
		const s = setup();
		await s.t.whenQuiet(1500);
		s.input('scroll');
		s.input('resize');
		s.start(1500);
		await vi.advanceTimersByTimeAsync(0);
		expect(s.done()).toBe(true);
	});

	it('without a window (a worker) is plain idle', async () => {
		const t = quietTracker(null, () => Date.now(), () => Promise.resolve());
		let done = false;
		void t.whenQuiet(1500).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(done).toBe(true);
	});

	describe('held loads', () => {
		/** A promise and its settle functions. */
		function deferred() {
			let resolve!: () => void;
			let reject!: (e: Error) => void;
			const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
			return { promise, resolve, reject };
		}
		function setupHeld(cap = 15_000) {
			const t = quietTracker(new EventTarget(), () => Date.now(), () => Promise.resolve(), cap);
			let done = false;
			return { t, done: () => done, start: () => void t.whenQuiet(1500).then(() => (done = true)) };
		}

		it('waits until a view\'s load has settled, then the quiet time: a view just drawn is when the user acts on it', async () => {
			const s = setupHeld();
			const load = deferred();
			expect(s.t.hold(load.promise)).toBe(load.promise);
			s.start();
			await vi.advanceTimersByTimeAsync(5_000);
			expect(s.done()).toBe(false);
			load.resolve();
			await vi.advanceTimersByTimeAsync(1_499);
			expect(s.done()).toBe(false);
			await vi.advanceTimersByTimeAsync(1);
			expect(s.done()).toBe(true);
		});

		it('a load that fails releases it too', async () => {
			const s = setupHeld();
			const load = deferred();
			s.t.hold(load.promise).catch(() => {});
			s.start();
			await vi.advanceTimersByTimeAsync(1_000);
			expect(s.done()).toBe(false);
			load.reject(new Error('HTTP 404'));
			await vi.advanceTimersByTimeAsync(1_500);
			expect(s.done()).toBe(true);
		});

		it('also waits for a load started while it waits (the next filter change)', async () => {
			const s = setupHeld();
			const first = deferred();
			const second = deferred();
			s.t.hold(first.promise);
			s.start();
			await vi.advanceTimersByTimeAsync(100);
			s.t.hold(second.promise);
			first.resolve();
			await vi.advanceTimersByTimeAsync(1_000);
			expect(s.done()).toBe(false);
			second.resolve();
			await vi.advanceTimersByTimeAsync(1_499);
			expect(s.done()).toBe(false);
			await vi.advanceTimersByTimeAsync(1);
			expect(s.done()).toBe(true);
		});

		it('a load that never settles holds background work for the cap only', async () => {
			const s = setupHeld(15_000);
			s.t.hold(new Promise(() => {}));
			s.start();
			await vi.advanceTimersByTimeAsync(14_999);
			expect(s.done()).toBe(false);
			await vi.advanceTimersByTimeAsync(1);
			expect(s.done()).toBe(true);
		});

		it('a load settled longer ago than the quiet time holds nothing', async () => {
			const s = setupHeld();
			await s.t.hold(Promise.resolve());
			await vi.advanceTimersByTimeAsync(1_500);
			s.start();
			await vi.advanceTimersByTimeAsync(0);
			expect(s.done()).toBe(true);
		});
	});
});
