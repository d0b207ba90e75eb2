/**
 * What is loaded: the manifest, each district's summary and Parquet partitions, and what went
 * wrong loading them. Pages ask for an area; this store loads the districts it needs once.
 */
import type { Manifest } from '../contract/manifest';
import { fetchManifest, fetchSummary, loadDistrict, type LoadError, type LoadProgress } from '../db/extracts';
import { getDuckDB } from '../db/duckdb';
import type { DistrictSummary } from '../overview/headline';
import { districtsOf } from './view';

export type DbStatus = 'idle' | 'starting' | 'ready' | 'error';
/** How an area's figures are computed: from rows in DuckDB-WASM, or from pre-aggregates only. */
export type AreaMode = 'live' | 'aggregate' | 'failed';

/**
 * Most household rows the page loads into DuckDB-WASM at once. Decoding 4M rows peaks near
 * 0.85 GB in the tab (shared/STACK.md); 1.5M keeps a modest laptop comfortable and covers any
 * single district. Larger areas (a whole province) are answered from the pipeline's aggregates
 * until the user drills into a district.
 */
export const ROW_BUDGET = 1_500_000;

export class DataStore {
	manifest = $state<Manifest | null>(null);
	manifestError = $state<string | null>(null);
	dbStatus = $state<DbStatus>('idle');
	dbError = $state<string | null>(null);
	progress = $state<Record<string, LoadProgress>>({});
	errors = $state<LoadError[]>([]);
	loaded = $state<string[]>([]);
	private summaries = new Map<string, Promise<DistrictSummary | null>>();

	constructor(readonly baseUrl: string) {}

	async init(): Promise<void> {
		try {
			this.manifest = await fetchManifest(this.baseUrl);
		} catch (e) {
			this.manifestError = e instanceof Error ? e.message : String(e);
		}
	}

	/** The summaries of the districts an area needs; a failed one is reported and skipped. */
	async summariesFor(area: string): Promise<DistrictSummary[]> {
		const m = this.manifest;
		if (!m) return [];
		const out = await Promise.all(
			districtsOf(m, area).map((kab) => {
				let p = this.summaries.get(kab);
				if (!p) {
					const entry = m.summaries.find((s) => s.kode_kab === kab);
					p = entry
						? fetchSummary(this.baseUrl, entry).catch((e) => {
								this.addError({ path: entry.path, kind: e.message === 'checksum' ? 'checksum' : 'fetch', detail: e.message });
								return null;
							})
						: Promise.resolve(null);
					this.summaries.set(kab, p);
				}
				return p;
			})
		);
		return out.filter((s): s is DistrictSummary => s !== null);
	}

	/** Household rows an area would load. */
	rowsFor(area: string): number {
		const m = this.manifest;
		if (!m) return 0;
		const kabs = new Set(districtsOf(m, area));
		return m.files.filter((f) => f.table === 'rumah_tangga' && kabs.has(f.kode_kab)).reduce((a, f) => a + f.rows, 0);
	}

	/** Starts DuckDB-WASM and loads every district the area needs, within the row budget. */
	async ensureArea(area: string): Promise<AreaMode> {
		const m = this.manifest;
		if (!m) return 'failed';
		if (this.rowsFor(area) > ROW_BUDGET) return 'aggregate';
		if (this.dbStatus === 'idle') this.dbStatus = 'starting';
		try {
			await getDuckDB();
		} catch (e) {
			this.dbStatus = 'error';
			this.dbError = e instanceof Error ? e.message : String(e);
			return 'failed';
		}
		const kabs = districtsOf(m, area);
		const results = await Promise.all(
			kabs.map((kab) => loadDistrict(this.baseUrl, m, kab, (p) => (this.progress = { ...this.progress, [kab]: p })))
		);
		const failed = results.flat();
		failed.forEach((e) => this.addError(e));
		this.loaded = [...new Set([...this.loaded, ...kabs.filter((_, i) => results[i].length === 0)])].sort();
		this.dbStatus = 'ready';
		// Live figures over part of an area would silently undercount: fall back to the summary.
		return failed.length ? 'failed' : 'live';
	}

	private addError(e: LoadError): void {
		if (!this.errors.some((x) => x.path === e.path)) this.errors = [...this.errors, e];
	}
}
