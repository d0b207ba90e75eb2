/**
 * A scenario as the page and its exports show it: the ranked list (desa, kecamatan, what each
 * site adds, cumulative coverage), the CSV and GeoJSON downloads (small counts suppressed as in
 * every export), the map's catchment circles and desa classes, and a two-scenario comparison.
 */
import { circle } from '@turf/turf';
import { toCsv } from '../export/csv';
import { complementary } from '../export/complementary';
import { count, derivedFromAreas, EXPORT_NOTE, fieldValue, isSuppressed, publicValue, text, withheldIf, type ExportMode, type Field } from '../export/privacy';
import { curveSeries, type CurveSeries } from './chart';
import { cumulativeHeader } from './messages';
import type { ScenarioResult } from './scenario';
import type { DesaRow, PuskesosRow } from './sql';

export interface RankedRow {
	rank: number;
	kode: string;
	nama: string;
	kode_kec: string;
	nama_kec: string;
	lng: number;
	lat: number;
	miskin: number;
	keluhan: number;
	weight: number;
	/** share of all demand weight covered after this site, existing sites included */
	cumulative: number;
	cumulativeMiskin: number;
}

const share = (a: number, b: number) => (b > 0 ? a / b : 0);

export function rankedRows(r: ScenarioResult, desa: readonly DesaRow[]): RankedRow[] {
	return r.sites.map((s, i) => {
		const d = desa[s.desa];
		return {
			rank: i + 1,
			kode: d.kode,
			nama: d.nama,
			kode_kec: d.kode_kec,
			nama_kec: d.nama_kec,
			lng: d.lng,
			lat: d.lat,
			miskin: s.added.miskin,
			keluhan: s.added.keluhan,
			weight: s.added.weight,
			cumulative: share(s.cumulative.weight, r.total.weight),
			cumulativeMiskin: share(s.cumulative.miskin, r.total.miskin)
		};
	});
}

/** Map classes per desa: 0 beyond every site, 1 reached by an existing Puskesos, 2 reached only by a new site. */
export const COVER_CLASS = { none: 0, existing: 1, fresh: 2 } as const;

export function coverClasses(r: ScenarioResult | null, desa: readonly DesaRow[], radius: number): Map<string, number> {
	const fresh = new Set(r?.newlyCovered ?? []);
	return new Map(
		desa.map((d, i) => [d.kode, fresh.has(i) ? COVER_CLASS.fresh : r && r.nearestExisting[i] <= radius ? COVER_CLASS.existing : COVER_CLASS.none])
	);
}

/** Vertices of a catchment circle: smooth at district zoom, small in the export. */
const CIRCLE_STEPS = 48;

type Feature = { type: 'Feature'; properties: Record<string, string | number | null>; geometry: { type: string; coordinates: unknown } };

/** Proposed sites as points and their catchments as circles; existing Puskesos as points. */
export function scenarioGeoJSON(
	r: ScenarioResult,
	desa: readonly DesaRow[],
	existing: readonly PuskesosRow[],
	mode: ExportMode = 'publik'
): { type: 'FeatureCollection'; keterangan: string; tentang?: string; features: Feature[] } {
	const rows = rankedRows(r, desa);
	const radius = r.options.radius;
	const withheld = withheldMiskin(desa);
	const added = rows.map((_, i) => addedFields(r, i, desa, withheld).map((f) => fieldValue(f, mode)));
	const features: Feature[] = [
		...rows.map((s) => ({
			type: 'Feature' as const,
			properties: { jenis: 'jangkauan', peringkat: s.rank, kode_desa: s.kode, radius_km: radius },
			geometry: circle([s.lng, s.lat], radius, { units: 'kilometers', steps: CIRCLE_STEPS }).geometry
		})),
		...rows.map((s) => ({
			type: 'Feature' as const,
			properties: {
				jenis: 'usulan',
				peringkat: s.rank,
				kode_desa: s.kode,
				nama_desa: s.nama,
				nama_kec: s.nama_kec,
				rt_miskin_tambahan: added[s.rank - 1][0],
				keluhan_terbuka_tambahan: added[s.rank - 1][1]
			},
			geometry: { type: 'Point', coordinates: [s.lng, s.lat] }
		})),
		...existing.map((p) => ({ type: 'Feature' as const, properties: { jenis: 'puskesos', id_puskesos: p.id, nama_puskesos: p.nama, kode_desa: p.kode_desa }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } }))
	];
	// The file says, as the CSV, how counts are written and what a null is (export/geojson.ts).
	return { type: 'FeatureCollection', keterangan: EXPORT_NOTE[mode], ...(mode === 'publik' ? { tentang: `${SUMS_NOTE}. ${BLANK_NOTE}` } : {}), features };
}

