/**
 * Keyed random rounding of every count a public file publishes, so that hidden counts do not come
 * back by subtracting one public file from another.
 *
 * Suppression ("<5") and complementary withholding ("x") protect one file at a time. But the
 * dashboard publishes the same count in many cuts: "Seluruh data" and each year, a district and
 * its kecamatan. Exact counts in two files give a hidden one back by subtraction (a desa's 40
 * complaints over the whole window less its 36 of 2025 leaves the "<5" of 2026 as exactly 4). So a
 * public file writes each count of 5 or more rounded to a multiple of ROUNDING_BASE, up or down at
 * random with the chance that keeps it unbiased (12 becomes 10 with chance 3/5, 15 with 2/5), as
 * statistical offices do for tables users can cut freely (Statistics New Zealand's random rounding;
 * the ABS and ONS cell-key methods share the idea). A difference of two rounded counts can then be
 * off by up to 8 either way, which covers every value a "<5" can have.
 *
 * The chance is drawn from an HMAC of the deployment's secret key (`kunci_pembulatan` in the
 * manifest, derived by the pipeline from its pseudonymisation salt), the area's code and the exact
 * count, so it is the same every time: the same count of the same area rounds the same way in
 * every file, period and figure, and downloading a file again, or its other periods, gives no
 * second draw to average. The key travels in the manifest to the dashboard's own users, who see the
 * exact figures on screen anyway; no file that leaves the dashboard carries it, and without it a
 * reader of those files cannot tell which way a count went (so a dashboard must not be served to
 * the public: its screens are not suppressed). Zero stays 0 and 1–4 stay "<5" (privacy.ts): rounding never turns a
 * count of 5 or more into a smaller one than 5.
 *
 * Totals and their parts are rounded each on its own, so they need not add up exactly; every
 * figure derived from counts (a share, a rate) is computed again from the rounded counts, so the
 * file agrees with itself and the exact count cannot be worked back from a rate.
 */
import { hmacSha256 } from './sha256';

export const ROUNDING_BASE = 5;

/**
 * Draws already made, by key and then by area and count. An HMAC takes ~25 µs here, and a district's
 * public figures draw ~2,300 (287 desa, 8 counts each): ~60 ms each time a page works them out (the
 * briefing does so for its map, its list and its classes). A draw never changes, so it is made once.
 */
const drawn = new Map<string, Map<string, number>>();
/** Past this many draws of one key the memory starts again (a province's files draw ~70,000). */
const MAX_DRAWN = 200_000;

/** The chance in [0, 1) that `value` of `area` rounds up: the first 32 bits of its HMAC. */
function draw(key: string, area: string, value: number): number {
	const message = `${area}\u0000${value}`;
	let byKey = drawn.get(key);
	const known = byKey?.get(message);
	if (known !== undefined) return known;
	const h = hmacSha256(key, message);
	const chance = (((h[0] << 24) | (h[1] << 16) | (h[2] << 8) | h[3]) >>> 0) / 2 ** 32;
	if (!byKey || byKey.size >= MAX_DRAWN) drawn.set(key, (byKey = new Map()));
	byKey.set(message, chance);
	return chance;
}

/** `value` rounded to a multiple of ROUNDING_BASE, up with chance (value mod base) / base. Not for 1–4 (suppressed). */
export function roundCount(value: number, area: string, key: string): number {
	if (!Number.isInteger(value) || value < 0) throw new RangeError(`a count must be a whole number ≥ 0, not ${value}`);
	const rest = value % ROUNDING_BASE;
	if (rest === 0) return value;
	const down = value - rest;
	return draw(key, area, value) < rest / ROUNDING_BASE ? down + ROUNDING_BASE : down;
}

let current: string | null = null;

/** The deployment's key, set once the manifest is read (state/rounding-key.ts); tests set their own. */
export function setRoundingKey(key: string): void {
	if (!key) throw new RangeError('an empty rounding key');
	current = key;
}

export function roundingKey(): string {
	// Never a built-in fallback: a public file rounded with a key everyone knows could be undone.
	if (current === null) throw new Error('Kunci pembulatan belum tersedia / the rounding key is not set (the manifest is not read yet)');
	return current;
}

/** A count as a public file writes it (5 or more; 1–4 are "<5", privacy.ts), with the deployment's key. */
export const publicCount = (value: number, area: string): number => roundCount(value, area, roundingKey());
