/**
 * The one place that drives MapLibre for the desa map. Callers say what they want (a district's
 * polygons, a colouring, a kecamatan filter, a selected desa); the pure functions in
 * feature-state.ts decide what changes, and only that is applied: the GeoJSON is set once per
 * district, recolouring is feature-state only.
 */
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type GeoJSONSource, type GeoJSONSourceSpecification, type LayerSpecification, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { CLASS_STATE, desaColorExpression, REASON_STATE } from './expression';
import { classStateEdits, ColourSlots, reasonStates, sourceChange, stateEdits, type ClassStates } from './feature-state';
import { addHatchImages, DESA_HATCH, desaHatchLayer, HATCH_SOURCE, REASON_PROPERTY, uncolouredFeatures } from './hatch';
import type { UncolouredReason } from './uncoloured';
import { MAP_PALETTES } from './palette';
import { DESA_HIGHLIGHT, desaHighlightLayer, HIGHLIGHT_SOURCE, highlightFeatures } from './highlight';
import { holdPaintUntil, type PaintGate } from './paint-gate';
import { mapLocale, relabelMap } from './locale';
import type { Lang } from '../i18n/format';
import { BACKGROUND_COLOR, baseStyle, boundsOf, MAP_OPTIONS, type Bounds, DESA_FILL, DESA_TOLERANCE, DESA_ID_PROPERTY, POLYGON_TILE_BUFFER, DESA_OUTLINE, DESA_SOURCE, desaFillLayer, desaOutlineLayer, kecamatanFilter, outlineMinZoom, outlineOpacity } from './style';

setWorkerUrl(workerUrl);

type GeoJSONData = Extract<GeoJSONSourceSpecification['data'], object>;

export interface DesaFeatureCollection {
	type: 'FeatureCollection';
	/** Each feature's neighbours by index, written when the boundaries were prepared (geo/contiguity.ts, storedContiguity). */
	tetangga?: number[][];
	features: { type: 'Feature'; properties: { kode: string; nama: string; kode_kec: string; nama_kec: string; jenis: string }; geometry: { type: string; coordinates: unknown } }[];
}

/** Each desa's class (null: uncoloured, for its reason; none given: no data) and the colour of each class. */
export interface MapColouring {
	palette: readonly string[];
	classes: ClassStates;
	reasons?: ReadonlyMap<string, UncolouredReason>;
}

const sameMap = <V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean => a.size === b.size && [...a].every(([k, v]) => (b.get(k) ?? null) === v);
const sameColouring = (a: MapColouring, b: MapColouring): boolean =>
	a.palette.length === b.palette.length && a.palette.every((c, i) => c === b.palette[i]) && sameMap(a.classes, b.classes) && sameMap(a.reasons ?? new Map(), b.reasons ?? new Map());

export interface DesaMapHandlers {
	onHover(kode: string | null, x: number, y: number): void;
	onClick(kode: string | null): void;
}

/** Padding around a fitted district, in pixels, so edge desa are not under the controls. */
const FIT_PADDING = 24;

export class DesaMap {
	private readonly map: MapLibreMap;
	private readonly ready: Promise<void>;
	/** No frame is painted until a district's desa can be painted whole (paint-gate.ts). */
	private readonly gate: PaintGate;
	/** The polygons the desa source holds (null: none). */
	private data: DesaFeatureCollection | null = null;
	private features: DesaFeatureCollection['features'] = [];
	private byKode = new Map<string, DesaFeatureCollection['features'][number]>();
	/** Each desa's colour slot, as set in feature-state */
	private states: ClassStates = new Map();
	/** Each uncoloured desa's reason, as set in feature-state (none for no data) */
	private reasons: ReadonlyMap<string, UncolouredReason | null> = new Map();
	/** The colouring the page last asked for (a picture may hatch some desa for a moment). */
	private colouring: MapColouring | null = null;
	private readonly slots = new ColourSlots(MAP_PALETTES);
	/** The codes the hatch source holds, joined: it is replaced only when they change. */
	private hatchKey = '';
	/** The kecamatan the layers are filtered to and the map fitted to; undefined until set for this district. */
	private kecamatan: string | null | undefined = undefined;
	/** The kecamatan the layers' filter shows (null: no filter), whatever the district. */
	private filtered: string | null = null;
	/** The data each overlay source was last given, by source id. */
	private overlays = new Map<string, object>();
	private hovered: string | null = null;
	private selected: string | null = null;

