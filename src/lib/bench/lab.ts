/**
 * What bench/run.ts measures inside the page, exposed on `window.__slrtBench` by the unlinked
 * /bench/lab route: the dashboard's queries timed in DuckDB-WASM, the naive CSV route timed in the
 * same browser, and recolouring a whole province's desa on the map.
 */
import Papa from 'papaparse';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { query, type Param } from '../db/query';
import { DesaMap, type DesaFeatureCollection } from '../map/desa-map';
import { headlineFromSummaries, headlineParams, HEADLINE_SQL, type Headline } from '../overview/headline';
import type { Period } from '../overview/period';
import { DataStore } from '../state/data.svelte';
import { naiveHeadline, type CsvRow, type NaiveTables } from './naive-headline';
import { USER_PAUSE_MS, type RecolourTimes } from './pacing';

/** Each query run `runs` times after one warm-up run; milliseconds per run and the first row. */
export async function timeQuery(sql: string, params: readonly Param[], runs: number): Promise<{ ms: number[]; rows: number; first: unknown }> {
	const warm = await query(sql, params);
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await query(sql, params);
		ms.push(performance.now() - t0);
	}
	return { ms, rows: warm.length, first: warm[0] ?? null };
}

/** Fetch every CSV, parse it on the main thread with PapaParse, reduce in JS: the whole time, and the figures. */
export async function naiveRoute(urls: Record<keyof NaiveTables, string>, prefix: string, first: string, last: string): Promise<{ ms: number; headline: Headline }> {
	const t0 = performance.now();
	const tables = {} as Record<keyof NaiveTables, CsvRow[]>;
	for (const [name, url] of Object.entries(urls) as [keyof NaiveTables, string][]) {
		const text = await (await fetch(url)).text();
		tables[name] = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true }).data;
	}
	const headline = naiveHeadline(tables, prefix, first, last);
	return { ms: performance.now() - t0, headline };
}

/**
 * Our route to the same headline figures, timed as the naive one is (from nothing fetched to the
 * figures): the manifest and the district's summary, verified and added up. This is how the
 * dashboard shows them first; the pipeline wrote the summary at extract time.
 */
export async function summaryRoute(baseUrl: string, area: string, period: Period): Promise<{ ms: number; headline: Headline | null }> {
	const t0 = performance.now();
	const store = new DataStore(baseUrl);
	await store.init();
	const summaries = await store.summariesFor(area);
	const headline = summaries.length ? headlineFromSummaries(summaries, area, period).headline : null;
	return { ms: performance.now() - t0, headline };
}

/**
 * Our live route, timed the same way once DuckDB-WASM has started: the district's database fetched,
 * verified and attached, then HEADLINE_SQL. `store` is the page's, whose district is not yet loaded.
 */
export async function liveRoute(store: DataStore, area: string, period: Period): Promise<{ ms: number; headline: Headline | null; mode: string }> {
	const t0 = performance.now();
	const mode = await store.ensureArea(area);
	const [headline] = await query<Headline>(HEADLINE_SQL, headlineParams(area, period));
	return { ms: performance.now() - t0, headline: headline ?? null, mode };
}

/** Subscribed before the change: MapLibre fires 'render' and then 'idle' in the same frame. */
function next(map: MapLibreMap, event: 'render' | 'idle'): Promise<void> {
	return new Promise((resolve) => map.once(event, () => resolve()));
}

/**
 * Draws the polygons once, then recolours all of them `runs` times (a layer change: every desa gets
 * a new class), each after a user's pause, and times each from the call to the next drawn frame and
 * to the map being idle; then `runs` times back to back.
 */
export async function recolour(container: HTMLElement, geoUrl: string, runs: number, pauseMs = USER_PAUSE_MS): Promise<RecolourTimes> {
	const geometry = (await (await fetch(geoUrl)).json()) as DesaFeatureCollection;
	const dm = new DesaMap(container, { onHover: () => {}, onClick: () => {} }, 'id');
	const map = (globalThis as { __slrtMap?: MapLibreMap }).__slrtMap!;
	const shown = next(map, 'idle');
	await dm.setDistrict('bench', geometry);
	await shown;
	const palette = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
	const kodes = geometry.features.map((f) => f.properties.kode);
	const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
	/** Recolours with every desa's class shifted by `r` (consecutive shifts change every desa). */
	async function recolourOnce(r: number): Promise<{ frame: number; idle: number; call: number }> {
		const classes = new Map(kodes.map((k, i) => [k, (i + r) % palette.length]));
		const drawn = next(map, 'render');
		const settled = next(map, 'idle');
		const t0 = performance.now();
		await dm.setColouring(palette, classes);
		const call = performance.now() - t0;
		await drawn;
		const frame = performance.now() - t0;
		await settled;
		return { frame, idle: performance.now() - t0, call };
	}
	// The first colouring also sets the paint property: not a recolour.
	await recolourOnce(0);
	const out: RecolourTimes = { desa: kodes.length, frameMs: [], idleMs: [], callMs: [], backToBackMs: [], repaintMs: [] };
	for (let r = 1; r <= runs; r++) {
		await pause();
		const t = await recolourOnce(r);
		out.frameMs.push(t.frame);
		out.idleMs.push(t.idle);
		out.callMs.push(t.call);
	}
	await pause();
	for (let r = runs + 1; r <= 2 * runs; r++) out.backToBackMs.push((await recolourOnce(r)).frame);
	for (let r = 0; r < runs; r++) {
		await pause();
		const drawn = next(map, 'render');
		const t0 = performance.now();
		map.triggerRepaint();
		await drawn;
		out.repaintMs.push(performance.now() - t0);
	}
	dm.destroy();
	return out;
}
