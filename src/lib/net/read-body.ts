/**
 * A response's body read as it arrives, so a large file's download can be shown in bytes: a
 * district's database (11.8 MB for Tegal) takes over a minute at 1.5 Mbit/s, and a bar that
 * stands still that long reads as a page that hangs.
 */

/**
 * The most often progress is reported, in milliseconds: four times a second reads as moving, where
 * one report per network chunk (often 16–64 KB) would redraw the page hundreds of times a file.
 */
export const PROGRESS_INTERVAL_MS = 250;

/** Bytes read so far of a total that is never below them. */
export type OnBytes = (read: number, total: number) => void;

export interface ReadOptions {
	/** The size the body should have (a manifest's `bytes`, a Content-Length): the buffer is made this size up front. */
	expected: number;
	onProgress?: OnBytes;
	/** A clock in milliseconds (tests pass their own). */
	now?: () => number;
}

/** What readBody needs of a Response (a test passes a stand-in). */
export type BodySource = Pick<Response, 'body' | 'arrayBuffer'>;

/**
 * The body's bytes, each chunk copied once into a buffer of the expected size (grown if the body is
 * longer). A body of the expected size is handed back as that buffer, not copied again; one of another
 * size comes back at its own length, for the caller's checksum to reject. Progress is reported at most
 * every PROGRESS_INTERVAL_MS, and once at the end with everything read. Without a readable stream
 * (an old browser), the body is read whole.
 */
export async function readBody(res: BodySource, { expected, onProgress, now = () => performance.now() }: ReadOptions): Promise<ArrayBuffer> {
	const reader = res.body?.getReader();
	if (!reader) {
		const whole = await res.arrayBuffer();
		onProgress?.(whole.byteLength, Math.max(expected, whole.byteLength));
		return whole;
	}
	let buf = new Uint8Array(Math.max(0, expected));
	let read = 0;
	let reported = now();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (read + value.byteLength > buf.byteLength) buf = grown(buf, read, read + value.byteLength);
		buf.set(value, read);
		read += value.byteLength;
		const t = now();
		if (onProgress && t - reported >= PROGRESS_INTERVAL_MS) {
			reported = t;
			onProgress(read, Math.max(expected, read));
		}
	}
	onProgress?.(read, Math.max(expected, read));
	return read === buf.byteLength ? buf.buffer : buf.slice(0, read).buffer;
}

/** A larger buffer holding the first `used` bytes: at least twice the size, so a long body is not copied per chunk. */
function grown(buf: Uint8Array<ArrayBuffer>, used: number, needed: number): Uint8Array<ArrayBuffer> {
	const next = new Uint8Array(Math.max(needed, buf.byteLength * 2));
	next.set(buf.subarray(0, used));
	return next;
}
