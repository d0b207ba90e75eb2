/**
 * The national extract (static/nasional/indikator.json, written by scripts/national/): one row per
 * kabupaten/kota, pilot districts computed from their case data, every other one synthetic, and
 * real BPS figures for all. Types and the checks the pages run on it.
 */
import type { Period } from '../overview/period';

export type Sumber = 'pilot' | 'sintetis';

export interface NationalBps {
	/** P0 (percent) by year */
	p0: Record<string, number | null>;
	p1: number | null;
	p2: number | null;
	garis_kemiskinan: number | null;
	penduduk: number | null;
	/** the year of p1, p2 and the poverty line */
	tahun: number;
}

export interface NationalDistrict {
	kode: string;
	nama: string;
	kode_prov: string;
	nama_prov: string;
	sumber: Sumber;
	/** case-data indicator values, in the SQL's scale (shares as 0–1) */
	nilai: Record<string, number | null>;
	/** the same over `periode_sebelumnya`, when the file has one */
	nilai_sebelumnya?: Record<string, number | null>;
	bps: NationalBps;
}

export interface NationalFile {
	versi: number;
	periode: Period;
	/** the period of the same length just before `periode` (versi 2), absent when the data do not reach back so far */
	periode_sebelumnya?: Period;
	seed: number;
	/** the years of BPS P0 given, oldest first */
	tahun_p0: number[];
	indikator: string[];
	kabkota: NationalDistrict[];
}

/** The BPS context figure for a catalogue field, from a district's row (P0 of the latest year). */
export function bpsValue(d: NationalDistrict, field: 'p0' | 'p1' | 'p2' | 'garis_kemiskinan' | 'penduduk', latestYear: number): number | null {
	if (field === 'p0') return d.bps.p0[String(latestYear)] ?? null;
	return d.bps[field];
}

/** Checks the fetched file's shape; readable problems instead of a crash later. */
export function checkNational(raw: unknown): { value?: NationalFile; errors: string[] } {
	const errors: string[] = [];
	const x = raw as Partial<NationalFile> | null;
	if (typeof x !== 'object' || x === null) return { errors: ['nasional/indikator.json bukan objek JSON / is not a JSON object'] };
	if (!Array.isArray(x.kabkota) || x.kabkota.length === 0) errors.push('kabkota kosong / no districts');
	if (!Array.isArray(x.indikator)) errors.push('indikator tidak ada / missing indicator list');
	if (!Array.isArray(x.tahun_p0) || x.tahun_p0.length === 0) errors.push('tahun_p0 tidak ada / missing P0 years');
	if (!x.periode || typeof x.periode.start !== 'string') errors.push('periode tidak ada / missing period');
	if (x.periode_sebelumnya !== undefined && (typeof x.periode_sebelumnya?.start !== 'string' || typeof x.periode_sebelumnya?.end !== 'string')) errors.push('periode_sebelumnya tidak sah / invalid previous period');
	(x.kabkota ?? []).forEach((d, i) => {
		if (!d || typeof d.kode !== 'string' || !/^\d{2}\.\d{2}$/.test(d.kode) || (d.sumber !== 'pilot' && d.sumber !== 'sintetis') || typeof d.nilai !== 'object' || typeof d.bps !== 'object' || (d.nilai_sebelumnya !== undefined && typeof d.nilai_sebelumnya !== 'object'))
			errors.push(`kabkota[${i}]: entri tidak sah / invalid entry ${JSON.stringify(d).slice(0, 80)}`);
	});
	return errors.length ? { errors: errors.slice(0, 10) } : { value: x as NationalFile, errors };
}
