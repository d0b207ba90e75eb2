/**
 * A tiny case-database export of Kota Mojokerto for the pipeline's tests: three real villages,
 * a handful of rows per table, exactly three bad rows. Not a test itself (no `.test.ts`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type TableName } from '../../src/lib/contract/schema';

export const EXTRACT_DATE = '2025-12-31';
export const MONTHS = 12;
/** A made-up NIK (16 digits) used as a household id in the PII export. */
export const NIK = '3576010101900003';
/** Values of the identifying columns added to the PII export; none may reach an extract. */
export const PII_VALUES = { nama_kepala_keluarga: 'Siti Aminah Rahayu', nik: '3576014507880002', alamat: 'Jl. Empu Nala No. 12' };

type Rec = Record<string, string>;

// Real Kemendagri codes (data/reference/villages): Mentikan and Surodinawan in Prajuritkulon, Wates in Magersari.
const MENTIKAN = '35.76.01.1003';
const SURODINAWAN = '35.76.01.1007';
const WATES = '35.76.02.1010';

const village = (kode: string, nama: string, kec: string, namaKec: string, lat: string, lng: string): Rec => ({
	kode_desa: kode, nama_desa: nama, jenis: 'kelurahan', kode_kec: kec, nama_kec: namaKec, kode_kab: '35.76',
	nama_kab: 'Kota Mojokerto', kode_prov: '35', nama_prov: 'Jawa Timur', lat, lng, penduduk: '8000'
});

const household = (id_rt: string, kode_desa: string, desil: string, tgl_registrasi: string): Rec => ({
	id_rt, kode_desa, desil, jumlah_art: '4', pengeluaran_kapita: '612.500,00', ada_lansia: '0', ada_disabilitas: '0',
	ada_balita: '1', kepala_perempuan: '0', terima_pkh: Number(desil) <= 3 ? '1' : '0', terima_bpnt: '1', terima_pbi_jkn: '1',
	terima_kip: '0', terima_rtlh: '0', padan_dtsen: '1', tgl_registrasi, tgl_pemutakhiran: EXTRACT_DATE, kontak_slrt: '0',
	tgl_kontak_slrt: '', id_fasilitator: '', id_puskesos: ''
});

const complaint = (id_keluhan: string, id_rt: string, kode_desa: string, tgl_keluhan: string, status: string, tgl_selesai = ''): Rec => ({
	id_keluhan, id_rt, kode_desa, tgl_keluhan, tgl_input: tgl_keluhan, kanal: 'puskesos', kategori: 'eksklusi', program: 'pkh',
	status, tgl_selesai, id_fasilitator: kode_desa.startsWith('35.76.01') ? 'FAS-1' : 'FAS-2'
});

/** Stage dates in lifecycle order: terdaftar … selesai, then ditolak. */
const referral = (id_rujukan: string, id_keluhan: string, id_rt: string, kode_desa: string, status: string, stages: string[]): Rec => {
	const cols = ['tgl_terdaftar', 'tgl_diverifikasi', 'tgl_kunjungan_rumah', 'tgl_direkomendasikan', 'tgl_dirujuk', 'tgl_selesai', 'tgl_ditolak'];
	return { id_rujukan, id_keluhan, id_rt, kode_desa, tujuan: 'pkh', status, ...Object.fromEntries(cols.map((c, i) => [c, stages[i] ?? ''])) };
};

