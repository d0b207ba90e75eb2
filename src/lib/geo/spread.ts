/**
 * Whether values vary at all. Values that are equal in principle (a rate every desa shares)
 * can still leave a standard deviation of ~1e-17 after summing in floating point; dividing by
 * that residue would turn nothing into huge z-scores.
 */

/** A standard deviation below this share of the largest |value| is rounding residue, not spread. */
export const DEGENERATE_SPREAD = 1e-12;

/** True when the population standard deviation is real spread, not zero or rounding residue. */
export function hasSpread(values: readonly number[]): boolean {
	if (values.length < 2) return false;
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	const sd = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / values.length);
	const scale = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
	return sd > DEGENERATE_SPREAD * scale;
}
