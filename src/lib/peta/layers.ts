/**
 * The map's layers as data: which figure each colours by, its palette, how its values read, and
 * the colouring (class per desa, legend entries with ranges and counts) for a set of desa.
 */
import { atPrinted, classify, countsPerClass, printedAt, type Classification, type LegendSpec, type Printed } from '../geo/classify';
import { classSpan, spanLabel } from '../geo/class-span';
import { bandsFor } from './bands';
import type { HotspotClass } from '../geo/fdr';
import { isSuppressed } from '../export/privacy';
import { formatFixed, PERCENT_SIGN, type Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import { HOTSPOT_COLORS, paletteFor, SEQUENTIAL_BAD, SEQUENTIAL_GOOD } from '../map/palette';
import { UNCOLOURED_SWATCH, type UncolouredReason } from '../map/uncoloured';
import { petaText } from './messages';
import { colourMoran } from './moran-layer';
import type { Klasifikasi, Lapisan, PetaParams, RujukanView } from './params';
import { rankWithin, type Rank } from './ranking';
import type { DesaFigures } from './shape';

/** Five classes: enough to show a gradient, few enough to tell the colours apart on a map. */
export const CLASS_COUNT = 5;

/** Gi* classes in legend (and class-index) order. */
export const HOTSPOT_ORDER: readonly HotspotClass[] = ['hot-99', 'hot-95', 'hot-90', 'ns', 'cold-90', 'cold-95', 'cold-99'];
const HOTSPOT_LABEL: Record<HotspotClass, MessageKey> = {
	'hot-99': 'peta_hot_99',
	'hot-95': 'peta_hot_95',
	'hot-90': 'peta_hot_90',
	ns: 'peta_ns',
	'cold-90': 'peta_cold_90',
	'cold-95': 'peta_cold_95',
	'cold-99': 'peta_cold_99'
};

const METHOD: Record<Exclude<Klasifikasi, 'target'>, 'quantile' | 'equalInterval' | 'ckmeans'> = { quantile: 'quantile', equal: 'equalInterval', ckmeans: 'ckmeans' };

/** The legend spec of a numeric layer: its target bands when asked for and it has them, else the statistical method. */
export function legendSpec(p: PetaParams): LegendSpec {
	const bands = p.klasifikasi === 'target' ? bandsFor(p) : null;
	if (bands) return { method: 'fixedBands', thresholds: bands };
	return { method: METHOD[p.klasifikasi === 'target' ? 'quantile' : p.klasifikasi], classes: CLASS_COUNT };
}

/** How a numeric layer's figures are printed (formatLayerValue): shares as percentages, the rest as they are, all to one decimal. */
export function layerPrinted(lapisan: Exclude<Lapisan, 'hotspot'>, rujukan: RujukanView = 'selesai'): Printed {
	return printedAt(layerScale(lapisan, rujukan), LAYER_DECIMALS);
}

/** Decimals of every numeric layer's figures, in the table, the panel and the legend ("21,0", not "21"). */
const LAYER_DECIMALS = 1;

/** What a layer's value is multiplied by to be printed: 100 for a share shown as a percentage. */
const layerScale = (lapisan: Exclude<Lapisan, 'hotspot'>, rujukan: RujukanView): number =>
	lapisan === 'kemiskinan' || (lapisan === 'rujukan' && rujukan !== 'median') ? 100 : 1;

/**
 * A numeric layer's classes over these values, by the legend's method, of the figures as printed
 * (atPrinted): a desa printed "21,0 %" is in the class whose legend line holds 21,0.
 */
export function classifyLayer(values: readonly (number | null)[], p: PetaParams): Classification {
	if (p.lapisan === 'hotspot') throw new RangeError('the hotspot layer is coloured by class, not by a number');
	return atPrinted(classify(values, legendSpec(p)), layerPrinted(p.lapisan, p.rujukan));
}

/** The number a numeric layer colours by; hotspot colours by class, not by a number. */
export function layerValue(d: DesaFigures, lapisan: Exclude<Lapisan, 'hotspot'>, eb: boolean, rujukan: RujukanView = 'selesai'): number | null {
	switch (lapisan) {
		case 'kemiskinan':
			return d.kemiskinan;
		case 'keluhan':
			return eb ? d.keluhan_eb : d.keluhan_mentah;
		case 'puskesos':
			return d.puskesos_km;
		case 'rujukan':
			return rujukan === 'median' ? d.median_hari : rujukan === 'lewat' ? d.rujukan_lewat_share : d.rujukan_share;
	}
}

/**
 * The counts a layer's figure is computed from, as the CSV export has them (csv.ts): a share, rate
 * or median resting on a count of 1–4 is left out of whatever leaves the dashboard in public. The
 * Gi* and Moran classes describe a neighbourhood and the distance public places, so they rest on none.
 */
export function layerCounts(d: DesaFigures, lapisan: Lapisan, rujukan: RujukanView = 'selesai'): number[] {
	switch (lapisan) {
		case 'kemiskinan':
			return [d.rumah_tangga, d.miskin];
		case 'keluhan':
			return [d.rumah_tangga, d.keluhan];
		case 'rujukan':
			return rujukan === 'median' ? [d.rujukan_selesai] : rujukan === 'lewat' ? [d.rujukan, d.rujukan_lewat] : [d.rujukan, d.rujukan_selesai];
		case 'hotspot':
		case 'puskesos':
			return [];
	}
}

/** The desa a public picture of this layer leaves uncoloured: their figure rests on a count of 1–4. */
export function hiddenInPublic(desa: readonly DesaFigures[], lapisan: Lapisan, rujukan: RujukanView = 'selesai'): Set<string> {
	return new Set(desa.filter((d) => layerCounts(d, lapisan, rujukan).some(isSuppressed)).map((d) => d.kode));
}

/** A layer's value as the user reads it: percentages for shares, one decimal for rates. */
export function formatLayerValue(lapisan: Exclude<Lapisan, 'hotspot'>, v: number | null, lang: Lang, rujukan: RujukanView = 'selesai'): string {
	if (v === null) return translate('peta_no_data', lang);
	if (lapisan === 'keluhan') return fixed(v, lang);
	if (isDays(lapisan, rujukan)) return `${fixed(v, lang)} ${translate('days', lang)}`;
	if (lapisan === 'puskesos') return `${fixed(v, lang)} km`;
	return `${fixed(v * 100, lang)}${PERCENT_SIGN[lang]}`;
}

/** The median-days view of the rujukan layer reads in days; every other numeric view is a rate or a share. */
const isDays = (lapisan: Exclude<Lapisan, 'hotspot'>, rujukan: RujukanView) => lapisan === 'rujukan' && rujukan === 'median';

/** One decimal always, so the figures of a legend or a column line up ("21,0", not "21"). */
const fixed = (v: number, lang: Lang): string => formatFixed(v, lang, LAYER_DECIMALS);

export function hotspotLabel(c: HotspotClass | null, lang: Lang): string {
	return translate(c === null ? 'peta_no_data' : HOTSPOT_LABEL[c], lang);
}

export interface LegendEntry {
	/** a class's colour; an uncoloured line's swatch ground (its pattern: UNCOLOURED_SWATCH[reason]) */
	color: string;
	label: string;
	count: number;
	/** set on the lines of uncoloured desa: why they are, which says how their swatch is drawn */
	reason?: UncolouredReason;
}

export interface LayerColouring {
	/** colour of class i, the order of feature-state `kelas` */
	palette: string[];
	/** class index per desa code; null for an uncoloured desa (its reason in `reasons`) */
	classes: Map<string, number | null>;
	/** why each desa with a null class is uncoloured: no data, too few cases or hidden (each drawn with its own swatch) */
	reasons: Map<string, UncolouredReason>;
	entries: LegendEntry[];
	/** desa left uncoloured because their figure rests on too few cases (MIN_REFERRALS) */
	few?: LegendEntry;
	noData: LegendEntry;
	/** desa a public picture leaves uncoloured: their figure rests on a count of 1–4 (colourLayer's `hidden`) */
	hidden?: LegendEntry;
}

/** The legend line of the desa left uncoloured for `reason`, drawn with that reason's swatch. */
export function uncolouredEntry(reason: UncolouredReason, label: string, count: number): LegendEntry {
	return { color: UNCOLOURED_SWATCH[reason].background, label, count, reason };
}

/** Each desa's reason for a null class: `reasonOf` for those it names, no data for the others. */
export function reasonsOf(classes: ReadonlyMap<string, number | null>, reasonOf: (kode: string) => UncolouredReason | null = () => null): Map<string, UncolouredReason> {
	const out = new Map<string, UncolouredReason>();
	for (const [kode, k] of classes) if (k === null) out.set(kode, reasonOf(kode) ?? 'none');
	return out;
}

/**
 * A desa's referral figures are coloured only when they rest on at least this many referrals (the
 * median days: completed ones). With fewer, a share is 0, 50 or 100 % by chance: in a year about half
 * the desa of a demo district had 1–4 referrals, and they filled the top and bottom classes. Their
 * figures stay in the table, the panel and the internal exports; the public ones blank them anyway.
 */
export const MIN_REFERRALS = 5;

/** How many cases a desa's referral figure rests on: the referrals registered in the period, or those completed for the median days. */
export function referralCases(d: DesaFigures, rujukan: RujukanView): number {
	return rujukan === 'median' ? d.rujukan_selesai : d.rujukan;
}

/** Whether a desa's referral figure rests on too few cases (1 to MIN_REFERRALS − 1) to be coloured, ranked or sorted among the others. */
export function fewCases(d: DesaFigures, rujukan: RujukanView): boolean {
	const n = referralCases(d, rujukan);
	return n > 0 && n < MIN_REFERRALS;
}

/** Why a desa's referral figure is neither coloured nor ranked ("dari 3 rujukan: terlalu sedikit untuk dibandingkan"), or null when it rests on enough cases. */
export function fewCasesText(d: DesaFigures, rujukan: RujukanView, lang: Lang): string | null {
	return fewCases(d, rujukan) ? petaText(rujukan === 'median' ? 'few_cases_completed' : 'few_cases', lang, { n: referralCases(d, rujukan) }) : null;
}

/**
 * A legend's lines in order: the classes, then the uncoloured (too few cases, no data, hidden by the
 * privacy rule), each only when some desa is so: every class stays, as its range reads the scale.
 */
export function legendEntries(c: LayerColouring): LegendEntry[] {
	return [...c.entries, ...[c.few, c.noData, c.hidden].filter((e): e is LegendEntry => !!e && e.count > 0)];
}

/**
 * Classes, palette and legend of a layer over the given desa (those the map shows). `hidden`: desa a
 * public picture leaves uncoloured (hiddenInPublic: their figure rests on a count of 1–4), counted on
 * a legend line of their own. The classes are then made from the other desa alone: a break drawn
 * from a hidden desa's value ("30,0 – 45,0 %" when a desa has 3 of 10 completed) would print the
 * figure the picture hides.
 */
export function colourLayer(desa: readonly DesaFigures[], p: PetaParams, lang: Lang, hidden: ReadonlySet<string> = new Set()): LayerColouring {
	const lapisan = p.lapisan;
	if (lapisan === 'hotspot') {
		// A public picture's hidden desa (their class rests on a count it does not print) go on the hidden
		// line, not among those without data (QA: a quarter of a district read as "no data").
		const gone = desa.filter((d) => hidden.has(d.kode)).length;
		const shown = gone ? desa.map((d) => (hidden.has(d.kode) ? { ...d, hotspot: null, moran: null } : d)) : desa;
		const col = p.hotspot === 'moran' ? colourMoran(shown, lang) : colourHotspots(shown, lang);
		if (!gone) return col;
		return {
			...col,
			reasons: reasonsOf(col.classes, (kode) => (hidden.has(kode) ? 'hidden' : null)),
			noData: { ...col.noData, count: col.noData.count - gone },
			hidden: uncolouredEntry('hidden', translate('peta_hidden_small', lang), gone)
		};
	}
	const few = lapisan === 'rujukan' ? desa.map((d) => fewCases(d, p.rujukan)) : null;
	const figures = desa.map((d, i) => (few?.[i] ? null : layerValue(d, lapisan, p.eb, p.rujukan)));
	// Only a desa that would be coloured is hidden: one without data or with too few cases stays on its own line.
	const gone = figures.map((v, i) => v !== null && hidden.has(desa[i].kode));
	const values = figures.map((v, i) => (gone[i] ? null : v));
	const hiddenCount = gone.filter(Boolean).length;
	const c = classifyLayer(values, p);
	const { counts, noData } = countsPerClass(values, c);
	const fewCount = few ? few.filter(Boolean).length : 0;
	// Only completion is "more is better"; slow and overdue referrals are bad like poverty and complaints.
	const good = lapisan === 'rujukan' && p.rujukan === 'selesai';
	const palette = paletteFor(good ? SEQUENTIAL_GOOD : SEQUENTIAL_BAD, c.classCount);
	const classes = new Map(desa.map((d, i) => [d.kode, c.classOf(values[i])]));
	const why = new Map(desa.map((d, i) => [d.kode, few?.[i] ? 'few' : gone[i] ? 'hidden' : null] as const));
	return {
		palette,
		classes,
		reasons: reasonsOf(classes, (kode) => why.get(kode) ?? null),
		entries: palette.map((color, i) => ({ color, label: rangeLabel(c, i, lapisan, lang, p.rujukan), count: counts[i] })),
		...(few ? { few: uncolouredEntry('few', translate(p.rujukan === 'median' ? 'peta_few_completed' : 'peta_few_referrals', lang), fewCount) } : {}),
		noData: uncolouredEntry('none', translate('peta_no_data', lang), noData - fewCount - hiddenCount),
		...(hiddenCount ? { hidden: uncolouredEntry('hidden', translate('peta_hidden_small', lang), hiddenCount) } : {})
	};
}

function colourHotspots(desa: readonly DesaFigures[], lang: Lang): LayerColouring {
	const index = new Map(HOTSPOT_ORDER.map((h, i) => [h, i]));
	const classes = new Map(desa.map((d) => [d.kode, d.hotspot === null ? null : index.get(d.hotspot)!]));
	const counts = HOTSPOT_ORDER.map(() => 0);
	let noData = 0;
	for (const k of classes.values()) k === null ? noData++ : counts[k]++;
	return {
		palette: [...HOTSPOT_COLORS],
		classes,
		reasons: reasonsOf(classes),
		entries: HOTSPOT_ORDER.map((h, i) => ({ color: HOTSPOT_COLORS[i], label: hotspotLabel(h, lang), count: counts[i] })),
		noData: uncolouredEntry('none', translate('peta_no_data', lang), noData)
	};
}

/**
 * Class i's legend line in the layer's format, for a classification of printed figures (classifyLayer):
 * "12,3 – 18,6 %" then "18,7 – 25,0 %", as a value on a break is in the class above it; "< 60,0 %" and
 * "≥ 90,0 %" for a band open at an end; one figure for a class of one printed value ("100,0 %").
 */
export function rangeLabel(c: Classification, i: number, lapisan: Exclude<Lapisan, 'hotspot'>, lang: Lang, rujukan: RujukanView = 'selesai'): string {
	const scale = layerScale(lapisan, rujukan);
	const unit = isDays(lapisan, rujukan) ? ` ${translate('days', lang)}` : lapisan === 'puskesos' ? ' km' : lapisan === 'keluhan' ? '' : PERCENT_SIGN[lang];
	return spanLabel(classSpan(c, i, layerPrinted(lapisan, rujukan)), (v) => fixed(v * scale, lang), unit);
}

export const NUMERIC_LAYERS = ['kemiskinan', 'keluhan', 'rujukan'] as const;
export type NumericLayer = (typeof NUMERIC_LAYERS)[number];

/** Each desa's rank (1 = highest) for a layer within its kecamatan and within the district. */
export function layerRanks(desa: readonly DesaFigures[], lapisan: NumericLayer, eb: boolean): { kec: Map<string, Rank>; kab: Map<string, Rank> } {
	// A share of 1–4 referrals is not ranked, as it is not coloured (MIN_REFERRALS).
	const values = desa.map((d) => ({ kode: d.kode, kec: d.kode_kec, value: lapisan === 'rujukan' && fewCases(d, 'selesai') ? null : layerValue(d, lapisan, eb) }));
	return {
		kec: rankWithin(values.map((v) => ({ kode: v.kode, group: v.kec, value: v.value }))),
		kab: rankWithin(values.map((v) => ({ kode: v.kode, group: '', value: v.value })))
	};
}
