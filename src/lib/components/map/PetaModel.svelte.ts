/** The Peta view's state: a district's polygons (fetched once) and its per-desa figures for a period. */
import { query, type Param } from '../../db/query';
import { holdBackground } from '../../offline/idle';
import { rememberResponse } from '../../offline/remember';
import { queenContiguity, storedContiguity, type SpatialWeights } from '../../geo/contiguity';
import type { DesaFeatureCollection } from '../../map/desa-map';
import { areaPrefix, completeTrend, TREND_SQL, type TrendPoint } from '../../overview/headline';
import { firstDay, lastDay, type Period } from '../../overview/period';
import { LOADING_NOTICE_MS } from '../../state/notice';
import { DEFAULT_STANDAR } from '../../peta/params';
import { CENTROIDS_SQL, nearestPuskesosKm, puskesosParams, SITES_SQL, type CentroidRow, type SiteRow } from '../../peta/puskesos';
import { shapeDesa, type DesaFigures, type DesaInfo } from '../../peta/shape';
import { countKeluhan, KELUHAN_INDEX_SQL, type KeluhanIndexRow } from '../../peta/keluhan-index';
import { ALL_KELUHAN, PETA_SQL, petaParams, type KeluhanFilter, type KemiskinanRow, type RujukanRow } from '../../peta/sql';
import { answers, rowsFromSummary } from '../../peta/summary';
import { markOnce } from '../../perf/marks';
import { readBody, type OnBytes } from '../../net/read-body';
import type { AreaMode, DataStore } from '../../state/data.svelte';

/**
 * 'summary': the figures drawn are the pre-aggregate's (exact, peta/summary.ts) while DuckDB-WASM
 * starts; 'ready': the live queries' (which then answer a desa's trend and every other view).
 */
export type PetaStatus = 'idle' | 'loading' | 'summary' | 'ready' | 'aggregate' | 'error';

/**
 * What a load is doing, for the notice while it lasts: the boundaries downloading, the district's
 * figures or database on their way (the corner's status counts its bytes), or the figures computed.
 */
export type PetaStep = 'boundaries' | 'data' | 'computing';

interface District {
	geometry: DesaFeatureCollection;
	desa: DesaInfo[];
	weights: SpatialWeights;
}

export class PetaModel {
	district = $state<string | null>(null);
	geometry = $state.raw<DesaFeatureCollection | null>(null);
	/** The district's queen contiguity (for a public file's classes, peta/csv.ts publicClasses). */
	weights = $state.raw<SpatialWeights | null>(null);
	desa = $state.raw<DesaFigures[]>([]);
	/** The complaint filter `desa` was counted with: the legend names it with the figures, not before them. */
	filter = $state.raw<KeluhanFilter>(ALL_KELUHAN);
	/** The period `desa` was counted for: the page header names it with the figures, not before them. */
	period = $state.raw<Period | null>(null);
	/** The referral service standard (days) `desa` was counted with. */
	standar = $state(DEFAULT_STANDAR);
	/** Puskesos open by the period's end, for the map's points and circles */
	sites = $state.raw<SiteRow[]>([]);
	status = $state<PetaStatus>('idle');
	/**
	 * Where the district's rows are: in DuckDB-WASM ('live'), too many for the tab ('aggregate'), or
	 * not loaded ('failed'); null until known. The pre-aggregate's map can show without them.
	 */
	rows = $state<AreaMode | null>(null);
	/** Set once the current load has run LOADING_NOTICE_MS */
	slow = $state(false);
	step = $state<PetaStep>('boundaries');
	/** The boundaries' bytes while they download, when the server says how many there are. */
	boundaryBytes = $state.raw<{ read: number; total: number } | null>(null);
	/** The district whose boundaries' bytes are shown (a load of another ignores the first's). */
	private boundariesOf: string | null = null;
	private slowTimer: ReturnType<typeof setTimeout> | undefined;
	error = $state<string | null>(null);
	desaTrend = $state.raw<{ kode: string; points: TrendPoint[] } | null>(null);
	private trendToken = 0;
	/** Counts completed loads: the benchmark waits on it. */
	generation = $state(0);
	private districts = new Map<string, Promise<District>>();
	private lastRun = new Map<string, { key: string; rows: Promise<unknown[]> }>();
	private token = 0;

	constructor(
		private readonly store: DataStore,
		private readonly geoBase = '/geo/desa'
	) {}

