/**
 * The privacy rule for everything that leaves the dashboard (README, "Privacy"): a count of 1–4
 * households is written "<5", and a figure derived from such a count (a share, a rate, a median of
 * a few cases) is left blank, since it would give the count back. Zero stays 0: it describes
 * nobody. Every other count is rounded to a multiple of 5 (rounding.ts), so that one public file
 * less another does not give a hidden count back, and a figure derived from counts is computed
 * again from the rounded ones. A Dinas user may ask for an internal copy without suppression or
 * rounding; that copy says it is confidential in its file name and in its content.
 */
import { publicCount } from './rounding';

/** Counts from 1 up to this are suppressed. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';
/** A count of 5 or more withheld so that a hidden one cannot be worked out from a total (complementary.ts). */
export const WITHHELD = 'x';

/** 'publik': suppressed, safe to share. 'internal': unsuppressed, for the Dinas only, marked RAHASIA. */
export type ExportMode = 'publik' | 'internal';

export function isSuppressed(n: number): boolean {
	return n > 0 && n < SUPPRESS_BELOW;
}

/** One value of an exported row, with what it needs to be written safely. */
export type Field =
	| { kind: 'text'; value: string }
	/** Words that would narrow a count down (a band against a known target, a trend): blank in a public export as a figure derived from it. */
	| { kind: 'label'; value: string; restsOn: readonly number[]; withheld?: boolean; publicText?: string }
	/**
	 * `area`: the code of the area counted, which keys its rounding (rounding.ts). `withheld`: written
	 * WITHHELD in a public export (complementary.ts). A part rounded on its own may read above its
	 * whole (6 of 7 could read 10 of 5): it is not capped, since a capped count would be written
	 * differently beside another whole, and two values of one count narrow it down (QA).
	 */
	| { kind: 'count'; value: number; area: string; withheld?: boolean }
	/**
	 * A figure computed from counts (`restsOn`); blank in a public export when any of them is
	 * suppressed, or one is withheld. With `recompute`, a public export computes it again from the
	 * rounded counts (in `restsOn`'s order), so the exact counts cannot be worked back from it.
	 */
	| { kind: 'derived'; value: number | null; digits: number; restsOn: readonly number[]; withheld?: boolean; recompute?: Recompute };

export interface Recompute {
	area: string;
	/** The area of each count in `restsOn`, where they are of different areas (else `area` for all). */
	areas?: readonly string[];
	from: (rounded: readonly number[]) => number | null;
}

/** Decimals of a figure in a downloaded file: more than a page shows, so a spreadsheet can recompute. */
export const FILE_DECIMALS = 4;

export const text = (value: string): Field => ({ kind: 'text', value });
export const textOn = (value: string, ...restsOn: number[]): Field => ({ kind: 'label', value, restsOn });
/** Words resting on counts that a public export says of the rounded counts instead (a band of the value computed from them). */
export const textOnPublic = (value: string, publicText: string, ...restsOn: number[]): Field => ({ kind: 'label', value, restsOn, publicText });
export const count = (value: number, area: string): Field => ({ kind: 'count', value, area });
/** A figure resting on counts for suppression only (a median of days, a distance): written as computed. */
export const derived = (value: number | null, digits: number, ...restsOn: number[]): Field => ({ kind: 'derived', value, digits, restsOn });
/** A figure computed from counts of `area` by `from`, which a public export applies to the rounded counts. */
export const derivedFrom = (value: number | null, digits: number, area: string, from: Recompute['from'], ...restsOn: number[]): Field => ({ kind: 'derived', value, digits, restsOn, recompute: { area, from } });
/** A figure computed by `from` from counts each of its own area (`counted`: [count, area] pairs), which a public export applies to their rounded values. */
export const derivedFromAreas = (value: number | null, digits: number, from: Recompute['from'], counted: readonly (readonly [number, string])[]): Field => ({
	kind: 'derived',
	value,
	digits,
	restsOn: counted.map(([n]) => n),
	recompute: { area: counted[0]?.[1] ?? '', areas: counted.map(([, a]) => a), from }
});
/**
 * numerator ÷ denominator × `scale` of one area's counts (a share, a rate per 1.000). `cap`: the
 * most it can be when the numerator is part of the denominator (rounded each on its own, 7 of 8
 * could read 10 of 5).
 */
export const ratio = (value: number | null, digits: number, area: string, scale: number, numerator: number, denominator: number, cap = Infinity): Field =>
	derivedFrom(value, digits, area, ([n, d]) => (d > 0 ? Math.min(cap, (n / d) * scale) : null), numerator, denominator);

