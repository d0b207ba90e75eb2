/**
 * Smooth random fields over a district's desa: neighbouring desa are alike and a few genuine
 * clusters stand out, so that hotspot statistics have real patterns to find.
 */
import type { Desa } from './reference';
import type { Rng } from './rng';

const KM_PER_DEGREE = 111.32;

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const dx = (a.lng - b.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * KM_PER_DEGREE;
	const dy = (a.lat - b.lat) * KM_PER_DEGREE;
	return Math.hypot(dx, dy);
}

export interface FieldSpec {
	/** broad gradients: bumps of ±amplitude with radii in km */
	bumps: number;
	bumpRadiusKm: [number, number];
	/** strong, compact clusters (pockets of poverty, complaint hotspots): one per this many desa */
	desaPerCluster: number;
	clusterAmplitude: number;
	/** cluster radius in units of the district's typical distance between desa */
	clusterRadius: [number, number];
	/** independent desa-level noise */
	noise: number;
}

/** A field value per desa, standardised so its broad part has unit spread before clusters. */
export function smoothField(desa: readonly Desa[], spec: FieldSpec, rng: Rng): Float64Array {
	const out = new Float64Array(desa.length);
	for (let b = 0; b < spec.bumps; b++) {
		const c = rng.pick(desa);
		const r = rng.next() * (spec.bumpRadiusKm[1] - spec.bumpRadiusKm[0]) + spec.bumpRadiusKm[0];
		const amp = rng.normal(0, 1);
		desa.forEach((d, i) => (out[i] += amp * Math.exp(-((distanceKm(c, d) / r) ** 2))));
	}
	standardise(out);
	const spacingKm = Math.sqrt(desa.reduce((a, d) => a + d.areaKm2, 0) / Math.max(1, desa.length));
	const clusters = Math.max(1, Math.round(desa.length / spec.desaPerCluster));
	for (let k = 0; k < clusters; k++) {
		const c = rng.pick(desa);
		const r = spacingKm * (rng.next() * (spec.clusterRadius[1] - spec.clusterRadius[0]) + spec.clusterRadius[0]);
		desa.forEach((d, i) => (out[i] += spec.clusterAmplitude * Math.exp(-((distanceKm(c, d) / r) ** 2))));
	}
	for (let i = 0; i < out.length; i++) out[i] += rng.normal(0, spec.noise);
	return out;
}

function standardise(v: Float64Array): void {
	const n = v.length;
	if (n < 2) return v.fill(0), undefined;
	let mean = 0;
	for (const x of v) mean += x / n;
	let ss = 0;
	for (const x of v) ss += (x - mean) ** 2;
	const sd = Math.sqrt(ss / (n - 1)) || 1;
	for (let i = 0; i < n; i++) v[i] = (v[i] - mean) / sd;
}
