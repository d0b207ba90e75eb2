import { describe, expect, it } from 'vitest';
import { isIdentifyingColumn } from './pii';
import { TABLE_NAMES, TABLES, type TableName } from './schema';
import { HIDDEN_VALUE, mapHeaders, recordFromFields, reportedValue, validateRecord, type CellError } from './validate';

const MAX_DATE = '2026-10-31';

/** One valid record per table: real Kota Mojokerto codes, dates before MAX_DATE. */
const VALID: Record<TableName, Record<string, string>> = {
	wilayah: {
		kode_desa: '35.76.01.1007',
		nama_desa: 'Surodinawan',
		jenis: 'kelurahan',
		kode_kec: '35.76.01',
		nama_kec: 'Prajuritkulon',
		kode_kab: '35.76',
		nama_kab: 'Kota Mojokerto',
		kode_prov: '35',
		nama_prov: 'Jawa Timur',
		lat: '-7.48721',
		lng: '112.419198',
		penduduk: '6318'
	},
	puskesos: {
		id_puskesos: 'PKS-3576-001',
		nama_puskesos: 'Puskesos Surodinawan',
		kode_desa: '35.76.01.1007',
		lat: '-7.489064',
		lng: '112.419476',
		tgl_buka: '2017-01-31'
	},
	fasilitator: { id_fasilitator: 'FAS-3576-001', id_puskesos: 'PKS-3576-001', kode_kec: '35.76.01' },
	rumah_tangga: {
		id_rt: 'RT3576-0001',
		kode_desa: '35.76.01.1007',
		desil: '3',
		jumlah_art: '4',
		pengeluaran_kapita: '512300',
		ada_lansia: '1',
		ada_disabilitas: '0',
		ada_balita: 'ya',
		kepala_perempuan: 'tidak',
		terima_pkh: 'true',
		terima_bpnt: 'false',
		terima_pbi_jkn: '1',
		terima_kip: '0',
		terima_rtlh: '0',
		padan_dtsen: '1',
		tgl_registrasi: '2019-06-13',
		tgl_pemutakhiran: '2026-01-13',
		kontak_slrt: '1',
		tgl_kontak_slrt: '2025-02-01',
		id_fasilitator: 'FAS-3576-001',
		id_puskesos: 'PKS-3576-001'
	},
	keluhan: {
		id_keluhan: 'K3576-000001',
		id_rt: 'RT3576-0001',
		kode_desa: '35.76.01.1007',
		tgl_keluhan: '2025-02-01',
		tgl_input: '2025-02-03',
		kanal: 'puskesos',
		kategori: 'eksklusi',
		program: 'pkh',
		status: 'selesai',
		tgl_selesai: '2025-02-20',
		id_fasilitator: 'FAS-3576-001'
	},
	rujukan: {
		id_rujukan: 'R3576-000001',
		id_keluhan: 'K3576-000001',
		id_rt: 'RT3576-0001',
		kode_desa: '35.76.01.1007',
		tujuan: 'dinas_kesehatan',
		status: 'selesai',
		tgl_terdaftar: '2025-02-18',
		tgl_diverifikasi: '2025-02-20',
		tgl_kunjungan_rumah: '2025-03-07',
		tgl_direkomendasikan: '2025-03-09',
		tgl_dirujuk: '2025-03-12',
		tgl_selesai: '2025-03-18',
		tgl_ditolak: ''
	}
};

function check(table: TableName, changes: Record<string, string>) {
	return validateRecord(TABLES[table], { ...VALID[table], ...changes }, MAX_DATE);
}

/** The single error a bad record must produce. */
function onlyError(table: TableName, changes: Record<string, string>): Omit<CellError, 'value'> {
	const r = check(table, changes);
	expect(r.value).toBeUndefined();
	expect(r.errors).toHaveLength(1);
	return { column: r.errors[0].column, code: r.errors[0].code };
}