/**
 * The area a count over the desa `set` (demand indices) is rounded as (export/rounding.ts): one
 * desa by its own code, as Peta writes it; several by the district's, so that one count rounds one
 * way whatever set it is of. QA: keyed by the site, a site adding one desa rounded that desa's count
 * apart from Peta's; keyed by the set, a site adding no open complaints drew the unchanged
 * cumulative count again, and the two values narrowed it (40 then 35).
 */
export function coverArea(set: readonly number[], desa: readonly DesaRow[]): string {
	return set.length === 1 ? desa[set[0]].kode : districtCode(desa);
}

/** The district the desa rows are of (every row of a scenario is of one district). */
const districtCode = (desa: readonly DesaRow[]) => desa[0]?.kode.slice(0, 5) ?? '';

/**
 * What a desa whose count is 1–4 counts as in a public sum over several desa. A planner chooses the
 * sets Perencanaan sums over (a candidate list, any radius), and QA pinned hidden open complaints
 * from such sums (a set of four "<5" desa reading "<5": each is 1). With a hidden count entering
 * every public sum as this constant, no public figure here depends on a count of 1–4 at all,
 * whatever sets are asked for; it is near their mean, and the files say so.
 */
export const HIDDEN_AS = 2;

/**
 * What poor households Peta's file withholds ("x") count as when sites are weighed: the least a
 * withheld count can be, which is all a reader knows of it (the smallest count of 5 or more in its
 * kecamatan is the one withheld, so it is small).
 */
export const WITHHELD_AS = 5;

/**
 * The counts the solvers weigh each desa by (problem.ts, `weighAs`): its own as a public file writes
 * them, rounded by the desa's code as Peta's file rounds them, a count of 1–4 as HIDDEN_AS, poor
 * households Peta's file withholds as WITHHELD_AS. Weighed by its exact counts, the order of two
 * sites (or which one of them is chosen) told which exact weight was larger, and moving the
 * complaint weight until the order turned gave a hidden count back (QA: 3 open complaints, from the
 * order flipping between weights 8.332 and 8.335); weighed by a withheld count's rounded value, it
 * would give that value, which no file prints, back. Weighed by these, every choice and order is a
 * function of what the public files print.
 */
export function publicWeighing(desa: readonly DesaRow[]): { miskin: number; keluhan: number }[] {
	const withheld = withheldMiskin(desa);
	const weigh = (value: number, kode: string) => {
		const v = publicValue(value, kode);
		return typeof v === 'number' ? v : HIDDEN_AS;
	};
	return desa.map((d) => ({ miskin: withheld.has(d.kode) ? WITHHELD_AS : weigh(d.miskin, d.kode), keluhan: weigh(d.keluhan, d.kode) }));
}

/** Said in a public file of sums over desa (publicSum). */
export const SUMS_NOTE = `Jumlah atas beberapa desa dan persentase cakupan menghitung desa yang jumlahnya 1–4 sebagai ${HIDDEN_AS} (aturan privasi) / Sums over several villages and coverage shares count a village whose count is 1–4 as ${HIDDEN_AS} (privacy rule)`;

/** Said in a public file where a sum over several desa may be blank (addedFields): what the blank is, and that it is not 0. */
export const BLANK_NOTE =
	'Sel kosong (null di GeoJSON) pada rt_miskin_tambahan atau keluhan_terbuka_tambahan bukan 0: jumlah itu hanya dari dua atau lebih desa yang masing-masing berjumlah 1–4 (jadi antara 2 dan 8), tidak ditulis agar tidak dapat dihitung balik; persentase yang bertumpu pada jumlah 1–4 juga dikosongkan / A blank (null in GeoJSON) in rt_miskin_tambahan or keluhan_terbuka_tambahan is not 0: that sum comes only from two or more villages of 1–4 each (so between 2 and 8) and is not written, so it cannot be worked back; a share resting on a count of 1–4 is blank too';

