/**
 * What is loaded: the manifest, each district's summary and database file, and what went
 * wrong loading them. Pages ask for an area; this store loads the districts it needs once.
 */
import type { Manifest, ManifestFile } from '../contract/manifest';
import { setRoundingKey } from '../export/rounding';
import { pageStorage, roundingKeyOf } from './rounding-key';
import { fetchManifest, fetchPetaSummary, fetchSummary, isLoadError, loadDistrict, type LoadError, type LoadProgress } from '../db/extracts';
import { getDuckDB, onEngineStopped } from '../db/duckdb';
import { EngineStopped } from '../db/guarded';
import { restartsAfter } from '../db/restart';
import { registerUploaded, uploadedAreas, uploadedLatestDate } from '../db/uploaded';
import { monthsOf, windowEnding } from '../overview/period';
import type { TableName } from '../contract/schema';
import type { AreaSummary } from '../overview/headline';
import type { PetaSummary } from '../peta/summary';
import { districtsOf, loadsRows } from './view';
import { NewerExtractCheck } from './newer-extract.svelte';

export type DbStatus = 'idle' | 'starting' | 'ready' | 'error';

/** A DuckDB-WASM worker that stopped and was started again: why, and whether uploaded rows were lost with it. */
export interface EngineRestart {
	detail: string;
	lostUpload: boolean;
}
/** How an area's figures are computed: from rows in DuckDB-WASM, or from pre-aggregates only. */
export type AreaMode = 'live' | 'aggregate' | 'failed';


export class DataStore {
	/** Replaced whole, never changed in place: a deep proxy would make every read of its file list (thousands of entries for a province) go through a trap. */
	manifest = $state.raw<Manifest | null>(null);
	manifestError = $state<string | null>(null);
	/** Set when the network failed and the data came from the offline copy stored at this time. */
	cachedAt = $state<string | null>(null);
	dbStatus = $state<DbStatus>('idle');
	dbError = $state<string | null>(null);
	progress = $state<Record<string, LoadProgress>>({});
	errors = $state<LoadError[]>([]);
	/** Districts whose rows come from the user's upload (Data page) instead of the extracts. */
	uploadedKabs = $state<string[]>([]);
	/** Counts changes of the rows loaded (each upload, each engine restart): answers computed before one are stale, and pages load their view again. */
	dataVersion = $state(0);
	/** Set when the engine's worker stopped and a new one was started (restart.ts), until the user dismisses it. */
	restarted = $state.raw<EngineRestart | null>(null);
	/** The upload's time (its latest date and the window ending with it): the time of views of uploaded districts (`timeFor`). */
	uploadTime = $state.raw<Pick<Manifest, 'extract_date' | 'window'> | null>(null);
	/** Districts uploaded in this tab before a reload, which took their rows: said until dismissed. */
	uploadGoneOnReload = $state.raw<string[] | null>(null);
	/** When the engine's worker stopped, in ms since the epoch. */
	private stops: number[] = [];
	/** No more restarts: the page asks for a reload (dbError says so). */
	private gaveUp = false;
	/** The extract's manifest, before any upload changed its areas. */
	private extractManifest: Manifest | null = null;
	/** by district code, or by province code for a province's roll-up */
	private summaries = new Map<string, Promise<AreaSummary | null>>();
	private petaSummaries = new Map<string, Promise<PetaSummary | null>>();

	/** Whether the server now serves another extract than this page shows. */
	readonly replaced: NewerExtractCheck;

	constructor(readonly baseUrl: string) {
		onEngineStopped((e) => this.engineStopped(e));
		this.replaced = new NewerExtractCheck(baseUrl, () => this.extractManifest);
	}

	/**
	 * The engine's worker stopped, and everything DuckDB held with it. A new engine is started by the
	 * view that asks for rows next, and every page asks again (`dataVersion`); uploaded rows cannot
	 * come back and the user is told. Stopping again and again, it is not restarted (restart.ts).
	 */
	private engineStopped(e: Error): void {
		const now = Date.now();
		const restart = restartsAfter(this.stops, now) && !this.gaveUp;
		const detail = e.message.replace(/^DuckDB-WASM: /, '');
		this.stops = [...this.stops, now];
		const lostUpload = this.uploadedKabs.length > 0;
		if (lostUpload) {
			this.manifest = this.extractManifest;
			this.uploadTime = null;
			this.uploadedKabs = [];
		}
		this.progress = {};
		if (restart) {
			this.dbStatus = 'idle';
			this.dbError = null;
			this.restarted = { detail, lostUpload };
			this.dataVersion++;
		} else {
			this.gaveUp = true;
			this.dbStatus = 'error';
			this.dbError = `${detail}; muat ulang halaman / reload the page`;
		}
	}