describe('validateRecord: valid rows', () => {
	it.each(TABLE_NAMES)('accepts a valid %s row', (table) => {
		const r = check(table, {});
		expect(r.errors).toEqual([]);
		expect(r.value).toBeDefined();
	});

	it('types the values: integers, doubles, booleans, ISO dates, nulls', () => {
		const row = check('rumah_tangga', { pengeluaran_kapita: '1.234.567,5', tgl_registrasi: '13/06/2019' }).value!;
		expect(row.desil).toBe(3);
		expect(row.pengeluaran_kapita).toBe(1234567.5);
		expect(row.ada_balita).toBe(true);
		expect(row.kepala_perempuan).toBe(false);
		expect(row.tgl_registrasi).toBe('2019-06-13');
		expect(check('fasilitator', { id_puskesos: '' }).value!.id_puskesos).toBeNull();
	});

	it('accepts enum values in any case and stores them lower-case', () => {
		expect(check('keluhan', { status: 'Selesai', kanal: ' HOTLINE ' }).value).toMatchObject({ status: 'selesai', kanal: 'hotline' });
	});

	it('accepts a date equal to the extract date', () => {
		expect(check('rumah_tangga', { tgl_pemutakhiran: MAX_DATE }).errors).toEqual([]);
	});
});

describe('validateRecord: cell errors', () => {
	it('rejects a missing required value', () => {
		expect(onlyError('rumah_tangga', { desil: '' })).toEqual({ column: 'desil', code: 'wajib' });
		expect(onlyError('keluhan', { kode_desa: '  ' })).toEqual({ column: 'kode_desa', code: 'wajib' });
	});

	it('rejects values of the wrong type', () => {
		expect(onlyError('rumah_tangga', { jumlah_art: 'empat' })).toEqual({ column: 'jumlah_art', code: 'tipe' });
		expect(onlyError('rumah_tangga', { jumlah_art: '4.5' })).toEqual({ column: 'jumlah_art', code: 'tipe' });
		expect(onlyError('rumah_tangga', { terima_pkh: 'mungkin' })).toEqual({ column: 'terima_pkh', code: 'tipe' });
		expect(onlyError('rumah_tangga', { tgl_registrasi: '31/02/2019' })).toEqual({ column: 'tgl_registrasi', code: 'tipe' });
		// a real date in a year no record can have is out of range, not of the wrong form
		expect(onlyError('rumah_tangga', { tgl_registrasi: '1899-05-01' })).toEqual({ column: 'tgl_registrasi', code: 'rentang' });
		expect(onlyError('rumah_tangga', { tgl_registrasi: '01/05/1899' })).toEqual({ column: 'tgl_registrasi', code: 'rentang' });
		expect(onlyError('rumah_tangga', { tgl_registrasi: '1899-02-30' })).toEqual({ column: 'tgl_registrasi', code: 'tipe' });
		expect(onlyError('wilayah', { lat: 'selatan' })).toEqual({ column: 'lat', code: 'tipe' });
	});

	it('rejects out-of-range numbers: decile 11, decile 0, coordinates outside Indonesia', () => {
		expect(onlyError('rumah_tangga', { desil: '11' })).toEqual({ column: 'desil', code: 'rentang' });
		expect(onlyError('rumah_tangga', { desil: '0' })).toEqual({ column: 'desil', code: 'rentang' });
		expect(onlyError('puskesos', { lng: '150' })).toEqual({ column: 'lng', code: 'rentang' });
		expect(onlyError('rumah_tangga', { pengeluaran_kapita: '-1' })).toEqual({ column: 'pengeluaran_kapita', code: 'rentang' });
	});

	it('rejects a date after the extract date', () => {
		expect(onlyError('rumah_tangga', { tgl_pemutakhiran: '2026-11-01' })).toEqual({ column: 'tgl_pemutakhiran', code: 'masa_depan' });
		expect(onlyError('keluhan', { tgl_selesai: '01/01/2027' })).toEqual({ column: 'tgl_selesai', code: 'masa_depan' });
	});

	it.each(['35.76.01.107', '3576011007', '35.76.1.1007', '35.76.01.4007', '35-76-01-1007', 'x5.76.01.1007'])(
		'rejects the malformed village code %j',
		(kode) => {
			expect(onlyError('rumah_tangga', { kode_desa: kode })).toEqual({ column: 'kode_desa', code: 'format_kode' });
		}
	);

	it('rejects malformed kecamatan codes', () => {
		expect(onlyError('fasilitator', { kode_kec: '35.76.1' })).toEqual({ column: 'kode_kec', code: 'format_kode' });
	});

	it('rejects a value outside the allowed enum values', () => {
		expect(onlyError('keluhan', { kanal: 'surat' })).toEqual({ column: 'kanal', code: 'nilai' });
		expect(onlyError('rujukan', { tujuan: 'pkh2' })).toEqual({ column: 'tujuan', code: 'nilai' });
	});

	it('rejects overlong text', () => {
		expect(onlyError('wilayah', { nama_desa: 'a'.repeat(201) })).toEqual({ column: 'nama_desa', code: 'rentang' });
	});

	it('reports every bad cell of a row, with its value where saying it back is safe', () => {
		const r = check('rumah_tangga', { desil: '11', jumlah_art: '', tgl_registrasi: '2025-13-40' });
		expect(r.value).toBeUndefined();
		expect(r.errors).toEqual([
			{ column: 'desil', code: 'rentang', value: '11' },
			{ column: 'jumlah_art', code: 'wajib', value: '' },
			{ column: 'tgl_registrasi', code: 'tipe', value: '2025-13-40' }
		]);
	});

	it('says back a rejected value with letters only where it is a typo of an allowed word (QA: a name in kategori was listed and downloaded)', () => {
		const kategori = TABLES.keluhan.columns.find((c) => c.name === 'kategori')!;
		const status = TABLES.keluhan.columns.find((c) => c.name === 'status')!;
		expect(reportedValue(status, 'selesay')).toBe('selesay');
		expect(reportedValue(status, 'Budi Santoso')).toBe(HIDDEN_VALUE);
		expect(reportedValue(kategori, 'Jl. Mawar No. 9')).toBe(HIDDEN_VALUE);
		const jenis = TABLES.wilayah.columns.find((c) => c.name === 'jenis')!;
		// Two edits make a short name a word (Dina → desa): one edit only for short words.
		expect(reportedValue(jenis, 'Dina')).toBe(HIDDEN_VALUE);
		expect(reportedValue(jenis, 'dessa')).toBe('dessa');
		// Numbers, dates and codes are said back; text in a date or number column is not.
		const tgl = TABLES.rumah_tangga.columns.find((c) => c.name === 'tgl_registrasi')!;
		expect(reportedValue(tgl, '31/02/2025')).toBe('31/02/2025');
		expect(reportedValue(tgl, 'kemarin')).toBe(HIDDEN_VALUE);
		expect(check('rumah_tangga', { tgl_registrasi: 'Sukarni' }).errors).toEqual([{ column: 'tgl_registrasi', code: 'tipe', value: HIDDEN_VALUE }]);
		const kontak = TABLES.rumah_tangga.columns.find((c) => c.name === 'kontak_slrt')!;
		expect(reportedValue(kontak, 'tidakk')).toBe('tidakk');
		expect(reportedValue(kontak, 'Ida')).toBe(HIDDEN_VALUE);
	});
});