/** A count as a public export writes it: "<5", or rounded (rounding.ts); zero stays 0. */
export const publicValue = (value: number, area: string): number | string => (isSuppressed(value) ? SUPPRESSED : value === 0 ? 0 : publicCount(value, area));
/** The field withheld from a public export when `when` (a count it is or rests on is withheld; complementary.ts). */
export const withheldIf = (f: Field, when: boolean): Field => (when && f.kind !== 'text' ? { ...f, withheld: true } : f);

/** The value for a machine-readable file (GeoJSON, JSON): numbers stay numbers, "<5" a string, blank null. */
export function fieldValue(f: Field, mode: ExportMode): string | number | null {
	if (f.kind === 'text') return f.value;
	if (f.kind === 'label') return mode === 'internal' ? f.value : f.withheld || f.restsOn.some(isSuppressed) ? null : (f.publicText ?? f.value);
	if (f.kind === 'count') {
		if (mode === 'internal') return f.value;
		if (isSuppressed(f.value)) return SUPPRESSED;
		if (f.withheld) return WITHHELD;
		return publicValue(f.value, f.area);
	}
	if (f.value === null || !Number.isFinite(f.value)) return null;
	if (mode === 'internal') return Number(f.value.toFixed(f.digits));
	if (f.withheld || f.restsOn.some(isSuppressed)) return null;
	const r = f.recompute;
	const v = r ? r.from(f.restsOn.map((n, i) => publicValue(n, r.areas?.[i] ?? r.area) as number)) : f.value;
	return v === null || !Number.isFinite(v) ? null : Number(v.toFixed(f.digits));
}

/** The cell for a CSV opened in Excel in Indonesia: decimal comma, blank for nothing. */
export function fieldCell(f: Field, mode: ExportMode): string {
	const v = fieldValue(f, mode);
	if (v === null) return '';
	if (typeof v === 'string') return v;
	return f.kind === 'derived' ? v.toFixed(f.digits).replace('.', ',') : String(v);
}

/** What a file says about itself, in Indonesian and English. */
export const EXPORT_NOTE: Record<ExportMode, string> = {
	publik: 'Jumlah 1–4 rumah tangga ditulis "<5" dan angka turunannya dikosongkan; "x" adalah jumlah yang ikut disembunyikan agar jumlah kecil tidak dapat dihitung dari totalnya; jumlah lain dibulatkan acak ke kelipatan 5 (total dan rinciannya bisa tidak sama persis) dan persentase serta laju dihitung dari jumlah yang dibulatkan (aturan privasi Dasbor SLRT) / Counts of 1–4 households are shown as "<5" and figures derived from them are left blank; "x" is a count also withheld so that a small one cannot be worked out from its total; other counts are randomly rounded to a multiple of 5 (totals and their parts may not add up exactly) and shares and rates are computed from the rounded counts (Dasbor SLRT privacy rule)',
	internal: 'RAHASIA — salinan internal Dinas Sosial tanpa penyamaran; jangan dibagikan / CONFIDENTIAL — internal Dinas copy without suppression; do not share'
};

/** What a chart's picture says under it: a public one leaves a count of 1–4 undrawn rather than writing "<5". */
export const PICTURE_NOTE: Record<ExportMode, string> = {
	publik: 'Jumlah 1–4 tidak digambar, begitu pula jumlah yang ikut disembunyikan ("x" di CSV); jumlah lain digambar dibulatkan acak ke kelipatan 5 (aturan privasi Dasbor SLRT) / Counts of 1–4 are not drawn, nor counts withheld beside them ("x" in the CSV); other counts are drawn randomly rounded to a multiple of 5 (Dasbor SLRT privacy rule)',
	internal: EXPORT_NOTE.internal
};

/** What a map's picture says under it: a public one leaves uncoloured, with the legend's "hidden" swatch, a desa whose figure rests on a count of 1–4. */
export const MAP_PICTURE_NOTE: Record<ExportMode, string> = {
	publik: 'Desa yang angkanya berasal dari jumlah 1–4 tidak diwarnai dan diarsir silang (“Disembunyikan” di legenda), dan kelas warna dihitung tanpa mereka (aturan privasi Dasbor SLRT) / Villages whose figure rests on a count of 1–4 are left uncoloured and cross-hatched (“Hidden” in the legend), and the colour classes made without them (Dasbor SLRT privacy rule)',
	internal: EXPORT_NOTE.internal
};

/** File names carry the mode, so a confidential copy is recognisable wherever it is saved. */
export function exportFileName(base: string, mode: ExportMode, ext: string): string {
	const safe = base.replace(/[^\w.-]+/g, '_');
	return mode === 'internal' ? `RAHASIA_${safe}_internal.${ext}` : `${safe}.${ext}`;
}
