/**
 * The 514 kabupaten/kota with their real BPS poverty figures and Dukcapil population, from
 * data/reference/stats (see its SOURCES.md). The count is checked against both the BPS–Kemendagri
 * crosswalk and the Kemendagri population table, so a truncated file stops the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Kabupaten/kota under Kepmendagri 300.2.2-2138/2025 (416 kabupaten + 98 kota). */
export const KABKOTA_COUNT = 514;
/** Years of BPS P0 the league table shows (latest last). */
export const P0_YEARS = [2023, 2024, 2025] as const;
/** Year of the P1, P2 and poverty-line columns of the summary file. */
export const BPS_YEAR = 2025;

export interface DistrictRef {
	kode: string;
	nama: string;
	kode_prov: string;
	nama_prov: string;
	p0: Record<string, number | null>;
	p1: number | null;
	p2: number | null;
	garis_kemiskinan: number | null;
	penduduk: number | null;
}

/** Rows of a simple CSV (the reference files hold no quoted fields) as objects keyed by header. */
export function readCsv(path: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const cols = head.split(',');
	return lines.map((l, i) => {
		const cells = l.split(',');
		if (cells.length !== cols.length) throw new Error(`${path}: row ${i + 2} has ${cells.length} fields, the header ${cols.length}`);
		return Object.fromEntries(cols.map((c, j) => [c, cells[j]]));
	});
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

export function readDistricts(root: string): DistrictRef[] {
	const dir = join(root, 'data', 'reference', 'stats');
	const crosswalk = readCsv(join(dir, 'kabkota_kode_bps_kemendagri.csv'));
	const ringkas = new Map(readCsv(join(dir, 'kemiskinan_kabkota_ringkas_terbaru.csv')).map((r) => [r.kode_kemendagri, r]));
	const penduduk = readCsv(join(dir, 'penduduk_kabkota_kemendagri_2025.csv'));
	const popKab = new Map(penduduk.filter((r) => r.tingkat === 'kabkota').map((r) => [r.kode_kemendagri, r]));
	const provNames = new Map(penduduk.filter((r) => r.tingkat === 'provinsi').map((r) => [r.kode_kemendagri, r.nama]));
	for (const [what, n] of [['crosswalk', crosswalk.length], ['population', popKab.size], ['poverty summary', ringkas.size]] as const)
		if (n !== KABKOTA_COUNT) throw new Error(`data/reference/stats: the ${what} table lists ${n} kabupaten/kota, expected ${KABKOTA_COUNT}`);
	return crosswalk
		.map((c) => {
			const r = ringkas.get(c.kode_kemendagri);
			const p = popKab.get(c.kode_kemendagri);
			if (!r || !p) throw new Error(`data/reference/stats: ${c.kode_kemendagri} ${c.nama_kemendagri} is missing from the ${r ? 'population' : 'poverty'} table`);
			return {
				kode: c.kode_kemendagri,
				nama: c.nama_kemendagri,
				kode_prov: c.kode_prov_kemendagri,
				// The crosswalk's province name first: the population table's has a typo ("Papua Barat Oaya" for 96).
				nama_prov: c.nama_prov || (provNames.get(c.kode_prov_kemendagri) ?? ''),
				p0: Object.fromEntries(P0_YEARS.map((y) => [String(y), num(r[`p0_persen_${y}`])])),
				p1: num(r[`p1_${BPS_YEAR}`]),
				p2: num(r[`p2_${BPS_YEAR}`]),
				garis_kemiskinan: num(r[`garis_kemiskinan_rp_${BPS_YEAR}`]),
				penduduk: num(p.jumlah_penduduk)
			};
		})
		.sort((a, b) => (a.kode < b.kode ? -1 : 1));
}
