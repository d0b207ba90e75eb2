/**
 * The targets file (static/targets/indikator.json) a Dinas can edit: per indicator a target, the
 * edge between amber and red, and the value that scores zero in the composite; overridable for
 * an area (province, district or kecamatan code) and a range of months. Values are written in the
 * unit the page shows (percent as 0–100, days, per 1,000); `loadTargets` converts shares to the
 * 0–1 fractions the SQL returns. docs/indicators.md documents the format.
 */
import { monthIndex, type Period } from '../overview/period';
import type { IndicatorDef } from './types';
import type { Loaded } from './validate';

/** RAG bands and scoring range for one indicator, in the SQL's scale. */
export interface Band {
	/** green at or beyond this */
	target: number;
	/** red beyond this (worse than it); amber between it and the target */
	batas_merah: number;
	/** the composite score counts 0 at or beyond this */
	skor_nol: number;
}

export interface Override {
	wilayah: string;
	dari?: string;
	sampai?: string;
	indikator: Record<string, Partial<Band>>;
}

export interface Targets {
	bawaan: Record<string, Band>;
	penyesuaian: Override[];
}

const FIELDS = ['target', 'batas_merah', 'skor_nol'] as const;
const AREA = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Percent in the file, a 0–1 fraction in SQL. */
const PERCENT = 100;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function toScale(def: IndicatorDef, v: number): number {
	return def.unit === 'persen' ? v / PERCENT : v;
}

/** Bands must run from the target through the red edge to the zero-score value, in the indicator's direction. */
function orderError(def: IndicatorDef, b: Band): string | null {
	const better = (a: number, c: number) => (def.direction === 'higher' ? a >= c : a <= c);
	if (!better(b.target, b.batas_merah) || !better(b.batas_merah, b.skor_nol) || b.target === b.skor_nol)
		return def.direction === 'higher'
			? 'harus target ≥ batas_merah ≥ skor_nol dan target ≠ skor_nol (lebih tinggi lebih baik) / must be target ≥ batas_merah ≥ skor_nol, target ≠ skor_nol (higher is better)'
			: 'harus target ≤ batas_merah ≤ skor_nol dan target ≠ skor_nol (lebih rendah lebih baik) / must be target ≤ batas_merah ≤ skor_nol, target ≠ skor_nol (lower is better)';
	return null;
}

function readBand(v: unknown, at: string, errors: string[], partial: boolean): Partial<Band> | null {
	if (!isObj(v)) return errors.push(`${at}: bukan objek / not an object`), null;
	const out: Partial<Band> = {};
	for (const k of Object.keys(v)) if (!(FIELDS as readonly string[]).includes(k)) errors.push(`${at}.${k}: kunci tidak dikenal / unknown key (target, batas_merah, skor_nol)`);
	for (const f of FIELDS) {
		const x = v[f];
		if (x === undefined) {
			if (!partial) errors.push(`${at}.${f}: tidak ada / missing`);
		} else if (typeof x !== 'number' || !Number.isFinite(x)) errors.push(`${at}.${f}: harus angka / must be a number, got ${JSON.stringify(x)}`);
		else out[f] = x;
	}
	return out;
}

function scaled(def: IndicatorDef, b: Partial<Band>): Partial<Band> {
	const out: Partial<Band> = {};
	for (const f of FIELDS) if (b[f] !== undefined) out[f] = toScale(def, b[f]!);
	return out;
}

