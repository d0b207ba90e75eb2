/**
 * Empirical-Bayes smoothing of rates such as keluhan per 1,000 registered households.
 *
 * A desa with 20 households and 2 complaints has a raw rate of 100‰, but that number carries
 * almost no information; left raw it would top the map. EB treats each desa's true rate θ_i as
 * drawn from a prior with mean β and variance α, estimated from all desa by the method of moments
 * (Marshall 1991, "Mapping disease and mortality rates using empirical Bayes estimators"; the
 * same estimator as GeoDa's EB rate and PySAL `esda.smoothing.Empirical_Bayes`):
 *
 *   r_i = e_i / n_i                      raw rate (events over population)
 *   β   = Σe / Σn                        prior mean: the pooled rate
 *   s²  = Σ n_i (r_i − β)² / Σn           population-weighted variance of the raw rates
 *   α   = s² − β / n̄,  n̄ = Σn / N         prior variance: observed spread minus Poisson noise
 *   w_i = α / (α + β / n_i)               reliability: near 1 for big desa, near 0 for tiny ones
 *   θ̂_i = β + w_i (r_i − β)               smoothed rate
 *
 * When α ≤ 0 the raw rates vary no more than Poisson noise alone would make them, so α is set
 * to 0 (as GeoDa does) and every desa gets β: full shrinkage. The spatial variant estimates β_i
 * and α_i from each desa and its neighbours instead of from the whole area.
 */
import type { MaybeNumber, SpatialWeights } from './weights';
import { isPresent } from './weights';

/** Multiply per-household rates by this for "per 1,000 households", the unit the dashboard shows. */
export const PER_THOUSAND = 1000;

export interface SmoothingOptions {
	/**
	 * Multiplier applied after smoothing (e.g. PER_THOUSAND). Scaling must come after: the
	 * Poisson term β / n assumes rates per single unit of population, so α is not scale-free.
	 */
	scale?: number;
}

export interface Prior {
	/** β: prior mean rate (scaled) */
	mean: number;
	/** α: prior variance of the rate (scaled²), after clamping at 0 */
	variance: number;
}

export interface SmoothedRates {
	/** θ̂_i (scaled); null when the population is missing or 0 or the events are missing */
	smoothed: (number | null)[];
	/** r_i (scaled); null likewise */
	raw: (number | null)[];
	/** w_i in [0, 1]: how much of its own rate a desa keeps */
	reliability: (number | null)[];
}

export interface GlobalSmoothedRates extends SmoothedRates {
	prior: Prior;
}

export interface SpatialSmoothedRates extends SmoothedRates {
	/** the local prior of each desa (its own and its neighbours' data); null when not estimable */
	priors: (Prior | null)[];
}

/** Global EB: one prior for all units. Units without usable data are left out of the moments. */
export function empiricalBayes(
	events: readonly MaybeNumber[],
	populations: readonly MaybeNumber[],
	options: SmoothingOptions = {}
): GlobalSmoothedRates {
	const data = usableData(events, populations);
	const members = data.usable.flatMap((ok, i) => (ok ? [i] : []));
	const prior = momentPrior(members, data);
	const result = emptyResult(events.length);
	for (const i of members) setSmoothed(result, i, data, prior);
	const scale = options.scale ?? 1;
	return { ...scaleResult(result, scale), prior: scalePrior(prior, scale) };
}

/**
 * Spatial EB: each unit's prior comes from itself plus its neighbours (PySAL
 * `Spatial_Empirical_Bayes`, with the unit itself always in its own neighbourhood). Pools rates
 * where a global prior would flatten real regional differences; an island has only itself to
 * pool, gets α = 0 and keeps its raw rate.
 */
