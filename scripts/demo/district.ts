/** Generates one district's case database and writes it as the contract's CSV rows. */
import type { TableName } from '../../src/lib/contract/schema';
import { dayOf, isoOf } from './calendar';
import { EARLIEST_REGISTRATION } from './config';
import { generateHouseholds } from './households';
import type { Desa, DistrictStats } from './reference';
import { Rng } from './rng';
import { assignFasilitator, EXTRACT_DAY, generateCases, nearestPuskesos, placePuskesos, programmeBits, WINDOW_START_DAY } from './services';
import type { CsvSink } from '../lib/csv-sink';

export type Sinks = Record<TableName, CsvSink>;

/** Share of households registered during the 24-month window rather than before it. */
const NEW_REGISTRATION_SHARE = 0.08;
/** Share of households whose DTSEN record was updated in the last 12 months. */
const RECENT_UPDATE_SHARE = 0.58;

/** A bijection on 32-bit integers: household ids look random but never collide. */
function permute(x: number, salt: number): number {
	let h = (Math.imul(x, 0x9e3779b1) + salt) >>> 0;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b) >>> 0;
	h ^= h >>> 13;
	return h >>> 0;
}

export function generateDistrict(desa: readonly Desa[], stats: DistrictStats, named: readonly string[], seed: string, sinks: Sinks) {
	const kab = stats.kode;
	const rng = new Rng(`${seed}:${kab}`);
	const { households: hh, desaPopulation } = generateHouseholds(desa, stats, rng);
	const welfare = desaPopulation.map((p) => p.welfare);
	const puskesos = placePuskesos(desa, welfare, named, kab, rng);
	const { fasilitator, ofDesa } = assignFasilitator(desa, puskesos, kab, rng);
	const near = nearestPuskesos(desa, puskesos);
	const salt = dayOf('2026-01-01') ^ Number(kab.replace('.', ''));
	const idRt = (h: number) => `RT${kab.replace('.', '')}-${permute(h, salt).toString(16).padStart(8, '0')}`;

	const earliest = dayOf(EARLIEST_REGISTRATION);
	const reg = new Int32Array(hh.n);
	const bits = new Uint8Array(hh.n);
	const flags = new Uint8Array(hh.n);
	const targeting = desa.map(() => Math.min(1.4, Math.max(0.6, rng.lognormal(1, 0.25))));
	for (let h = 0; h < hh.n; h++) {
		const poor = hh.desil[h] <= 3;
		reg[h] = rng.chance(NEW_REGISTRATION_SHARE) ? rng.int(WINDOW_START_DAY, EXTRACT_DAY) : rng.int(earliest, WINDOW_START_DAY - 1);
		const lansia = rng.chance(poor ? 0.32 : 0.26);
		const disabilitas = rng.chance(poor ? 0.08 : 0.04);
		const balita = rng.chance(Math.min(0.6, 0.1 + 0.08 * (hh.size[h] - 2)));
		const perempuan = rng.chance(poor ? 0.22 : 0.14);
		flags[h] = (lansia ? 1 : 0) | (disabilitas ? 2 : 0) | (balita ? 4 : 0) | (perempuan ? 8 : 0);
		bits[h] = programmeBits(hh.desil[h], hh.size[h], balita, lansia || disabilitas, targeting[hh.desa[h]], rng);
	}

	const firstHh = desaPopulation.map((p) => p.first);
	const countHh = desaPopulation.map((p) => p.count);
	const { keluhan, rujukan } = generateCases({ kab, desa, welfare, hh, bits, reg, firstHh, countHh, fasilitator, fasOfDesa: ofDesa, nearPuskesos: near }, rng);
	const firstContact = new Map<number, number>();
	for (const k of keluhan) firstContact.set(k.rt, Math.min(firstContact.get(k.rt) ?? Infinity, k.tgl));

	desa.forEach((d, i) =>
		sinks.wilayah.write([d.kode, d.nama, d.jenis, d.kode_kec, d.nama_kec, d.kode_kab, d.nama_kab, d.kode_prov, d.nama_prov, round6(d.lat), round6(d.lng), desaPopulation[i].penduduk])
	);
	for (const p of puskesos) sinks.puskesos.write([p.id, p.nama, desa[p.desa].kode, p.lat, p.lng, isoOf(p.buka)]);
	for (const f of fasilitator) sinks.fasilitator.write([f.id, f.puskesos, f.kodeKec]);

	const kecs = [...new Set(desa.map((d) => d.kode_kec))].sort();
	const matchRate = new Map(kecs.map((k) => [k, 0.9 + 0.08 * rng.next()]));
	const contactFrom = dayOf('2017-01-01');
	for (let h = 0; h < hh.n; h++) {
		const i = hh.desa[h];
		const recent = rng.chance(RECENT_UPDATE_SHARE);
		const yearAgo = EXTRACT_DAY - 364;
		const upd = recent ? rng.int(Math.max(reg[h], yearAgo), EXTRACT_DAY) : rng.int(reg[h], Math.max(reg[h], yearAgo - 1));
		let kontak = firstContact.get(h) ?? null;
		if (kontak === null && rng.chance(hh.desil[h] <= 4 ? 0.22 : 0.03)) kontak = rng.int(Math.max(reg[h], contactFrom), EXTRACT_DAY);
		const f = flags[h];
		const b = bits[h];
		const pk = near[i];
		const on = (mask: number, bit: number) => (mask & bit) !== 0;
		sinks.rumah_tangga.write([
			idRt(h), desa[i].kode, hh.desil[h], hh.size[h], hh.pengeluaran[h],
			on(f, 1), on(f, 2), on(f, 4), on(f, 8),
			on(b, 1), on(b, 2), on(b, 4), on(b, 8), on(b, 16),
			rng.chance(matchRate.get(desa[i].kode_kec)!),
			isoOf(reg[h]), isoOf(upd),
			kontak !== null, kontak === null ? null : isoOf(kontak),
			kontak === null ? null : fasilitator[ofDesa[i]].id,
			pk === null ? null : puskesos[pk].id
		]);
	}
	for (const k of keluhan) {
		sinks.keluhan.write([k.id, idRt(k.rt), desa[k.desa].kode, isoOf(k.tgl), isoOf(k.input), k.kanal, k.kategori, k.program, k.status, k.selesai === null ? null : isoOf(k.selesai), fasilitator[k.fasilitator].id]);
	}
	for (const r of rujukan) {
		sinks.rujukan.write([r.id, r.keluhan, idRt(r.rt), desa[r.desa].kode, r.tujuan, r.status, ...r.stages.map((d) => (d === null ? null : isoOf(d)))]);
	}
	return { households: hh.n, keluhan: keluhan.length, rujukan: rujukan.length, puskesos: puskesos.length };
}

function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
