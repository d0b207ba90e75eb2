/**
 * MapLibre for the national kabupaten/kota choropleth. The GeoJSON (514 polygons, decoded from the
 * TopoJSON at build time) is added once with `promoteId` on the Kemendagri code; changing the
 * indicator only sets feature-state (feature-state.ts decides the edits). A district without a class
 * (no value for the indicator) is drawn with the no-data tile Peta uses (hatch.ts, uncoloured.ts), by
 * a hatch layer over the same source whose filter lists them: set again only when that list changes.
 */
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { CLASS_STATE, classColorExpression, HOVER_STATE, SELECTED_STATE, outlineColorExpression, outlineWidthExpression } from './expression';
import { classStateEdits, ColourSlots, type ClassStates } from './feature-state';
import { addHatchImages, hatchedCodesFilter, hatchLayer, uncolouredCodes } from './hatch';
import { MAP_PALETTES } from './palette';
import { holdPaintUntil, type PaintGate } from './paint-gate';
import { BACKGROUND_COLOR, baseStyle, MAP_OPTIONS, POLYGON_TILE_BUFFER } from './style';
import { mapLocale, relabelMap } from './locale';
import type { Lang } from '../i18n/format';

setWorkerUrl(workerUrl);

export const KABKOTA_SOURCE = 'kabkota';
export const KABKOTA_FILL = 'kabkota-isi';
/** The pattern over the districts without a class. */
export const KABKOTA_HATCH = 'kabkota-tanpa-data';
const KABKOTA_OUTLINE = 'kabkota-batas';
/** Indonesia from Sabang to Merauke, [[west, south], [east, north]]. */
const INDONESIA: [[number, number], [number, number]] = [[94.9, -11.1], [141.1, 6.1]];
const FILL_OPACITY = 0.9;
const FIT_PADDING = 12;

export interface NationalMapHandlers {
	onHover(kode: string | null, x: number, y: number): void;
	onClick(kode: string | null): void;
	/** The boundaries could not be loaded (offline with no kept copy, a server error). */
	onUnavailable?(): void;
}

export class NationalMap {
	private readonly map: MapLibreMap;
	private readonly ready: Promise<void>;
	/** No frame is painted until the districts can be painted whole (paint-gate.ts). */
	private readonly gate: PaintGate;
	/** Each district's colour slot, as set in feature-state */
	private states: ClassStates = new Map();
	private readonly slots = new ColourSlots(MAP_PALETTES);
	/** The districts the hatch layer's filter lists, joined: the filter is set only when they change. */
	private hatchKey = '';
	private hovered: string | null = null;
	private selected = new Set<string>();

	constructor(
		private readonly container: HTMLElement,
		dataUrl: string,
		handlers: NationalMapHandlers,
		lang: Lang
	) {
		this.map = new MapLibreMap({ container, style: baseStyle(), bounds: INDONESIA, fitBoundsOptions: { padding: FIT_PADDING }, locale: mapLocale(lang), ...MAP_OPTIONS });
		this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
		this.gate = holdPaintUntil(this.map, () => this.map.getSource(KABKOTA_SOURCE) !== undefined && this.map.loaded());
		container.style.backgroundColor = BACKGROUND_COLOR;
		// Browser tests read rendered features through this handle.
		(globalThis as { __slrtNationalMap?: MapLibreMap }).__slrtNationalMap = this.map;
		this.ready = new Promise((resolve) =>
			this.map.once('load', () => {
				this.map.addSource(KABKOTA_SOURCE, { type: 'geojson', data: dataUrl, promoteId: 'kode', buffer: POLYGON_TILE_BUFFER });
				this.map.addLayer({ id: KABKOTA_FILL, type: 'fill', source: KABKOTA_SOURCE, paint: { 'fill-color': classColorExpression(this.slots.colours), 'fill-opacity': FILL_OPACITY } });
				addHatchImages(this.map);
				this.map.addLayer(hatchLayer(KABKOTA_HATCH, KABKOTA_SOURCE, hatchedCodesFilter([])));
				this.map.addLayer({ id: KABKOTA_OUTLINE, type: 'line', source: KABKOTA_SOURCE, paint: { 'line-color': outlineColorExpression(), 'line-width': outlineWidthExpression() } });
				resolve();
			})
		);
		this.map.on('error', (e) => {
			if ((e as { sourceId?: string }).sourceId !== KABKOTA_SOURCE) return;
			this.gate.open();
			handlers.onUnavailable?.();
		});
		this.map.on('mousemove', KABKOTA_FILL, (e: MapLayerMouseEvent) => {
			const kode = (e.features?.[0]?.id as string | undefined) ?? null;
			this.setHover(kode);
			handlers.onHover(kode, e.point.x, e.point.y);
		});
		this.map.on('mouseleave', KABKOTA_FILL, () => {
			this.setHover(null);
			handlers.onHover(null, 0, 0);
		});
		this.map.on('click', (e) => {
			const [f] = this.map.queryRenderedFeatures(e.point, { layers: [KABKOTA_FILL] });
			handlers.onClick((f?.id as string | undefined) ?? null);
		});
	}