/** A sum over desa as public figures take it: each count of 1–4 as HIDDEN_AS. */
export const publicSum = (set: readonly number[], desa: readonly DesaRow[], key: 'miskin' | 'keluhan') => set.reduce((t, i) => t + (isSuppressed(desa[i][key]) ? HIDDEN_AS : desa[i][key]), 0);

/**
 * What a site adds, as a public file writes it. When one desa of those it adds has any (of poor
 * households, or of open complaints), the sum is that desa's count: written as Peta writes it, by
 * its code ("<5" for 1–4; "x" where Peta's file withholds its poor households beside a hidden one,
 * complementary.ts, or the two files together would give back what the "x" protects). Over several:
 * their public sum (publicSum), rounded by the district's code. That sum is left blank where it is
 * 1–4, i.e. two desa of 1–4 each: the exact sum is then 2–8, so neither "<5" nor a figure would be
 * true of it, and the file's note (BLANK_NOTE) says so. The internal value stays exact.
 */
function addedFields(r: ScenarioResult, i: number, desa: readonly DesaRow[], withheld: ReadonlySet<string>): [Field, Field] {
	const { fresh, added } = r.sites[i];
	const field = (key: 'miskin' | 'keluhan'): Field => {
		const some = fresh.filter((d) => desa[d][key] > 0);
		if (fresh.length === 1 || some.length === 1) {
			const one = some[0] ?? fresh[0];
			const f = count(added[key], coverArea([one], desa));
			return key === 'miskin' ? withheldIf(f, withheld.has(desa[one].kode)) : f;
		}
		return derivedFromAreas(added[key], 0, ([n]) => n, [[publicSum(fresh, desa, key), districtCode(desa)]]);
	};
	return [field('miskin'), field('keluhan')];
}

/** The desa whose poor households Peta's public file withholds beside a hidden one. */
const withheldMiskin = (desa: readonly DesaRow[]) => complementary(desa.map((d) => ({ group: d.kode_kec, key: d.kode, value: d.miskin })));

/** The district's public sums (publicSum over every desa), the whole each coverage share is of. */
interface DistrictSums {
	miskin: number;
	keluhan: number;
}

const districtSums = (desa: readonly DesaRow[]): DistrictSums => {
	const all = desa.map((_, i) => i);
	return { miskin: publicSum(all, desa, 'miskin'), keluhan: publicSum(all, desa, 'keluhan') };
};

/**
 * A share of the demand covered by `set` as a public file writes it: computed from the rounded
 * counts of the set and of the district (each rounded as its own area), blank where any of them
 * is 1–4. `keluhan`: the weight of an open complaint (0: poor households alone). Computed from the
 * exact counts, the share of a file gave a site's hidden complaints back, one row less the one
 * before (QA: with a weight of 100, every "<5" of a district's sites).
 */
function coverageField(set: readonly number[], desa: readonly DesaRow[], whole: DistrictSums, keluhan: number, value: number): Field {
	const [area, district] = [coverArea(set, desa), districtCode(desa)];
	const counted: [number, string][] = [
		[publicSum(set, desa, 'miskin'), area],
		[whole.miskin, district]
	];
	if (keluhan > 0) counted.push([publicSum(set, desa, 'keluhan'), area], [whole.keluhan, district]);
	return derivedFromAreas(
		value * 100,
		1,
		([m, tm, k = 0, tk = 0]) => {
			const den = tm + keluhan * tk;
			// Rounded on its own, a part can read above its whole (1,001 of 1,004 as 1,005 of 1,000): no more than all.
			return den > 0 ? Math.min(100, ((m + keluhan * k) / den) * 100) : null;
		},
		counted
	);
}

