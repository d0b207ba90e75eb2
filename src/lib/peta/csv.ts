/**
 * The per-desa figures as exported from the map: one row of fields per desa, written as CSV
 * (the table) or GeoJSON (the layer, with the real boundaries). Suppression of small counts
 * follows src/lib/export/privacy.ts.
 */
import { toCsv } from '../export/csv';
import { toGeoJson } from '../export/geojson';
import { complementary } from '../export/complementary';
import { count, derived, derivedFrom, fieldValue, isSuppressed, publicValue, ratio, text, textOnPublic, withheldIf, type ExportMode, type Field } from '../export/privacy';
import type { SpatialWeights } from '../geo/contiguity';
import { hotspotClasses } from '../geo/fdr';
import { getisOrdGiStar } from '../geo/getis-ord';
import type { ClusterType } from '../geo/local-moran';
import { moranClusters } from './moran';
import { empiricalBayes, PER_THOUSAND, smoothedRate, type Prior } from '../geo/smoothing';
import type { HotspotClass } from '../geo/fdr';
import type { DesaFeatureCollection } from '../map/desa-map';
import { hiddenInPublic, layerValue } from './layers';
import type { Lapisan, RujukanView } from './params';
import { moranLabel } from './moran-layer';
import type { DesaFigures } from './shape';

export const DESA_EXPORT_HEADER = [
	'kode_desa',
	'nama_desa',
	'kode_kec',
	'nama_kec',
	'rumah_tangga',
	'rumah_tangga_miskin',
	'persen_miskin',
	'keluhan',
	'keluhan_per_1000_rt',
	'keluhan_per_1000_rt_eb',
	'hotspot_gi',
	'klaster_moran',
	'rujukan',
	'rujukan_selesai',
	'persen_rujukan_selesai',
	'median_hari_rujukan',
	'rujukan_lewat_standar',
	'persen_rujukan_lewat_standar',
	'jarak_puskesos_km'
] as const;

/** The counts of a desa's row, each adding up over a kecamatan's desa to the kecamatan's figure. */
const DESA_COUNTS = ['rumah_tangga', 'miskin', 'keluhan', 'rujukan', 'rujukan_selesai', 'rujukan_lewat'] as const;
type DesaCount = (typeof DESA_COUNTS)[number];

/**
 * Per desa, the counts withheld so that none hidden for being 1–4 can be worked out from its
 * kecamatan's total (published on Indikator) minus the desa shown (export/complementary.ts).
 */
export function desaWithheld(desa: readonly DesaFigures[]): Map<string, Set<DesaCount>> {
	const out = new Map<string, Set<DesaCount>>();
	for (const c of DESA_COUNTS) {
		for (const kode of complementary(desa.map((d) => ({ group: d.kode_kec, key: d.kode, value: d[c] })))) {
			const s = out.get(kode) ?? new Set<DesaCount>();
			s.add(c);
			out.set(kode, s);
		}
	}
	return out;
}

/**
 * The prior a public file smooths each desa's rounded counts with: made, like the map's, from every
 * desa of the district (`district`, whatever part of it the file holds, so a desa's rate is the same
 * in the district's file and its kecamatan's), but from the counts a public file writes: rounded
 * (export/rounding.ts), and without the desa whose complaints or households are hidden or withheld.
 * A prior of the exact counts would give back the exact total of the file's complaints, and with it
 * the hidden ones (a QA pass recovered them from a month's file of one kecamatan).
 */
export function publicKeluhanPrior(district: readonly DesaFigures[]): Prior {
	const withheld = desaWithheld(district);
	const published = (d: DesaFigures) =>
		d.keluhan_mentah !== null && !isSuppressed(d.keluhan) && !isSuppressed(d.rumah_tangga) && !withheld.get(d.kode)?.has('keluhan') && !withheld.get(d.kode)?.has('rumah_tangga');
	return empiricalBayes(
		district.map((d) => (published(d) ? (publicValue(d.keluhan, d.kode) as number) : null)),
		district.map((d) => (published(d) ? (publicValue(d.rumah_tangga, d.kode) as number) : null)),
		{ scale: PER_THOUSAND }
	).prior;
}

const PERCENT = 100;

/** One desa's Gi* and Moran classes as a public file gives them (publicClasses). */
export interface PublicClass {
	hotspot: HotspotClass | null;
	moran: ClusterType | null;
}

/**
 * `prior`: the prior a public file smooths the rounded counts with (publicKeluhanPrior); `pub`: the
 * desa's classes of the public rates, which a public copy writes (none without them).
 */
