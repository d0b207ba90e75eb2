/** The Data page's state: an import in its worker, its report, loading it, saving it, its quality. */
import { TABLE_NAMES } from '../../contract/schema';
import { uploadedArrow } from '../../db/uploaded';
import { fetchKnownCodes, importFiles, todayIso, type ImportProgress } from '../../import/client';
import { rememberUrls } from '../../offline/remember';
import { desaPerDistrict, loadPlan, LOAD_PLAN_MESSAGES, planNotes, type LoadRefusal } from '../../import/load-plan';
import { loadQuality, type Quality } from '../../import/quality';
import { reportCsv } from '../../import/report-csv';
import { buildSavedExtract, type SavePart } from '../../import/save';
import type { ImportResult } from '../../import/session';
import { tar } from '../../import/tar';
import type { Lang } from '../../i18n/format';
import type { DataStore } from '../../state/data.svelte';
import { districtsOf, namedCode } from '../../state/view';

export class DataModel {
	progress = $state<Record<number, ImportProgress>>({});
	running = $state(false);
	result = $state.raw<ImportResult | null>(null);
	error = $state<string | null>(null);
	loadState = $state<'idle' | 'loading' | 'loaded' | 'failed'>('idle');
	/** what went wrong or what was loaded, as the engine or the browser said it (not translated) */
	loadMessage = $state<string | null>(null);
	/** why "Muat ke dasbor" loaded nothing, kept as a reason so that its message follows the language */
	loadRefusal = $state<LoadRefusal | null>(null);
	saving = $state(false);
	quality = $state.raw<Quality | null>(null);
	qualityState = $state<'idle' | 'loading' | 'ready' | 'unavailable' | 'failed'>('idle');
	private qualityToken = 0;
	/** villages per district code, from the national code list, for the plan's warnings */
	private knownDesa = $state.raw<Record<string, number>>({});
	/** What "Muat ke dasbor" would load, worked out as soon as the report is in, so its warnings show before it is pressed. */
	readonly plan = $derived(this.result ? loadPlan(this.result, this.knownDesa) : null);

	constructor(private readonly store: DataStore) {}

	async run(files: File[]): Promise<void> {
		if (files.length === 0 || this.running) return;
		this.running = true;
		this.error = null;
		this.result = null;
		this.loadState = 'idle';
		this.loadMessage = null;
		this.loadRefusal = null;
		this.progress = {};
		try {
			const known = await fetchKnownCodes();
			this.knownDesa = known ? desaPerDistrict(known) : {};
			this.result = await importFiles(files, todayIso(), (p) => (this.progress = { ...this.progress, [p.file]: p }), known);
			if (known) void rememberUrls(['/geo/kode-desa.txt']);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.running = false;
		}
	}

	/** The plan's warnings (a district not replaced, one covered in part), in the page's language. */
	planNotes(lang: Lang): string[] {
		const m = this.store.manifest;
		return this.plan ? planNotes(this.plan, (k) => (m ? namedCode(m, k) : k), lang) : [];
	}

	/** Why loading failed, in the page's language. */
	loadFailure(lang: Lang): string | null {
		return this.loadRefusal ? LOAD_PLAN_MESSAGES[this.loadRefusal][lang] : this.loadMessage;
	}

	async load(): Promise<void> {
		const r = this.result;
		if (!r) return;
		const plan = this.plan ?? loadPlan(r);
		this.loadRefusal = plan.ok ? null : plan.reason;
		if (!plan.ok) {
			this.loadState = 'failed';
			return;
		}
		this.loadState = 'loading';
		try {
			await this.store.useUpload(r.tables, plan.kabs);
			this.loadState = 'loaded';
			// The districts by name and code (QA: the code alone), as the manifest now has them.
			this.loadMessage = plan.kabs.map((k) => (this.store.manifest ? namedCode(this.store.manifest, k) : k)).join(', ');
		} catch (e) {
			this.loadState = 'failed';
			this.loadMessage = e instanceof Error ? e.message : String(e);
		}
	}

	downloadReport(): void {
		if (this.result) download(new Blob([reportCsv(this.result.report)], { type: 'text/csv;charset=utf-8' }), 'laporan-validasi.csv');
	}

	async save(): Promise<void> {
		const m = this.store.manifest;
		if (!m || this.store.uploadedKabs.length === 0 || !this.result) return;
		this.saving = true;
		try {
			const { parquetWriter } = await import('../../import/parquet-write');
			const write = await parquetWriter();
			const parts: SavePart[] = [];
			for (const t of this.result.tables) {
				for (const kab of this.store.uploadedKabs) {
					const rows = t.kabs[kab] ?? 0;
					if (rows) parts.push({ table: t.table, kodeKab: kab, rows, ipc: await uploadedArrow(t.table, kab) });
				}
			}
			parts.sort((a, b) => TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table));
			const areas = m.areas.filter((a) => this.store.uploadedKabs.includes(a.kode_kab));
			const files = await buildSavedExtract(parts, { extractDate: this.result.report.maxDate, window: m.window, areas }, write);
			download(new Blob([tar(files) as BlobPart], { type: 'application/x-tar' }), `ekstrak-${this.store.uploadedKabs.join('_')}.tar`);
		} catch (e) {
			this.loadMessage = e instanceof Error ? e.message : String(e);
		} finally {
			this.saving = false;
		}
	}

	/** Quality of whatever is loaded for the area; districts are loaded first when needed. */
	async checkQuality(area: string): Promise<void> {
		const mine = ++this.qualityToken;
		const m = this.store.manifest;
		if (!m || area === '' || districtsOf(m, area).length !== 1) {
			this.qualityState = 'unavailable';
			return;
		}
		this.qualityState = 'loading';
		try {
			const mode = await this.store.ensureArea(area);
			if (mine !== this.qualityToken) return;
			if (mode !== 'live') {
				this.qualityState = 'unavailable';
				return;
			}
			const q = await loadQuality(area);
			if (mine !== this.qualityToken) return;
			this.quality = q;
			this.qualityState = 'ready';
		} catch (e) {
			if (mine === this.qualityToken) {
				this.qualityState = 'failed';
				this.loadMessage = e instanceof Error ? e.message : String(e);
			}
		}
	}
}

function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
