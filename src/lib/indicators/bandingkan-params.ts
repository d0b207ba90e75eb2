/**
 * Bandingkan's own URL parameters (the URL is the source of truth, so a comparison can be shared):
 * `prov` province filter, `urut` sort key and `arah` direction, `pilih` the 2–4 districts compared,
 * `peta` the indicator the national map shows and `kelas` how it is classed.
 *
 * Without `prov`, the league table follows the area the other pages share (`wilayah`): a user
 * arriving from Kabupaten Tegal (33.28) or Jawa Tengah (33) sees Jawa Tengah's districts first. The
 * filter is written only when it differs from that default, so the link stays as it came and a
 * later change of area still leads; `prov=` (empty) is the user's explicit "all provinces".
 */
import type { SortKey } from './league';

export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;

export type MapClassing = 'rag' | 'kuantil';

export interface BandingkanParams {
	prov: string;
	/** the province filter is the shared area's province, not a choice made on this page */
	provFromArea: boolean;
	urut: SortKey;
	turun: boolean;
	pilih: string[];
	peta: string;
	kelas: MapClassing;
}

export const DEFAULT_BANDINGKAN: BandingkanParams = { prov: '', provFromArea: false, urut: 'rank', turun: false, pilih: [], peta: 'skor', kelas: 'rag' };

const KAB = /^\d{2}\.\d{2}$/;
const PROV = /^\d{2}$/;
const SORT = /^(rank|perubahan|nama|provinsi|p0_\d{4}|ind_[a-z0-9_]+)$/;
/** The province part of a shared area code: `33`, `33.28` and `33.28.01` are all in province 33. */
const AREA_PROV = /^(\d{2})(?:\.\d{2}){0,2}$/;

/** The province of the area the other pages share (`wilayah`), or '' for none (absent, `semua`). */
export function areaProvince(params: URLSearchParams): string {
	return AREA_PROV.exec(params.get('wilayah') ?? '')?.[1] ?? '';
}

/** Reads the parameters; unknown values fall back to defaults, `pilih` keeps at most four valid, distinct codes. */
export function readBandingkan(params: URLSearchParams, indicatorIds: readonly string[]): BandingkanParams {
	const urut = params.get('urut') ?? '';
	const validSort = SORT.test(urut) && (!urut.startsWith('ind_') || indicatorIds.includes(urut.slice(4)));
	const peta = params.get('peta') ?? '';
	const pilih = [...new Set((params.get('pilih') ?? '').split(',').filter((k) => KAB.test(k)))].slice(0, MAX_COMPARE);
	const prov = params.get('prov');
	const fromArea = prov === null ? areaProvince(params) : '';
	return {
		prov: prov === null ? fromArea : PROV.test(prov) ? prov : '',
		provFromArea: fromArea !== '',
		urut: validSort ? (urut as SortKey) : DEFAULT_BANDINGKAN.urut,
		turun: params.get('arah') === 'turun',
		pilih,
		peta: peta === 'skor' || peta === 'perubahan' || indicatorIds.includes(peta) ? peta : DEFAULT_BANDINGKAN.peta,
		kelas: params.get('kelas') === 'kuantil' ? 'kuantil' : 'rag'
	};
}

export function writeBandingkan(params: URLSearchParams, p: Partial<BandingkanParams>): URLSearchParams {
	const out = new URLSearchParams(params);
	const set = (k: string, v: string, dflt: string) => (v === dflt ? out.delete(k) : out.set(k, v));
	// The shared area's province is the default: written only when the user chose otherwise.
	if (p.prov !== undefined) set('prov', p.prov, areaProvince(params));
	if (p.urut !== undefined) set('urut', p.urut, 'rank');
	if (p.turun !== undefined) set('arah', p.turun ? 'turun' : 'naik', 'naik');
	if (p.pilih !== undefined) set('pilih', p.pilih.slice(0, MAX_COMPARE).join(','), '');
	if (p.peta !== undefined) set('peta', p.peta, 'skor');
	if (p.kelas !== undefined) set('kelas', p.kelas, 'rag');
	return out;
}

/**
 * Adds or removes a district from the comparison. A fifth is not added: the four chosen stay, and
 * `full` says so, for the page to tell the user (dropping one silently would lose a choice).
 */
export function togglePick(pilih: readonly string[], kode: string): { pilih: string[]; full: boolean } {
	if (pilih.includes(kode)) return { pilih: pilih.filter((k) => k !== kode), full: false };
	if (pilih.length >= MAX_COMPARE) return { pilih: [...pilih], full: true };
	return { pilih: [...pilih, kode], full: false };
}
