/**
 * Benjamini–Hochberg false-discovery-rate adjustment, and the hotspot classes the map shows.
 *
 * Testing every desa at 5 % on Jawa Tengah's ~8,500 desa would colour ~425 of them by chance
 * alone. BH (Benjamini & Hochberg 1995) instead bounds the expected share of false hotspots
 * among those called. Its adjusted p-values (q-values, as R's `p.adjust(p, "BH")`):
 *
 *   sort the m p-values ascending: p₍₁₎ ≤ … ≤ p₍ₘ₎
 *   q₍ᵢ₎ = min over j ≥ i of min(1, m · p₍ⱼ₎ / j)
 *
 * so q is monotone in p, never below p, and capped at 1. A desa is significant at level α
 * exactly when q ≤ α, which is the BH step-up rule.
 */
import { isPresent } from './weights';

export type HotspotClass = 'hot-99' | 'hot-95' | 'hot-90' | 'cold-99' | 'cold-95' | 'cold-90' | 'ns';

/** Confidence levels from strictest to loosest, as adjusted-p thresholds (99 %, 95 %, 90 %). */
export const HOTSPOT_LEVELS = [
	{ alpha: 0.01, confidence: '99' },
	{ alpha: 0.05, confidence: '95' },
	{ alpha: 0.1, confidence: '90' }
] as const;

/**
 * BH-adjusted p-values in the input order. Missing or NaN p-values (desa without data) are not
 * tests: they stay null and do not count towards m.
 */
export function benjaminiHochberg(pValues: readonly (number | null | undefined)[]): (number | null)[] {
	const tested = pValues.flatMap((p, i) => (isPresent(p) ? [i] : []));
	for (const i of tested) {
		const p = pValues[i] as number;
		if (p < 0 || p > 1) throw new RangeError(`p-value ${p} at ${i} is outside [0, 1]`);
	}
	// Stable sort: tied p-values keep input order, and get the same q anyway.
	const order = tested.sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
	const m = order.length;
	const adjusted: (number | null)[] = new Array(pValues.length).fill(null);
	let runningMin = 1;
	// From the largest p down, so each q is the minimum over its own and all larger ranks.
	for (let rank = m; rank >= 1; rank--) {
		const i = order[rank - 1];
		runningMin = Math.min(runningMin, (m * (pValues[i] as number)) / rank);
		adjusted[i] = runningMin;
	}
	return adjusted;
}

/**
 * Hot when z > 0 and cold when z < 0, at the strictest confidence whose threshold the adjusted
 * p-value meets (q ≤ α); 'ns' without a z or q, or when z is 0.
 */
export function hotspotClass(z: number | null | undefined, adjustedP: number | null | undefined): HotspotClass {
	if (!isPresent(z) || !isPresent(adjustedP) || z === 0) return 'ns';
	const level = HOTSPOT_LEVELS.find((l) => adjustedP <= l.alpha);
	if (!level) return 'ns';
	return `${z > 0 ? 'hot' : 'cold'}-${level.confidence}`;
}

/** hotspotClass for every unit: z-scores and p-values (unadjusted) in, BH applied across all of them. */
export function hotspotClasses(z: readonly (number | null)[], p: readonly (number | null)[]): HotspotClass[] {
	if (z.length !== p.length) throw new RangeError(`${z.length} z-scores for ${p.length} p-values`);
	const q = benjaminiHochberg(p);
	return z.map((zi, i) => hotspotClass(zi, q[i]));
}