	/**
	 * Loads the manifest. `firstArea` names the area whose summaries the page will show first (or
	 * null): they are asked for as soon as the manifest is read, while the page renders, not after.
	 */
	async init(firstArea?: (m: Manifest) => string | null): Promise<void> {
		try {
			const loaded = await fetchManifest(this.baseUrl);
			this.manifest = this.extractManifest = loaded.manifest;
			setRoundingKey(roundingKeyOf(loaded.manifest, pageStorage()));
			this.cachedAt = loaded.cachedAt;
			this.uploadGoneOnReload = takeUploadMark();
			const area = firstArea?.(loaded.manifest);
			// A failure is reported when the page asks for them.
			if (area != null) this.summariesFor(area).catch(() => {});
		} catch (e) {
			this.manifestError = e instanceof Error ? e.message : String(e);
			// An upload can still be explored and exported without the extract.
			setRoundingKey(roundingKeyOf(null, pageStorage()));
		}
	}

	/**
	 * Loads a user's validated rows into DuckDB-WASM; they replace the extract rows of the
	 * districts they cover in every view, and new districts join the area picker.
	 */
	async useUpload(tables: readonly { table: TableName; batches: readonly Uint8Array[] }[], kabs: readonly string[]): Promise<void> {
		this.dbStatus = this.dbStatus === 'ready' ? 'ready' : 'starting';
		await registerUploaded(tables, kabs);
		const [areas, latest] = await Promise.all([uploadedAreas(), uploadedLatestDate()]);
		const m = this.manifest;
		if (m) {
			// Views of the uploaded districts work in the upload's time: the extract's number of months, ending with
			// its latest date (a real extract is rarely as recent as the demo's, and may be later); the others keep
			// the extract's (`timeFor`). Summaries of other windows are not used for periods outside them (OverviewModel).
			this.uploadTime = latest ? { extract_date: latest, window: windowEnding(latest, monthsOf((this.extractManifest ?? m).window).length) } : null;
			// Only the districts loaded: a village row of another district in the upload does not make it an area twice.
			this.manifest = { ...m, areas: [...m.areas.filter((a) => !kabs.includes(a.kode_kab)), ...areas.filter((a) => kabs.includes(a.kode_kab))].sort((a, b) => (a.kode_kab < b.kode_kab ? -1 : 1)) };
		}
		this.uploadedKabs = [...kabs];
		markUpload(kabs);
		this.dataVersion++;
		this.dbStatus = 'ready';
	}

	/**
	 * The time (window, extract date) the views of `area` work in: the upload's when every district of
	 * the area was uploaded, else the extract's. The layout calls it as the area changes; the period
	 * picker and a period in the address follow the window.
	 */
	timeFor(area: string): void {
		const m = this.manifest;
		const x = this.extractManifest;
		if (!m || !x) return;
		const kabs = districtsOf(m, area);
		const t = this.uploadTime && kabs.length > 0 && kabs.every((k) => this.uploadedKabs.includes(k)) ? this.uploadTime : { extract_date: x.extract_date, window: x.window };
		if (m.extract_date !== t.extract_date || m.window.start !== t.window.start || m.window.end !== t.window.end) this.manifest = { ...m, ...t };
	}

	/**
	 * The summaries an area needs: a province's roll-up when the extract has one, else those of
	 * its districts. A failed one is reported and skipped.
	 */
	async summariesFor(area: string): Promise<AreaSummary[]> {
		const m = this.manifest;
		if (!m) return [];
		// The pre-aggregates describe the extracts: for uploaded rows only live figures are true.
		if (districtsOf(m, area).some((k) => this.uploadedKabs.includes(k))) return [];
		const province = m.province_summaries?.find((s) => s.kode_prov === area);
		const wanted = province ? [{ key: area, entry: province }] : districtsOf(m, area).map((kab) => ({ key: kab, entry: m.summaries.find((s) => s.kode_kab === kab) }));
		const out = await Promise.all(wanted.map(({ key, entry }) => this.fetchOnce(this.summaries, key, entry, fetchSummary)));
		return out.filter((s): s is AreaSummary => s !== null);
	}