export function fixtureRows(): Record<TableName, Rec[]> {
	return {
		wilayah: [
			village(MENTIKAN, 'Mentikan', '35.76.01', 'Prajuritkulon', '-7.467706', '112.428671'),
			village(SURODINAWAN, 'Surodinawan', '35.76.01', 'Prajuritkulon', '-7.487210', '112.419198'),
			village(WATES, 'Wates', '35.76.02', 'Magersari', '-7.455131', '112.449872')
		],
		puskesos: [
			{ id_puskesos: 'PKS-1', nama_puskesos: 'Puskesos Surodinawan', kode_desa: SURODINAWAN, lat: '-7.489064', lng: '112.419476', tgl_buka: '2017-01-31' },
			{ id_puskesos: 'PKS-2', nama_puskesos: 'Puskesos Wates', kode_desa: WATES, lat: '-7.4551', lng: '112.4498', tgl_buka: '15/06/2025' }
		],
		fasilitator: [
			{ id_fasilitator: 'FAS-1', id_puskesos: 'PKS-1', kode_kec: '35.76.01' },
			{ id_fasilitator: 'FAS-2', id_puskesos: 'PKS-2', kode_kec: '35.76.02' },
			{ id_fasilitator: 'FAS-3', id_puskesos: '', kode_kec: '35.76.02' }
		],
		rumah_tangga: [
			household('RT-01', SURODINAWAN, '2', '2019-06-13'),
			household('RT-02', SURODINAWAN, '7', '2020-01-01'),
			household('RT-03', MENTIKAN, '4', '2025-01-01'), // first day of the window
			household('RT-04', MENTIKAN, '1', '2025-04-20'),
			household('RT-05', WATES, '9', '2018-05-05'),
			household('RT-06', WATES, '3', '2025-08-31'),
			household('RT-07', WATES, '11', '2025-02-01'), // BAD (row 8): decile 11
			household('RT-08', WATES, '5', '2025-12-31') // last day of the window
		],
		keluhan: [
			complaint('K-01', 'RT-01', SURODINAWAN, '2024-12-20', 'selesai', '2025-01-10'),
			complaint('K-02', 'RT-01', SURODINAWAN, '2025-02-03', 'dirujuk'),
			complaint('K-03', 'RT-03', MENTIKAN, '2025-03-05', 'selesai', '2025-04-02'),
			complaint('K-04', 'RT-04', MENTIKAN, '2025-04-21', 'ditolak', '2025-04-30'),
			complaint('K-05', 'RT-05', WATES, '2025-05-10', 'selesai', '2025-05-09'), // BAD (row 6): resolved before received
			complaint('K-06', 'RT-06', WATES, '2025-09-01', 'diterima'),
			complaint('K-07', 'RT-06', WATES, '2025-11-11', 'selesai', '2025-12-01')
		],
		rujukan: [
			referral('R-01', 'K-02', 'RT-01', SURODINAWAN, 'selesai', ['2025-02-05', '2025-02-07', '2025-02-10', '2025-02-12', '2025-02-15', '2025-03-07']),
			referral('R-02', 'K-03', 'RT-03', MENTIKAN, 'selesai', ['2025-03-06', '2025-03-07', '2025-03-09', '2025-03-10', '2025-03-12', '2025-03-16']),
			referral('R-03', '', 'RT-04', MENTIKAN, 'ditolak', ['2025-04-22', '2025-04-25', '', '', '', '', '2025-04-30']),
			referral('R-04', '', 'RT-05', WATES, 'dirujuk', ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05']),
			referral('R-05', 'K-06', 'RT-06', WATES, 'selesai', ['2025-09-02', '2025-09-03', '', '2025-09-10', '2025-09-12', '2025-09-20']), // BAD (row 6): no home visit
			referral('R-06', 'K-07', 'RT-06', WATES, 'selesai', ['2025-11-12', '2025-11-13', '2025-11-20', '2025-11-25', '2025-11-28', '2025-12-02']),
			referral('R-07', '', 'RT-05', WATES, 'selesai', ['2024-12-01', '2024-12-02', '2024-12-05', '2024-12-10', '2024-12-20', '2025-01-15'])
		]
	};
}

/** The three bad rows: table, spreadsheet row (header = 1), column and code. */
export const BAD_ROWS = [
	{ tabel: 'rumah_tangga', baris: '8', kolom: 'desil', kode: 'rentang' },
	{ tabel: 'keluhan', baris: '6', kolom: 'tgl_selesai', kode: 'urutan_tanggal' },
	{ tabel: 'rujukan', baris: '6', kolom: 'tgl_direkomendasikan', kode: 'urutan_tanggal' }
];

/** Primary keys of the rows that must reach the extract. */
export function goodIds(): Record<TableName, string[]> {
	const rows = fixtureRows();
	const bad = new Set(BAD_ROWS.map((b) => `${b.tabel}:${Number(b.baris) - 2}`));
	return Object.fromEntries(
		Object.entries(rows).map(([t, rs]) => [t, rs.filter((_, i) => !bad.has(`${t}:${i}`)).map((r) => r[TABLES[t as TableName].primaryKey]).sort()])
	) as Record<TableName, string[]>;
}

function csvText(header: readonly string[], rows: readonly Rec[]): string {
	const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((fs) => fs.map(field).join(',')).join('\n') + '\n';
}

export interface ExportVariant {
	/** add identifying columns (name, NIK, address) to rumah_tangga.csv */
	pii?: boolean;
	/** use a NIK as the id of household RT-02, referred to by an extra complaint K-08 */
	nikId?: boolean;
}

/** Writes the fixture export as one CSV per contract table into `dir`. */
export function writeExport(dir: string, variant: ExportVariant = {}): void {
	mkdirSync(dir, { recursive: true });
	const rows = fixtureRows();
	if (variant.nikId) {
		rows.rumah_tangga[1].id_rt = NIK;
		rows.keluhan.push(complaint('K-08', NIK, SURODINAWAN, '2025-06-02', 'diterima'));
	}
	for (const [table, recs] of Object.entries(rows) as [TableName, Rec[]][]) {
		const header = TABLES[table].columns.map((c) => c.name);
		if (variant.pii && table === 'rumah_tangga') {
			// Identifying columns where exports put them: right after the id.
			header.splice(1, 0, ...Object.keys(PII_VALUES));
			for (const r of recs) Object.assign(r, PII_VALUES);
		}
		writeFileSync(join(dir, `${table}.csv`), csvText(header, recs));
	}
}
