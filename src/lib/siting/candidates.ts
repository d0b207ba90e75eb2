/**
 * Which desa may host a new site: every desa, only desa without a Puskesos, and optionally only
 * those on a list the user uploads (e.g. desa with a village office). The list is a text or CSV
 * file with one kode_desa per line (a header line and other columns are allowed: the first
 * field that looks like a code is taken). Problems come back per line, never as a crash.
 */
import type { DesaRow } from './sql';

/** The shape of a Kemendagri desa code; whether it is one of the district's desa is a separate question. */
const KODE_DESA = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export interface ListProblem {
	line: number;
	value: string;
	reason: 'format' | 'unknown';
}

export interface CandidateList {
	kodes: string[];
	problems: ListProblem[];
}

/** Reads an uploaded list against the district's desa codes. Blank lines and a header are skipped. */
export function parseCandidateList(text: string, known: ReadonlySet<string>): CandidateList {
	const kodes = new Set<string>();
	const problems: ListProblem[] = [];
	text.replace(/^\ufeff/, '').split(/\r?\n/).forEach((raw, i) => {
		const fields = raw.split(/[;,\t]/).map((f) => f.trim().replace(/^"|"$/g, ''));
		if (fields.every((f) => f === '')) return;
		const kode = fields.find((f) => KODE_DESA.test(f));
		if (!kode) {
			// A first line without a code is a header.
			if (i > 0 || /\d{2}\.\d{2}/.test(raw)) problems.push({ line: i + 1, value: raw.trim().slice(0, 60), reason: 'format' });
			return;
		}
		if (!known.has(kode)) problems.push({ line: i + 1, value: kode, reason: 'unknown' });
		else kodes.add(kode);
	});
	return { kodes: [...kodes].sort(), problems };
}

/** Demand indices of the desa that may host a site. */
export function selectCandidates(desa: readonly DesaRow[], opts: { withoutPuskesos: boolean; list: readonly string[] | null }): number[] {
	const allowed = opts.list ? new Set(opts.list) : null;
	return [...desa.keys()].filter((i) => (!opts.withoutPuskesos || desa[i].puskesos === 0) && (!allowed || allowed.has(desa[i].kode)));
}
