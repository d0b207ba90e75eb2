/**
 * Local Moran's I clusters for the map's second hotspot view: the LISA quadrant of each desa,
 * kept only where its p-value survives the same Benjamini–Hochberg FDR correction as Gi*.
 * Inference is by conditional permutation (GeoDa's and PySAL's default) unless asked otherwise.
 */
import { benjaminiHochberg } from '../geo/fdr';
import { clusterTypes, DEFAULT_ALPHA, localMoran, type ClusterType, type Quadrant } from '../geo/local-moran';
import { isPresent, type MaybeNumber, type SpatialWeights } from '../geo/weights';

/** Legend (and class-index) order: the two kinds of cluster, the two kinds of outlier, then the rest. */
export const MORAN_ORDER: readonly ClusterType[] = ['high-high', 'low-high', 'high-low', 'low-low', 'ns'];

export type MoranInference = 'permutation' | 'analytic';

export interface MoranOptions {
	inference?: MoranInference;
	/** FDR level; 5 % as GeoDa's default cut-off */
	alpha?: number;
	permutations?: number;
	seed?: number;
}

export interface MoranClusters {
	I: (number | null)[];
	/** BH-adjusted p-values, exact where at most alpha (localMoran's exactUpTo); null where there is no test */
	q: (number | null)[];
	/** cluster type per unit; null for a unit without a value (no data, not "not significant") */
	cluster: (ClusterType | null)[];
}

/** Quadrants and raw p-values in, cluster types out, BH applied across every tested unit. */
export function clustersFromP(quadrant: readonly (Quadrant | null)[], p: readonly (number | null)[], alpha = DEFAULT_ALPHA): { q: (number | null)[]; types: ClusterType[] } {
	if (quadrant.length !== p.length) throw new RangeError(`${quadrant.length} quadrants for ${p.length} p-values`);
	const q = benjaminiHochberg(p);
	return { q, types: clusterTypes({ quadrant: [...quadrant] }, q, alpha) };
}

export function moranClusters(values: readonly MaybeNumber[], weights: SpatialWeights, options: MoranOptions = {}): MoranClusters {
	const analytic = options.inference === 'analytic';
	// Only "significant after FDR at alpha?" is asked of the p-values, which those above alpha cannot
	// change (BH never brings a p-value above alpha to or below it, nor lets it decide another's):
	// their draws stop early (localMoran's exactUpTo).
	const alpha = options.alpha ?? DEFAULT_ALPHA;
	const r = localMoran(values, weights, { permutations: analytic ? 0 : options.permutations, seed: options.seed, exactUpTo: alpha });
	const p = analytic ? r.p : r.pSim!;
	const { q, types } = clustersFromP(r.quadrant, p, alpha);
	return { I: r.I, q, cluster: types.map((t, i) => (isPresent(values[i]) ? t : null)) };
}