	/**
	 * A district's Peta pre-aggregate (peta/summary.ts), or null: none in the extract, the district's
	 * rows uploaded (the pre-aggregate describes the extract), or a file that failed (reported).
	 */
	async petaSummaryFor(kodeKab: string): Promise<PetaSummary | null> {
		if (this.uploadedKabs.includes(kodeKab)) return null;
		return this.fetchOnce(this.petaSummaries, kodeKab, this.manifest?.peta_summaries?.find((s) => s.kode_kab === kodeKab), fetchPetaSummary);
	}

	/** A pre-aggregate file, fetched once per key (none without an entry); a failure is reported and gives null. */
	private fetchOnce<T>(cache: Map<string, Promise<T | null>>, key: string, entry: ManifestFile | undefined, fetcher: (baseUrl: string, entry: ManifestFile) => Promise<T | LoadError>): Promise<T | null> {
		let p = cache.get(key);
		if (!p) {
			p = entry
				? fetcher(this.baseUrl, entry).then((s) => {
						if (!isLoadError(s)) return s;
						this.addError(s);
						return null;
					})
				: Promise.resolve(null);
			cache.set(key, p);
		}
		return p;
	}

	/** True when the area has too many rows for the tab: its pre-aggregated figures are final. */
	aggregateOnly(area: string): boolean {
		return this.manifest !== null && !loadsRows(this.manifest, area);
	}

	/** Starts DuckDB-WASM when the area's rows will be loaded, without waiting for it. */
	startEngine(area: string): void {
		if (!this.manifest || this.aggregateOnly(area) || this.gaveUp) return;
		getDuckDB().catch(() => {
			// ensureArea reports it.
		});
	}

	/** Starts DuckDB-WASM and loads every district the area needs, within the row budget. */
	async ensureArea(area: string): Promise<AreaMode> {
		const m = this.manifest;
		if (!m || this.gaveUp) return 'failed';
		if (this.aggregateOnly(area)) return 'aggregate';
		const stops = this.stops.length;
		if (this.dbStatus !== 'ready') this.dbStatus = 'starting';
		const kabs = districtsOf(m, area).filter((k) => !this.uploadedKabs.includes(k));
		const loads = kabs.map((kab) => loadDistrict(this.baseUrl, m, kab, (p) => (this.progress = { ...this.progress, [kab]: p })));
		try {
			await getDuckDB();
		} catch (e) {
			this.dbStatus = 'error';
			this.dbError = e instanceof Error ? e.message : String(e);
			// They fail with the engine, whose error is the one to show.
			loads.forEach((l) => l.catch(() => {}));
			return 'failed';
		}
		// A start that failed before and succeeds now (the next view tries again) is no longer an error.
		this.dbError = null;
		let results: LoadError[][];
		try {
			results = await Promise.all(loads);
		} catch (e) {
			// The engine stopped while attaching: the restart loads the view again (engineStopped).
			if (e instanceof EngineStopped) return 'failed';
			throw e;
		}
		// The engine stopped meanwhile: these rows went with it.
		if (this.stops.length !== stops) return 'failed';
		const failed = results.flat();
		failed.forEach((e) => this.addError(e));
		this.dbStatus = 'ready';
		// Live figures over part of an area would silently undercount: fall back to the summary.
		return failed.length ? 'failed' : 'live';
	}

	private addError(e: LoadError): void {
		if (!this.errors.some((x) => x.path === e.path)) this.errors = [...this.errors, e];
		// A file other than the manifest names is most often next month's, written over this one's.
		if (e.kind === 'checksum') void this.replaced.check(true);
	}
}

/**
 * Uploaded rows live in this tab's engine only: a reload loses them and shows the extract again.
 * A mark in the tab's session storage lets the reloaded page say so instead of silently showing
 * other figures (the Data page's "Simpan" keeps a copy).
 */
const UPLOAD_MARK = 'slrt:unggahan';

function markUpload(kabs: readonly string[]): void {
	try {
		sessionStorage.setItem(UPLOAD_MARK, JSON.stringify(kabs));
	} catch {
		// No storage (private mode): the notice after a reload is lost, nothing else.
	}
}

function takeUploadMark(): string[] | null {
	try {
		const raw = sessionStorage.getItem(UPLOAD_MARK);
		sessionStorage.removeItem(UPLOAD_MARK);
		const kabs = raw ? (JSON.parse(raw) as unknown) : null;
		return Array.isArray(kabs) && kabs.length && kabs.every((k) => typeof k === 'string') ? kabs : null;
	} catch {
		return null;
	}
}
