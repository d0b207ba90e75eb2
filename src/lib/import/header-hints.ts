/**
 * What the report says about header names that fit no contract column: each is listed as ignored,
 * and one close to an expected column that the file lacks (a typo, another spelling) comes with
 * "did you mean …?", since such a column is otherwise silently empty.
 */
import { editDistance } from '../contract/edit-distance';
import { normaliseHeader } from '../contract/pii';

export { editDistance };
import type { Issue } from './messages';

/** Largest number of single-character edits between a header and the column it is taken for. */
export const MAX_HINT_EDITS = 2;
/** Headers shorter than this get a hint for one edit only: two edits turn any short name into another. */
const SHORT_NAME = 6;

/**
 * Words Dinas exports abbreviate or spell out, each with the form the contract uses: a header is
 * compared to a column in these forms as well as letter by letter (QA: `jml_art` for `jumlah_art`
 * is three edits away, so it got no hint).
 */
const WORD_FORMS: Record<string, string> = {
	jml: 'jumlah', jmlh: 'jumlah', jum: 'jumlah',
	tanggal: 'tgl', tg: 'tgl',
	kd: 'kode',
	nm: 'nama',
	kecamatan: 'kec', kabupaten: 'kab', provinsi: 'prov', propinsi: 'prov',
	latitude: 'lat', lintang: 'lat', longitude: 'lng', lon: 'lng', long: 'lng', bujur: 'lng',
	anggota: 'art'
};
/** Words dropped before comparing: `pengeluaran_per_kapita` is `pengeluaran_kapita`. */
const FILLER = new Set(['per', 'dan', 'of']);

/** A header's words in the contract's forms: `jml_anggota_rumah_tangga` → `jumlah_art`. */
export function canonicalHeader(h: string): string {
	const words = normaliseHeader(h)
		.replace(/rumah_?tangga/g, 'rt')
		.split('_')
		.filter((w) => w !== '' && !FILLER.has(w))
		.map((w) => WORD_FORMS[w] ?? w);
	// "anggota rumah tangga" is one word in the contract: art
	const out: string[] = [];
	for (const w of words) if (!(w === 'rt' && out[out.length - 1] === 'art')) out.push(w);
	return out.join('_');
}

/** The expected column an unknown header most likely means, or null. */
export function suggestColumn(header: string, expected: readonly string[]): string | null {
	const h = normaliseHeader(header);
	const bare = h.replace(/_/g, '');
	const canon = canonicalHeader(h);
	let best: { name: string; d: number } | null = null;
	for (const name of expected) {
		const d = bare === name.replace(/_/g, '') || canon === canonicalHeader(name) ? 0 : editDistance(h, name, MAX_HINT_EDITS);
		const max = Math.min(h.length, name.length) < SHORT_NAME ? 1 : MAX_HINT_EDITS;
		if (d <= max && (!best || d < best.d)) best = { name, d };
	}
	return best?.name ?? null;
}

/** Issues for the ignored headers of a file: one per header close to a missing column, then the rest in one list. */
export function ignoredColumnIssues(ignored: readonly string[], missing: readonly string[]): Issue[] {
	const issues: Issue[] = [];
	const plain: string[] = [];
	const left = [...missing];
	for (const h of ignored) {
		const s = suggestColumn(h, left);
		if (s) {
			issues.push({ code: 'kolom_mirip', severity: 'warning', row: 1, detail: `${h} → ${s}?` });
			left.splice(left.indexOf(s), 1);
		} else plain.push(h);
	}
	if (plain.length) issues.push({ code: 'kolom_diabaikan', severity: 'info', row: 1, detail: plain.join(', ') });
	return issues;
}
