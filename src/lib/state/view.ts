/**
 * The view a user is looking at — area, period, language — lives in the URL so any view can be
 * shared as a link. This module parses and writes it; invalid values fall back to defaults.
 */
import type { Manifest } from '../contract/manifest';
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import { formatPeriodParam, monthFromIndex, monthIndex, parsePeriodParam, periodLabel, type Period } from '../overview/period';

export interface View {
	/** '' (everything loaded), 'PP', 'PP.KK' or 'PP.KK.CC' */
	area: string;
	period: Period;
	lang: Lang;
}

const AREA = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;

/** Is the area one the manifest holds (a loaded province, district or kecamatan)? */
export function areaExists(m: Manifest, area: string): boolean {
	if (area === '') return true;
	if (!AREA.test(area)) return false;
	return m.areas.some((a) => a.kode_prov === area || a.kode_kab === area || a.kecamatan.some((k) => k.kode === area));
}

/** The default area: the district with the most desa (the demo: Kabupaten Tegal). */
export function defaultArea(m: Manifest): string {
	return [...m.areas].sort((a, b) => b.desa - a.desa || (a.kode_kab < b.kode_kab ? -1 : 1))[0]?.kode_kab ?? '';
}

/** Default period: the last 12 months of the data's window (the pipeline asks before it has a manifest). */
export function defaultPeriod(m: Pick<Manifest, 'window'>): Period {
	const end = monthIndex(m.window.end);
	return { start: monthFromIndex(Math.max(end - 11, monthIndex(m.window.start))), end: m.window.end };
}

/**
 * The area a link's `wilayah` names, or the nearest one the extract holds when it holds not that one
 * (a kecamatan it does not know: its district; a district: its province); the default area when the
 * code names nothing the extract holds, or is no code at all.
 */
export function resolveArea(m: Manifest, raw: string | null): string {
	if (raw === null) return defaultArea(m);
	const asked = askedArea(raw);
	if (areaExists(m, asked)) return asked;
	if (AREA.test(asked) || DESA_CODE.test(asked)) for (const up of [asked.slice(0, 8), asked.slice(0, 5), asked.slice(0, 2)]) if (up.length < asked.length && areaExists(m, up)) return up;
	return defaultArea(m);
}

/** The area a `wilayah` value names as written: "semua" is everything; a code may lack its dots. */
const askedArea = (raw: string) => (raw === 'semua' ? '' : dotted(raw.trim()));

/** A desa's code (PP.KK.CC.XDDD): a link to one shows its kecamatan; no page or briefing is of one. */
export const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/**
 * A Kemendagri code as it is often written without its dots (3328, 332810, 3328102004) with them
 * (33.28, 33.28.10, 33.28.10.2004); anything else as it is.
 */
export function dotted(code: string): string {
	const m = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/.exec(code);
	if (!m || (m[4] && !m[3]) || (m[3] && !m[2])) return code;
	return [m[1], m[2], m[3], m[4]].filter(Boolean).join('.');
}

/** At most this many characters of what a link asked for are said back; controls and bidi marks never. */
const ECHO_MAX = 40;
const echo = (text: string) => {
	const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '');
	return clean.length > ECHO_MAX ? `${clean.slice(0, ECHO_MAX)}…` : clean;
};

/**
 * What a link asked for that the view could not show as asked: an area the extract does not hold,
 * a period that cannot be read or lies (partly) outside the data's months. The page says so, and
 * what it shows instead, rather than showing another area or period without a word.
 */
export interface LinkNotes {
	area?: { asked: string; shown: string };
	/** outside: none of its months are in the data; partly: some are. */
	period?: { asked: string; shown: Period; why: 'unreadable' | 'outside' | 'partly' };
}

export function linkNotes(params: URLSearchParams, m: Manifest): LinkNotes {
	const notes: LinkNotes = {};
	const rawArea = params.get('wilayah');
	if (rawArea !== null) {
		const shown = resolveArea(m, rawArea);
		// A code written without its dots names the same area: nothing to say.
		if (shown !== askedArea(rawArea)) notes.area = { asked: rawArea, shown };
	}
	const rawPeriod = params.get('periode');
	if (rawPeriod !== null) {
		const read = parsePeriodParam(rawPeriod, m.window);
		const [start, end] = rawPeriod.split('..');
		const readable = parsePeriodParam(rawPeriod, { start: '0000-01', end: '9999-12' }) !== null;
		if (!read) notes.period = { asked: rawPeriod, shown: defaultPeriod(m), why: readable ? 'outside' : 'unreadable' };
		else if (read.start !== start || read.end !== end) notes.period = { asked: rawPeriod, shown: read, why: 'partly' };
	}
	return notes;
}

/**
 * The notice's sentences for `notes`, in `lang`. An area of a district uploaded in this tab and gone
 * with a reload (`uploadGone`) is said by that notice instead.
 */
