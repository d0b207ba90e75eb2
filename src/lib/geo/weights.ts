/**
 * Spatial weights as a plain neighbour list: unit i's neighbours are `neighbours[i]`, indices into
 * `ids`. Binary and symmetric by construction (contiguity); statistics that need row-standardised
 * or self-including weights derive them locally, so one list serves every method.
 */

export interface SpatialWeights {
	/** unit ids (e.g. Kemendagri `kode`), in the order values must be given */
	ids: string[];
	/** sorted neighbour indices per unit; symmetric, no self-links */
	neighbours: number[][];
}

/** A value per unit; null, undefined or NaN means no data. */
export type MaybeNumber = number | null | undefined;

/** Ids of units with no neighbours: they get no local statistic and deserve a note on the map. */
export function islands(weights: SpatialWeights): string[] {
	return weights.ids.filter((_, i) => weights.neighbours[i].length === 0);
}

/** True when every link i→j has its j→i and nobody is their own neighbour. */
export function isSymmetric(weights: SpatialWeights): boolean {
	const { neighbours } = weights;
	return neighbours.every((list, i) => list.every((j) => j !== i && neighbours[j].includes(i)));
}

export function isPresent(v: MaybeNumber): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/**
 * The units that have a value, with links among them only. Local statistics are computed on
 * this sub-graph so a desa without data neither gets a score nor drags its neighbours' lags to 0.
 */
export interface PresentSubset {
	/** original index of each kept unit */
	index: number[];
	values: number[];
	/** neighbour lists re-indexed into the subset */
	neighbours: number[][];
}

export function presentSubset(values: readonly MaybeNumber[], weights: SpatialWeights): PresentSubset {
	if (values.length !== weights.ids.length) {
		throw new RangeError(`${values.length} values for ${weights.ids.length} spatial units`);
	}
	const position = new Int32Array(values.length).fill(-1);
	const index: number[] = [];
	values.forEach((v, i) => {
		if (isPresent(v)) position[i] = index.push(i) - 1;
	});
	const neighbours = index.map((i) => weights.neighbours[i].filter((j) => position[j] >= 0).map((j) => position[j]));
	return { index, values: index.map((i) => values[i] as number), neighbours };
}

/** Puts subset results back in the original order, null for units that were left out. */
export function spreadToAll<T>(subset: PresentSubset, results: readonly T[], total: number): (T | null)[] {
	const out: (T | null)[] = new Array(total).fill(null);
	subset.index.forEach((original, k) => (out[original] = results[k]));
	return out;
}
