import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, sqlType, type TableName } from '../contract/schema';
import {
	completenessByKecamatanSql,
	completenessSql,
	CONSISTENCY_SQL,
	DTSEN_SQL,
	DUPLICATE_EXAMPLES_SQL,
	DUPLICATES_SQL,
	IMPLAUSIBLE_RATES_SQL,
	MODIFIED_Z_LIMIT,
	paramCount,
	RATE_STATS_SQL,
	TIMELINESS_FASILITATOR_SQL,
	TIMELINESS_PUSKESOS_SQL
} from './quality-sql';

/** Complaints per desa: eight ordinary desa and one implausible one (the last). */
const COMPLAINTS = [2, 3, 4, 3, 2, 4, 3, 5, 20];
const HOUSEHOLDS = 40;
const DESA = COMPLAINTS.map((_, i) => `35.76.0${1 + (i % 2)}.10${String(i + 10)}`);

let conn: DuckDBConnection;

async function insert(table: TableName, rows: Record<string, unknown>[]) {
	const cols = TABLES[table].columns.map((c) => c.name);
	for (const r of rows) {
		const vals = cols.map((c) => (r[c] === undefined || r[c] === null ? 'NULL' : typeof r[c] === 'string' ? `'${r[c]}'` : String(r[c])));
		await conn.run(`INSERT INTO ${table} VALUES (${vals.join(', ')})`);
	}
}

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const t of ['wilayah', 'puskesos', 'fasilitator', 'rumah_tangga', 'keluhan'] as const) {
		await conn.run(`CREATE TABLE ${t} (${TABLES[t].columns.map((c) => `${c.name} ${sqlType(c)}`).join(', ')})`);
	}
	await insert('wilayah', DESA.map((kode, i) => ({ kode_desa: kode, nama_desa: `Desa ${i}`, jenis: 'kelurahan', kode_kec: kode.slice(0, 8), nama_kec: `Kec ${kode.slice(6, 8)}`, kode_kab: '35.76', nama_kab: 'Kota Mojokerto', kode_prov: '35', nama_prov: 'Jawa Timur', lat: -7.4, lng: 112.4, penduduk: 1000 })));
	await insert('puskesos', [{ id_puskesos: 'PKS-1', nama_puskesos: 'Puskesos Satu', kode_desa: DESA[0], lat: -7.4, lng: 112.4, tgl_buka: '2020-01-01' }]);
	await insert('fasilitator', [{ id_fasilitator: 'FAS-1', id_puskesos: 'PKS-1', kode_kec: '35.76.01' }, { id_fasilitator: 'FAS-2', id_puskesos: null, kode_kec: '35.76.02' }]);
	const rt: Record<string, unknown>[] = [];
	DESA.forEach((kode, d) => {
		for (let i = 0; i < HOUSEHOLDS; i++) {
			rt.push({ id_rt: `RT-${d}-${i}`, kode_desa: kode, desil: (i % 10) + 1, jumlah_art: (i % 5) + 1, pengeluaran_kapita: 500000 + i, ada_lansia: false, ada_disabilitas: false, ada_balita: false, kepala_perempuan: false, terima_pkh: false, terima_bpnt: false, terima_pbi_jkn: false, terima_kip: false, terima_rtlh: false, padan_dtsen: i % 4 !== 0, tgl_registrasi: '2020-01-01', tgl_pemutakhiran: '2021-01-01', kontak_slrt: false, tgl_kontak_slrt: null, id_fasilitator: i % 2 ? 'FAS-1' : null, id_puskesos: i % 3 ? 'PKS-1' : null });
		}
	});
	// Two copies of one household under new ids: the same desa and attributes as RT-0-1.
	rt.push({ ...rt[1], id_rt: 'RT-copy-a' }, { ...rt[1], id_rt: 'RT-copy-b' });
	await insert('rumah_tangga', rt);
	let n = 0;
	const kel: Record<string, unknown>[] = [];
	DESA.forEach((kode, d) => {
		for (let i = 0; i < COMPLAINTS[d]; i++) {
			n++;
			// FAS-1 enters complaints after n % 7 days; FAS-2 the same day.
			const fas = n % 2 ? 'FAS-1' : 'FAS-2';
			const lag = fas === 'FAS-1' ? n % 7 : 0;
			kel.push({ id_keluhan: `K-${n}`, id_rt: `RT-${d}-${i}`, kode_desa: kode, tgl_keluhan: '2025-03-01', tgl_input: `2025-03-${String(1 + lag).padStart(2, '0')}`, kanal: 'hotline', kategori: 'lainnya', program: 'pkh', status: 'diterima', tgl_selesai: null, id_fasilitator: fas });
		}
	});
	await insert('keluhan', kel);
});

