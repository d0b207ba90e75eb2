/**
 * Peta's pre-aggregate: a district's per-desa figures for the view a visit opens on (the default
 * period, every complaint, the default service standard), written by the pipeline with the page's
 * own queries (PETA_SQL, SITES_SQL, CENTROIDS_SQL) so the map is drawn before DuckDB-WASM has
 * started. Any other view waits for the engine. The figures shaped from it equal those shaped from
 * the live queries (scripts/pipeline/peta-summary.test.ts), so the live answer confirms them.
 */
import type { Period } from '../overview/period';
import type { SiteRow } from './puskesos';
import type { DesaInfo, LayerRows } from './shape';
import type { KeluhanFilter, KeluhanRow, KemiskinanRow, RujukanRow } from './sql';

/** One column per figure, one entry per desa of the district's `wilayah`, in code order. */
export interface PetaSummary {
	schema_version: string;
	kode_kab: string;
	/** the view it answers */
	period: Period;
	standar: number;
	kode: string[];
	/** households registered by the period's end, and those in deciles 1–4 */
	rumah_tangga: number[];
	miskin: number[];
	/** complaints received in the period, every category and programme */
	keluhan: number[];
	/** referrals registered in the period; completed by its end; median days of those; past the standard */
	rujukan: number[];
	selesai: number[];
	median_hari: (number | null)[];
	lewat: number[];
	/** km to the nearest Puskesos open by the period's end; null without one */
	puskesos_km: (number | null)[];
	/** Puskesos open by the period's end (SITES_SQL's rows) */
	sites: SiteRow[];
}

/** The view asked for, in the terms the summary answers. */
export interface PetaView {
	period: Period;
	filter: KeluhanFilter;
	standar: number;
}

/** True when the summary holds exactly this view's figures. */
export function answers(s: PetaSummary, v: PetaView): boolean {
	return s.period.start === v.period.start && s.period.end === v.period.end && s.standar === v.standar && v.filter.kategori === '' && v.filter.program === '';
}

/**
 * The rows the layer queries would return, rebuilt from the summary; names come from the
 * boundaries (`desa`), as the map shows them.
 */
export function rowsFromSummary(s: PetaSummary, desa: readonly DesaInfo[]): LayerRows & { sites: SiteRow[] } {
	const info = new Map(desa.map((d) => [d.kode, d]));
	const share = (a: number, n: number) => (n === 0 ? null : a / n);
	const kemiskinan: KemiskinanRow[] = [];
	const rujukan: RujukanRow[] = [];
	const keluhan: KeluhanRow[] = [];
	const km = new Map<string, number | null>();
	for (let i = 0; i < s.kode.length; i++) {
		const kode = s.kode[i];
		const d = info.get(kode);
		kemiskinan.push({ kode, nama: d?.nama ?? kode, kode_kec: d?.kode_kec ?? kode.slice(0, 8), nama_kec: d?.nama_kec ?? '', rumah_tangga: s.rumah_tangga[i], miskin: s.miskin[i], nilai: share(s.miskin[i], s.rumah_tangga[i]) });
		if (s.keluhan[i] > 0) keluhan.push({ kode, keluhan: s.keluhan[i] });
		rujukan.push({ kode, rujukan: s.rujukan[i], selesai: s.selesai[i], nilai: share(s.selesai[i], s.rujukan[i]), median_hari: s.median_hari[i], lewat: s.lewat[i], lewat_share: share(s.lewat[i], s.rujukan[i]) });
		km.set(kode, s.puskesos_km[i]);
	}
	return { kemiskinan, keluhan, rujukan, puskesos_km: km, sites: s.sites };
}

/**
 * A fetched file's shape, checked before use, and (given `kodeKab`) that it is that district's: a
 * wrong one is reported, and the page waits for the engine.
 */
export function checkPetaSummary(x: unknown, kodeKab?: string): string[] {
	if (typeof x !== 'object' || x === null) return ['bukan objek JSON / not a JSON object'];
	const s = x as Partial<PetaSummary>;
	const errors: string[] = [];
	if (typeof s.kode_kab !== 'string' || (kodeKab !== undefined && s.kode_kab !== kodeKab)) errors.push('kode_kab');
	if (!s.period || typeof s.period.start !== 'string' || typeof s.period.end !== 'string') errors.push('period');
	if (typeof s.standar !== 'number') errors.push('standar');
	if (!Array.isArray(s.kode)) return [...errors, 'kode'];
	for (const col of ['rumah_tangga', 'miskin', 'keluhan', 'rujukan', 'selesai', 'median_hari', 'lewat', 'puskesos_km'] as const) {
		if (!Array.isArray(s[col]) || s[col].length !== s.kode.length) errors.push(col);
	}
	if (!Array.isArray(s.sites)) errors.push('sites');
	return errors;
}
