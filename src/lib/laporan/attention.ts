/**
 * "The ten desa needing attention most, with why": a rule a Bupati can read in one line. Each desa
 * collects the reasons that apply to it; more reasons rank higher; among equals, the desa with
 * more poor households (more families affected) comes first, then the code (stable order).
 * No weights to argue over: every reason is stated next to the desa.
 */
import { MIN_REFERRALS, referralCases } from '../peta/layers';
import { isSuppressed } from '../export/privacy';
import { ROUNDING_BASE } from '../export/rounding';
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

/**
 * How far a count a public copy prints may lie from the truth: 5 or more is printed rounded to a
 * multiple of ROUNDING_BASE (export/rounding.ts), so the truth is within ROUNDING_BASE − 1 of it.
 */
export const PUBLIC_SLACK = ROUNDING_BASE - 1;

/** The least and most `part / whole` can be when each count may be off by `slack` (a part never above its whole). */
export function shareRange(part: number, whole: number, slack: number): [number, number] {
	if (slack === 0) return whole > 0 ? [part / whole, part / whole] : [0, 1];
	const least = Math.max(0, part - slack) / (whole + slack);
	const most = Math.min(1, (part + slack) / Math.max(1, whole - slack));
	return [least, most];
}

/**
 * A desa's reasons. `slack` > 0 (a public copy: PUBLIC_SLACK) gives a reason resting on a share of
 * counts only where it holds for every count the printed ones allow: from rounded counts 5 of 10, a
 * share printed 50 % may be 80 % (QA: two desa were listed first for "only 50 % completed", whose
 * completion was 80 and 86 %). The share said is still the one printed.
 */
export function reasonsFor(d: DesaFigures, povertyCut: number, slack = 0): Reason[] {
	const out: Reason[] = [];
	if (d.hotspot?.startsWith('hot-')) out.push({ kind: 'hotspot', level: Number(d.hotspot.slice(4)) as 90 | 95 | 99 });
	if (referralCases(d, 'median') >= MIN_REFERRALS && d.median_hari !== null && d.median_hari > SERVICE_STANDARD_DAYS) out.push({ kind: 'rujukan_lambat', medianDays: d.median_hari });
	const completionAtMost = slack ? shareRange(d.rujukan_selesai, d.rujukan, slack)[1] : d.rujukan_share;
	if (referralCases(d, 'selesai') >= MIN_REFERRALS && d.rujukan_share !== null && completionAtMost !== null && completionAtMost < LOW_COMPLETION) out.push({ kind: 'rujukan_rendah', share: d.rujukan_share });
	const povertyAtLeast = slack ? shareRange(d.miskin, d.rumah_tangga, slack)[0] : d.kemiskinan;
	if (d.kemiskinan !== null && povertyAtLeast !== null && povertyAtLeast > povertyCut) out.push({ kind: 'miskin_tinggi', share: d.kemiskinan });
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
	poor: (d: DesaFigures) => number = (d) => d.miskin,
	/** how far a count may be off (a public briefing's rounded counts: PUBLIC_SLACK), reasonsFor */
	slack = 0
): Attention[] {
	const poverty = desa
		.map((d) => d.kemiskinan)
		.filter((v): v is number => v !== null)
		.sort((a, b) => a - b);
	const cut = quantile(poverty, HIGH_POVERTY_QUANTILE);
	return desa
		.filter((d) => within === null || d.kode_kec === within)
		.map((d) => ({ desa: d, reasons: reasonsFor(d, cut, slack) }))
		.filter((a) => a.reasons.length > 0)
		.sort((a, b) => b.reasons.length - a.reasons.length || poor(b.desa) - poor(a.desa) || a.desa.kode.localeCompare(b.desa.kode))
		.slice(0, n);
}
