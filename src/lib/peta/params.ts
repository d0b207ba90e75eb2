import { KATEGORI_KELUHAN, PROGRAM_KELUHAN } from '../contract/schema';
import { RADIUS_KM } from '../siting/params';

/**
 * The Peta view's own URL parameters, beside wilayah/periode (state/view.ts): which layer, which
 * legend classification, and whether complaint rates are Empirical-Bayes smoothed.
 */
export const LAPISAN = ['kemiskinan', 'keluhan', 'hotspot', 'rujukan', 'puskesos'] as const;
export type Lapisan = (typeof LAPISAN)[number];

/**
 * URL names of the classification methods (classify.ts names them quantile/equalInterval/ckmeans/
 * fixedBands); 'target' = fixed target bands, for layers that have them (bands.ts), else quantile.
 */
export const KLASIFIKASI = ['quantile', 'equal', 'ckmeans', 'target'] as const;
export type Klasifikasi = (typeof KLASIFIKASI)[number];

/** The hotspot layer's statistic: Getis-Ord Gi* (hot and cold spots) or local Moran's I (clusters and outliers). */
export const HOTSPOT_METHOD = ['gi', 'moran'] as const;
export type HotspotMethod = (typeof HOTSPOT_METHOD)[number];

/** What the rujukan layer colours by: share completed, median days to completion, or share past the service standard. */
export const RUJUKAN_VIEW = ['selesai', 'median', 'lewat'] as const;
export type RujukanView = (typeof RUJUKAN_VIEW)[number];

/** The referral service standard in days when the URL names none. */
export const DEFAULT_STANDAR = 14;
/** Bounds of a typed standard: a day at least, a year at most (longer is no standard). */
export const STANDAR_MIN = 1;
export const STANDAR_MAX = 365;

export interface PetaParams {
	lapisan: Lapisan;
	klasifikasi: Klasifikasi;
	/** complaint rates smoothed (true, the default) or raw */
	eb: boolean;
	/** complaint category the keluhan and hotspot layers count ('' = every category) */
	kategori: string;
	/** programme the keluhan and hotspot layers count ('' = every programme) */
	program: string;
	hotspot: HotspotMethod;
	rujukan: RujukanView;
	/** referral service standard in days */
	standar: number;
	/** Puskesos catchment radius in km (the planning view's bounds and default) */
	radius: number;
}

export const DEFAULT_PETA: PetaParams = { lapisan: 'kemiskinan', klasifikasi: 'quantile', eb: true, kategori: '', program: '', hotspot: 'gi', rujukan: 'selesai', standar: DEFAULT_STANDAR, radius: RADIUS_KM.default };

/** A catchment radius in km within the planning bounds (decimals allowed), or the default. */
export function readRadius(v: string | null): number {
	const n = v !== null && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
	return n >= RADIUS_KM.min && n <= RADIUS_KM.max ? n : RADIUS_KM.default;
}

/** A whole number of days within the bounds, or the default for anything else in the URL. */
export function readStandar(v: string | null): number {
	if (v === null || !/^\d+$/.test(v)) return DEFAULT_STANDAR;
	const n = Number(v);
	return n >= STANDAR_MIN && n <= STANDAR_MAX ? n : DEFAULT_STANDAR;
}

const oneOf = (values: readonly string[], v: string | null) => (v !== null && values.includes(v) ? v : '');

export function readPetaParams(params: URLSearchParams): PetaParams {
	const l = params.get('lapisan');
	const k = params.get('klasifikasi');
	return {
		lapisan: (LAPISAN as readonly string[]).includes(l ?? '') ? (l as Lapisan) : DEFAULT_PETA.lapisan,
		// The distance layer opens on its service-radius bands; every other on quantiles.
		klasifikasi: (KLASIFIKASI as readonly string[]).includes(k ?? '') ? (k as Klasifikasi) : l === 'puskesos' ? 'target' : DEFAULT_PETA.klasifikasi,
		eb: params.get('eb') !== '0',
		kategori: oneOf(KATEGORI_KELUHAN, params.get('kategori')),
		program: oneOf(PROGRAM_KELUHAN, params.get('program')),
		hotspot: (oneOf(HOTSPOT_METHOD, params.get('hotspot')) || DEFAULT_PETA.hotspot) as HotspotMethod,
		rujukan: (oneOf(RUJUKAN_VIEW, params.get('rujukan')) || DEFAULT_PETA.rujukan) as RujukanView,
		standar: readStandar(params.get('standar')),
		radius: readRadius(params.get('radius'))
	};
}

/** Query string with the given Peta parameters set, keeping every other parameter. */
export function writePetaParams(params: URLSearchParams, p: Partial<PetaParams>): URLSearchParams {
	const out = new URLSearchParams(params);
	if (p.lapisan) out.set('lapisan', p.lapisan);
	if (p.klasifikasi) out.set('klasifikasi', p.klasifikasi);
	if (p.eb !== undefined) out.set('eb', p.eb ? '1' : '0');
	for (const key of ['kategori', 'program'] as const) {
		const v = p[key];
		if (v === '') out.delete(key);
		else if (v !== undefined) out.set(key, v);
	}
	// Defaults leave the URL, so a plain Gi*/completion view keeps its short link.
	if (p.hotspot) p.hotspot === DEFAULT_PETA.hotspot ? out.delete('hotspot') : out.set('hotspot', p.hotspot);
	if (p.rujukan) p.rujukan === DEFAULT_PETA.rujukan ? out.delete('rujukan') : out.set('rujukan', p.rujukan);
	if (p.standar !== undefined) p.standar === DEFAULT_STANDAR ? out.delete('standar') : out.set('standar', String(p.standar));
	if (p.radius !== undefined) p.radius === RADIUS_KM.default ? out.delete('radius') : out.set('radius', String(p.radius));
	return out;
}

/** The district a map shows for an area: its kabupaten/kota, or null for a province or everything. */
export function districtOf(area: string): string | null {
	return area.length >= 5 ? area.slice(0, 5) : null;
}

/** The kecamatan an area narrows the map to, or null. */
export function kecamatanOf(area: string): string | null {
	return area.length >= 8 ? area.slice(0, 8) : null;
}
