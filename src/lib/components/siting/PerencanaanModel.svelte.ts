/** The planning view's state: a district's desa and Puskesos (loaded once), the answer from the worker, a kept scenario. */
import { query } from '../../db/query';
import type { DesaFeatureCollection } from '../../map/desa-map';
import { selectCandidates } from '../../siting/candidates';
import { publicWeighing } from '../../siting/report';
import { SitingClient, Superseded } from '../../siting/client';
import type { SitingParams } from '../../siting/params';
import type { ScenarioResult } from '../../siting/scenario';
import { DESA_SQL, PUSKESOS_SQL, sitingParams, type DesaRow, type PuskesosRow } from '../../siting/sql';
import type { DataStore } from '../../state/data.svelte';

export type SitingStatus = 'idle' | 'loading' | 'ready' | 'aggregate' | 'error';

export interface Kept {
	params: SitingParams;
	result: ScenarioResult;
}

export class PerencanaanModel {
	district = $state<string | null>(null);
	geometry = $state.raw<DesaFeatureCollection | null>(null);
	desa = $state.raw<DesaRow[]>([]);
	puskesos = $state.raw<PuskesosRow[]>([]);
	status = $state<SitingStatus>('idle');
	error = $state<string | null>(null);
	result = $state.raw<ScenarioResult | null>(null);
	/** the parameters the shown result was computed with */
	resultParams = $state.raw<SitingParams | null>(null);
	running = $state(false);
	progress = $state(0);
	ms = $state<number | null>(null);
	kept = $state.raw<Kept | null>(null);
	/** Each desa's public counts, which the solvers weigh it by (publicWeighing), for `desa`. */
	private weighAs: { miskin: number; keluhan: number }[] = [];
	private readonly client = new SitingClient();
	private token = 0;
	private asked = '';
	private version = -1;
	/** The rows the kept scenario was computed on (`rowsKey`): a reload with the same rows keeps it. */
	private keptRows = '';

	constructor(
		private readonly store: DataStore,
		private readonly geoBase = '/geo/desa'
	) {}

	/**
	 * Loads a district's desa and Puskesos; the same district again loads nothing, unless its rows may
	 * have changed (an upload, an engine restart: `dataVersion`). A kept scenario stays across such a
	 * reload when the district's rows are the same (a restart); other rows (an upload) or another
	 * district drop it, since it would compare plans made on different data.
	 */
	async load(kodeKab: string | null): Promise<void> {
		const version = this.store.dataVersion;
		if (kodeKab === this.district && version === this.version && this.status !== 'error') return;
		this.version = version;
		const mine = ++this.token;
		this.error = null;
		this.result = null;
		if (kodeKab !== this.district) this.kept = null;
		this.asked = '';
		this.district = kodeKab;
		if (!kodeKab) {
			this.status = 'idle';
			return;
		}
		this.status = 'loading';
		try {
			const url = `${this.geoBase}/kode_kab=${kodeKab}.geojson`;
			const res = await fetch(url);
			if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
			const geometry = (await res.json()) as DesaFeatureCollection;
			const mode = await this.store.ensureArea(kodeKab);
			if (mine !== this.token) return;
			this.geometry = geometry;
			if (mode !== 'live') {
				this.kept = null;
				this.status = 'aggregate';
				return;
			}
			const [desa, puskesos] = await Promise.all([query<DesaRow>(DESA_SQL, sitingParams(kodeKab)), query<PuskesosRow>(PUSKESOS_SQL, sitingParams(kodeKab))]);
			if (mine !== this.token) return;
			[this.desa, this.puskesos] = [desa, puskesos];
			// Sites are chosen and ordered by the public counts (report.ts, publicWeighing): the files and
			// pictures made from an answer then give nothing back that they hide or round. Once per load.
			this.weighAs = publicWeighing(desa);
			if (this.kept && rowsKey(desa, puskesos) !== this.keptRows) this.kept = null;
			this.status = 'ready';
		} catch (e) {
			if (mine !== this.token) return;
			this.kept = null;
			this.status = 'error';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Asks the worker for the answer to these parameters; a newer request replaces an unfinished one. */
	async compute(p: SitingParams, list: readonly string[] | null): Promise<void> {
		if (this.status !== 'ready') return;
		// The page re-asks on any URL change (e.g. the period): the same question is not recomputed.
		const key = JSON.stringify([this.district, p, list]);
		if (key === this.asked) return;
		this.asked = key;
		const candidates = selectCandidates(this.desa, { withoutPuskesos: p.kandidat === 'tanpa', list });
		this.running = true;
		this.progress = 0;
		this.error = null;
		try {
			const input = {
				demand: this.desa.map(({ kode, lng, lat, miskin, keluhan }, i) => ({ kode, lng, lat, miskin, keluhan, weighAs: this.weighAs[i] })),
				existing: this.puskesos.map(({ id, lng, lat }) => ({ id, lng, lat })),
				candidates
			};
			const { result, ms } = await this.client.run({ input, options: { radius: p.radius, n: p.n, objective: p.tujuan, weighting: { keluhan: p.bobot } } }, (f) => (this.progress = f));
			this.result = result;
			this.resultParams = p;
			this.ms = ms;
			this.running = false;
		} catch (e) {
			if (e instanceof Superseded) return;
			this.running = false;
			this.asked = '';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	keep(): void {
		if (!this.result || !this.resultParams) return;
		this.kept = { params: this.resultParams, result: this.result };
		this.keptRows = rowsKey(this.desa, this.puskesos);
	}

	destroy(): void {
		this.client.destroy();
	}
}

/** What a scenario was computed on: every desa's and Puskesos' row, in order. */
function rowsKey(desa: readonly DesaRow[], puskesos: readonly PuskesosRow[]): string {
	return JSON.stringify([desa, puskesos]);
}