export function desaFields(d: DesaFigures, hotspotName: (h: HotspotClass | null) => string, prior: Prior, withheld: ReadonlySet<DesaCount> = new Set(), pub?: PublicClass): Field[] {
	const w = (...cs: DesaCount[]) => cs.some((c) => withheld.has(c));
	const a = d.kode;
	const pct = (share: number | null) => (share === null ? null : share * PERCENT);
	return [
		text(d.kode),
		text(d.nama),
		text(d.kode_kec),
		text(d.nama_kec),
		withheldIf(count(d.rumah_tangga, a), w('rumah_tangga')),
		withheldIf(count(d.miskin, a), w('miskin')),
		withheldIf(ratio(pct(d.kemiskinan), 1, a, PERCENT, d.miskin, d.rumah_tangga, PERCENT), w('rumah_tangga', 'miskin')),
		withheldIf(count(d.keluhan, a), w('keluhan')),
		withheldIf(ratio(d.keluhan_mentah, 1, a, PER_THOUSAND, d.keluhan, d.rumah_tangga), w('rumah_tangga', 'keluhan')),
		withheldIf(derivedFrom(d.keluhan_eb, 1, a, ([k, n]) => smoothedRate(k, n, prior, PER_THOUSAND), d.keluhan, d.rumah_tangga), w('rumah_tangga', 'keluhan')),
		// A public copy writes the classes of the public rates (publicClasses): of the exact ones, they
		// changed with a hidden count. Without them (no contiguity: no classes at all), none.
		textOnPublic(hotspotName(d.hotspot), hotspotName(pub ? pub.hotspot : null)),
		textOnPublic(moranLabel(d.moran, 'id'), moranLabel(pub ? pub.moran : null, 'id')),
		withheldIf(count(d.rujukan, a), w('rujukan')),
		withheldIf(count(d.rujukan_selesai, a), w('rujukan_selesai')),
		withheldIf(ratio(pct(d.rujukan_share), 1, a, PERCENT, d.rujukan_selesai, d.rujukan, PERCENT), w('rujukan', 'rujukan_selesai')),
		withheldIf(derived(d.median_hari, 1, d.rujukan_selesai), w('rujukan_selesai')),
		withheldIf(count(d.rujukan_lewat, a), w('rujukan_lewat')),
		withheldIf(ratio(pct(d.rujukan_lewat_share), 1, a, PERCENT, d.rujukan_lewat, d.rujukan, PERCENT), w('rujukan', 'rujukan_lewat')),
		// A distance between public places gives no household away: never suppressed.
		derived(d.puskesos_km, 2)
	];
}

/** Every desa's fields, with the counts withheld beside the hidden ones. `district`: every desa of the district (the EB prior's). */
function desaRows(desa: readonly DesaFigures[], hotspotName: (h: HotspotClass | null) => string, district: readonly DesaFigures[], classes?: PublicClasses): Map<string, Field[]> {
	const withheld = desaWithheld(desa);
	const prior = publicKeluhanPrior(district);
	return new Map(desa.map((d) => [d.kode, desaFields(d, hotspotName, prior, withheld.get(d.kode), classes && publicClassOf(classes, d.kode))]));
}

/** Every desa's Gi* and Moran classes as a public file gives them. */
export interface PublicClasses {
	hotspot: ReadonlyMap<string, HotspotClass | null>;
	moran: ReadonlyMap<string, ClusterType | null>;
}

const publicClassOf = (c: PublicClasses, kode: string): PublicClass => ({ hotspot: c.hotspot.get(kode) ?? null, moran: c.moran.get(kode) ?? null });

/**
 * The Gi* hot spots and local Moran clusters of the rates a public file writes (the EB-smoothed
 * complaint rate from rounded counts, blank where a count is hidden), over the district's
 * contiguity: what a reader could compute from the file, so the classes say nothing more. Of the
 * exact rates, a class could change with a hidden count: given every other desa's exact count, the
 * classes under each programme and category pinned most "<5" (QA, round 4).
 */
export function publicClasses(district: readonly DesaFigures[], weights: SpatialWeights): PublicClasses {
	const rate = new Map(publicDesaFigures(district).map((d) => [d.kode, d.keluhan_eb]));
	const values = weights.ids.map((k) => rate.get(k) ?? null);
	const gi = getisOrdGiStar(values, weights);
	const hot = hotspotClasses(gi.z, gi.p);
	const moran = moranClusters(values, weights);
	return {
		hotspot: new Map(weights.ids.map((k, i) => [k, values[i] === null ? null : hot[i]])),
		moran: new Map(weights.ids.map((k, i) => [k, moran.cluster[i]]))
	};
}

/**
 * `about`: what the figures are (export-view.ts, exportAbout), a `#` line under the privacy note.
 * `district`: every desa of the district when `desa` is a part of it (a kecamatan's).
 */
export function desaCsv(
	desa: readonly DesaFigures[],
	hotspotName: (h: HotspotClass | null) => string,
	mode: ExportMode = 'publik',
	about?: string,
	district: readonly DesaFigures[] = desa,
	classes?: PublicClasses
): string {
	return toCsv(DESA_EXPORT_HEADER, [...desaRows(desa, hotspotName, district, classes).values()], mode, about ? [about] : []);
}