	constructor(
		private readonly container: HTMLElement,
		private readonly handlers: DesaMapHandlers,
		lang: Lang
	) {
		this.map = new MapLibreMap({ container, style: baseStyle(), center: [110, -7], zoom: 8, locale: mapLocale(lang), ...MAP_OPTIONS });
		this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.gate = holdPaintUntil(this.map, () => this.map.getSource(DESA_SOURCE) !== undefined && this.map.loaded());
		// What shows until the first frame, and on a map without polygons: the map's own background.
		container.style.backgroundColor = BACKGROUND_COLOR;
		// Browser tests read rendered features and project centroids through this handle.
		(globalThis as { __slrtMap?: MapLibreMap }).__slrtMap = this.map;
		this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
		this.map.on('mousemove', DESA_FILL, (e: MapLayerMouseEvent) => {
			const kode = (e.features?.[0]?.id as string | undefined) ?? null;
			this.setHover(kode);
			handlers.onHover(kode, e.point.x, e.point.y);
		});
		this.map.on('mouseleave', DESA_FILL, () => {
			this.setHover(null);
			handlers.onHover(null, 0, 0);
		});
		this.map.on('click', (e) => {
			const [f] = this.map.queryRenderedFeatures(e.point, { layers: [DESA_FILL] });
			handlers.onClick((f?.id as string | undefined) ?? null);
		});
	}

	/** The map's own controls in `lang` (the page's language switched). */
	setLang(lang: Lang): void {
		relabelMap(this.container, lang);
	}