/** Validates a parsed targets file against the catalogue; `value` only without errors. */
export function loadTargets(raw: unknown, catalogue: readonly IndicatorDef[]): Loaded<Targets> {
	const errors: string[] = [];
	if (!isObj(raw)) return { errors: ['berkas target harus objek JSON / the targets file must be a JSON object'] };
	const defs = new Map(catalogue.map((d) => [d.id, d]));
	const bawaan: Record<string, Band> = {};
	if (!isObj(raw.bawaan)) errors.push('bawaan: tidak ada atau bukan objek / missing or not an object');
	else
		for (const [id, v] of Object.entries(raw.bawaan)) {
			const def = defs.get(id);
			if (!def) {
				errors.push(`bawaan.${id}: indikator tidak ada di katalog / not an indicator of the catalogue`);
				continue;
			}
			const b = readBand(v, `bawaan.${id}`, errors, false);
			if (b && FIELDS.every((f) => b[f] !== undefined)) {
				const err = orderError(def, b as Band);
				if (err) errors.push(`bawaan.${id}: ${err}`);
				else bawaan[id] = scaled(def, b) as Band;
			}
		}
	for (const def of catalogue) if (def.weight > 0 && isObj(raw.bawaan) && !(def.id in raw.bawaan)) errors.push(`bawaan.${def.id}: indikator berbobot tanpa target / weighted indicator without a target`);
	const penyesuaian: Override[] = [];
	const list = raw.penyesuaian ?? [];
	if (!Array.isArray(list)) errors.push('penyesuaian: harus daftar / must be a list');
	else
		list.forEach((o, i) => {
			const at = `penyesuaian[${i}]`;
			if (!isObj(o)) return void errors.push(`${at}: bukan objek / not an object`);
			if (typeof o.wilayah !== 'string' || !AREA.test(o.wilayah)) errors.push(`${at}.wilayah: harus kode PP, PP.KK atau PP.KK.CC / must be a PP, PP.KK or PP.KK.CC code`);
			for (const k of ['dari', 'sampai'] as const)
				if (o[k] !== undefined && (typeof o[k] !== 'string' || !MONTH.test(o[k] as string))) errors.push(`${at}.${k}: harus bulan YYYY-MM / must be a YYYY-MM month`);
			if (typeof o.dari === 'string' && typeof o.sampai === 'string' && o.dari > o.sampai) errors.push(`${at}: dari setelah sampai / dari is after sampai`);
			if (!isObj(o.indikator)) return void errors.push(`${at}.indikator: bukan objek / not an object`);
			const indikator: Record<string, Partial<Band>> = {};
			for (const [id, v] of Object.entries(o.indikator)) {
				const def = defs.get(id);
				if (!def) {
					errors.push(`${at}.indikator.${id}: indikator tidak ada di katalog / not an indicator of the catalogue`);
					continue;
				}
				const b = readBand(v, `${at}.indikator.${id}`, errors, true);
				if (!b) continue;
				const base = bawaan[id];
				const merged = { ...base, ...scaled(def, b) } as Band;
				if (!base && FIELDS.some((f) => b[f] === undefined)) errors.push(`${at}.indikator.${id}: tanpa target bawaan, isi ketiga nilai / without a default, give all three values`);
				else if (FIELDS.every((f) => merged[f] !== undefined)) {
					const err = orderError(def, merged);
					if (err) errors.push(`${at}.indikator.${id}: ${err}`);
				}
				indikator[id] = scaled(def, b);
			}
			penyesuaian.push({ wilayah: String(o.wilayah), dari: o.dari as string | undefined, sampai: o.sampai as string | undefined, indikator });
		});
	return errors.length ? { errors } : { value: { bawaan, penyesuaian }, errors };
}

function applies(o: Override, area: string, period: Period): boolean {
	const inArea = area === o.wilayah || area.startsWith(`${o.wilayah}.`);
	const end = monthIndex(period.end);
	return inArea && (!o.dari || end >= monthIndex(o.dari)) && (!o.sampai || end <= monthIndex(o.sampai));
}

/**
 * The band of an indicator for an area and period: the default, then every override that covers
 * the area and the period's last month, the most specific area last (later entries win ties).
 */
export function bandFor(t: Targets, id: string, area: string, period: Period): Band | null {
	const hits = t.penyesuaian
		.map((o, i) => ({ o, i }))
		.filter(({ o }) => o.indikator[id] && applies(o, area, period))
		.sort((a, b) => a.o.wilayah.length - b.o.wilayah.length || a.i - b.i);
	let band: Partial<Band> | undefined = t.bawaan[id];
	for (const { o } of hits) band = { ...band, ...o.indikator[id] };
	return band && FIELDS.every((f) => band![f] !== undefined) ? (band as Band) : null;
}
