import { KATEGORI_KELUHAN, PROGRAM_KELUHAN } from '../contract/schema';

/**
 * The Peta view's own URL parameters, beside wilayah/periode (state/view.ts): which layer, which
 * legend classification, and whether complaint rates are Empirical-Bayes smoothed.
 */
export const LAPISAN = ['kemiskinan', 'keluhan', 'hotspot', 'rujukan'] as const;
export type Lapisan = (typeof LAPISAN)[number];

/** URL names of the classification methods (classify.ts names them quantile/equalInterval/ckmeans). */
export const KLASIFIKASI = ['quantile', 'equal', 'ckmeans'] as const;
export type Klasifikasi = (typeof KLASIFIKASI)[number];

export interface PetaParams {
	lapisan: Lapisan;
	klasifikasi: Klasifikasi;
	/** complaint rates smoothed (true, the default) or raw */
	eb: boolean;
	/** complaint category the keluhan and hotspot layers count ('' = every category) */
	kategori: string;
	/** programme the keluhan and hotspot layers count ('' = every programme) */
	program: string;
}

export const DEFAULT_PETA: PetaParams = { lapisan: 'kemiskinan', klasifikasi: 'quantile', eb: true, kategori: '', program: '' };

const oneOf = (values: readonly string[], v: string | null) => (v !== null && values.includes(v) ? v : '');

export function readPetaParams(params: URLSearchParams): PetaParams {
	const l = params.get('lapisan');
	const k = params.get('klasifikasi');
	return {
		lapisan: (LAPISAN as readonly string[]).includes(l ?? '') ? (l as Lapisan) : DEFAULT_PETA.lapisan,
		klasifikasi: (KLASIFIKASI as readonly string[]).includes(k ?? '') ? (k as Klasifikasi) : DEFAULT_PETA.klasifikasi,
		eb: params.get('eb') !== '0',
		kategori: oneOf(KATEGORI_KELUHAN, params.get('kategori')),
		program: oneOf(PROGRAM_KELUHAN, params.get('program'))
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
