/**
 * The siting model: desa as demand points (poor households, unresolved complaints), existing
 * Puskesos as fixed facilities, candidate sites at desa centroids. `buildProblem` turns it into
 * the arrays the solvers work on: a weight per demand point, the demand each candidate reaches
 * within the service radius, and how many existing sites already reach each point.
 */
import { GreatCircleSource, type DistanceSource, type Reach } from './distance';

export interface DemandPoint {
	kode: string;
	lng: number;
	lat: number;
	/** households in DTSEN deciles 1–4 */
	miskin: number;
	/** complaints not yet resolved or rejected */
	keluhan: number;
	/**
	 * The counts the solvers weigh this desa by, where they are not its own: the public ones
	 * (report.ts, publicWeighing), so that which sites are chosen, and in what order, gives no count
	 * back that the public files hide or round. What a site adds is still counted from its own.
	 */
	weighAs?: { miskin: number; keluhan: number };
}

export interface ExistingSite {
	id: string;
	lng: number;
	lat: number;
}

export interface SitingInput {
	demand: readonly DemandPoint[];
	existing: readonly ExistingSite[];
	/** demand indices whose centroid may host a new site */
	candidates: readonly number[];
}

export interface Weighting {
	/** weight of one unresolved complaint, with one poor household weighing 1 (0 = households only) */
	keluhan: number;
}

/** What the combinatorial solvers see: no coordinates, only who reaches whom. */
export interface Problem {
	/** demand weight per demand point */
	weight: Float64Array;
	/** demand indices of the candidates, in tie-break order (ascending kode_desa) */
	candidates: Int32Array;
	/** row k: demand within the radius of candidate k */
	reach: Reach;
	/** per demand point, how many existing sites reach it */
	base: Int32Array;
}

/** Facility points: existing sites first, then every candidate (facility index = existing.length + k). */
export function facilityCoords(input: SitingInput, candidates: ArrayLike<number>) {
	const n = input.existing.length + candidates.length;
	const lng = new Float64Array(n);
	const lat = new Float64Array(n);
	input.existing.forEach((s, i) => ((lng[i] = s.lng), (lat[i] = s.lat)));
	for (let k = 0; k < candidates.length; k++) {
		const d = input.demand[candidates[k]];
		lng[input.existing.length + k] = d.lng;
		lat[input.existing.length + k] = d.lat;
	}
	return { lng, lat };
}

export function demandCoords(input: SitingInput) {
	return { lng: Float64Array.from(input.demand, (d) => d.lng), lat: Float64Array.from(input.demand, (d) => d.lat) };
}

/** Each desa's weight: by the counts the solvers weigh it by (`weighAs`, where given), or by its own (`exact`). */
export function demandWeights(demand: readonly DemandPoint[], w: Weighting, counts: 'weighed' | 'exact' = 'weighed'): Float64Array {
	return Float64Array.from(demand, (d) => {
		const c = counts === 'weighed' && d.weighAs ? d.weighAs : d;
		return c.miskin + w.keluhan * c.keluhan;
	});
}

/** Candidates in tie-break order: ascending kode_desa, duplicates dropped. */
export function sortCandidates(input: SitingInput): Int32Array {
	const unique = [...new Set(input.candidates)];
	unique.sort((a, b) => (input.demand[a].kode < input.demand[b].kode ? -1 : input.demand[a].kode > input.demand[b].kode ? 1 : 0));
	return Int32Array.from(unique);
}

export interface Built {
	problem: Problem;
	source: DistanceSource;
	/** facility indices of the existing sites and of the candidates */
	existingFacilities: Int32Array;
	candidateFacilities: Int32Array;
}

/** Problems with an input, each naming the desa or site (empty when fine). */
export function checkInput(input: SitingInput): string[] {
	const bad: string[] = [];
	const coord = (lng: number, lat: number) => Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
	input.demand.forEach((d) => {
		if (!coord(d.lng, d.lat)) bad.push(`desa ${d.kode}: koordinat tidak valid / invalid coordinates (${d.lat}, ${d.lng})`);
		if (!(d.miskin >= 0) || !(d.keluhan >= 0) || (d.weighAs && !(d.weighAs.miskin >= 0 && d.weighAs.keluhan >= 0))) bad.push(`desa ${d.kode}: jumlah negatif atau kosong / negative or missing count`);
	});
	input.existing.forEach((s) => !coord(s.lng, s.lat) && bad.push(`Puskesos ${s.id}: koordinat tidak valid / invalid coordinates (${s.lat}, ${s.lng})`));
	input.candidates.forEach((c) => !(Number.isInteger(c) && c >= 0 && c < input.demand.length) && bad.push(`kandidat / candidate #${c}: bukan desa / not a desa`));
	return bad;
}

/** Great-circle model of an input at a service radius (km); `source` may replace it (e.g. a travel-time matrix). */
export function buildProblem(input: SitingInput, radius: number, weighting: Weighting, source?: DistanceSource): Built {
	const bad = checkInput(input);
	if (bad.length) throw new Error(bad.slice(0, 5).join('; ') + (bad.length > 5 ? ` (+${bad.length - 5})` : ''));
	if (!(radius > 0)) throw new Error(`radius ${radius}: harus lebih dari 0 / must be above 0`);
	const candidates = sortCandidates(input);
	const src = source ?? new GreatCircleSource(demandCoords(input), facilityCoords(input, candidates), Math.max(radius, 1));
	const E = input.existing.length;
	const existingFacilities = Int32Array.from({ length: E }, (_, i) => i);
	const candidateFacilities = Int32Array.from({ length: candidates.length }, (_, k) => E + k);
	const base = new Int32Array(input.demand.length);
	const er = src.reach(existingFacilities, radius);
	for (const d of er.demand) base[d]++;
	return {
		problem: { weight: demandWeights(input.demand, weighting), candidates, reach: src.reach(candidateFacilities, radius), base },
		source: src,
		existingFacilities,
		candidateFacilities
	};
}

/** Total weight of demand reached by the existing sites and the chosen candidates. */
export function coveredWeight(p: Problem, sites: readonly number[]): number {
	const hit = p.base.map((b) => (b > 0 ? 1 : 0));
	for (const k of sites) for (let j = p.reach.offsets[k]; j < p.reach.offsets[k + 1]; j++) hit[p.reach.demand[j]] = 1;
	let sum = 0;
	for (let d = 0; d < hit.length; d++) if (hit[d]) sum += p.weight[d];
	return sum;
}

export function totalWeight(p: Problem): number {
	return p.weight.reduce((a, b) => a + b, 0);
}
