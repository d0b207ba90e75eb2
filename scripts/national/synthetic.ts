/**
 * Synthetic district-level indicator values for the kabupaten/kota without case data. Seeded per
 * district code, so the same seed always gives the same file. Centred on what the pilot districts'
 * case data give, and tied to the district's real BPS P0: poorer districts get somewhat weaker
 * service (a "capacity" factor) and higher exclusion errors; kota get better Puskesos reach, Papua
 * less. These are illustrations of the method, not estimates of any real district.
 */
import { createRng, type Rng } from '../../src/lib/geo/rng';

/** P0 (percent) around which capacity is neutral, near the national figure. */
const P0_NEUTRAL = 10;
/** Capacity lost per P0 point above neutral. */
const CAPACITY_PER_P0 = 0.05;
/** Province codes of Papua (six provinces since 2022), where distances are longest. */
const PAPUA = new Set(['91', '92', '93', '94', '95', '96', '97']);

export interface SyntheticInput {
	kode: string;
	nama: string;
	kode_prov: string;
	p0: number | null;
}

/** FNV-1a hash of the seed and the code: one independent stream per district. */
export function districtSeed(seed: number, kode: string): number {
	let h = 0x811c9dc5 ^ seed;
	for (const ch of kode) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
	return h >>> 0;
}

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
	const u = 1 - rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r4 = (v: number) => Number(v.toFixed(4));

/** Correlation of a district's synthetic draws in two successive periods: the same district, a year apart. */
export const PERIOD_CORRELATION = 0.8;
/** Capacity gained from one period to the next: on average (most districts improve somewhat) and its spread. */
const CAPACITY_GAIN = { mean: 0.15, sd: 0.35 };

export function syntheticIndicators(d: SyntheticInput, seed: number): Record<string, number> {
	const rng = createRng(districtSeed(seed, d.kode));
	return draw(d, () => normal(rng), 0);
}

/**
 * The same district over the period before, with `d.p0` that period's BPS P0. Its draws are
 * correlated with the current ones (PERIOD_CORRELATION: the same i-th draw, mixed with one from a
 * second stream) and its capacity is lower by the district's gain over the year (CAPACITY_GAIN), so
 * a district that improved does so across its capacity-linked indicators together.
 */
export function syntheticPrevious(d: SyntheticInput, seed: number): Record<string, number> {
	const now = createRng(districtSeed(seed, d.kode));
	const other = createRng(districtSeed(seed ^ 0x5bd1e995, d.kode));
	const gain = CAPACITY_GAIN.mean + CAPACITY_GAIN.sd * normal(other);
	const rho = PERIOD_CORRELATION;
	return draw(d, () => rho * normal(now) + Math.sqrt(1 - rho * rho) * normal(other), -gain);
}

function draw(d: SyntheticInput, z: () => number, capacityShift: number): Record<string, number> {
	const capacity = 0.6 * z() - CAPACITY_PER_P0 * ((d.p0 ?? P0_NEUTRAL) - P0_NEUTRAL) + capacityShift;
	const kota = d.nama.startsWith('Kota ');
	const papua = PAPUA.has(d.kode_prov);
	const poorer = ((d.p0 ?? P0_NEUTRAL) - P0_NEUTRAL) / 100;
	return {
		desa_puskesos: r4(clamp(0.18 + 0.08 * z() + 0.04 * capacity, 0, 1)),
		desa_dekat_puskesos: r4(clamp(0.87 + 0.06 * z() + (kota ? 0.1 : 0) - (papua ? 0.35 : 0) + 0.03 * capacity, 0.1, 1)),
		fasilitator_per_1000: r4(clamp(0.85 + 0.3 * z() + 0.1 * capacity, 0.1, 3)),
		puskesos_baru: Math.max(0, Math.round(2 + 1.5 * z())),
		keluhan_selesai: r4(clamp(0.78 + 0.05 * z() + 0.03 * capacity, 0.3, 0.99)),
		rujukan_selesai: r4(clamp(0.77 + 0.05 * z() + 0.03 * capacity, 0.3, 0.99)),
		median_hari_keluhan: Math.round(clamp(15 + 3 * z() - 2.5 * capacity, 3, 60)),
		keluhan_lewat_standar: r4(clamp(0.45 + 0.08 * z() - 0.07 * capacity, 0.05, 0.95)),
		tunggakan_30: r4(clamp(0.12 * Math.exp(0.5 * z() - 0.4 * capacity), 0, 5)),
		eksklusi_pkh: r4(clamp(0.69 + 0.04 * z() + 0.5 * poorer, 0.3, 0.98)),
		eksklusi_bpnt: r4(clamp(0.33 + 0.04 * z() + 0.5 * poorer, 0.05, 0.9)),
		eksklusi_pbi_jkn: r4(clamp(0.15 + 0.03 * z() + 0.3 * poorer, 0.02, 0.8)),
		inklusi_pkh: r4(clamp(0.008 + 0.002 * z(), 0, 0.1)),
		inklusi_bpnt: r4(clamp(0.016 + 0.003 * z(), 0, 0.1)),
		inklusi_pbi_jkn: r4(clamp(0.042 + 0.006 * z(), 0, 0.2)),
		rt_mutakhir: r4(clamp(0.6 + 0.06 * z() + 0.02 * capacity, 0.1, 0.99)),
		padan_dtsen: r4(clamp(0.94 + 0.02 * z() + 0.01 * capacity, 0.6, 0.995))
	};
}
