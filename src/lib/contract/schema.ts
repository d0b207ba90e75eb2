/**
 * The SLRT case-data contract: the one description of every table that the demo generator
 * writes, the extract pipeline validates and the browser loads. docs/data-contract.md is the
 * human-readable form of this file; keep them together.
 */

export const SCHEMA_VERSION = '1.0.0';

export type ColumnType =
	| 'kode_desa' // Kemendagri PP.KK.CC.XDDD
	| 'kode_kec' // PP.KK.CC
	| 'kode_kab' // PP.KK
	| 'kode_prov' // PP
	| 'id' // pseudonymous identifier
	| 'text'
	| 'enum'
	| 'int'
	| 'double'
	| 'date'
	| 'bool';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	required: boolean;
	/** Indonesian description, then English. */
	id: string;
	en: string;
	unit?: string;
	values?: readonly string[];
	min?: number;
	max?: number;
}

export interface ForeignKey {
	column: string;
	table: TableName;
	references: string;
}

export interface TableSpec {
	name: TableName;
	id: string;
	en: string;
	primaryKey: string;
	columns: readonly ColumnSpec[];
	foreignKeys: readonly ForeignKey[];
	/** Columns the extract is sorted by, chosen for the dashboard's area and date filters. */
	sortBy: readonly string[];
}

