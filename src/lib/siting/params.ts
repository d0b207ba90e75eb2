/**
 * The planning view's URL parameters, beside wilayah/periode (state/view.ts): service radius,
 * how many new sites, the objective, the weight of an open complaint and which desa may host a
 * site. Anything out of range falls back to the default, so a hand-edited link still opens.
 */
import type { Objective } from './scenario';

export const RADIUS_KM = { min: 1, max: 30, default: 5 } as const;
export const NEW_SITES = { min: 1, max: 20, default: 3 } as const;
/** An open complaint weighs this many poor households at most. */
export const KELUHAN_WEIGHT = { min: 0, max: 100, default: 0 } as const;
export const OBJECTIVES = ['mclp', 'pcenter'] as const;
/** semua: every desa; tanpa: only desa without a Puskesos. */
export const KANDIDAT = ['semua', 'tanpa'] as const;
export type Kandidat = (typeof KANDIDAT)[number];

export interface SitingParams {
	radius: number;
	n: number;
	tujuan: Objective;
	bobot: number;
	kandidat: Kandidat;
}

export const DEFAULT_SITING: SitingParams = { radius: RADIUS_KM.default, n: NEW_SITES.default, tujuan: 'mclp', bobot: KELUHAN_WEIGHT.default, kandidat: 'semua' };

function inRange(v: string | null, r: { min: number; max: number; default: number }, integer: boolean): number {
	if (v === null || v.trim() === '') return r.default;
	const x = Number(v.replace(',', '.'));
	if (!Number.isFinite(x) || x < r.min || x > r.max || (integer && !Number.isInteger(x))) return r.default;
	return x;
}

export function readSitingParams(params: URLSearchParams): SitingParams {
	const t = params.get('tujuan');
	const k = params.get('kandidat');
	return {
		radius: inRange(params.get('radius'), RADIUS_KM, false),
		n: inRange(params.get('n'), NEW_SITES, true),
		tujuan: (OBJECTIVES as readonly string[]).includes(t ?? '') ? (t as Objective) : DEFAULT_SITING.tujuan,
		bobot: inRange(params.get('bobot'), KELUHAN_WEIGHT, false),
		kandidat: (KANDIDAT as readonly string[]).includes(k ?? '') ? (k as Kandidat) : DEFAULT_SITING.kandidat
	};
}

/** A typed value brought into range (integers for N), so the URL never holds what the page would ignore. */
export function clampParam(key: 'radius' | 'n' | 'bobot', v: number): number {
	const r = key === 'radius' ? RADIUS_KM : key === 'n' ? NEW_SITES : KELUHAN_WEIGHT;
	if (!Number.isFinite(v)) return r.default;
	const x = Math.min(r.max, Math.max(r.min, v));
	return key === 'n' ? Math.round(x) : x;
}

/** Query string with the given parameters set, keeping every other parameter. */
export function writeSitingParams(params: URLSearchParams, p: Partial<SitingParams>): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const [key, v] of Object.entries(p)) if (v !== undefined) out.set(key, String(v));
	return out;
}