export function spatialEmpiricalBayes(
	events: readonly MaybeNumber[],
	populations: readonly MaybeNumber[],
	weights: SpatialWeights,
	options: SmoothingOptions = {}
): SpatialSmoothedRates {
	if (weights.ids.length !== events.length) {
		throw new RangeError(`${events.length} units of data for ${weights.ids.length} spatial units`);
	}
	const data = usableData(events, populations);
	const result = emptyResult(events.length);
	const priors: (Prior | null)[] = new Array(events.length).fill(null);
	const scale = options.scale ?? 1;
	data.usable.forEach((ok, i) => {
		if (!ok) return;
		const prior = momentPrior([i, ...weights.neighbours[i].filter((j) => data.usable[j])], data);
		setSmoothed(result, i, data, prior);
		priors[i] = scalePrior(prior, scale);
	});
	return { ...scaleResult(result, scale), priors };
}

/**
 * One unit's smoothed rate under a given prior (scaled by `scale`, as `empiricalBayes` returns it):
 * what `empiricalBayes` gives the unit, for counts other than the ones the prior was made from (a
 * public file smooths rounded counts with the exact data's prior). Null without a population.
 */
export function smoothedRate(events: number, population: number, prior: Prior, scale = 1): number | null {
	if (!(population > 0) || !Number.isFinite(events)) return null;
	const unscaled: Prior = { mean: prior.mean / scale, variance: prior.variance / (scale * scale) };
	const result = emptyResult(1);
	setSmoothed(result, 0, { usable: [true], events: [events], populations: [population] }, unscaled);
	return result.smoothed[0]! * scale;
}

/** Inputs with a flag per unit; `events` and `populations` are only meaningful where `usable`. */
interface UsableData {
	usable: boolean[];
	events: number[];
	populations: number[];
}

/** A unit enters the estimate when it has a count of events and a positive population. */
function usableData(events: readonly MaybeNumber[], populations: readonly MaybeNumber[]): UsableData {
	if (events.length !== populations.length) {
		throw new RangeError(`${events.length} event counts for ${populations.length} populations`);
	}
	// Negative counts are a data error for intake validation to report; here they are simply not estimable.
	const usable = events.map((e, i) => {
		const n = populations[i];
		return isPresent(e) && e >= 0 && isPresent(n) && n > 0;
	});
	return {
		usable,
		events: events.map((e, i) => (usable[i] ? (e as number) : Number.NaN)),
		populations: populations.map((n, i) => (usable[i] ? (n as number) : Number.NaN))
	};
}

/** Method-of-moments β and α over the given units (all of them usable). */
function momentPrior(members: readonly number[], { events, populations }: UsableData): Prior {
	let eventSum = 0;
	let populationSum = 0;
	for (const i of members) {
		eventSum += events[i];
		populationSum += populations[i];
	}
	if (members.length === 0) return { mean: 0, variance: 0 };
	const mean = eventSum / populationSum;
	let spread = 0;
	for (const i of members) spread += populations[i] * (events[i] / populations[i] - mean) ** 2;
	const meanPopulation = populationSum / members.length;
	const variance = spread / populationSum - mean / meanPopulation;
	return { mean, variance: Math.max(0, variance) };
}

function emptyResult(length: number): SmoothedRates {
	return { smoothed: new Array(length).fill(null), raw: new Array(length).fill(null), reliability: new Array(length).fill(null) };
}

function setSmoothed(result: SmoothedRates, i: number, data: UsableData, prior: Prior): void {
	const population = data.populations[i];
	const raw = data.events[i] / population;
	// α = 0 means no between-desa variation to keep (this also covers β = 0, where α / (α + β/n) is 0/0).
	const reliability = prior.variance > 0 ? prior.variance / (prior.variance + prior.mean / population) : 0;
	result.raw[i] = raw;
	result.reliability[i] = reliability;
	result.smoothed[i] = prior.mean + reliability * (raw - prior.mean);
}

function scaleResult(result: SmoothedRates, scale: number): SmoothedRates {
	const times = (v: number | null) => (v === null ? null : v * scale);
	return { smoothed: result.smoothed.map(times), raw: result.raw.map(times), reliability: result.reliability };
}

function scalePrior(prior: Prior, scale: number): Prior {
	return { mean: prior.mean * scale, variance: prior.variance * scale * scale };
}