	/** Shows a district's polygons; the same polygons again change nothing. */
	async setDistrict(kodeKab: string | null, data: DesaFeatureCollection | null): Promise<void> {
		await this.ready;
		const change = sourceChange(this.data, kodeKab ? data : null);
		if (change === 'none') return;
		this.states = new Map();
		this.reasons = new Map();
		this.colouring = null;
		this.leave();
		this.selected = null;
		this.kecamatan = undefined;
		this.drawHatch([]);
		this.data = kodeKab ? data : null;
		this.features = this.data?.features ?? [];
		this.byKode = new Map(this.features.map((f) => [f.properties.kode, f]));
		this.drawHighlight();
		const source = this.map.getSource<GeoJSONSource>(DESA_SOURCE);
		if (change === 'remove' || !data) {
			source?.setData({ type: 'FeatureCollection', features: [] });
			return;
		}
		if (source) {
			this.map.removeFeatureState({ source: DESA_SOURCE });
			source.setData(data as GeoJSONData);
		} else {
			this.map.addSource(DESA_SOURCE, { type: 'geojson', data: data as GeoJSONData, promoteId: DESA_ID_PROPERTY, tolerance: DESA_TOLERANCE, buffer: POLYGON_TILE_BUFFER });
			this.map.addLayer(desaFillLayer(this.slots.colours));
			addHatchImages(this.map);
			this.map.addSource(HATCH_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: DESA_TOLERANCE, buffer: POLYGON_TILE_BUFFER });
			this.map.addLayer(desaHatchLayer());
			this.map.addLayer(desaOutlineLayer());
			this.map.addSource(HIGHLIGHT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: DESA_TOLERANCE, buffer: POLYGON_TILE_BUFFER });
			this.map.addLayer(desaHighlightLayer());
		}
		// Boundaries from the zoom at which this district's desa are wide enough to show them.
		const bounds = boundsOf(this.features.map((f) => f.geometry));
		this.map.setPaintProperty(DESA_OUTLINE, 'line-opacity', outlineOpacity(bounds ? outlineMinZoom(bounds, this.features.length) : 0));
		this.fitBounds(bounds);
	}

	/**
	 * Narrows the map to one kecamatan (a layer filter, not new data) and fits it. The same kecamatan
	 * again changes nothing: a filter or layer change keeps where the user has panned and zoomed, and
	 * costs no extra frame.
	 */
	async setKecamatan(kodeKec: string | null): Promise<void> {
		await this.ready;
		if (!this.map.getLayer(DESA_FILL) || kodeKec === this.kecamatan) return;
		// The whole district right after setDistrict, which fitted it: nothing to fit again.
		const fitted = kodeKec === null && this.kecamatan === undefined;
		this.kecamatan = kodeKec;
		// Only a filter that changes is set: MapLibre takes any setFilter as a change of the layer (even
		// none for none) and pauses and reloads its source, here while the district is being tiled.
		if (kodeKec !== this.filtered) {
			for (const id of [DESA_FILL, DESA_HATCH, DESA_OUTLINE, DESA_HIGHLIGHT]) this.map.setFilter(id, kecamatanFilter(kodeKec));
			this.filtered = kodeKec;
			// The desa under the pointer may be filtered out: its tooltip goes until the pointer moves.
			this.leave();
		}
		if (!fitted) this.fit(kodeKec);
	}

	/**
	 * Colours desa by class in `palette`: feature-state edits of the desa whose colour changes, and a
	 * new fill expression only for a colour the map has not drawn before (ColourSlots).
	 */
	async setColouring(palette: readonly string[], classes: ClassStates, reasons: ReadonlyMap<string, UncolouredReason> = new Map()): Promise<void> {
		await this.ready;
		this.colouring = { palette, classes, reasons };
		this.applyColouring(this.colouring);
	}

	private applyColouring({ palette, classes, reasons = new Map() }: MapColouring): void {
		if (!this.map.getLayer(DESA_FILL)) return;
		if (this.slots.add(palette)) this.map.setPaintProperty(DESA_FILL, 'fill-color', desaColorExpression(this.slots.colours));
		const states = this.slots.states(palette, classes);
		for (const edit of classStateEdits(this.states, states)) {
			const target = { source: DESA_SOURCE, id: edit.kode };
			if (edit.action === 'set') this.map.setFeatureState(target, { [CLASS_STATE]: edit.value });
			else this.map.removeFeatureState(target, CLASS_STATE);
		}
		this.states = states;
		const why = reasonStates(classes, reasons);
		for (const edit of stateEdits(this.reasons, why)) {
			const target = { source: DESA_SOURCE, id: edit.kode };
			if (edit.action === 'set') this.map.setFeatureState(target, { [REASON_STATE]: edit.value });
			else this.map.removeFeatureState(target, REASON_STATE);
		}
		this.reasons = why;
		this.drawHatch(uncolouredFeatures(this.features, classes, reasons));
	}

	async setSelected(kode: string | null): Promise<void> {
		await this.ready;
		if (kode === this.selected || !this.map.getSource(DESA_SOURCE)) return;
		this.selected = kode;
		this.drawHighlight();
	}

	/**
	 * The map as drawn, as a PNG data URL; with `colouring`, as coloured so for the picture alone (a
	 * public copy leaves out a figure resting on a count of 1–4 and classes the rest without it), the
	 * map then coloured again as the page last asked.
	 */
	async snapshot(colouring?: MapColouring): Promise<string> {
		await this.ready;
		const shown = this.colouring;
		if (!shown || !colouring || sameColouring(shown, colouring)) return this.capture();
		this.applyColouring(colouring);
		try {
			await this.idle();
			return await this.capture();
		} finally {
			// As the page last asked, which may have changed meanwhile (none: another district came in).
			if (this.colouring) this.applyColouring(this.colouring);
		}
	}

	/** The frame drawn next, read inside its render while the drawing buffer still holds it. */
	private capture(): Promise<string> {
		return new Promise((resolve) => {
			this.map.once('render', () => resolve(this.map.getCanvas().toDataURL('image/png')));
			this.map.triggerRepaint();
		});
	}

	/** Once every source is tiled and the map drawn with them (or after `ms`, so an export never hangs on a busy map). */
	private idle(ms = 5_000): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(resolve, ms);
			this.map.once('idle', () => (clearTimeout(timer), resolve()));
			this.map.triggerRepaint();
		});
	}

	/**
	 * Extra GeoJSON drawn above the desa (e.g. planned sites and their catchments): the source and
	 * its layers are added the first time, later calls only replace the data.
	 */
	async setOverlay(id: string, data: object, layers: readonly LayerSpecification[]): Promise<void> {
		await this.ready;
		// The same data again (a filter change that does not touch the overlay) would re-tile the
		// source in MapLibre's worker and draw the map once more for nothing.
		if (this.overlays.get(id) === data) return;
		this.overlays.set(id, data);
		const source = this.map.getSource<GeoJSONSource>(id);
		if (source) return void source.setData(data as GeoJSONData);
		this.map.addSource(id, { type: 'geojson', data: data as GeoJSONData });
		for (const layer of layers) this.map.addLayer(layer);
	}

	destroy(): void {
		this.gate.dispose();
		this.map.remove();
		const g = globalThis as { __slrtMap?: MapLibreMap };
		if (g.__slrtMap === this.map) delete g.__slrtMap;
	}

	/** No desa under the pointer any more (its polygons replaced or filtered out): highlight and tooltip go. */
	private leave(): void {
		if (this.hovered === null) return;
		this.setHover(null);
		this.handlers.onHover(null, 0, 0);
	}

	private setHover(kode: string | null): void {
		if (kode === this.hovered) return;
		this.hovered = kode;
		this.drawHighlight();
		this.map.getCanvas().style.cursor = kode ? 'pointer' : '';
	}

	/** The desa without a class, with their reasons, into the hatch source (hatch.ts), once it exists, when they changed. */
	private drawHatch(features: ReturnType<typeof uncolouredFeatures<DesaFeatureCollection['features'][number]>>): void {
		const key = features.map((f) => `${f.properties.kode}:${f.properties[REASON_PROPERTY]}`).join();
		const source = this.map.getSource<GeoJSONSource>(HATCH_SOURCE);
		if (!source || key === this.hatchKey) return;
		this.hatchKey = key;
		source.setData({ type: 'FeatureCollection', features } as GeoJSONData);
	}

	/** The selected and hovered desa into the highlight source (highlight.ts), once it exists. */
	private drawHighlight(): void {
		const features = highlightFeatures(this.byKode, this.selected, this.hovered);
		this.map.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE)?.setData({ type: 'FeatureCollection', features } as GeoJSONData);
	}

	private fit(kodeKec: string | null): void {
		const shown = kodeKec ? this.features.filter((f) => f.properties.kode_kec === kodeKec) : this.features;
		this.fitBounds(boundsOf(shown.map((f) => f.geometry)));
	}

	private fitBounds(b: Bounds | null): void {
		if (b) this.map.fitBounds(b, { padding: FIT_PADDING, animate: false });
	}
}
