/**
 * The Indikator view's state: the catalogue (validated once), the targets file, and the figures
 * of every indicator for a district's kecamatan (or one kecamatan's desa) in the period and the
 * one before, plus a quarterly series per indicator for the sparklines.
 */
import type { ManifestArea } from '../../contract/manifest';
import { query } from '../../db/query';
import { CATALOGUE } from '../../indicators/catalogue';
import { bindQuery, compileBatch } from '../../indicators/compile';
import { fetchNational, fetchTargets } from '../../indicators/fetch';
import { bpsValue, type NationalFile } from '../../indicators/national';
import { columnsOf, DESA_NAMES_SQL, peersOf, previousPeriod, type Column, type Figure, type Figures } from '../../indicators/scorecard';
import { sparkQuarters } from '../../indicators/sparkline';
import type { Targets } from '../../indicators/targets';
import type { IndicatorDef, Level } from '../../indicators/types';
import { loadCatalogue } from '../../indicators/validate';
import { areaPrefix } from '../../overview/headline';
import { firstDay, lastDay, type Period } from '../../overview/period';
import type { DataStore } from '../../state/data.svelte';

export type IndikatorStatus = 'idle' | 'loading' | 'ready' | 'aggregate' | 'error';

/** Checked when the module loads: a bad definition never reaches a page render. */
export const CATALOGUE_LOAD = loadCatalogue(CATALOGUE);

export class IndikatorModel {
	status = $state<IndikatorStatus>('idle');
	errors = $state<string[]>([]);
	targets = $state.raw<Targets | null>(null);
	national = $state.raw<NationalFile | null>(null);
	columns = $state.raw<Column[]>([]);
	/** ranked beside the columns, not shown (scorecard.ts peersOf) */
	peers = $state.raw<Column[]>([]);
	current = $state.raw<Figures>(new Map());
	previous = $state.raw<Figures | null>(null);
	previousPeriod = $state.raw<Period | null>(null);
	/** indicator id → quarterly district values */
	spark = $state.raw<Map<string, (number | null)[]>>(new Map());
	quarters = $state.raw<Period[]>([]);
	private token = 0;

	constructor(private readonly store: DataStore) {}

	get defs(): readonly IndicatorDef[] {
		return CATALOGUE_LOAD.value ?? [];
	}

	async load(area: ManifestArea | null, kecamatan: string | null, period: Period, window: Period): Promise<void> {
		const mine = ++this.token;
		const current = () => mine === this.token;
		if (CATALOGUE_LOAD.errors.length) {
			this.status = 'error';
			this.errors = CATALOGUE_LOAD.errors;
			return;
		}
		if (!area) {
			this.status = 'idle';
			return;
		}
		this.status = 'loading';
		this.errors = [];
		this.spark = new Map();
		try {
			const [targets, national, mode] = await Promise.all([fetchTargets(this.defs), fetchNational(), this.store.ensureArea(area.kode_kab)]);
			if (!current()) return;
			if (targets.errors.length) {
				this.status = 'error';
				this.errors = targets.errors;
				return;
			}
			this.targets = targets.value!;
			// The page works without the national file: it only adds BPS context and the national rank.
			this.national = national.value ?? null;
			if (mode === 'failed') {
				this.status = 'error';
				this.errors = ['Data rinci kabupaten/kota ini gagal dimuat (lihat pesan di atas) / the detailed data of this district failed to load (see the message above)'];
				return;
			}
			if (mode !== 'live') {
				this.status = 'aggregate';
				return;
			}
			const desa = kecamatan ? await query<{ kode: string; nama: string }>(DESA_NAMES_SQL, [areaPrefix(kecamatan)]) : [];
			const columns = columnsOf(area, kecamatan, desa);
			const peers = peersOf(area, kecamatan);
			const prev = previousPeriod(period, window);
			const levels: Level[] = kecamatan ? ['kab', 'kec', 'desa'] : ['kab', 'kec'];
			const now = await this.figures(area.kode_kab, levels, period, [...columns, ...peers]);
			const before = prev ? await this.figures(area.kode_kab, levels, prev, columns) : null;
			if (!current()) return;
			this.addContext(now, area.kode_kab);
			this.columns = columns;
			this.peers = peers;
			this.current = now;
			this.previous = before;
			this.previousPeriod = prev;
			this.status = 'ready';
			await this.loadSpark(area.kode_kab, period, window, current);
		} catch (e) {
			if (!current()) return;
			this.status = 'error';
			this.errors = [e instanceof Error ? e.message : String(e)];
		}
	}

	/** Every case-data indicator at each level (one batched statement per level), restricted to the columns shown. */
	private async figures(kab: string, levels: Level[], period: Period, columns: Column[]): Promise<Figures> {
		const wanted = new Set(columns.map((c) => c.kode));
		const out: Figures = new Map(this.defs.map((d) => [d.id, new Map<string, Figure>()]));
		for (const level of levels) {
			const q = compileBatch(this.defs, level);
			if (!q) continue;
			const b = bindQuery(q, areaPrefix(kab), firstDay(period.start), lastDay(period.end));
			for (const r of await query<Figure & { indikator: string }>(b.sql, b.params)) if (wanted.has(r.kode)) out.get(r.indikator)?.set(r.kode, r);
		}
		return out;
	}

	/** BPS context figures exist for the district only. */
	private addContext(f: Figures, kab: string): void {
		const d = this.national?.kabkota.find((x) => x.kode === kab);
		if (!d || !this.national) return;
		const year = this.national.tahun_p0.at(-1)!;
		for (const def of this.defs) if (def.kind === 'bps') f.get(def.id)!.set(kab, { kode: kab, nilai: bpsValue(d, def.field, year), pembilang: null, penyebut: null });
	}

	private async loadSpark(kab: string, period: Period, window: Period, current: () => boolean): Promise<void> {
		const quarters = sparkQuarters(window, period.end);
		const q = compileBatch(this.defs, 'kab');
		if (!q) return;
		const series = new Map<string, (number | null)[]>();
		for (const [i, p] of quarters.entries()) {
			const b = bindQuery(q, areaPrefix(kab), firstDay(p.start), lastDay(p.end));
			for (const r of await query<Figure & { indikator: string }>(b.sql, b.params)) {
				if (!series.has(r.indikator)) series.set(r.indikator, Array(quarters.length).fill(null));
				series.get(r.indikator)![i] = r.nilai;
			}
			if (!current()) return;
		}
		this.quarters = quarters;
		this.spark = series;
	}
}
