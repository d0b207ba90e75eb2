/**
 * Legend classification for choropleths: named methods turn values into class breaks, and one
 * `classOf` maps any value to its class, or to null for no data so the map can draw it apart.
 *
 * Breaks are class boundaries, ascending, one more than the number of classes. Class c covers
 * [breaks[c], breaks[c+1]); the last class also includes its upper bound, so the maximum value is
 * always classed. The end classes are open: a value below the first or above the last break (a
 * desa from another period classed with this period's breaks) goes to the first or last class.
 * Fixed bands use −∞ and +∞ as their outer breaks.
 *
 * A legend prints its breaks to the figures' precision, so `atPrinted` moves a classification onto
 * the printed values (see there): then a value's class is the one its printed figure reads into.
 */
import { ckmeansClusters } from './ckmeans';
import { isPresent, type MaybeNumber } from './weights';

export type ClassificationMethod = 'quantile' | 'equalInterval' | 'ckmeans' | 'fixedBands';

/** A legend as indicator definitions declare it. */
export type LegendSpec = { method: 'quantile' | 'equalInterval' | 'ckmeans'; classes: number } | { method: 'fixedBands'; thresholds: readonly number[] };

export interface Classification {
	method: ClassificationMethod;
	breaks: number[];
	/** breaks.length − 1, or 0 when there was nothing to classify */
	classCount: number;
	/** class index 0 … classCount − 1; null for no data (null, undefined, NaN, ±∞) or when there are no classes */
	classOf(value: MaybeNumber): number | null;
}

export interface ClassCounts {
	/** desa per class, in class order */
	counts: number[];
	/** desa without a value, shown as their own legend entry */
	noData: number;
}

export function classify(values: readonly MaybeNumber[], spec: LegendSpec): Classification {
	switch (spec.method) {
		case 'quantile':
			return quantile(values, spec.classes);
		case 'equalInterval':
			return equalInterval(values, spec.classes);
		case 'ckmeans':
			return ckmeans(values, spec.classes);
		case 'fixedBands':
			return fixedBands(spec.thresholds);
	}
}

/**
 * Classes holding (nearly) equal numbers of desa: break c is the value at rank ⌊c·n/k⌋. Ties
 * cannot be split, so heavily tied data (many desa at 0) gets fewer classes than asked for.
 */
export function quantile(values: readonly MaybeNumber[], classes: number): Classification {
	checkClassCount(classes);
	const sorted = presentValues(values).sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) return fromBreaks('quantile', []);
	const inner = Array.from({ length: classes - 1 }, (_, c) => sorted[Math.floor(((c + 1) * n) / classes)]);
	return fromBreaks('quantile', dataBreaks(sorted[0], inner, sorted[n - 1]));
}

/** k classes of equal width from the minimum to the maximum; some may be empty. */
export function equalInterval(values: readonly MaybeNumber[], classes: number): Classification {
	checkClassCount(classes);
	const present = presentValues(values);
	if (present.length === 0) return fromBreaks('equalInterval', []);
	// reduce, not Math.min(...values): spreading thousands of arguments can overflow the stack.
	const min = present.reduce((a, b) => Math.min(a, b));
	const max = present.reduce((a, b) => Math.max(a, b));
	// All values equal: one class, rather than k classes of width 0.
	if (min === max) return fromBreaks('equalInterval', [min, max]);
	const width = (max - min) / classes;
	const inner = Array.from({ length: classes - 1 }, (_, c) => min + (c + 1) * width);
	// The top break is the maximum itself, not min + k·width, which rounding can leave just below it.
	return fromBreaks('equalInterval', [min, ...inner, max]);
}

/** Natural breaks: the optimal 1-D k-means grouping (Ckmeans.1d.dp); at most one class per distinct value. */
export function ckmeans(values: readonly MaybeNumber[], classes: number): Classification {
	checkClassCount(classes);
	const groups = ckmeansClusters(presentValues(values), classes);
	if (groups.length === 0) return fromBreaks('ckmeans', []);
	const last = groups[groups.length - 1];
	return fromBreaks('ckmeans', dataBreaks(groups[0][0], groups.slice(1).map((g) => g[0]), last[last.length - 1]));
}