	/** The map as drawn, as a PNG data URL: read inside a render, while the drawing buffer still holds the frame. */
	snapshot(): Promise<string> {
		return new Promise((resolve) => {
			this.map.once('render', () => resolve(this.map.getCanvas().toDataURL('image/png')));
			this.map.triggerRepaint();
		});
	}

	/** The map's own controls in `lang` (the page's language switched). */
	setLang(lang: Lang): void {
		relabelMap(this.container, lang);
	}

	/** Colours districts by class in `palette`, by feature-state alone (ColourSlots, feature-state.ts); those without one get the no-data pattern. */
	async setColouring(palette: readonly string[], classes: ClassStates): Promise<void> {
		await this.ready;
		if (this.slots.add(palette)) this.map.setPaintProperty(KABKOTA_FILL, 'fill-color', classColorExpression(this.slots.colours));
		const states = this.slots.states(palette, classes);
		for (const edit of classStateEdits(this.states, states)) {
			const target = { source: KABKOTA_SOURCE, id: edit.kode };
			if (edit.action === 'set') this.map.setFeatureState(target, { [CLASS_STATE]: edit.value });
			else this.map.removeFeatureState(target, CLASS_STATE);
		}
		this.states = states;
		this.drawHatch(uncolouredCodes(classes));
	}

	/** Outlines the districts being compared. */
	async setSelected(kodes: readonly string[]): Promise<void> {
		await this.ready;
		const next = new Set(kodes);
		for (const k of this.selected) if (!next.has(k)) this.map.setFeatureState({ source: KABKOTA_SOURCE, id: k }, { [SELECTED_STATE]: false });
		for (const k of next) if (!this.selected.has(k)) this.map.setFeatureState({ source: KABKOTA_SOURCE, id: k }, { [SELECTED_STATE]: true });
		this.selected = next;
	}

	destroy(): void {
		this.gate.dispose();
		this.map.remove();
		const g = globalThis as { __slrtNationalMap?: MapLibreMap };
		if (g.__slrtNationalMap === this.map) delete g.__slrtNationalMap;
	}

	/** Patterns the districts without a class; the same ones again change nothing (a new filter re-tiles the source). */
	private drawHatch(kodes: readonly string[]): void {
		const key = kodes.join();
		if (key === this.hatchKey) return;
		this.hatchKey = key;
		this.map.setFilter(KABKOTA_HATCH, hatchedCodesFilter(kodes));
	}

	private setHover(kode: string | null): void {
		if (kode === this.hovered) return;
		if (this.hovered) this.map.setFeatureState({ source: KABKOTA_SOURCE, id: this.hovered }, { [HOVER_STATE]: false });
		if (kode) this.map.setFeatureState({ source: KABKOTA_SOURCE, id: kode }, { [HOVER_STATE]: true });
		this.hovered = kode;
		this.map.getCanvas().style.cursor = kode ? 'pointer' : '';
	}
}
