/**
 * SLRT's service side of one district: Puskesos sites, facilitators, complaints and referrals.
 * Rates and delays differ by kecamatan, facilitator and programme; complaints cluster in a few
 * real hotspots; referrals walk the lifecycle stage by stage until the extract date.
 */
import { PROGRAMS, type Program } from '../../src/lib/contract/schema';
import { addMonths, dayOf } from './calendar';
import { DEMO_EXTRACT_DATE, HISTORY_MONTHS } from './config';
import type { Households } from './households';
import type { Desa } from './reference';
import type { Rng } from './rng';
import { distanceKm, smoothField } from './space';

export const EXTRACT_DAY = dayOf(DEMO_EXTRACT_DATE);
export const WINDOW_START_DAY = addMonths(EXTRACT_DAY, -(HISTORY_MONTHS - 1));
/** Share of desa with a Puskesos: SLRT has grown it village by village, far from everywhere. */
const PUSKESOS_SHARE = 0.18;
/** A household is served by its nearest Puskesos only within this distance. */
const SERVICE_RADIUS_KM = 8;
/** Complaints per registered household per month before local effects (~1.5 % a year). */
const BASE_COMPLAINT_RATE = 0.0011;
/** SLRT use grows over the window (new Puskesos, the app channel): +35 % from first to last month. */
const COMPLAINT_GROWTH = 0.35;

export interface Puskesos {
	id: string;
	nama: string;
	desa: number;
	lat: number;
	lng: number;
	buka: number;
}

export interface Fasilitator {
	id: string;
	puskesos: string | null;
	kodeKec: string;
	/** mean days between an event and its entry in the system */
	entryDelay: number;
}

export function placePuskesos(desa: readonly Desa[], welfare: readonly number[], named: readonly string[], kab: string, rng: Rng): Puskesos[] {
	const chosen = new Set<number>();
	for (const name of named) {
		const i = desa.findIndex((d) => d.nama === name);
		if (i >= 0) chosen.add(i);
	}
	const target = Math.max(2, Math.round(desa.length * PUSKESOS_SHARE));
	const weights = welfare.map((w) => Math.exp(-2 * w));
	let guard = 0;
	while (chosen.size < Math.min(target, desa.length) && guard++ < 100_000) {
		chosen.add(rng.weighted(desa.map((_, i) => i), weights));
	}
	const pilotEnd = dayOf('2019-12-31');
	const early = dayOf('2016-01-01');
	return [...chosen]
		.sort((a, b) => a - b)
		.map((i, k) => {
			const d = desa[i];
			const isNamed = named.includes(d.nama);
			const buka = isNamed
				? rng.int(early, pilotEnd)
				: rng.chance(0.75)
					? rng.int(early, WINDOW_START_DAY - 1)
					: rng.int(WINDOW_START_DAY, EXTRACT_DAY - 30);
			return {
				id: `PKS-${kab.replace('.', '')}-${String(k + 1).padStart(3, '0')}`,
				nama: `Puskesos ${d.nama}`,
				desa: i,
				lat: round6(d.lat + rng.normal(0, 0.002)),
				lng: round6(d.lng + rng.normal(0, 0.002)),
				buka
			};
		});
}

export function assignFasilitator(desa: readonly Desa[], puskesos: readonly Puskesos[], kab: string, rng: Rng) {
	const byKec = new Map<string, number[]>();
	desa.forEach((d, i) => byKec.set(d.kode_kec, [...(byKec.get(d.kode_kec) ?? []), i]));
	const list: Fasilitator[] = [];
	const ofDesa = new Array<number>(desa.length);
	for (const [kec, members] of [...byKec].sort()) {
		const posts = puskesos.filter((p) => desa[p.desa].kode_kec === kec);
		const count = Math.max(1, Math.ceil(members.length / 3));
		const first = list.length;
		for (let k = 0; k < count; k++) {
			list.push({
				id: `FAS-${kab.replace('.', '')}-${String(list.length + 1).padStart(3, '0')}`,
				puskesos: posts.length ? posts[k % posts.length].id : null,
				kodeKec: kec,
				entryDelay: rng.lognormal(1.2, 0.9)
			});
		}
		members.forEach((d, j) => (ofDesa[d] = first + (j % count)));
	}
	return { fasilitator: list, ofDesa };
}

/** The nearest Puskesos open by the extract date within the service radius, per desa. */
export function nearestPuskesos(desa: readonly Desa[], puskesos: readonly Puskesos[]): (number | null)[] {
	return desa.map((d) => {
		let best: number | null = null;
		let bestKm = SERVICE_RADIUS_KM;
		puskesos.forEach((p, k) => {
			const km = distanceKm(d, p);
			if (km <= bestKm) [best, bestKm] = [k, km];
		});
		return best;
	});
}

