/**
 * How many kabupaten/kota there are, from Kemendagri's list in data/reference: the manifest's
 * `kabkota_total`, so a province's (or the whole extract's) figures can say what they cover.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../../src/lib/contract/manifest';
import { readCsv } from '../national/reference';

export const KABKOTA_REFERENCE = join(import.meta.dirname, '..', '..', 'data', 'reference', 'stats', 'kabkota_kode_bps_kemendagri.csv');

/** The country's count and each given province's; undefined without the reference file. A province the list lacks is left out. */
export function kabkotaTotal(provinces: readonly string[], path = KABKOTA_REFERENCE): Manifest['kabkota_total'] {
	if (!existsSync(path)) return undefined;
	const rows = readCsv(path);
	const perProvince = new Map<string, number>();
	for (const r of rows) perProvince.set(r.kode_prov_kemendagri, (perProvince.get(r.kode_prov_kemendagri) ?? 0) + 1);
	const provinsi: Record<string, number> = {};
	for (const p of [...new Set(provinces)].sort()) {
		const n = perProvince.get(p);
		if (n) provinsi[p] = n;
	}
	return { nasional: rows.length, provinsi };
}
