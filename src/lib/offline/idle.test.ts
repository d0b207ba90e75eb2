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
});