/** Programme flags (bit per PROGRAMS entry) with realistic exclusion and inclusion errors. */
export function programmeBits(desil: number, size: number, hasChild: boolean, vulnerable: boolean, targeting: number, rng: Rng): number {
	const r = (p: number) => rng.chance(Math.min(0.98, p * targeting));
	const inc = (p: number) => rng.chance(p / targeting);
	let bits = 0;
	const pkh = desil <= 2 ? (hasChild || vulnerable ? r(0.72) : r(0.3)) : desil <= 4 ? inc(0.1) : desil <= 6 ? inc(0.03) : inc(0.008);
	const bpnt = desil <= 3 ? r(0.76) : desil === 4 ? r(0.4) : desil <= 6 ? inc(0.07) : inc(0.015);
	const pbi = desil <= 4 ? r(0.86) : desil === 5 ? r(0.5) : desil === 6 ? inc(0.2) : inc(0.04);
	const kip = desil <= 3 && size >= 3 ? r(0.5) : desil <= 5 && size >= 3 ? inc(0.12) : inc(0.01);
	const rtlh = desil <= 3 ? rng.chance(0.035) : rng.chance(0.002);
	[pkh, bpnt, pbi, kip, rtlh].forEach((on, i) => (bits |= on ? 1 << i : 0));
	return bits;
}

export interface KeluhanGen {
	id: string;
	rt: number;
	desa: number;
	tgl: number;
	input: number;
	kanal: string;
	kategori: string;
	program: string;
	status: string;
	selesai: number | null;
	fasilitator: number;
}

export interface RujukanGen {
	id: string;
	keluhan: string | null;
	rt: number;
	desa: number;
	tujuan: string;
	status: string;
	stages: (number | null)[]; // in STATUS_RUJUKAN order
}

/** Median days per programme to resolve a complaint or finish a referral's last stage. */
const PROGRAMME_DAYS: Record<string, number> = { pkh: 9, bpnt: 6, pbi_jkn: 4, kip: 11, rtlh: 28, lainnya: 7, dinas_sosial: 6, dinas_kesehatan: 5, dinas_pendidikan: 9 };
/** Median days of the referral stages after registration, before programme and kecamatan factors. */
const STAGE_DAYS = [2, 3.5, 2.5, 1.5];
const STAGE_REJECT = 0.035;

export interface ServiceInputs {
	kab: string;
	desa: readonly Desa[];
	welfare: readonly number[];
	hh: Households;
	bits: Uint8Array;
	reg: Int32Array;
	firstHh: readonly number[];
	countHh: readonly number[];
	fasilitator: readonly Fasilitator[];
	fasOfDesa: readonly number[];
	nearPuskesos: readonly (number | null)[];
}

export function generateCases(inp: ServiceInputs, rng: Rng) {
	const { desa, hh } = inp;
	const hotspot = smoothField(desa, { bumps: 4, bumpRadiusKm: [5, 15], desaPerCluster: 70, clusterAmplitude: 1.4, clusterRadius: [1.2, 2.5], noise: 0.25 }, rng);
	const kecs = [...new Set(desa.map((d) => d.kode_kec))].sort();
	const kecEffect = new Map(kecs.map((k) => [k, rng.normal(0, 0.3)]));
	// Slow kecamatan take up to ~2x longer than fast ones at every step.
	const kecSpeed = new Map(kecs.map((k) => [k, rng.lognormal(1, 0.3)]));
	const keluhan: KeluhanGen[] = [];
	const rujukan: RujukanGen[] = [];
	const kab = inp.kab.replace('.', '');

	for (let i = 0; i < desa.length; i++) {
		const kec = desa[i].kode_kec;
		const rate = BASE_COMPLAINT_RATE * Math.exp(0.45 * hotspot[i] + kecEffect.get(kec)! - 1.5 * inp.welfare[i]);
		for (let m = 0; m < HISTORY_MONTHS; m++) {
			const monthStart = addMonths(WINDOW_START_DAY, m);
			const monthEnd = addMonths(WINDOW_START_DAY, m + 1) - 1;
			const season = 1 + 0.15 * Math.cos(((m + 2) / 12) * 2 * Math.PI);
			const n = rng.poisson(inp.countHh[i] * rate * season * (1 + (COMPLAINT_GROWTH * m) / (HISTORY_MONTHS - 1)));
			for (let c = 0; c < n; c++) {
				const tgl = rng.int(monthStart, monthEnd);
				const rt = pickComplainant(inp, i, tgl, rng);
				if (rt < 0) continue;
				const k = makeComplaint(inp, rt, i, tgl, `K${kab}-${String(keluhan.length + 1).padStart(6, '0')}`, kecSpeed.get(kec)!, rng);
				keluhan.push(k.keluhan);
				if (k.rujukan) rujukan.push({ ...k.rujukan, id: `R${kab}-${String(rujukan.length + 1).padStart(6, '0')}` });
			}
		}
	}
	return { keluhan, rujukan };
}