describe('validateRecord: row rules', () => {
	it('wilayah: codes must nest and jenis must match the code', () => {
		// Well-formed codes that do not nest are named as such, not as malformed (QA).
		expect(onlyError('wilayah', { kode_kec: '35.76.02' })).toEqual({ column: 'kode_kec', code: 'kode_tidak_cocok' });
		expect(onlyError('wilayah', { jenis: 'desa' })).toEqual({ column: 'jenis', code: 'jenis_tidak_cocok' });
		const desa = { kode_desa: '35.76.01.2007', jenis: 'desa' };
		expect(check('wilayah', desa).errors).toEqual([]);
	});

	it('rumah_tangga: update not before registration; contact date iff contact', () => {
		expect(onlyError('rumah_tangga', { tgl_pemutakhiran: '2019-06-12' })).toEqual({ column: 'tgl_pemutakhiran', code: 'urutan_tanggal' });
		expect(onlyError('rumah_tangga', { tgl_kontak_slrt: '' })).toEqual({ column: 'tgl_kontak_slrt', code: 'wajib' });
		expect(onlyError('rumah_tangga', { kontak_slrt: '0' })).toEqual({ column: 'tgl_kontak_slrt', code: 'status_tidak_sesuai' });
		expect(check('rumah_tangga', { kontak_slrt: '0', tgl_kontak_slrt: '' }).errors).toEqual([]);
	});

	it('keluhan: tgl_selesai before tgl_keluhan is out of order', () => {
		expect(onlyError('keluhan', { tgl_selesai: '2025-01-31' })).toEqual({ column: 'tgl_selesai', code: 'urutan_tanggal' });
	});

	it('keluhan: entry before receipt is out of order', () => {
		expect(onlyError('keluhan', { tgl_input: '2025-01-31' })).toEqual({ column: 'tgl_input', code: 'urutan_tanggal' });
	});

	it('keluhan: a closed complaint needs tgl_selesai, an open one must not have it', () => {
		expect(onlyError('keluhan', { status: 'selesai', tgl_selesai: '' })).toEqual({ column: 'tgl_selesai', code: 'wajib' });
		expect(onlyError('keluhan', { status: 'ditolak', tgl_selesai: '' })).toEqual({ column: 'tgl_selesai', code: 'wajib' });
		expect(onlyError('keluhan', { status: 'diproses' })).toEqual({ column: 'status', code: 'status_tidak_sesuai' });
		expect(check('keluhan', { status: 'diproses', tgl_selesai: '' }).errors).toEqual([]);
	});

	const open = { tgl_kunjungan_rumah: '', tgl_direkomendasikan: '', tgl_dirujuk: '', tgl_selesai: '' };

	it('rujukan: every prefix of the lifecycle is valid with its own status', () => {
		expect(check('rujukan', { ...open, tgl_diverifikasi: '', status: 'terdaftar' }).errors).toEqual([]);
		expect(check('rujukan', { ...open, status: 'diverifikasi' }).errors).toEqual([]);
		expect(check('rujukan', { tgl_selesai: '', status: 'dirujuk' }).errors).toEqual([]);
	});

	it('rujukan: stage dates out of order', () => {
		expect(onlyError('rujukan', { tgl_kunjungan_rumah: '2025-02-19' })).toEqual({ column: 'tgl_kunjungan_rumah', code: 'urutan_tanggal' });
		expect(onlyError('rujukan', { tgl_diverifikasi: '2025-02-17' })).toEqual({ column: 'tgl_diverifikasi', code: 'urutan_tanggal' });
	});

	it('rujukan: a stage reached with an earlier stage missing is a gap', () => {
		expect(onlyError('rujukan', { tgl_kunjungan_rumah: '' })).toEqual({ column: 'tgl_direkomendasikan', code: 'urutan_tanggal' });
		expect(onlyError('rujukan', { ...open, tgl_diverifikasi: '', tgl_kunjungan_rumah: '2025-03-07', status: 'kunjungan_rumah' })).toEqual({
			column: 'tgl_kunjungan_rumah',
			code: 'urutan_tanggal'
		});
	});

	it('rujukan: the status must be the last stage reached', () => {
		expect(onlyError('rujukan', { status: 'dirujuk' })).toEqual({ column: 'status', code: 'status_tidak_sesuai' });
		expect(onlyError('rujukan', { tgl_selesai: '', status: 'selesai' })).toEqual({ column: 'status', code: 'status_tidak_sesuai' });
		expect(onlyError('rujukan', { ...open, status: 'ditolak' })).toEqual({ column: 'status', code: 'status_tidak_sesuai' });
	});

	it('rujukan: ditolak may close it after any stage, but not before that stage nor together with selesai', () => {
		expect(check('rujukan', { ...open, status: 'ditolak', tgl_ditolak: '2025-02-25' }).errors).toEqual([]);
		expect(check('rujukan', { ...open, tgl_diverifikasi: '', status: 'ditolak', tgl_ditolak: '2025-02-18' }).errors).toEqual([]);
		expect(onlyError('rujukan', { ...open, status: 'ditolak', tgl_ditolak: '2025-02-19' })).toEqual({ column: 'tgl_ditolak', code: 'urutan_tanggal' });
		expect(onlyError('rujukan', { tgl_ditolak: '2025-03-20' })).toEqual({ column: 'tgl_ditolak', code: 'status_tidak_sesuai' });
		expect(onlyError('rujukan', { tgl_ditolak: '2025-03-20', status: 'ditolak' })).toEqual({ column: 'tgl_ditolak', code: 'status_tidak_sesuai' });
	});
});