/**
 * Bands around fixed thresholds, e.g. an indicator's target: thresholds [50, 80] give
 * (−∞, 50), [50, 80), [80, ∞), so a value exactly on the target counts as meeting it.
 */
export function fixedBands(thresholds: readonly number[]): Classification {
	thresholds.forEach((t, i) => {
		if (!Number.isFinite(t)) throw new RangeError(`band threshold ${t} is not a finite number`);
		if (i > 0 && t <= thresholds[i - 1]) throw new RangeError(`band thresholds must increase: ${thresholds[i - 1]} then ${t}`);
	});
	return fromBreaks('fixedBands', [-Infinity, ...thresholds, Infinity]);
}

export function countsPerClass(values: readonly MaybeNumber[], classification: Classification): ClassCounts {
	const counts = new Array<number>(classification.classCount).fill(0);
	let noData = 0;
	for (const v of values) {
		const c = classification.classOf(v);
		if (c === null) noData++;
		else counts[c]++;
	}
	return { counts, noData };
}

function checkClassCount(classes: number): void {
	if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`number of classes must be a positive integer, got ${classes}`);
}

function presentValues(values: readonly MaybeNumber[]): number[] {
	return values.filter(isPresent);
}

/**
 * [min, inner…, max] without repeated or empty classes. An inner break equal to the minimum is
 * dropped (it would open an empty class); one equal to the maximum is kept once, making the last
 * class [max, max], which holds the maximum's ties as a class of their own.
 */
function dataBreaks(min: number, inner: readonly number[], max: number): number[] {
	const breaks = [min];
	for (const b of inner) if (b > breaks[breaks.length - 1]) breaks.push(b);
	breaks.push(max);
	return breaks;
}

/** How figures are printed: `round` gives a value as its text reads, in the value's own units, and `step` is the gap between two printed values. */
export interface Printed {
	/** 0.20961 → 0.21 for a share printed "21,0 %" */
	round(value: number): number;
	/** 0.001 for a share printed to 0,1 % */
	step: number;
}

/**
 * Figures printed as value × scale to `decimals` places (a share as "21,0 %": scale 100, one decimal),
 * rounded by Intl as the page prints them. Not by toFixed: Intl rounds the shortest decimal of a
 * number, toFixed its exact binary value, so 0.2095 × 100 (20.9499…) prints "21,0" but toFixed gives 20.9.
 */
export function printedAt(scale: number, decimals: number): Printed {
	const nf = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
	return { round: (v) => Number(nf.format(v * scale)) / scale, step: 10 ** -decimals / scale };
}

/**
 * The classification of the printed figures. A break of 20,96 % prints as "21,0", so a desa of 20,97 %
 * (printed "21,0 %") would sit below a legend line that starts at "21,0". Here every break is moved to
 * its printed value and every value is classed by its printed value, so class c holds exactly the
 * printed figures from breaks[c] to one step below breaks[c + 1] (the last class to its upper break).
 * Breaks that print alike become one: the class between them could hold no printed figure. The last
 * break is kept even when it equals the one before, making a last class of one printed value as
 * `dataBreaks` does.
 */
export function atPrinted(c: Classification, printed: Printed): Classification {
	const round = (v: number) => (Number.isFinite(v) ? printed.round(v) : v);
	const moved = c.breaks.map(round);
	const breaks = moved.slice(0, 1);
	for (const b of moved.slice(1, -1)) if (b > breaks[breaks.length - 1]) breaks.push(b);
	if (moved.length > 1) breaks.push(moved[moved.length - 1]);
	return fromBreaks(c.method, breaks, round);
}

function fromBreaks(method: ClassificationMethod, breaks: number[], round: (v: number) => number = (v) => v): Classification {
	const classCount = Math.max(0, breaks.length - 1);
	return {
		method,
		breaks,
		classCount,
		classOf: (value) => (classCount === 0 || !isPresent(value) ? null : classIndex(breaks, classCount, round(value)))
	};
}

/** The last class c whose lower break is ≤ value (binary search), or class 0 below the first break. */
function classIndex(breaks: readonly number[], classCount: number, value: number): number {
	let lo = 0;
	let hi = classCount - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (breaks[mid] <= value) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}
