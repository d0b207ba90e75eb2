/**
 * Fixed target bands for the layers that have a target, offered beside quantile/equal/ckmeans:
 * a band edge is a target a Dinas reports against, so the same colour means the same thing in
 * every district and period. Thresholds are in the layer's own unit (shares as fractions, days).
 */
import type { PetaParams } from './params';

/** Referral completion bands 0–60, 60–80, 80–90, 90–100 %: the service targets the issue names. */
export const RUJUKAN_SELESAI_BANDS = [0.6, 0.8, 0.9] as const;

/** Bands of the layer shown, or null when it has no target. */
export function bandsFor(p: Pick<PetaParams, 'lapisan' | 'rujukan' | 'standar' | 'radius'>): readonly number[] | null {
	// Distance to a Puskesos: within half the service radius, within it, beyond it. Quantiles painted
	// every desa from 2,9 km up the darkest red though 98 % were within the 5 km standard (QA).
	if (p.lapisan === 'puskesos') return [p.radius / 2, p.radius];
	if (p.lapisan !== 'rujukan') return null;
	if (p.rujukan === 'selesai') return RUJUKAN_SELESAI_BANDS;
	// Median days: within the standard, up to twice it, beyond; a median exactly on the standard
	// falls in the upper band (fixedBands counts a value on an edge as reaching it).
	if (p.rujukan === 'median') return [p.standar, 2 * p.standar];
	return null;
}
