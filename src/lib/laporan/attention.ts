/**
 * "The ten desa needing attention most, with why": a rule a Bupati can read in one line. Each desa
 * collects the reasons that apply to it; more reasons rank higher; among equals, the desa with
 * more poor households (more families affected) comes first, then the code (stable order).
 * No weights to argue over: every reason is stated next to the desa.
 */
import { MIN_REFERRALS, referralCases } from '../peta/layers';
import { isSuppressed } from '../export/privacy';
import type { DesaFigures } from '../peta/shape';

/** Days within which a referral should be completed (the default service standard, issue 3/4). */
export const SERVICE_STANDARD_DAYS = 14;
/** Below this share of referrals completed, completion is called low. */
export const LOW_COMPLETION = 0.6;
// Fewer referrals than MIN_REFERRALS say nothing about completion (and would be suppressed in print):
// the map's rule, which leaves such a desa uncoloured (peta/layers.ts).
/** Poverty counts as high above the 80th percentile of the district's desa (so where all are equal, none is singled out). */
export const HIGH_POVERTY_QUANTILE = 0.8;
export const ATTENTION_COUNT = 10;

export type Reason =
	| { kind: 'hotspot'; level: 90 | 95 | 99 }
	| { kind: 'rujukan_lambat'; medianDays: number }
	| { kind: 'rujukan_rendah'; share: number }
	| { kind: 'miskin_tinggi'; share: number };

export interface Attention {
	desa: DesaFigures;
	reasons: Reason[];
}

function quantile(sorted: readonly number[], q: number): number {
	if (!sorted.length) return Infinity;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
}

export function reasonsFor(d: DesaFigures, povertyCut: number): Reason[] {
	const out: Reason[] = [];
	if (d.hotspot?.startsWith('hot-')) out.push({ kind: 'hotspot', level: Number(d.hotspot.slice(4)) as 90 | 95 | 99 });
	if (referralCases(d, 'median') >= MIN_REFERRALS && d.median_hari !== null && d.median_hari > SERVICE_STANDARD_DAYS) out.push({ kind: 'rujukan_lambat', medianDays: d.median_hari });
	if (referralCases(d, 'selesai') >= MIN_REFERRALS && d.rujukan_share !== null && d.rujukan_share < LOW_COMPLETION) out.push({ kind: 'rujukan_rendah', share: d.rujukan_share });
	if (d.kemiskinan !== null && d.kemiskinan > povertyCut) out.push({ kind: 'miskin_tinggi', share: d.kemiskinan });
	return out;
}

/**
 * The `n` desa needing attention most among `desa`, or among those of one kecamatan (`within`): the
 * high-poverty line is drawn over every desa given (the district's), so a desa has the same reasons
 * in a kecamatan's briefing as in its district's.
 */
/**
 * A public briefing's count of poor households to rank by: as printed, a count it does not print
 * ("<5", or withheld as "x") as none, so the order says nothing of it (QA).
 */
export const printedPoor =
	(withheld: ReadonlySet<string>) =>
	(d: DesaFigures): number =>
		isSuppressed(d.miskin) || withheld.has(d.kode) ? 0 : d.miskin;

export function needingAttention(
	desa: readonly DesaFigures[],
	n = ATTENTION_COUNT,
	within: string | null = null,
	/** the count of poor households ranked by among equals (a public briefing's: 0 for a count it does not print) */
	poor: (d: DesaFigures) => number = (d) => d.miskin
): Attention[] {
	const poverty = desa
		.map((d) => d.kemiskinan)
		.filter((v): v is number => v !== null)
		.sort((a, b) => a - b);
	const cut = quantile(poverty, HIGH_POVERTY_QUANTILE);
	return desa
		.filter((d) => within === null || d.kode_kec === within)
		.map((d) => ({ desa: d, reasons: reasonsFor(d, cut) }))
		.filter((a) => a.reasons.length > 0)
		.sort((a, b) => b.reasons.length - a.reasons.length || poor(b.desa) - poor(a.desa) || a.desa.kode.localeCompare(b.desa.kode))
		.slice(0, n);
}
