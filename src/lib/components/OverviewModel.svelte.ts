/** Ringkasan's state: summary figures at once, then live DuckDB-WASM figures for the same view. */
import { query } from '../db/query';
import { holdBackground } from '../offline/idle';
import { markOnce } from '../perf/marks';
import { completeTrend, headlineFromSummaries, headlineParams, HEADLINE_SQL, sameFigures, TREND_SQL, type Headline, type TrendPoint } from '../overview/headline';
import { covers, type Period } from '../overview/period';
import { holdsLine, type FigureSource } from '../overview/source';
import type { DataStore } from '../state/data.svelte';
import { LOADING_NOTICE_MS } from '../state/notice';

export class OverviewModel {
	headline = $state.raw<Headline | null>(null);
	trend = $state.raw<TrendPoint[]>([]);
	source = $state<FigureSource>('none');
	/** The source the page's source line says: `source`, except that a refresh of live figures keeps saying live for a moment (holdsLine). */
	line = $state<FigureSource>('none');
	private lineTimer: ReturnType<typeof setTimeout> | undefined;
	error = $state<string | null>(null);
	/** Counts views whose figures are final (live, or the summary where rows are not loaded): the benchmark waits on it. */
	generation = $state(0);
	/**
	 * Counts the times every panel shows exact figures for the view asked for: the summary's first
	 * (exact, tested equal to the SQL), then the live ones. A filter change is answered when it moves.
	 */
	shown = $state(0);
	private token = 0;

	constructor(private readonly store: DataStore) {}

	/** Shows the area's figures for the period; the offline copies wait until it is done (holdBackground). */
	load(area: string, period: Period): Promise<void> {
		return holdBackground(this.run(area, period));
	}

	private async run(area: string, period: Period): Promise<void> {
		const mine = ++this.token;
		const current = () => mine === this.token;
		this.error = null;
		// A summary answers only the months of its window (an upload's period may lie outside the extract's).
		const all = await this.store.summariesFor(area);
		const summaries = all.every((s) => covers(s.window, period)) ? all : [];
		if (!current()) return;
		// Too many rows for the tab: the summary's figures are exact (tested equal to the SQL) and final,
		// so they are shown as such at once rather than relabelled a moment later.
		const final = this.store.aggregateOnly(area);
		if (summaries.length) {
			const s = headlineFromSummaries(summaries, area, period);
			this.headline = s.headline;
			this.trend = s.trend;
			this.setSource(final ? 'aggregate' : 'summary');
			this.shown++;
			markOnce('slrt:first-figures');
			if (final) {
				this.generation++;
				markOnce('slrt:interactive');
				return;
			}
		}
		// DuckDB-WASM compiles 24 MB of WASM, in its worker: it starts as soon as the first figures are
		// set, not before them; loading the district's rows waits until they are drawn.
		this.store.startEngine(area);
		await nextFrame();
		const mode = await this.store.ensureArea(area);
		if (!current()) return;
		if (mode === 'failed' && summaries.length) this.setSource('fallback');
		if (mode !== 'live') {
			this.generation++;
			markOnce('slrt:interactive');
			return;
		}
		// Interactive: DuckDB-WASM is ready with the area's rows and every panel shows exact figures
		// (the summary's, tested equal to the SQL); the live query below confirms them.
		if (summaries.length) {
			markOnce('slrt:interactive');
			// The summary's figures are exact: let their frame reach the screen before the live query
			// competes with it. One frame ends the page's part of it; the compositor still rasters and
			// draws it, which the query in DuckDB's worker would slow on two cores, so the query waits
			// one frame more (interleaved runs of 20 changes: median 74–93 → 57–71 ms, p95 103–166 →
			// 79–120 ms, to the second frame after the figures; the confirmation comes a frame later).
			await nextFrame();
			await nextFrame();
			if (!current()) return;
		}
		try {
			const params = headlineParams(area, period);
			const [[h], t] = await Promise.all([query<Headline>(HEADLINE_SQL, params), query<TrendPoint>(TREND_SQL, params)]);
			if (!current()) return;
			const live = { headline: h, trend: completeTrend(t, period) };
			// Equal figures (the usual case) keep the drawn cards and chart: only the source label changes.
			if (!sameFigures(this, live)) {
				this.headline = live.headline;
				this.trend = live.trend;
			}
			this.setSource('live');
			this.generation++;
			this.shown++;
			markOnce('slrt:live-figures');
			markOnce('slrt:interactive');
		} catch (e) {
			if (!current()) return;
			this.error = e instanceof Error ? e.message : String(e);
			// No live figures will follow: the summary's stay, and say so.
			if (this.source === 'summary') this.setSource('fallback');
		}
	}

	private setSource(next: FigureSource): void {
		this.source = next;
		clearTimeout(this.lineTimer);
		if (!holdsLine(this.line, next)) {
			this.line = next;
			return;
		}
		this.lineTimer = setTimeout(() => (this.line = this.source), LOADING_NOTICE_MS);
	}
}

function nextFrame(): Promise<void> {
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