/** The layer as shown: every boundary of the district, or of the kecamatan when one is chosen. */
export function desaGeoJson(
	geometry: DesaFeatureCollection,
	desa: readonly DesaFigures[],
	hotspotName: (h: HotspotClass | null) => string,
	mode: ExportMode = 'publik',
	kecamatan: string | null = null,
	about?: string,
	district: readonly DesaFigures[] = desa,
	classes?: PublicClasses
) {
	const rows = desaRows(desa, hotspotName, district, classes);
	const features = geometry.features.filter((f) => !kecamatan || f.properties.kode_kec === kecamatan).map((f) => ({ geometry: f.geometry, properties: { ...f.properties, kode_desa: f.properties.kode } }));
	return toGeoJson(features, 'kode_desa', DESA_EXPORT_HEADER, rows, mode, about);
}

/**
 * Each desa's figures as the public CSV writes them, for a public picture of the map (its colours,
 * class bounds and legend counts) and the public briefing's map: a class bound is a desa's figure,
 * and an exact one, printed in a legend, gave a count back that the CSV rounds (QA). A count written
 * "<5" or "x" keeps its exact value only so the caller can tell it is hidden; every figure resting on
 * it is null, as blank as in the CSV. Counts are rounded (export/rounding.ts); shares and rates are
 * the CSV's, from the rounded counts.
 */
export function publicDesaFigures(desa: readonly DesaFigures[], district: readonly DesaFigures[] = desa, classes?: PublicClasses): DesaFigures[] {
	const rows = desaRows(desa, () => '', district);
	const at = (name: (typeof DESA_EXPORT_HEADER)[number]) => DESA_EXPORT_HEADER.indexOf(name);
	return desa.map((d) => {
		const row = rows.get(d.kode)!;
		const num = (name: (typeof DESA_EXPORT_HEADER)[number], scale = 1): number | null => {
			const v = fieldValue(row[at(name)], 'publik');
			return typeof v === 'number' ? v / scale : null;
		};
		const countOf = (name: (typeof DESA_EXPORT_HEADER)[number], exact: number) => num(name) ?? exact;
		return {
			...d,
			rumah_tangga: countOf('rumah_tangga', d.rumah_tangga),
			miskin: countOf('rumah_tangga_miskin', d.miskin),
			kemiskinan: num('persen_miskin', PERCENT),
			keluhan: countOf('keluhan', d.keluhan),
			keluhan_mentah: num('keluhan_per_1000_rt'),
			keluhan_eb: num('keluhan_per_1000_rt_eb'),
			rujukan: countOf('rujukan', d.rujukan),
			rujukan_selesai: countOf('rujukan_selesai', d.rujukan_selesai),
			rujukan_share: num('persen_rujukan_selesai', PERCENT),
			median_hari: num('median_hari_rujukan'),
			rujukan_lewat: countOf('rujukan_lewat_standar', d.rujukan_lewat),
			rujukan_lewat_share: num('persen_rujukan_lewat_standar', PERCENT),
			// Never the exact classes: those of the public rates, or none.
			...(classes ? publicClassOf(classes, d.kode) : { hotspot: null, moran: null })
		};
	});
}

/**
 * The desa a public picture of a layer leaves uncoloured: those whose figure rests on a count of
 * 1–4, and those whose figure the public CSV blanks beside a withheld count ("x"); of the hot spots,
 * those whose public rate is blank, so that they have no public class.
 */
export function hiddenInPicture(exact: readonly DesaFigures[], published: readonly DesaFigures[], view: { lapisan: Lapisan; eb: boolean; rujukan: RujukanView }): Set<string> {
	const out = hiddenInPublic(exact, view.lapisan, view.rujukan);
	if (view.lapisan === 'hotspot') {
		// A class the exact rates give but the public ones do not: its rate is blank in the CSV ("<5" or "x").
		exact.forEach((d, i) => {
			if (d.keluhan_eb !== null && published[i].keluhan_eb === null) out.add(d.kode);
		});
		return out;
	}
	const lapisan = view.lapisan;
	exact.forEach((d, i) => {
		if (layerValue(d, lapisan, view.eb, view.rujukan) !== null && layerValue(published[i], lapisan, view.eb, view.rujukan) === null) out.add(d.kode);
	});
	return out;
}

/**
 * What a public picture of a layer colours (the map's PNG, the briefing's map): the public CSV's
 * figures, and the desa it leaves uncoloured (hiddenInPicture). A hidden desa keeps its figure here
 * only so that colourLayer counts it on the hidden line rather than as without data: colourLayer
 * makes its classes without it, so its figure is never drawn nor printed.
 */
export function publicPicture(
	exact: readonly DesaFigures[],
	district: readonly DesaFigures[],
	view: { lapisan: Lapisan; eb: boolean; rujukan: RujukanView },
	classes?: PublicClasses
): { figures: DesaFigures[]; hidden: Set<string> } {
	const published = publicDesaFigures(exact, district, classes);
	const hidden = hiddenInPicture(exact, published, view);
	// A hidden desa's hot-spot class is blank in its public figures already: no exact class is handed on.
	return { figures: published.map((p, i) => (hidden.has(p.kode) && view.lapisan !== 'hotspot' ? exact[i] : p)), hidden };
}
