/**
 * What "Muat ke dasbor" would load: the districts of the accepted wilayah rows that have households
 * in the upload, or why nothing can be loaded. Uploaded rows replace a district whole, so a district
 * comes with its villages; one the upload holds villages but no households of is not replaced (QA:
 * one stray village row of Kabupaten Tegal in Kota Mojokerto's wilayah file turned every Tegal
 * figure to 0), and one the upload holds only some villages of is loaded with a warning, shown
 * before the button is pressed.
 */
import type { Lang } from '../i18n/format';
import type { ImportResult } from './session';

/** Why nothing can be loaded. */
export type LoadRefusal = 'tanpa_baris' | 'tanpa_wilayah' | 'tanpa_rumah_tangga';

/** A district the upload names with how many of its villages it holds (`desa`), and how many it has (`known`, when known). */
export interface PlanDistrict {
	kab: string;
	desa: number;
	known?: number;
}

export type LoadPlan =
	| { ok: true; kabs: string[]; rows: number; skipped: PlanDistrict[]; partial: PlanDistrict[] }
	| { ok: false; reason: LoadRefusal; skipped: PlanDistrict[] };

export const LOAD_PLAN_MESSAGES = {
	tanpa_baris: { id: 'Tidak ada baris yang diterima untuk dimuat', en: 'No accepted rows to load' },
	tanpa_wilayah: { id: 'Unggah juga tabel wilayah (desa/kelurahan) untuk kabupaten/kota yang dimuat', en: 'Also upload the wilayah table (villages) of the districts you load' },
	tanpa_rumah_tangga: {
		id: 'Unggahan ini tidak memuat rumah tangga untuk kabupaten/kota mana pun: memuatnya akan mengosongkan angka kabupaten/kota itu. Unggah juga tabel rumah_tangga.',
		en: 'This upload holds no households for any district: loading it would empty that district’s figures. Also upload the rumah_tangga table.'
	}
} as const;

const NOTES = {
	skipped: {
		id: 'Tidak dimuat: {name} — unggahan memuat {n} desa/kelurahan-nya tetapi tidak satu pun rumah tangga; data ekstraknya tetap dipakai.',
		en: 'Not loaded: {name} — the upload holds {n} of its villages but no households; its extract data stay in use.'
	},
	partial: {
		id: 'Perhatian: {name} akan diganti oleh {n} dari {known} desa/kelurahan-nya yang ada di unggahan ini; desa/kelurahan lainnya tidak akan punya data.',
		en: 'Note: {name} will be replaced by the {n} of its {known} villages this upload holds; its other villages will have no data.'
	}
} as const;

/**
 * The plan for `result`. `known`: villages per district code (the national code list, desaPerDistrict),
 * for the warning about a district the upload covers only in part.
 */
export function loadPlan(result: ImportResult, known: Readonly<Record<string, number>> = {}): LoadPlan {
	const rows = result.tables.reduce((a, t) => a + t.rows, 0);
	if (rows === 0) return { ok: false, reason: 'tanpa_baris', skipped: [] };
	const wilayah = result.tables.find((t) => t.table === 'wilayah');
	if (!wilayah || wilayah.rows === 0) return { ok: false, reason: 'tanpa_wilayah', skipped: [] };
	// Every other table's rows were checked against these villages (IntegrityChecker), so their districts are among them.
	const households = result.tables.find((t) => t.table === 'rumah_tangga')?.kabs ?? {};
	const named = Object.keys(wilayah.kabs).sort();
	const kabs = named.filter((k) => (households[k] ?? 0) > 0);
	const skipped = named.filter((k) => !kabs.includes(k)).map((kab) => ({ kab, desa: wilayah.kabs[kab] }));
	if (kabs.length === 0) return { ok: false, reason: 'tanpa_rumah_tangga', skipped };
	const partial = kabs.filter((k) => known[k] !== undefined && wilayah.kabs[k] < known[k]).map((kab) => ({ kab, desa: wilayah.kabs[kab], known: known[kab] }));
	return { ok: true, kabs, rows, skipped, partial };
}

/** The plan's warnings, one sentence each, `nameOf` naming a district ("Kabupaten Tegal (33.28)"). */
export function planNotes(plan: LoadPlan, nameOf: (kab: string) => string, lang: Lang): string[] {
	const fill = (t: string, d: PlanDistrict) => t.replace('{name}', nameOf(d.kab)).replace('{n}', String(d.desa)).replace('{known}', String(d.known ?? ''));
	return [...plan.skipped.map((d) => fill(NOTES.skipped[lang], d)), ...(plan.ok ? plan.partial.map((d) => fill(NOTES.partial[lang], d)) : [])];
}

/** Villages per district code from the national code list (`kode-desa.txt`: one kecamatan a line, `33.28.01:2001,2002,…`). */
export function desaPerDistrict(codes: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of codes.split('\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const kab = line.slice(0, 5);
		out[kab] = (out[kab] ?? 0) + line.slice(colon + 1).split(',').filter(Boolean).length;
	}
	return out;
}
