/**
 * Bandingkan's own URL parameters (the URL is the source of truth, so a comparison can be shared):
 * `prov` province filter, `urut` sort key and `arah` direction, `pilih` the 2–4 districts compared,
 * `peta` the indicator the national map shows and `kelas` how it is classed.
 */
import type { SortKey } from './league';

export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;

export type MapClassing = 'rag' | 'kuantil';

export interface BandingkanParams {
	prov: string;
	urut: SortKey;
	turun: boolean;
	pilih: string[];
	peta: string;
	kelas: MapClassing;
}

export const DEFAULT_BANDINGKAN: BandingkanParams = { prov: '', urut: 'rank', turun: false, pilih: [], peta: 'skor', kelas: 'rag' };

const KAB = /^\d{2}\.\d{2}$/;
const PROV = /^\d{2}$/;
const SORT = /^(rank|perubahan|nama|provinsi|p0_\d{4}|ind_[a-z0-9_]+)$/;

/** Reads the parameters; unknown values fall back to defaults, `pilih` keeps at most four valid, distinct codes. */
export function readBandingkan(params: URLSearchParams, indicatorIds: readonly string[]): BandingkanParams {
	const urut = params.get('urut') ?? '';
	const validSort = SORT.test(urut) && (!urut.startsWith('ind_') || indicatorIds.includes(urut.slice(4)));
	const peta = params.get('peta') ?? '';
	const pilih = [...new Set((params.get('pilih') ?? '').split(',').filter((k) => KAB.test(k)))].slice(0, MAX_COMPARE);
	return {
		prov: PROV.test(params.get('prov') ?? '') ? params.get('prov')! : '',
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
	if (p.prov !== undefined) set('prov', p.prov, '');
	if (p.urut !== undefined) set('urut', p.urut, 'rank');
	if (p.turun !== undefined) set('arah', p.turun ? 'turun' : 'naik', 'naik');
	if (p.pilih !== undefined) set('pilih', p.pilih.slice(0, MAX_COMPARE).join(','), '');
	if (p.peta !== undefined) set('peta', p.peta, 'skor');
	if (p.kelas !== undefined) set('kelas', p.kelas, 'rag');
	return out;
}

/** Adds or removes a district from the comparison; adding a fifth drops the oldest. */
export function togglePick(pilih: readonly string[], kode: string): string[] {
	if (pilih.includes(kode)) return pilih.filter((k) => k !== kode);
	return [...pilih, kode].slice(-MAX_COMPARE);
}
