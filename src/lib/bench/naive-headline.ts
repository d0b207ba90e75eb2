/**
 * The alternative a district would otherwise build: the CSV export parsed and reduced in plain
 * JavaScript, one pass per table. The benchmark (bench/run.ts) times it beside the dashboard in the
 * same browser and checks that both give the same figures. Same definitions as HEADLINE_SQL.
 */
import type { Headline } from '../overview/headline';

export type CsvRow = Record<string, string | undefined>;

export interface NaiveTables {
	rumah_tangga: readonly CsvRow[];
	keluhan: readonly CsvRow[];
	rujukan: readonly CsvRow[];
	puskesos: readonly CsvRow[];
}

const MS_PER_DAY = 86_400_000;

function median(xs: number[]): number | null {
	if (!xs.length) return null;
	xs.sort((a, b) => a - b);
	const m = xs.length >> 1;
	return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** ISO dates compare as strings; `prefix` '' is every desa, else a code and a dot. */
export function naiveHeadline(t: NaiveTables, prefix: string, first: string, last: string): Headline {
	const inArea = (r: CsvRow) => (r.kode_desa ?? '').startsWith(prefix);
	const between = (d: string | undefined) => !!d && d >= first && d <= last;
	let rt = 0;
	let miskin = 0;
	for (const r of t.rumah_tangga) {
		if (!inArea(r) || !r.tgl_registrasi || r.tgl_registrasi > last) continue;
		rt++;
		if (Number(r.desil) <= 4) miskin++;
	}
	let diterima = 0;
	let selesai = 0;
	for (const r of t.keluhan) {
		if (!inArea(r)) continue;
		if (between(r.tgl_keluhan)) diterima++;
		if (r.status === 'selesai' && between(r.tgl_selesai)) selesai++;
	}
	const days: number[] = [];
	for (const r of t.rujukan) {
		if (!inArea(r) || !between(r.tgl_selesai)) continue;
		days.push((Date.parse(r.tgl_selesai!) - Date.parse(r.tgl_terdaftar!)) / MS_PER_DAY);
	}
	let puskesos = 0;
	for (const r of t.puskesos) if (inArea(r) && r.tgl_buka && r.tgl_buka <= last) puskesos++;
	return { rumah_tangga: rt, rumah_tangga_miskin: miskin, keluhan_diterima: diterima, keluhan_selesai: selesai, rujukan_selesai: days.length, median_hari_rujukan: median(days), puskesos };
}
