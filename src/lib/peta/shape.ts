/**
 * Per-desa figures for every layer, from the three layer queries and the district's polygons:
 * one record per desa of the map, in the polygons' order, with the statistics the map needs
 * (Empirical-Bayes smoothed complaint rate, Gi* hotspot class on it).
 */
import type { SpatialWeights } from '../geo/contiguity';
import { hotspotClasses, type HotspotClass } from '../geo/fdr';
import { getisOrdGiStar } from '../geo/getis-ord';
import { empiricalBayes, PER_THOUSAND } from '../geo/smoothing';
import type { ClusterType } from '../geo/local-moran';
import { moranClusters } from './moran';
import type { KeluhanRow, KemiskinanRow, RujukanRow } from './sql';

export interface DesaInfo {
	kode: string;
	nama: string;
	kode_kec: string;
	nama_kec: string;
}

export interface DesaFigures extends DesaInfo {
	rumah_tangga: number;
	miskin: number;
	/** share of households in deciles 1–4; null without households */
	kemiskinan: number | null;
	keluhan: number;
	/** complaints per 1,000 households, raw and EB-smoothed; null without households */
	keluhan_mentah: number | null;
	keluhan_eb: number | null;
	/** Gi* z-score on the smoothed rate, and its class after BH FDR; null without data */
	gi_z: number | null;
	hotspot: HotspotClass | null;
	/** local Moran's I on the smoothed rate, and its cluster type after BH FDR; null without data */
	moran_i: number | null;
	moran: ClusterType | null;
	rujukan: number;
	rujukan_selesai: number;
	/** share of referrals registered in the period completed by its end; null without referrals */
	rujukan_share: number | null;
	median_hari: number | null;
	/** referrals past the service standard, and their share of the period's referrals */
	rujukan_lewat: number;
	rujukan_lewat_share: number | null;
	/** great-circle km from the desa centroid to the nearest Puskesos open by the period end; null without one */
	puskesos_km: number | null;
}

export interface LayerRows {
	kemiskinan: readonly KemiskinanRow[];
	keluhan: readonly KeluhanRow[];
	rujukan: readonly RujukanRow[];
	/** km to the nearest Puskesos per desa code (puskesos.ts); absent = not computed */
	puskesos_km?: ReadonlyMap<string, number | null>;
}

/**
 * Joins the three queries onto the desa of the map (`desa`, in the same order as `weights.ids`).
 * A desa in the polygons but missing from the data (or without households) gets no values.
 */
export function shapeDesa(desa: readonly DesaInfo[], rows: LayerRows, weights: SpatialWeights): DesaFigures[] {
	if (weights.ids.length !== desa.length || weights.ids.some((id, i) => id !== desa[i].kode)) {
		throw new RangeError('spatial weights and desa list are not in the same order');
	}
	const kem = new Map(rows.kemiskinan.map((r) => [r.kode, r]));
	const kel = new Map(rows.keluhan.map((r) => [r.kode, r]));
	const ruj = new Map(rows.rujukan.map((r) => [r.kode, r]));
	// Households from the kemiskinan rows (every desa of the data); a desa of the data without a
	// complaint row had none in the period.
	const households = desa.map((d) => kem.get(d.kode)?.rumah_tangga ?? null);
	const events = desa.map((d) => (kem.has(d.kode) ? (kel.get(d.kode)?.keluhan ?? 0) : null));
	const eb = empiricalBayes(events, households, { scale: PER_THOUSAND });
	const gi = getisOrdGiStar(eb.smoothed, weights);
	const classes = hotspotClasses(gi.z, gi.p);
	const moran = moranClusters(eb.smoothed, weights);
	return desa.map((d, i) => {
		const k = kem.get(d.kode);
		const r = ruj.get(d.kode);
		const hasData = eb.smoothed[i] !== null;
		return {
			kode: d.kode,
			nama: k?.nama ?? d.nama,
			kode_kec: k?.kode_kec ?? d.kode_kec,
			nama_kec: k?.nama_kec ?? d.nama_kec,
			rumah_tangga: k?.rumah_tangga ?? 0,
			miskin: k?.miskin ?? 0,
			kemiskinan: k?.nilai ?? null,
			keluhan: events[i] ?? 0,
			keluhan_mentah: eb.raw[i],
			keluhan_eb: eb.smoothed[i],
			gi_z: gi.z[i],
			hotspot: hasData ? classes[i] : null,
			moran_i: moran.I[i],
			moran: moran.cluster[i],
			rujukan: r?.rujukan ?? 0,
			rujukan_selesai: r?.selesai ?? 0,
			rujukan_share: r?.nilai ?? null,
			median_hari: r?.median_hari ?? null,
			rujukan_lewat: r?.lewat ?? 0,
			rujukan_lewat_share: r?.lewat_share ?? null,
			puskesos_km: rows.puskesos_km?.get(d.kode) ?? null
		};
	});
}
