/**
 * Seeded random siting instances for the tests: desa scattered around a few settlement clusters
 * within ~25 km, poor households log-normal (many small desa, a few large), complaints rarer,
 * a few existing Puskesos. Small enough for exhaustive search.
 */
import { createRng, randomInt, type Rng } from '../geo/rng';
import type { DemandPoint, ExistingSite, SitingInput } from './problem';

/** Roughly one degree per 111 km: the box spans about 25 km. */
const SPAN_DEG = 0.22;
const CENTRE = { lng: 110.4, lat: -7.2 };

function normal(rng: Rng): number {
	return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

export interface InstanceShape {
	candidates: number;
	/** extra demand-only desa beyond the candidates */
	extraDemand: number;
	existing: number;
}

export function randomInstance(seed: number, shape?: Partial<InstanceShape>): SitingInput {
	const rng = createRng(seed);
	const nCand = shape?.candidates ?? 10 + randomInt(rng, 21);
	const nDemand = nCand + (shape?.extraDemand ?? randomInt(rng, 15));
	const nExisting = shape?.existing ?? randomInt(rng, 4);
	const clusters = Array.from({ length: 2 + randomInt(rng, 3) }, () => ({ lng: CENTRE.lng + (rng() - 0.5) * SPAN_DEG, lat: CENTRE.lat + (rng() - 0.5) * SPAN_DEG }));
	const demand: DemandPoint[] = Array.from({ length: nDemand }, (_, i) => {
		const c = clusters[randomInt(rng, clusters.length)];
		return {
			kode: `33.99.${String(1 + (i % 9)).padStart(2, '0')}.2${String(i).padStart(3, '0')}`,
			lng: c.lng + normal(rng) * 0.03,
			lat: c.lat + normal(rng) * 0.03,
			miskin: Math.round(Math.exp(4 + 0.8 * normal(rng))),
			keluhan: randomInt(rng, 6)
		};
	});
	const existing: ExistingSite[] = Array.from({ length: nExisting }, (_, i) => {
		const d = demand[randomInt(rng, nDemand)];
		return { id: `E${i}`, lng: d.lng + normal(rng) * 0.005, lat: d.lat + normal(rng) * 0.005 };
	});
	// Candidates: a random subset of desa.
	const idx = [...demand.keys()];
	for (let i = idx.length - 1; i > 0; i--) {
		const j = randomInt(rng, i + 1);
		[idx[i], idx[j]] = [idx[j], idx[i]];
	}
	return { demand, existing, candidates: idx.slice(0, nCand) };
}

/** All k-subsets of 0..n-1, in lexicographic order. */
export function* subsets(n: number, k: number): Generator<number[]> {
	const s = Array.from({ length: k }, (_, i) => i);
	if (k > n) return;
	for (;;) {
		yield [...s];
		let i = k - 1;
		while (i >= 0 && s[i] === n - k + i) i--;
		if (i < 0) return;
		s[i]++;
		for (let j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
	}
}