function pickComplainant(inp: ServiceInputs, i: number, day: number, rng: Rng): number {
	for (let attempt = 0; attempt < 50; attempt++) {
		const h = inp.firstHh[i] + Math.floor(rng.next() * inp.countHh[i]);
		if (inp.reg[h] > day) continue;
		// Poor households complain far more often than better-off ones.
		if (inp.hh.desil[h] <= 4 || rng.chance(0.2)) return h;
	}
	return -1;
}

const KATEGORI = ['eksklusi', 'kesalahan_data', 'pembayaran', 'layanan', 'inklusi', 'lainnya'] as const;
const KATEGORI_WEIGHT = [34, 20, 18, 12, 7, 9];

function makeComplaint(inp: ServiceInputs, rt: number, i: number, tgl: number, id: string, speed: number, rng: Rng): { keluhan: KeluhanGen; rujukan?: Omit<RujukanGen, 'id'> } {
	const bits = inp.bits[rt];
	const kategori = rng.weighted(KATEGORI, KATEGORI_WEIGHT);
	const missing = PROGRAMS.filter((_, b) => !(bits & (1 << b)));
	const have = PROGRAMS.filter((_, b) => bits & (1 << b));
	let program: Program | 'lainnya';
	if (kategori === 'eksklusi' && missing.length) program = rng.weighted(missing, missing.map(programWeight));
	else if (kategori === 'pembayaran' && have.length) program = rng.pick(have);
	else if (kategori === 'layanan' || kategori === 'lainnya') program = rng.chance(0.4) ? 'lainnya' : rng.weighted(PROGRAMS, PROGRAMS.map(programWeight));
	else program = rng.weighted(PROGRAMS, PROGRAMS.map(programWeight));
	const kanal = inp.nearPuskesos[i] !== null && rng.chance(0.5) ? 'puskesos' : rng.weighted(['kunjungan_fasilitator', 'aplikasi', 'hotline'], [55, 28, 17]);
	const fas = inp.fasOfDesa[i];
	const input = Math.min(EXTRACT_DAY, tgl + Math.floor(-Math.log(1 - rng.next()) * inp.fasilitator[fas].entryDelay));
	const base: KeluhanGen = { id, rt, desa: i, tgl, input, kanal, kategori, program, status: 'diterima', selesai: null, fasilitator: fas };
	const days = PROGRAMME_DAYS[program] * speed;
	const outcome = rng.weighted(['ditolak', 'rujuk', 'selesai'], [8, 55, 37]);
	if (outcome !== 'rujuk') {
		const end = tgl + Math.round(rng.lognormal(outcome === 'ditolak' ? 4 * speed : days, 0.6));
		if (end <= EXTRACT_DAY) return { keluhan: { ...base, status: outcome, selesai: end } };
		return { keluhan: { ...base, status: EXTRACT_DAY - tgl < 3 ? 'diterima' : 'diproses' } };
	}
	const tujuan = program === 'lainnya' ? rng.weighted(['dinas_sosial', 'dinas_kesehatan', 'dinas_pendidikan', 'lainnya'], [50, 25, 15, 10]) : program;
	const r = walkReferral(tgl + rng.int(0, 3), tujuan, speed, rng);
	const status = r.status === 'selesai' ? 'selesai' : r.status === 'ditolak' ? 'ditolak' : 'dirujuk';
	const closed = status === 'dirujuk' ? null : (r.stages[6] ?? r.stages[5]);
	return {
		keluhan: { ...base, status, selesai: closed },
		rujukan: { keluhan: id, rt, desa: i, tujuan, status: r.status, stages: r.stages }
	};
}

function programWeight(p: string): number {
	return ({ pkh: 30, bpnt: 30, pbi_jkn: 22, kip: 12, rtlh: 6 } as Record<string, number>)[p] ?? 5;
}

/** Walks a referral through its stages; stages not reached by the extract date stay empty. */
function walkReferral(start: number, tujuan: string, speed: number, rng: Rng) {
	const stages: (number | null)[] = [Math.min(start, EXTRACT_DAY), null, null, null, null, null, null];
	let status = 'terdaftar';
	let day = stages[0]!;
	const durations = [...STAGE_DAYS, PROGRAMME_DAYS[tujuan] ?? 7];
	const names = ['diverifikasi', 'kunjungan_rumah', 'direkomendasikan', 'dirujuk', 'selesai'];
	for (let s = 0; s < durations.length; s++) {
		const next = day + Math.max(0, Math.round(rng.lognormal(durations[s] * speed, 0.55)));
		if (next > EXTRACT_DAY) break;
		if (rng.chance(STAGE_REJECT)) {
			stages[6] = next;
			status = 'ditolak';
			break;
		}
		day = next;
		stages[s + 1] = day;
		status = names[s];
	}
	return { stages, status };
}

function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