export function linkNoteLines(notes: LinkNotes, m: Manifest, lang: Lang, uploadGone: readonly string[] = []): string[] {
	const lines: string[] = [];
	const { area, period } = notes;
	if (area && !uploadGone.some((k) => area.asked.startsWith(k))) {
		const asked = dotted(area.asked.trim());
		// "a desa of kecamatan X" only where the extract holds that kecamatan: a code of one it does not
		// hold (33.28.99.9999) says no more than any unknown code.
		const desa = DESA_CODE.test(asked) && areaExists(m, asked.slice(0, 8));
		// A page of whole districts (scopedNotes) shows the desa's district, not its kecamatan.
		const key = !desa ? 'link_area' : area.shown === asked.slice(0, 5) ? 'link_area_desa_district' : 'link_area_desa';
		// A code is said back with its dots, as the pages write codes (QA: "village 3328102004").
		lines.push(fill(key, lang, { asked: echo(asked), shown: area.shown === '' ? translate('all_areas', lang) : namedCode(m, area.shown, lang) }));
	}
	if (period) lines.push(periodNoteLine(period, m, lang));
	return lines;
}

/** Where a period was asked for: a link, or the briefing command's --periode (scripts/report.ts). */
export type PeriodSource = 'link' | 'command';

/**
 * The sentence on a period asked for that the view shows otherwise (LinkNotes' `period`): what was
 * asked, where, and what is wrong with it; then what is shown instead, unless `refused` (the briefing
 * command prints nothing for a period the data has no month of, so nothing is shown instead).
 */
export function periodNoteLine(period: NonNullable<LinkNotes['period']>, m: Manifest, lang: Lang, source: PeriodSource = 'link', refused = false): string {
	const [start, end] = period.asked.split('..');
	const asked = period.why === 'unreadable' ? echo(period.asked) : periodLabel({ start, end }, lang);
	const key = period.why === 'unreadable' ? 'link_period_unreadable' : period.why === 'partly' ? 'link_period_partly' : 'link_period_outside';
	const where = translate(source === 'link' ? 'period_in_link' : 'period_in_command', lang);
	const problem = fill(key, lang, { asked, where, window: periodLabel(m.window, lang) });
	return refused ? fill('period_refused', lang, { problem }) : fill('period_shown_instead', lang, { problem, shown: periodLabel(period.shown, lang) });
}

/** A message with its {placeholders} filled; one without a value stays as written. */
function fill(key: MessageKey, lang: Lang, values: Record<string, string>): string {
	return translate(key, lang).replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);
}

export function readView(params: URLSearchParams, m: Manifest): View {
	const area = resolveArea(m, params.get('wilayah'));
	const period = parsePeriodParam(params.get('periode'), m.window) ?? defaultPeriod(m);
	const lang: Lang = params.get('lang') === 'en' ? 'en' : 'id';
	return { area, period, lang };
}

/** Query string for a view, keeping any other parameters a page has set. */
export function writeView(params: URLSearchParams, v: Partial<View>): URLSearchParams {
	const out = new URLSearchParams(params);
	if (v.area !== undefined) out.set('wilayah', v.area === '' ? 'semua' : v.area);
	if (v.period) out.set('periode', formatPeriodParam(v.period));
	if (v.lang) {
		if (v.lang === 'id') out.delete('lang');
		else out.set('lang', v.lang);
	}
	return out;
}

/** Districts whose extracts an area needs. */
export function districtsOf(m: Manifest, area: string): string[] {
	return m.areas.filter((a) => area === '' || a.kode_prov === area || a.kode_kab === area.slice(0, 5)).map((a) => a.kode_kab);
}

/** A kecamatan by its name, as each language writes it: "Kec. Slawi", "Slawi sub-district". */
export function kecamatanLabel(nama: string, lang: Lang): string {
	return lang === 'en' ? `${nama} sub-district` : `Kec. ${nama}`;
}

/** Human name of an area: kecamatan, district or province as the manifest names it. */
export function areaName(m: Manifest, area: string, allLabel: string, lang: Lang = 'id'): string {
	if (area === '') return allLabel;
	for (const a of m.areas) {
		if (a.kode_kab === area) return a.nama_kab;
		if (a.kode_prov === area) return a.nama_prov;
		const k = a.kecamatan.find((x) => x.kode === area);
		if (k) return `${kecamatanLabel(k.nama, lang)}, ${a.nama_kab}`;
	}
	return area;
}

/** An area as "name (code)", or its code alone when the manifest does not know it (an upload gone with a reload). */
export function namedCode(m: Manifest, area: string, lang: Lang = 'id'): string {
	const name = areaName(m, area, '', lang);
	return name === area ? area : `${name} (${area})`;
}

/**
 * Most household rows the page loads into DuckDB-WASM at once. Decoding 4M rows peaks near
 * 0.85 GB in the tab (shared/STACK.md); 1.5M keeps a modest laptop comfortable and covers any
 * single district. Larger areas (a whole province) are answered from the pipeline's aggregates
 * until the user drills into a district.
 */
export const ROW_BUDGET = 1_500_000;

/** Household rows an area would load. */
export function rowsFor(m: Manifest, area: string): number {
	const kabs = new Set(districtsOf(m, area));
	return m.files.filter((f) => f.table === 'rumah_tangga' && kabs.has(f.kode_kab)).reduce((a, f) => a + f.rows, 0);
}

/** Whether an area's figures can be computed live from rows, or only from aggregates. */
export function loadsRows(m: Manifest, area: string, budget = ROW_BUDGET): boolean {
	return rowsFor(m, area) <= budget;
}