	/** Loads a district's polygons (once) and its figures for the period and complaint filter; the offline copies wait until it is done. */
	load(kodeKab: string | null, period: Period, filter: KeluhanFilter = ALL_KELUHAN, standar = DEFAULT_STANDAR): Promise<void> {
		return holdBackground(this.run(kodeKab, period, filter, standar));
	}

	private async run(kodeKab: string | null, period: Period, filter: KeluhanFilter, standar: number): Promise<void> {
		const mine = ++this.token;
		const current = () => mine === this.token;
		this.error = null;
		if (!kodeKab) {
			this.status = 'idle';
			this.district = null;
			this.geometry = null;
			this.weights = null;
			this.desa = [];
			return;
		}
		this.status = 'loading';
		this.step = 'boundaries';
		this.boundaryBytes = null;
		this.boundariesOf = kodeKab;
		this.rows = null;
		this.slow = false;
		clearTimeout(this.slowTimer);
		this.slowTimer = setTimeout(() => {
			if (current() && this.status === 'loading') this.slow = true;
		}, LOADING_NOTICE_MS);
		// DuckDB-WASM compiles in its worker while the boundaries are fetched and their contiguity computed.
		this.store.startEngine(kodeKab);
		try {
			const boundaries = this.districtData(kodeKab);
			boundaries.then(() => {
				if (current()) this.step = 'data';
			}, () => {});
			const [d, summary] = await Promise.all([boundaries, this.store.petaSummaryFor(kodeKab)]);
			if (!current()) return;
			if (this.district !== kodeKab) this.desa = [];
			this.district = kodeKab;
			this.geometry = d.geometry;
			this.weights = d.weights;
			// The view a visit opens on is drawn from the pre-aggregate while the engine is not up (starting,
			// or failed), and for a district's first figures; the live queries below confirm it, and equal
			// figures keep what is drawn. Once the engine is up, a view's queries are quicker than shaping twice.
			const early = summary && (this.desa.length === 0 || this.store.dbStatus !== 'ready') && answers(summary, { period, filter, standar }) ? summary : null;
			if (early) {
				const rows = rowsFromSummary(early, d.desa);
				this.desa = shapeDesa(d.desa, rows, d.weights);
				this.filter = filter;
				this.period = period;
				this.standar = standar;
				this.sites = rows.sites;
				this.status = 'summary';
				markOnce('slrt:peta-first-figures');
			}
			const mode = await this.store.ensureArea(kodeKab);
			if (!current()) return;
			this.rows = mode;
			if (mode !== 'live') {
				// Without rows the pre-aggregate's figures are the ones there are: they stay, and are final.
				this.status = early ? 'summary' : 'aggregate';
				if (early) this.generation++;
				return;
			}
			if (early) markOnce('slrt:peta-interactive');
			this.step = 'computing';
			const [first, last] = [firstDay(period.start), lastDay(period.end)];
			// A filter change re-runs only the queries whose parameters it changes; the complaint counts
			// come from the district's complaint index (read once), so a programme or category change
			// runs no query and is drawn in the task of the change (keluhan-index.ts).
			const [kemiskinan, index, rujukan, sites, centroids] = await Promise.all([
				this.latest<KemiskinanRow>('kemiskinan', PETA_SQL.kemiskinan, petaParams('kemiskinan', kodeKab, first, last)),
				this.latest<KeluhanIndexRow>('keluhan-index', KELUHAN_INDEX_SQL, [areaPrefix(kodeKab)]),
				this.latest<RujukanRow>('rujukan', PETA_SQL.rujukan, petaParams('rujukan', kodeKab, first, last, filter, standar)),
				this.latest<SiteRow>('sites', SITES_SQL, puskesosParams(kodeKab, last)),
				this.latest<CentroidRow>('centroids', CENTROIDS_SQL, puskesosParams(kodeKab, last).slice(0, 1))
			]);
			if (!current()) return;
			const keluhan = countKeluhan(index, period, filter);
			const desa = shapeDesa(d.desa, { kemiskinan, keluhan, rujukan, puskesos_km: this.nearestKm(centroids, sites) }, d.weights);
			// The usual case after the pre-aggregate: the same figures, so nothing is drawn again.
			if (!(early && sameRows(this.desa, desa))) this.desa = desa;
			this.filter = filter;
			this.period = period;
			this.standar = standar;
			if (!(early && sameRows(this.sites, sites))) this.sites = sites;
			this.status = 'ready';
			this.generation++;
			markOnce('slrt:peta-interactive');
		} catch (e) {
			if (!current()) return;
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * One desa's monthly trend for its panel: the Ringkasan trend query with the desa's full code as
	 * the prefix (desa codes have one length, so the prefix selects that desa alone).
	 */
	async loadDesaTrend(kode: string | null, period: Period): Promise<void> {
		const mine = ++this.trendToken;
		this.desaTrend = null;
		if (!kode) return;
		try {
			const rows = await query<TrendPoint>(TREND_SQL, [kode, firstDay(period.start), lastDay(period.end)]);
			if (mine === this.trendToken) this.desaTrend = { kode, points: completeTrend(rows, period) };
		} catch (e) {
			if (mine === this.trendToken) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * A query's rows for these parameters: the last answer when the parameters are those of the
	 * last run with the same rows loaded (`dataVersion` changes with an upload), else a fresh run.
	 */
	private latest<T>(id: string, sql: string, params: Param[]): Promise<T[]> {
		const key = JSON.stringify([this.store.dataVersion, params]);
		const last = this.lastRun.get(id);
		if (last && last.key === key) return last.rows as Promise<T[]>;
		const rows = query<T>(sql, params);
		this.lastRun.set(id, { key, rows });
		rows.catch(() => this.lastRun.delete(id));
		return rows;
	}

	/** Distances to the nearest Puskesos, worked out again only when the rows change (a complaint filter leaves them as they were). */
	private nearest: { centroids: CentroidRow[]; sites: SiteRow[]; km: ReturnType<typeof nearestPuskesosKm> } | null = null;
	private nearestKm(centroids: CentroidRow[], sites: SiteRow[]): ReturnType<typeof nearestPuskesosKm> {
		if (this.nearest?.centroids !== centroids || this.nearest.sites !== sites) this.nearest = { centroids, sites, km: nearestPuskesosKm(centroids, sites) };
		return this.nearest.km;
	}

	private districtData(kodeKab: string): Promise<District> {
		let p = this.districts.get(kodeKab);
		if (!p) {
			p = fetchDistrict(`${this.geoBase}/kode_kab=${kodeKab}.geojson`, (read, total) => {
				if (this.boundariesOf === kodeKab && this.step === 'boundaries') this.boundaryBytes = { read, total };
			});
			p.catch(() => this.districts.delete(kodeKab));
			this.districts.set(kodeKab, p);
		}
		return p;
	}
}

async function fetchDistrict(url: string, onProgress: OnBytes): Promise<District> {
	let res: Response;
	try {
		res = await fetch(url);
	} catch {
		// No answer at all: offline, and these boundaries were never kept (offline/remember.ts).
		throw new Error(`${url}: batas desa ini belum tersimpan di perangkat ini dan jaringan tidak tersedia; buka peta wilayah ini sekali saat daring / these desa boundaries are not kept on this device and there is no network; open this area's map once online`);
	}
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status} — jalankan / run: npx tsx scripts/prepare-geo.ts`);
	rememberResponse(url, res);
	// Counted only when the size is known: a compressed answer's Content-Length is not that of the text it reads as.
	const size = res.headers.get('content-encoding') ? null : Number(res.headers.get('content-length') ?? NaN);
	const geometry = (size && size > 0 ? JSON.parse(new TextDecoder().decode(await readBody(res, { expected: size, onProgress }))) : await res.json()) as DesaFeatureCollection;
	const desa = geometry.features.map((f) => ({ kode: f.properties.kode, nama: f.properties.nama, kode_kec: f.properties.kode_kec, nama_kec: f.properties.nama_kec }));
	// The neighbour lists the boundaries were prepared with, or worked out here for a file without them.
	return { geometry, desa, weights: storedContiguity(geometry.features as never, geometry.tetangga) ?? queenContiguity(geometry.features as never) };
}

/** Rows with equal values, field by field (the pre-aggregate's and the live queries', usually). */
function sameRows<T extends object>(a: readonly T[], b: readonly T[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i] as Record<string, unknown>;
		const y = b[i] as Record<string, unknown>;
		for (const k in y) if (!Object.is(x[k], y[k])) return false;
	}
	return true;
}