/** Every desa covered after each site: the existing sites' and the sites' up to it (ascending). */
function coveredAfter(r: ScenarioResult): number[][] {
	const soFar = new Set(r.before);
	return r.sites.map((s) => {
		s.fresh.forEach((d) => soFar.add(d));
		return [...soFar].sort((a, b) => a - b);
	});
}

/**
 * The curve's two series as a public picture draws them (chart.ts curveSeries): coverage from rounded
 * counts (null: not drawn), for the best plan of each k and for the list's first k sites; equity's
 * worst distances as they are (no count in them).
 */
export function publicCurveValues(r: ScenarioResult, desa: readonly DesaRow[]): CurveSeries {
	if (r.options.objective === 'pcenter') return curveSeries(r);
	const whole = districtSums(desa);
	const share = (set: readonly number[], weight: number) =>
		fieldValue(coverageField(set, desa, whole, r.options.weighting.keluhan, r.total.weight > 0 ? weight / r.total.weight : 0), 'publik') as number | null;
	return { best: r.curve.map((p) => share(p.set, p.covered.weight)), plan: [share(r.before, r.baseline.weight), ...coveredAfter(r).map((set, i) => share(set, r.sites[i].cumulative.weight))] };
}

const CSV_HEADER = ['peringkat', 'kode_desa', 'nama_desa', 'kode_kec', 'nama_kec', 'lat', 'lng', 'rt_miskin_tambahan', 'keluhan_terbuka_tambahan', 'persen_cakupan_kumulatif', 'persen_rt_miskin_kumulatif'];

/**
 * The ranked list, written like every export (src/lib/export/csv.ts): counts 1–4 as "<5", said in
 * the first line; the others and the cumulative shares from rounded counts (coverArea, coverageField).
 */
export function scenarioCsv(r: ScenarioResult, desa: readonly DesaRow[], mode: ExportMode = 'publik'): string {
	const after = coveredAfter(r);
	const withheld = withheldMiskin(desa);
	const whole = districtSums(desa);
	const rows = rankedRows(r, desa).map((s, i) => {
		return [
			text(String(s.rank)), text(s.kode), text(s.nama), text(s.kode_kec), text(s.nama_kec), text(String(s.lat)), text(String(s.lng)),
			...addedFields(r, i, desa, withheld),
			coverageField(after[i], desa, whole, r.options.weighting.keluhan, s.cumulative),
			coverageField(after[i], desa, whole, 0, s.cumulativeMiskin)
		];
	});
	// An internal copy (RAHASIA, for the Dinas) holds the exact counts and shares: nothing is imputed.
	return toCsv(CSV_HEADER, rows, mode, [...(mode === 'publik' ? [SUMS_NOTE, BLANK_NOTE] : []), cumulativeNote(r.options.weighting.keluhan)]);
}

/** What the file's cumulative columns count: with open complaints weighed in, the first is a weighted share, not of households. */
export function cumulativeNote(bobot: number): string {
	return `persen_cakupan_kumulatif: ${cumulativeHeader(bobot, 'id')}; persen_rt_miskin_kumulatif: % RT miskin / persen_cakupan_kumulatif: ${cumulativeHeader(bobot, 'en')}; persen_rt_miskin_kumulatif: % of poor households`;
}

export interface ScenarioSummary {
	covered: number;
	coveredMiskin: number;
	coveredKeluhan: number;
	worst: number;
	sites: string[];
}

export function summarise(r: ScenarioResult, desa: readonly DesaRow[]): ScenarioSummary {
	return {
		covered: share(r.covered.weight, r.total.weight),
		coveredMiskin: share(r.covered.miskin, r.total.miskin),
		coveredKeluhan: share(r.covered.keluhan, r.total.keluhan),
		worst: r.worst,
		sites: r.sites.map((s) => desa[s.desa].kode)
	};
}

/** Sites two scenarios share and those only one of them proposes. */
export function siteOverlap(a: ScenarioSummary, b: ScenarioSummary): { both: string[]; onlyA: string[]; onlyB: string[] } {
	const [sa, sb] = [new Set(a.sites), new Set(b.sites)];
	return { both: a.sites.filter((k) => sb.has(k)), onlyA: a.sites.filter((k) => !sb.has(k)), onlyB: b.sites.filter((k) => !sa.has(k)) };
}
