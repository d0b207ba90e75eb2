/**
 * Complementary suppression: a hidden count must not come back by subtraction.
 *
 * A public file writes a count of 1–4 as "<5" (privacy.ts). But its parts add up to a total that
 * the dashboard publishes elsewhere (a kecamatan's desa to the kecamatan on Indikator, a district's
 * kecamatan to the district on Ringkasan, a period's months to its total): with one part hidden,
 * total minus the parts shown gives it back exactly. So in every such group of parts, when the
 * hidden ones could be worked out from their sum (one alone, or all 1s or all 4s), one more part is
 * withheld beside them, written "x" (WITHHELD), never "<5"; every figure derived from it is left
 * blank like those of a hidden count. Zero stays 0: it describes nobody and hides nothing.
 *
 * Which part: a reader knows an "x" is 5 or more (it is not "<5", nor 0), so with a hidden 1 and
 * an "x" of 5 the residual 6 would still give the 1 back. The part withheld is the smallest count
 * large enough that every hidden one could still be anything from 1 to 4 (`margin`), ties by key,
 * as statistical offices choose it (it costs the reader the least); with none that large, the
 * largest there is.
 *
 * Groups are formed by the caller: one count (a column) across the parts of one parent.
 */
import { isSuppressed, SUPPRESS_BELOW } from './privacy';

export interface Part {
	/** the parent whose total the parts add up to (a kecamatan's code, a period) */
	group: string;
	/** unique across all parts passed in one call */
	key: string;
	value: number;
}

/** Whether hidden parts of these values could be worked out from their sum alone. */
export function recoverable(hidden: readonly number[]): boolean {
	if (hidden.length === 0) return false;
	if (hidden.length === 1) return true;
	const sum = hidden.reduce((a, b) => a + b, 0);
	// Each is 1–4: a sum of n means all 1s, a sum of 4n all 4s.
	return sum === hidden.length || sum === (SUPPRESS_BELOW - 1) * hidden.length;
}

/**
 * The least count to withhold beside these hidden ones so that each could still be 1 to 4: the
 * residual (their sum and it) less the others' least (1 each) and its own least (5) is 4 or more.
 */
export function margin(hidden: readonly number[]): number {
	const sum = hidden.reduce((a, b) => a + b, 0);
	return Math.max(SUPPRESS_BELOW, 2 * (SUPPRESS_BELOW - 1) + hidden.length - sum);
}

/** The keys of the parts to withhold beside the ones hidden for being 1–4. */
export function complementary(parts: readonly Part[]): Set<string> {
	const groups = new Map<string, Part[]>();
	for (const p of parts) {
		const g = groups.get(p.group);
		if (g) g.push(p);
		else groups.set(p.group, [p]);
	}
	const out = new Set<string>();
	for (const g of groups.values()) {
		const hidden = g.filter((p) => isSuppressed(p.value)).map((p) => p.value);
		if (!recoverable(hidden)) continue;
		const candidates = g.filter((p) => p.value >= SUPPRESS_BELOW).sort((a, b) => a.value - b.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		// None: the parent's total is then the hidden parts' own sum, and is hidden where it is written.
		if (candidates.length) out.add((candidates.find((p) => p.value >= margin(hidden)) ?? candidates.at(-1)!).key);
	}
	return out;
}
