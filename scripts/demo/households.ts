/**
 * Households of one district, calibrated so that the share of people living below the BPS
 * poverty line equals the district's BPS P0 for 2025, with DTSEN deciles taken from one national
 * welfare distribution (so a poorer district has more households in deciles 1–4).
 */
import { normalQuantile, type Rng } from './rng';
import { smoothField } from './space';
import type { Desa, DistrictStats } from './reference';

/** National P0, March 2025 (BPS): sets where the national decile cut-offs sit. */
export const NATIONAL_P0 = 0.0847;
/** Spread of log per-capita expenditure nationally; fixes the width of the deciles. */
const NATIONAL_LOG_SD = 0.55;
/** Spread of desa-level welfare within a district and of households within a desa. */
const DESA_LOG_SD = 0.2;
const HOUSEHOLD_LOG_SD = 0.48;
/** Urban kelurahan are on average better off than rural desa. */
const KELURAHAN_PREMIUM = 0.12;

/** Upper bounds of deciles 1–9 in units of log(expenditure / poverty line). */
export const DECILE_CUTS: readonly number[] = Array.from({ length: 9 }, (_, k) => {
	const mean = -NATIONAL_LOG_SD * normalQuantile(NATIONAL_P0);
	return mean + NATIONAL_LOG_SD * normalQuantile((k + 1) / 10);
});

export function decileOf(logRatio: number): number {
	let k = 0;
	while (k < 9 && logRatio >= DECILE_CUTS[k]) k++;
	return k + 1;
}

export interface DesaPopulation {
	penduduk: number;
	/** relative welfare of the desa (log scale, before the district level is calibrated) */
	welfare: number;
	first: number;
	count: number;
}

export interface Households {
	n: number;
	desa: Uint32Array;
	size: Uint8Array;
	/** relative log welfare (desa + household), before calibration */
	relative: Float64Array;
	pengeluaran: Float64Array;
	desil: Uint8Array;
}

/** Share the district's population among its desa: bigger and urban desa hold more people. */
export function allocatePopulation(desa: readonly Desa[], penduduk: number, rng: Rng): number[] {
	const w = desa.map((d) => Math.pow(Math.max(d.areaKm2, 0.2), 0.4) * rng.lognormal(1, 0.35) * (d.jenis === 'kelurahan' ? 2 : 1));
	const total = w.reduce((a, b) => a + b, 0);
	return w.map((x) => Math.max(50, Math.round((penduduk * x) / total)));
}

export function generateHouseholds(desa: readonly Desa[], stats: DistrictStats, rng: Rng) {
	const penduduk = allocatePopulation(desa, stats.penduduk, rng);
	const field = smoothField(desa, { bumps: 6, bumpRadiusKm: [4, 14], desaPerCluster: 100, clusterAmplitude: -1.6, clusterRadius: [1.2, 2.2], noise: 0.35 }, rng);
	const welfare = desa.map((d, i) => DESA_LOG_SD * field[i] + (d.jenis === 'kelurahan' ? KELURAHAN_PREMIUM : 0));

	const desaIdx: number[] = [];
	const sizes: number[] = [];
	const rel: number[] = [];
	const pops: DesaPopulation[] = [];
	desa.forEach((_, i) => {
		const first = sizes.length;
		let people = 0;
		while (people < penduduk[i]) {
			const r = welfare[i] + rng.normal(0, HOUSEHOLD_LOG_SD);
			// Poorer households are larger (BPS: ~4.2 people in the poorest decile, ~3 in the richest).
			const size = Math.min(12, 1 + rng.poisson(Math.max(0.6, 2.5 - 0.9 * r)));
			desaIdx.push(i);
			sizes.push(size);
			rel.push(r);
			people += size;
		}
		pops.push({ penduduk: people, welfare: welfare[i], first, count: sizes.length - first });
	});

	const n = sizes.length;
	const hh: Households = {
		n,
		desa: Uint32Array.from(desaIdx),
		size: Uint8Array.from(sizes),
		relative: Float64Array.from(rel),
		pengeluaran: new Float64Array(n),
		desil: new Uint8Array(n)
	};
	const level = calibrateLevel(hh, stats);
	for (let h = 0; h < n; h++) {
		hh.pengeluaran[h] = expenditure(level + hh.relative[h], stats.garisKemiskinan);
		hh.desil[h] = decileOf(Math.log(hh.pengeluaran[h] / stats.garisKemiskinan));
	}
	return { households: hh, desaPopulation: pops };
}

/** Monthly expenditure per capita in Rp, rounded to Rp 100 as survey estimates are. */
function expenditure(logRatio: number, garisKemiskinan: number): number {
	return Math.round((garisKemiskinan * Math.exp(logRatio)) / 100) * 100;
}

/** Share of people in households below the poverty line, for a district welfare level. */
export function povertyShare(hh: Households, level: number, garisKemiskinan: number): number {
	let poor = 0;
	let all = 0;
	for (let h = 0; h < hh.n; h++) {
		all += hh.size[h];
		if (expenditure(level + hh.relative[h], garisKemiskinan) < garisKemiskinan) poor += hh.size[h];
	}
	return poor / all;
}

/** Bisection on the district level: the share is monotone in it, so this meets P0 on the sample. */
function calibrateLevel(hh: Households, stats: DistrictStats): number {
	const target = stats.p0 / 100;
	let lo = -3;
	let hi = 4;
	for (let i = 0; i < 50; i++) {
		const mid = (lo + hi) / 2;
		if (povertyShare(hh, mid, stats.garisKemiskinan) > target) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
