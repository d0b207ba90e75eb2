/**
 * The planning view's URL parameters, beside wilayah/periode (state/view.ts): service radius,
 * how many new sites, the objective, the weight of an open complaint and which desa may host a
 * site. A number out of range is brought into it exactly as a typed one is (`clampParam`), so a
 * hand-edited `n=25` plans 20 as typing 25 does; anything else falls back to the default.
 */
import type { Objective } from './scenario';

export const RADIUS_KM = { min: 1, max: 30, default: 5 } as const;
/** 0 new sites shows today's coverage alone, with the curve of what sites would add. */
export const NEW_SITES = { min: 0, max: 20, default: 3 } as const;
/** An open complaint weighs this many poor households at most. */
export const KELUHAN_WEIGHT = { min: 0, max: 100, default: 0 } as const;
export const OBJECTIVES = ['mclp', 'pcenter'] as const;
/** semua: every desa; tanpa: only desa without a Puskesos. */
export const KANDIDAT = ['semua', 'tanpa'] as const;
export type Kandidat = (typeof KANDIDAT)[number];

const RANGES = { radius: RADIUS_KM, n: NEW_SITES, bobot: KELUHAN_WEIGHT } as const;

export interface SitingParams {
	radius: number;
	n: number;
	tujuan: Objective;
	bobot: number;
	kandidat: Kandidat;
}

export const DEFAULT_SITING: SitingParams = { radius: RADIUS_KM.default, n: NEW_SITES.default, tujuan: 'mclp', bobot: KELUHAN_WEIGHT.default, kandidat: 'semua' };

/** A URL value as the input would take it: a number clamped to range, anything else the default. */
function inRange(key: 'radius' | 'n' | 'bobot', v: string | null): number {
	const r = RANGES[key];
	if (v === null || v.trim() === '') return r.default;
	return clampParam(key, Number(v.replace(',', '.')));
}

export function readSitingParams(params: URLSearchParams): SitingParams {
	const t = params.get('tujuan');
	const k = params.get('kandidat');
	return {
		radius: inRange('radius', params.get('radius')),
		n: inRange('n', params.get('n')),
		tujuan: (OBJECTIVES as readonly string[]).includes(t ?? '') ? (t as Objective) : DEFAULT_SITING.tujuan,
		bobot: inRange('bobot', params.get('bobot')),
		kandidat: (KANDIDAT as readonly string[]).includes(k ?? '') ? (k as Kandidat) : DEFAULT_SITING.kandidat
	};
}

/** Parameters that are whole numbers: a count of sites, and a weight counted in households (the box steps by 1). */
const WHOLE: ReadonlySet<string> = new Set(['n', 'bobot']);

/**
 * A typed value brought into range (whole numbers for N and the weight), so the URL never holds what
 * the page would ignore: a weight of 8.33 from a hand-edited link plans, and says, 8.
 */
export function clampParam(key: 'radius' | 'n' | 'bobot', v: number): number {
	const r = RANGES[key];
	if (!Number.isFinite(v)) return r.default;
	const x = Math.min(r.max, Math.max(r.min, v));
	return WHOLE.has(key) ? Math.round(x) : x;
}

/** Query string with the given parameters set, keeping every other parameter. */
export function writeSitingParams(params: URLSearchParams, p: Partial<SitingParams>): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const [key, v] of Object.entries(p)) if (v !== undefined) out.set(key, String(v));
	return out;
}

/** A value the page used otherwise than asked: out of range, not whole, or not a number. */
export interface Clamp {
	key: 'radius' | 'n' | 'bobot';
	asked: string;
	used: number;
}

/**
 * The query string with each planning value it holds written as the page uses it (`n=25` → `n=20`,
 * `bobot=8.33` → `bobot=8`, an unknown objective → the default), and the numbers so changed; null
 * when it already says what is used. So the address and a copied link are the plan shown.
 */
export function usedSitingParams(params: URLSearchParams): { params: URLSearchParams; clamped: Clamp[] } | null {
	const used = readSitingParams(params);
	const out = new URLSearchParams(params);
	const clamped: Clamp[] = [];
	for (const key of Object.keys(used) as (keyof SitingParams)[]) {
		const asked = params.get(key);
		if (asked === null || asked === String(used[key])) continue;
		out.set(key, String(used[key]));
		// `2,5` for 2.5 is the same value, written the page's way: nothing to say.
		if ((key === 'radius' || key === 'n' || key === 'bobot') && Number(asked.replace(',', '.')) !== used[key]) clamped.push({ key, asked, used: used[key] });
	}
	return out.toString() === params.toString() ? null : { params: out, clamped };
}
