/**
 * Fetching the two configuration files both views need, once per page load: the targets file
 * (validated against the catalogue) and the national extract. Problems come back as messages.
 */
import { rememberResponse } from '../offline/remember';
import { checkNational, type NationalFile } from './national';
import { loadTargets, type Targets } from './targets';
import type { IndicatorDef } from './types';
import type { Loaded } from './validate';

export const TARGETS_URL = '/targets/indikator.json';
export const NATIONAL_URL = '/nasional/indikator.json';
export const KABKOTA_GEOJSON_URL = '/nasional/kabkota.geojson';

async function fetchJson(url: string): Promise<Loaded<unknown>> {
	try {
		// Asked of the server each time (offline/policy.ts, networkCache): a Dinas edits its targets in place.
		const r = await fetch(url, { cache: 'no-cache' });
		if (!r.ok) return { errors: [`${url}: HTTP ${r.status}`] };
		// Kept for offline use, like the extracts.
		rememberResponse(url, r);
		try {
			return { value: await r.json(), errors: [] };
		} catch (e) {
			return { errors: [`${url}: JSON tidak sah / invalid JSON: ${e instanceof Error ? e.message : e}`] };
		}
	} catch (e) {
		return { errors: [`${url}: ${e instanceof Error ? e.message : e}`] };
	}
}

let targets: Promise<Loaded<Targets>> | null = null;
let national: Promise<Loaded<NationalFile>> | null = null;

export function fetchTargets(defs: readonly IndicatorDef[]): Promise<Loaded<Targets>> {
	targets ??= fetchJson(TARGETS_URL).then((r) => (r.errors.length ? { errors: r.errors } : loadTargets(r.value, defs)));
	return targets;
}

export function fetchNational(): Promise<Loaded<NationalFile>> {
	national ??= fetchJson(NATIONAL_URL).then((r) => (r.errors.length ? { errors: [`${r.errors[0]} — jalankan / run: npx tsx scripts/build-national.ts`] } : checkNational(r.value)));
	return national;
}