export const TABLE_NAMES = [
	'wilayah',
	'puskesos',
	'fasilitator',
	'rumah_tangga',
	'keluhan',
	'rujukan'
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const PROGRAMS = ['pkh', 'bpnt', 'pbi_jkn', 'kip', 'rtlh'] as const;
export type Program = (typeof PROGRAMS)[number];

export const KANAL_KELUHAN = ['puskesos', 'kunjungan_fasilitator', 'aplikasi', 'hotline'] as const;
export const KATEGORI_KELUHAN = [
	'eksklusi',
	'inklusi',
	'kesalahan_data',
	'pembayaran',
	'layanan',
	'lainnya'
] as const;
export const PROGRAM_KELUHAN = [...PROGRAMS, 'lainnya'] as const;
export const STATUS_KELUHAN = ['diterima', 'diproses', 'dirujuk', 'selesai', 'ditolak'] as const;
export const TUJUAN_RUJUKAN = [
	...PROGRAMS,
	'dinas_sosial',
	'dinas_kesehatan',
	'dinas_pendidikan',
	'lainnya'
] as const;

/** The referral lifecycle, in order; `ditolak` may end it at any stage after `terdaftar`. */
export const TAHAP_RUJUKAN = [
	'terdaftar',
	'diverifikasi',
	'kunjungan_rumah',
	'direkomendasikan',
	'dirujuk',
	'selesai'
] as const;
export const STATUS_RUJUKAN = [...TAHAP_RUJUKAN, 'ditolak'] as const;
export type TahapRujukan = (typeof TAHAP_RUJUKAN)[number];
export type StatusRujukan = (typeof STATUS_RUJUKAN)[number];
/** The timestamp column of each referral stage. */
export const TANGGAL_TAHAP: Record<StatusRujukan, string> = {
	terdaftar: 'tgl_terdaftar',
	diverifikasi: 'tgl_diverifikasi',
	kunjungan_rumah: 'tgl_kunjungan_rumah',
	direkomendasikan: 'tgl_direkomendasikan',
	dirujuk: 'tgl_dirujuk',
	selesai: 'tgl_selesai',
	ditolak: 'tgl_ditolak'
};

const kodeDesa = (required = true): ColumnSpec => ({
	name: 'kode_desa',
	type: 'kode_desa',
	required,
	id: 'Kode desa/kelurahan Kemendagri (PP.KK.CC.XDDD)',
	en: 'Kemendagri village code (PP.KK.CC.XDDD)'
});
const flag = (name: string, id: string, en: string): ColumnSpec => ({
	name,
	type: 'bool',
	required: true,
	id,
	en
});
const date = (name: string, required: boolean, id: string, en: string): ColumnSpec => ({
	name,
	type: 'date',
	required,
	id,
	en
});

const wilayah: TableSpec = {
	name: 'wilayah',
	id: 'Desa/kelurahan wilayah yang dimuat',
	en: 'Villages (desa/kelurahan) of the loaded area',
	primaryKey: 'kode_desa',
	sortBy: ['kode_desa'],
	foreignKeys: [],
	columns: [
		kodeDesa(),
		{ name: 'nama_desa', type: 'text', required: true, id: 'Nama desa/kelurahan', en: 'Village name' },
		{ name: 'jenis', type: 'enum', required: true, values: ['desa', 'kelurahan'], id: 'Desa atau kelurahan', en: 'Rural desa or urban kelurahan' },
		{ name: 'kode_kec', type: 'kode_kec', required: true, id: 'Kode kecamatan', en: 'Sub-district code' },
		{ name: 'nama_kec', type: 'text', required: true, id: 'Nama kecamatan', en: 'Sub-district name' },
		{ name: 'kode_kab', type: 'kode_kab', required: true, id: 'Kode kabupaten/kota', en: 'District code' },
		{ name: 'nama_kab', type: 'text', required: true, id: 'Nama kabupaten/kota', en: 'District name' },
		{ name: 'kode_prov', type: 'kode_prov', required: true, id: 'Kode provinsi', en: 'Province code' },
		{ name: 'nama_prov', type: 'text', required: true, id: 'Nama provinsi', en: 'Province name' },
		{ name: 'lat', type: 'double', required: true, min: -11.5, max: 6.5, unit: 'derajat', id: 'Lintang titik tengah', en: 'Centroid latitude' },
		{ name: 'lng', type: 'double', required: true, min: 94.5, max: 141.5, unit: 'derajat', id: 'Bujur titik tengah', en: 'Centroid longitude' },
		{ name: 'penduduk', type: 'int', required: true, min: 0, max: 1_000_000, unit: 'jiwa', id: 'Perkiraan jumlah penduduk', en: 'Population estimate' }
	]
};

const puskesos: TableSpec = {
	name: 'puskesos',
	id: 'Pusat Kesejahteraan Sosial (Puskesos)',
	en: 'Village welfare posts (Puskesos)',
	primaryKey: 'id_puskesos',
	sortBy: ['kode_desa'],
	foreignKeys: [{ column: 'kode_desa', table: 'wilayah', references: 'kode_desa' }],
	columns: [
		{ name: 'id_puskesos', type: 'id', required: true, id: 'ID Puskesos', en: 'Puskesos id' },
		{ name: 'nama_puskesos', type: 'text', required: true, id: 'Nama Puskesos (bukan nama orang)', en: 'Name of the post (not a person)' },
		kodeDesa(),
		{ name: 'lat', type: 'double', required: true, min: -11.5, max: 6.5, unit: 'derajat', id: 'Lintang', en: 'Latitude' },
		{ name: 'lng', type: 'double', required: true, min: 94.5, max: 141.5, unit: 'derajat', id: 'Bujur', en: 'Longitude' },
		date('tgl_buka', true, 'Tanggal mulai beroperasi', 'Opening date')
	]
};

const fasilitator: TableSpec = {
	name: 'fasilitator',
	id: 'Fasilitator SLRT',
	en: 'SLRT facilitators',
	primaryKey: 'id_fasilitator',
	sortBy: ['kode_kec'],
	foreignKeys: [
		{ column: 'id_puskesos', table: 'puskesos', references: 'id_puskesos' },
		// Not a key of wilayah, but a facilitator must serve a kecamatan of the loaded area.
		{ column: 'kode_kec', table: 'wilayah', references: 'kode_kec' }
	],
	columns: [
		{ name: 'id_fasilitator', type: 'id', required: true, id: 'ID fasilitator (pseudonim)', en: 'Facilitator id (pseudonymous)' },
		{ name: 'id_puskesos', type: 'id', required: false, id: 'Puskesos tempat bertugas', en: 'Puskesos the facilitator works from' },
		{ name: 'kode_kec', type: 'kode_kec', required: true, id: 'Kecamatan tugas', en: 'Sub-district served' }
	]
};

const rumahTangga: TableSpec = {
	name: 'rumah_tangga',
	id: 'Rumah tangga dalam DTSEN yang dilayani SLRT',
	en: 'Households in the national social-economic register (DTSEN)',
	primaryKey: 'id_rt',
	sortBy: ['kode_desa', 'id_rt'],
	foreignKeys: [
		{ column: 'kode_desa', table: 'wilayah', references: 'kode_desa' },
		{ column: 'id_puskesos', table: 'puskesos', references: 'id_puskesos' },
		{ column: 'id_fasilitator', table: 'fasilitator', references: 'id_fasilitator' }
	],
	columns: [
		{ name: 'id_rt', type: 'id', required: true, id: 'ID rumah tangga (pseudonim)', en: 'Household id (pseudonymous)' },
		kodeDesa(),
		{ name: 'desil', type: 'int', required: true, min: 1, max: 10, id: 'Desil kesejahteraan DTSEN (1 = termiskin)', en: 'DTSEN welfare decile (1 = poorest)' },
		{ name: 'jumlah_art', type: 'int', required: true, min: 1, max: 30, unit: 'jiwa', id: 'Jumlah anggota rumah tangga', en: 'Household size' },
		{ name: 'pengeluaran_kapita', type: 'double', required: true, min: 0, max: 100_000_000, unit: 'Rp/kapita/bulan', id: 'Perkiraan pengeluaran per kapita per bulan', en: 'Estimated monthly expenditure per capita' },
		flag('ada_lansia', 'Ada lansia (60+)', 'Has an elderly member (60+)'),
		flag('ada_disabilitas', 'Ada penyandang disabilitas', 'Has a member with a disability'),
		flag('ada_balita', 'Ada anak balita', 'Has a child under five'),
		flag('kepala_perempuan', 'Kepala rumah tangga perempuan', 'Female-headed household'),
		flag('terima_pkh', 'Menerima PKH', 'Receives PKH'),
		flag('terima_bpnt', 'Menerima BPNT/Sembako', 'Receives BPNT/Sembako'),
		flag('terima_pbi_jkn', 'Peserta PBI-JKN', 'Covered by PBI-JKN'),
		flag('terima_kip', 'Menerima KIP', 'Receives KIP'),
		flag('terima_rtlh', 'Menerima bantuan RTLH', 'Received RTLH housing aid'),
		flag('padan_dtsen', 'Padan dengan DTSEN', 'Matched to DTSEN'),
		date('tgl_registrasi', true, 'Tanggal registrasi', 'Registration date'),
		date('tgl_pemutakhiran', true, 'Tanggal pemutakhiran terakhir', 'Last update date'),
		flag('kontak_slrt', 'Pernah dilayani SLRT', 'Has been in contact with SLRT'),
		date('tgl_kontak_slrt', false, 'Tanggal kontak SLRT pertama', 'Date of first SLRT contact'),
		{ name: 'id_fasilitator', type: 'id', required: false, id: 'Fasilitator pendamping', en: 'Assigned facilitator' },
		{ name: 'id_puskesos', type: 'id', required: false, id: 'Puskesos terdekat yang melayani', en: 'Puskesos serving the household' }
	]
};

const keluhan: TableSpec = {
	name: 'keluhan',
	id: 'Keluhan (pengaduan) yang diterima SLRT',
	en: 'Complaints received by SLRT',
	primaryKey: 'id_keluhan',
	sortBy: ['kode_desa', 'tgl_keluhan'],
	foreignKeys: [
		{ column: 'id_rt', table: 'rumah_tangga', references: 'id_rt' },
		{ column: 'kode_desa', table: 'wilayah', references: 'kode_desa' },
		{ column: 'id_fasilitator', table: 'fasilitator', references: 'id_fasilitator' }
	],
	columns: [
		{ name: 'id_keluhan', type: 'id', required: true, id: 'ID keluhan', en: 'Complaint id' },
		{ name: 'id_rt', type: 'id', required: true, id: 'Rumah tangga pelapor', en: 'Complaining household' },
		kodeDesa(),
		date('tgl_keluhan', true, 'Tanggal keluhan diterima', 'Date received'),
		date('tgl_input', true, 'Tanggal dicatat di sistem', 'Date entered in the system'),
		{ name: 'kanal', type: 'enum', required: true, values: KANAL_KELUHAN, id: 'Kanal pengaduan', en: 'Channel' },
		{ name: 'kategori', type: 'enum', required: true, values: KATEGORI_KELUHAN, id: 'Kategori keluhan', en: 'Category' },
		{ name: 'program', type: 'enum', required: true, values: PROGRAM_KELUHAN, id: 'Program yang dikeluhkan', en: 'Programme concerned' },
		{ name: 'status', type: 'enum', required: true, values: STATUS_KELUHAN, id: 'Status', en: 'Status' },
		date('tgl_selesai', false, 'Tanggal selesai/ditolak', 'Date resolved or rejected'),
		{ name: 'id_fasilitator', type: 'id', required: false, id: 'Fasilitator yang menangani', en: 'Handling facilitator' }
	]
};

const rujukan: TableSpec = {
	name: 'rujukan',
	id: 'Rujukan ke program atau lembaga',
	en: 'Referrals to programmes or agencies',
	primaryKey: 'id_rujukan',
	sortBy: ['kode_desa', 'tgl_terdaftar'],
	foreignKeys: [
		{ column: 'id_keluhan', table: 'keluhan', references: 'id_keluhan' },
		{ column: 'id_rt', table: 'rumah_tangga', references: 'id_rt' },
		{ column: 'kode_desa', table: 'wilayah', references: 'kode_desa' }
	],
	columns: [
		{ name: 'id_rujukan', type: 'id', required: true, id: 'ID rujukan', en: 'Referral id' },
		{ name: 'id_keluhan', type: 'id', required: false, id: 'Keluhan asal (jika ada)', en: 'Originating complaint, if any' },
		{ name: 'id_rt', type: 'id', required: true, id: 'Rumah tangga yang dirujuk', en: 'Referred household' },
		kodeDesa(),
		{ name: 'tujuan', type: 'enum', required: true, values: TUJUAN_RUJUKAN, id: 'Program/lembaga tujuan', en: 'Destination programme or agency' },
		{ name: 'status', type: 'enum', required: true, values: STATUS_RUJUKAN, id: 'Tahap terakhir yang dicapai', en: 'Last stage reached' },
		...STATUS_RUJUKAN.map((s) =>
			date(TANGGAL_TAHAP[s], s === 'terdaftar', `Tanggal tahap ${s}`, `Date the ${s} stage was reached`)
		)
	]
};

export const TABLES: Record<TableName, TableSpec> = {
	wilayah,
	puskesos,
	fasilitator,
	rumah_tangga: rumahTangga,
	keluhan,
	rujukan
};

/** DuckDB type of each contract type. */
export function sqlType(col: ColumnSpec): string {
	switch (col.type) {
		case 'int':
			return col.max !== undefined && col.max <= 32_767 ? 'SMALLINT' : 'INTEGER';
		case 'double':
			return 'DOUBLE';
		case 'date':
			return 'DATE';
		case 'bool':
			return 'BOOLEAN';
		default:
			return 'VARCHAR';
	}
}