afterAll(() => conn?.closeSync());

async function run(sql: string, prefix = '35.76') {
	const r = await conn.runAndReadAll(sql, Array.from({ length: paramCount(sql) }, () => prefix));
	return r.getRowObjectsJS() as Record<string, unknown>[];
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

describe('quality SQL on a tiny fixture, checked against independent computations', () => {
	it('completeness per column and per kecamatan', async () => {
		const total = DESA.length * HOUSEHOLDS + 2;
		const [c] = await run(completenessSql('rumah_tangga'));
		// id_fasilitator is set for odd i (and both copies of RT-0-1); id_puskesos where i % 3 ≠ 0.
		const odd = DESA.length * (HOUSEHOLDS / 2) + 2;
		const pks = DESA.length * Array.from({ length: HOUSEHOLDS }, (_, i) => i).filter((i) => i % 3).length + 2;
		expect(c).toEqual({ baris: total, tgl_kontak_slrt: 0, id_fasilitator: odd, id_puskesos: pks });
		const kec = await run(completenessByKecamatanSql());
		expect(kec.map((k) => [k.kode_kec, k.baris])).toEqual([
			['35.76.01', 5 * HOUSEHOLDS + 2],
			['35.76.02', 4 * HOUSEHOLDS]
		]);
		expect(await run(completenessSql('rumah_tangga'), '35.99')).toEqual([{ baris: 0, tgl_kontak_slrt: 0, id_fasilitator: 0, id_puskesos: 0 }]);
	});

	it('timeliness per facilitator and per Puskesos', async () => {
		const lags: number[] = [];
		let n = 0;
		for (const k of COMPLAINTS) for (let i = 0; i < k; i++) if (++n % 2) lags.push(n % 7);
		const fas = await run(TIMELINESS_FASILITATOR_SQL);
		expect(fas[0]).toMatchObject({ kelompok: 'FAS-1', keluhan: lags.length, median_hari: median(lags) });
		expect(fas[1]).toMatchObject({ kelompok: 'FAS-2', median_hari: 0, p90_hari: 0 });
		const pks = await run(TIMELINESS_PUSKESOS_SQL);
		expect(pks.map((p) => [p.kelompok, p.keluhan])).toEqual([
			['Puskesos Satu', lags.length],
			['—', n - lags.length]
		]);
	});

	it('duplicate households, matched share and implausible desa by the modified z-score', async () => {
		const [dup] = await run(DUPLICATES_SQL);
		expect([dup.kelompok, dup.rumah_tangga]).toEqual([1, 3]);
		expect(await run(DUPLICATE_EXAMPLES_SQL)).toEqual([{ kode_desa: DESA[0], n: 3, ids: 'RT-0-1, RT-copy-a, RT-copy-b' }]);
		const [d] = await run(DTSEN_SQL);
		expect(d).toEqual({ rumah_tangga: DESA.length * HOUSEHOLDS + 2, padan: DESA.length * HOUSEHOLDS * 0.75 + 2 });

		// Rates per 1,000 households; desa 0 also holds the two copies.
		const rates = COMPLAINTS.map((k, i) => (1000 * k) / (HOUSEHOLDS + (i === 0 ? 2 : 0)));
		const med = median(rates);
		const mad = median(rates.map((r) => Math.abs(r - med)));
		const flagged = rates.map((r, i) => ({ i, z: (0.6745 * (r - med)) / mad })).filter((x) => Math.abs(x.z) > MODIFIED_Z_LIMIT);
		expect(flagged.map((f) => f.i)).toEqual([8]);
		const out = await run(IMPLAUSIBLE_RATES_SQL);
		expect(out.map((o) => o.kode_desa)).toEqual([DESA[8]]);
		expect(out[0].z as number).toBeCloseTo(flagged[0].z, 9);
		const [s] = await run(RATE_STATS_SQL);
		expect(s.desa_diuji).toBe(DESA.length);
		expect(s.median_rate as number).toBeCloseTo(med, 9);
		expect(s.mad as number).toBeCloseTo(mad, 9);
	});
});

describe('rows that contradict each other across tables', () => {
	it('counts complaints before their household was registered or in another desa, and referrals of another household or before their complaint', async () => {
		const db = await (await DuckDBInstance.create(':memory:')).connect();
		const make = async (t: TableName, rows: Record<string, unknown>[]) => {
			await db.run(`CREATE TABLE ${t} (${TABLES[t].columns.map((c) => `${c.name} ${sqlType(c)}`).join(', ')})`);
			const cols = TABLES[t].columns.map((c) => c.name);
			for (const r of rows) await db.run(`INSERT INTO ${t} VALUES (${cols.map((c) => (r[c] == null ? 'NULL' : typeof r[c] === 'string' ? `'${r[c]}'` : String(r[c]))).join(', ')})`);
		};
		const A = '35.76.01.1001';
		const B = '35.76.01.1002';
		const rt = (id: string, desa: string, reg: string) => ({ id_rt: id, kode_desa: desa, desil: 2, jumlah_art: 3, pengeluaran_kapita: 500000, ada_lansia: false, ada_disabilitas: false, ada_balita: false, kepala_perempuan: false, terima_pkh: false, terima_bpnt: false, terima_pbi_jkn: false, terima_kip: false, terima_rtlh: false, padan_dtsen: true, tgl_registrasi: reg, tgl_pemutakhiran: reg, kontak_slrt: false });
		await make('rumah_tangga', [rt('RT-1', A, '2024-01-01'), rt('RT-2', A, '2026-11-01'), rt('RT-3', B, '2024-01-01')]);
		const kel = (id: string, idRt: string, desa: string, tgl: string) => ({ id_keluhan: id, id_rt: idRt, kode_desa: desa, tgl_keluhan: tgl, tgl_input: tgl, kanal: 'kunjungan_fasilitator', kategori: 'eksklusi', program: 'pkh', status: 'diterima' });
		// K-2 before RT-2's registration; K-3 in desa A for a household of desa B; K-1 and K-4 consistent
		await make('keluhan', [kel('K-1', 'RT-1', A, '2025-01-10'), kel('K-2', 'RT-2', A, '2024-11-11'), kel('K-3', 'RT-3', A, '2025-02-01'), kel('K-4', 'RT-3', B, '2026-10-29')]);
		const ruj = (id: string, idKel: string | null, idRt: string, desa: string, tgl: string) => ({ id_rujukan: id, id_keluhan: idKel, id_rt: idRt, kode_desa: desa, tujuan: 'pkh', status: 'terdaftar', tgl_terdaftar: tgl });
		// R-2 of RT-1 for K-4 (RT-3's) and before it; R-3 without a complaint is not counted among those from one
		await make('rujukan', [ruj('R-1', 'K-1', 'RT-1', A, '2025-01-12'), ruj('R-2', 'K-4', 'RT-1', B, '2020-01-01'), ruj('R-3', null, 'RT-1', A, '2025-03-01')]);
		const r = await db.runAndReadAll(CONSISTENCY_SQL, Array.from({ length: paramCount(CONSISTENCY_SQL) }, () => '35.76'));
		expect(r.getRowObjectsJS()[0]).toEqual({ keluhan: 4, keluhan_sebelum_registrasi: 1, keluhan_desa_lain: 1, rujukan_dari_keluhan: 2, rujukan_rt_lain: 1, rujukan_sebelum_keluhan: 1 });
		// Another area's prefix counts nothing.
		const none = await db.runAndReadAll(CONSISTENCY_SQL, Array.from({ length: paramCount(CONSISTENCY_SQL) }, () => '33.28'));
		expect(Object.values(none.getRowObjectsJS()[0])).toEqual([0, 0, 0, 0, 0, 0]);
		db.closeSync();
	});
});
