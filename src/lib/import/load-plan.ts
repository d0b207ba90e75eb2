/**
 * What "Muat ke dasbor" would load: the districts of the accepted wilayah rows, or why nothing
 * can be loaded. Uploaded rows replace a district whole, so a district comes with its villages.
 */
import type { ImportResult } from './session';

/** Why nothing can be loaded. */
export type LoadRefusal = 'tanpa_baris' | 'tanpa_wilayah';
export type LoadPlan = { ok: true; kabs: string[]; rows: number } | { ok: false; reason: LoadRefusal };

export const LOAD_PLAN_MESSAGES = {
	tanpa_baris: { id: 'Tidak ada baris yang diterima untuk dimuat', en: 'No accepted rows to load' },
	tanpa_wilayah: { id: 'Unggah juga tabel wilayah (desa/kelurahan) untuk kabupaten/kota yang dimuat', en: 'Also upload the wilayah table (villages) of the districts you load' }
} as const;

export function loadPlan(result: ImportResult): LoadPlan {
	const rows = result.tables.reduce((a, t) => a + t.rows, 0);
	if (rows === 0) return { ok: false, reason: 'tanpa_baris' };
	const wilayah = result.tables.find((t) => t.table === 'wilayah');
	if (!wilayah || wilayah.rows === 0) return { ok: false, reason: 'tanpa_wilayah' };
	// Every other table's rows were checked against these villages (IntegrityChecker), so their districts are among them.
	return { ok: true, kabs: Object.keys(wilayah.kabs).sort(), rows };
}
