/**
 * The privacy rule for everything that leaves the dashboard (README, "Privacy"): a count of 1–4
 * households is written "<5", and a figure derived from such a count (a share, a rate, a median of
 * a few cases) is left blank, since it would give the count back. Zero stays 0: it describes
 * nobody. A Dinas user may ask for an internal copy without suppression; that copy says it is
 * confidential in its file name and in its content.
 */

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
	| { kind: 'label'; value: string; restsOn: readonly number[]; withheld?: boolean }
	/** `withheld`: written WITHHELD in a public export (complementary.ts) */
	| { kind: 'count'; value: number; withheld?: boolean }
	/** A figure computed from counts (`restsOn`); blank in a public export when any of them is suppressed, or one is withheld. */
	| { kind: 'derived'; value: number | null; digits: number; restsOn: readonly number[]; withheld?: boolean };

/** Decimals of a figure in a downloaded file: more than a page shows, so a spreadsheet can recompute. */
export const FILE_DECIMALS = 4;

export const text = (value: string): Field => ({ kind: 'text', value });
export const textOn = (value: string, ...restsOn: number[]): Field => ({ kind: 'label', value, restsOn });
export const count = (value: number): Field => ({ kind: 'count', value });
export const derived = (value: number | null, digits: number, ...restsOn: number[]): Field => ({ kind: 'derived', value, digits, restsOn });
/** The field withheld from a public export when `when` (a count it is or rests on is withheld; complementary.ts). */
export const withheldIf = (f: Field, when: boolean): Field => (when && f.kind !== 'text' ? { ...f, withheld: true } : f);

/** The value for a machine-readable file (GeoJSON, JSON): numbers stay numbers, "<5" a string, blank null. */
export function fieldValue(f: Field, mode: ExportMode): string | number | null {
	if (f.kind === 'text') return f.value;
	if (f.kind === 'label') return mode === 'publik' && (f.withheld || f.restsOn.some(isSuppressed)) ? null : f.value;
	if (f.kind === 'count') return mode === 'publik' && isSuppressed(f.value) ? SUPPRESSED : mode === 'publik' && f.withheld ? WITHHELD : f.value;
	if (f.value === null || !Number.isFinite(f.value)) return null;
	if (mode === 'publik' && (f.withheld || f.restsOn.some(isSuppressed))) return null;
	return Number(f.value.toFixed(f.digits));
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
	publik: 'Jumlah 1–4 rumah tangga ditulis "<5" dan angka turunannya dikosongkan; "x" adalah jumlah yang ikut disembunyikan agar jumlah kecil tidak dapat dihitung dari totalnya (aturan privasi Dasbor SLRT) / Counts of 1–4 households are shown as "<5" and figures derived from them are left blank; "x" is a count also withheld so that a small one cannot be worked out from its total (Dasbor SLRT privacy rule)',
	internal: 'RAHASIA — salinan internal Dinas Sosial tanpa penyamaran; jangan dibagikan / CONFIDENTIAL — internal Dinas copy without suppression; do not share'
};

/** What a chart's picture says under it: a public one leaves a count of 1–4 undrawn rather than writing "<5". */
export const PICTURE_NOTE: Record<ExportMode, string> = {
	publik: 'Jumlah 1–4 tidak digambar (aturan privasi Dasbor SLRT) / Counts of 1–4 are not drawn (Dasbor SLRT privacy rule)',
	internal: EXPORT_NOTE.internal
};

/** What a map's picture says under it: a public one hatches, as without data, a desa whose figure rests on a count of 1–4. */
export const MAP_PICTURE_NOTE: Record<ExportMode, string> = {
	publik: 'Desa yang angkanya berasal dari jumlah 1–4 diarsir seperti tanpa data, dan kelas warna dihitung tanpa mereka (aturan privasi Dasbor SLRT) / Desa whose figure rests on a count of 1–4 are hatched as without data, and the colour classes made without them (Dasbor SLRT privacy rule)',
	internal: EXPORT_NOTE.internal
};

/** File names carry the mode, so a confidential copy is recognisable wherever it is saved. */
export function exportFileName(base: string, mode: ExportMode, ext: string): string {
	const safe = base.replace(/[^\w.-]+/g, '_');
	return mode === 'internal' ? `RAHASIA_${safe}_internal.${ext}` : `${safe}.${ext}`;
}