describe('mapHeaders', () => {
	it('matches headers regardless of case, BOM, spaces, dots and dashes', () => {
		const headers = ['\uFEFFID_Puskesos', ' Nama Puskesos ', 'KODE-DESA', 'Lat', 'lng', 'tgl.buka'];
		const map = mapHeaders(TABLES.puskesos, headers);
		expect(map.missingRequired).toEqual([]);
		expect([...map.index]).toEqual([
			['id_puskesos', 0],
			['nama_puskesos', 1],
			['kode_desa', 2],
			['lat', 3],
			['lng', 4],
			['tgl_buka', 5]
		]);
		expect(recordFromFields(map, ['P1', 'Puskesos X', '35.76.01.1007', '-7.4', '112.4', '2020-01-01'])).toMatchObject({ id_puskesos: 'P1', tgl_buka: '2020-01-01' });
	});

	it('accepts columns in any order and lists missing required and optional columns', () => {
		const map = mapHeaders(TABLES.fasilitator, ['kode_kec', 'id_fasilitator']);
		expect(map.index.get('kode_kec')).toBe(0);
		expect(map.index.get('id_fasilitator')).toBe(1);
		expect(map.missingRequired).toEqual([]);
		expect(map.missingOptional).toEqual(['id_puskesos']);
		expect(mapHeaders(TABLES.fasilitator, ['id_puskesos']).missingRequired).toEqual(['id_fasilitator', 'kode_kec']);
	});

	it('separates identifying columns from other unknown columns', () => {
		const pii = ['nama', 'Nama Kepala Keluarga', 'NIK', 'nik_krt', 'no_kk', 'No. KK', 'alamat', 'Alamat Lengkap', 'no_hp', 'Nomor HP', 'telepon', 'email', 'Tanggal Lahir', 'tempat_lahir', 'rt_rw'];
		const map = mapHeaders(TABLES.fasilitator, ['id_fasilitator', ...pii, 'catatan', 'kode_kec', 'Keterangan']);
		expect(map.identifying).toEqual(pii);
		expect(map.ignored).toEqual(['catatan', 'Keterangan']);
		expect(map.index.get('kode_kec')).toBe(pii.length + 2);
	});

	it('keeps the first of two columns with the same name', () => {
		const map = mapHeaders(TABLES.fasilitator, ['id_fasilitator', 'kode_kec', 'Kode Kec']);
		expect(map.index.get('kode_kec')).toBe(1);
		expect(map.ignored).toEqual(['Kode Kec']);
	});

	it.each(TABLE_NAMES)('maps every %s column to itself and classifies none as identifying', (table) => {
		const names = TABLES[table].columns.map((c) => c.name);
		for (const name of names) expect(isIdentifyingColumn(name), name).toBe(false);
		const map = mapHeaders(TABLES[table], names.map((n) => n.toUpperCase()));
		expect(map.identifying).toEqual([]);
		expect(map.ignored).toEqual([]);
		expect(map.missingRequired).toEqual([]);
		expect([...map.index.keys()]).toEqual(names);
	});
});
