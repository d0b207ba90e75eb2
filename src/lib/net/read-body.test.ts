import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS, readBody, type BodySource } from './read-body';

/** `size` bytes of a seeded pattern, so a misplaced chunk shows. */
function bytes(size: number): Uint8Array<ArrayBuffer> {
	const b = new Uint8Array(size);
	let x = 7;
	for (let i = 0; i < size; i++) b[i] = x = (x * 33 + 11) % 251;
	return b;
}

/** A response whose body arrives in chunks of the given sizes; the clock moves `msPerChunk` per chunk. */
function chunked(data: Uint8Array, sizes: number[], clock: { t: number }, msPerChunk: number): BodySource {
	const parts: Uint8Array[] = [];
	let at = 0;
	for (const s of sizes) {
		parts.push(data.slice(at, at + s));
		at += s;
	}
	if (at !== data.length) throw new Error('sizes do not cover the data');
	const body = new ReadableStream<Uint8Array>({
		pull(c) {
			const next = parts.shift();
			clock.t += msPerChunk;
			if (next) c.enqueue(next);
			else c.close();
		}
	});
	return { body: body as Response['body'], arrayBuffer: () => Promise.reject(new Error('the stream is there')) };
}

/** Chunk sizes of 1..`max` bytes (seeded) adding up to `total`. */
function sizes(total: number, max: number): number[] {
	const out: number[] = [];
	let left = total;
	let x = 3;
	while (left > 0) {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		const s = Math.min(left, 1 + (x % max));
		out.push(s);
		left -= s;
	}
	return out;
}

describe('readBody', () => {
	it('assembles a body split into many chunks byte for byte, in a buffer of the expected size', async () => {
		const data = bytes(200_003);
		const clock = { t: 0 };
		const split = sizes(data.length, 4_000);
		expect(split.length).toBeGreaterThan(50);
		const got = await readBody(chunked(data, split, clock, 1), { expected: data.length, now: () => clock.t });
		expect(got.byteLength).toBe(data.length);
		expect(new Uint8Array(got)).toEqual(data);
	});

	it('reports progress rising, at most once per interval, ending at the total', async () => {
		const data = bytes(100_000);
		const clock = { t: 0 };
		const split = sizes(data.length, 1_000);
		const reports: { read: number; total: number; t: number }[] = [];
		// 40 ms per chunk: ~200 chunks over ~8 s, which at four a second is ~32 reports, not 200.
		await readBody(chunked(data, split, clock, 40), { expected: data.length, now: () => clock.t, onProgress: (read, total) => reports.push({ read, total, t: clock.t }) });
		expect(reports.length).toBeLessThan(split.length / 4);
		expect(reports.length).toBeGreaterThan(10);
		for (let i = 1; i < reports.length; i++) {
			expect(reports[i].read).toBeGreaterThanOrEqual(reports[i - 1].read);
			// The last report comes with the end, whenever that is; the others keep the interval.
			if (i < reports.length - 1) expect(reports[i].t - reports[i - 1].t).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS);
		}
		expect(reports.every((r) => r.total === data.length)).toBe(true);
		expect(reports.at(-1)).toMatchObject({ read: data.length, total: data.length });
	});

	it('reports nothing but the end for a body that arrives within the interval', async () => {
		const data = bytes(5_000);
		const clock = { t: 0 };
		const reports: number[] = [];
		await readBody(chunked(data, sizes(data.length, 500), clock, 0), { expected: data.length, now: () => clock.t, onProgress: (read) => reports.push(read) });
		expect(reports).toEqual([data.length]);
	});

	it('hands back a body longer than expected whole, the total following what was read', async () => {
		const data = bytes(30_000);
		const clock = { t: 0 };
		const reports: [number, number][] = [];
		const got = await readBody(chunked(data, sizes(data.length, 700), clock, 50), { expected: 10_000, now: () => clock.t, onProgress: (r, t) => reports.push([r, t]) });
		expect(new Uint8Array(got)).toEqual(data);
		expect(reports.every(([r, t]) => r <= t)).toBe(true);
		expect(reports.at(-1)).toEqual([30_000, 30_000]);
	});

	it('hands back a body shorter than expected at its own length', async () => {
		const data = bytes(9_000);
		const clock = { t: 0 };
		const reports: [number, number][] = [];
		const got = await readBody(chunked(data, sizes(data.length, 700), clock, 0), { expected: 12_000, now: () => clock.t, onProgress: (r, t) => reports.push([r, t]) });
		expect(got.byteLength).toBe(9_000);
		expect(new Uint8Array(got)).toEqual(data);
		expect(reports).toEqual([[9_000, 12_000]]);
	});

	it('reads an empty body and one with no size known beforehand', async () => {
		const clock = { t: 0 };
		expect((await readBody(chunked(new Uint8Array(0), [], clock, 0), { expected: 0 })).byteLength).toBe(0);
		const data = bytes(70_000);
		expect(new Uint8Array(await readBody(chunked(data, sizes(data.length, 3_000), clock, 0), { expected: 0 }))).toEqual(data);
	});

	it('reads the body whole when the response has no stream', async () => {
		const data = bytes(1_234);
		const reports: [number, number][] = [];
		const got = await readBody({ body: null, arrayBuffer: async () => data.buffer }, { expected: 1_234, onProgress: (r, t) => reports.push([r, t]) });
		expect(new Uint8Array(got)).toEqual(data);
		expect(reports).toEqual([[1_234, 1_234]]);
	});

	it('fails as the stream fails', async () => {
		const body = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(new Uint8Array(10));
				c.error(new TypeError('network error'));
			}
		});
		await expect(readBody({ body: body as Response['body'], arrayBuffer: () => Promise.reject(new Error('unused')) }, { expected: 100 })).rejects.toThrow('network error');
	});
});
