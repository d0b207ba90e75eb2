import { describe, expect, it } from 'vitest';
import { HeaderError, TableIntake, type IntakeError } from './intake';
import { IntegrityChecker } from './integrity';
import { TABLES, type TableName } from './schema';
import type { Row } from './validate';

const MAX_DATE = '2026-10-31';
/** Real Kemendagri codes of Kota Mojokerto: Surodinawan and Wates. */
const KNOWN_DESA = new Set(['35.76.01.1007', '35.76.02.1010']);
const NIK = '3576014507880002';

const WILAYAH = `kode_desa,nama_desa,jenis,kode_kec,nama_kec,kode_kab,nama_kab,kode_prov,nama_prov,lat,lng,penduduk
35.76.01.1007,Surodinawan,kelurahan,35.76.01,Prajuritkulon,35.76,Kota Mojokerto,35,Jawa Timur,-7.48721,112.419198,9000
35.76.02.1010,Wates,kelurahan,35.76.02,Magersari,35.76,Kota Mojokerto,35,Jawa Timur,-7.455131,112.449872,17000
35.76.01.1999,Khayalan,kelurahan,35.76.01,Prajuritkulon,35.76,Kota Mojokerto,35,Jawa Timur,-7.48,112.41,100
35.76.01.1007,Surodinawan,kelurahan,35.76.01,Prajuritkulon,35.76,Kota Mojokerto,35,Jawa Timur,-7.48721,112.419198,9000`;

// Header in export style (mixed case, a BOM, an identifying column in the middle).
const RT_HEADER =
	'\uFEFFID_RT,Kode Desa,nama_kepala_keluarga,desil,jumlah_art,pengeluaran_kapita,ada_lansia,ada_disabilitas,ada_balita,kepala_perempuan,terima_pkh,terima_bpnt,terima_pbi_jkn,terima_kip,terima_rtlh,padan_dtsen,tgl_registrasi,tgl_pemutakhiran,kontak_slrt,tgl_kontak_slrt,id_fasilitator,id_puskesos';
const rt = (id: string, desa: string, desil = '3', registrasi = '13/06/2019') =>
	`${id},${desa},Budi,${desil},4,"512300",1,0,0,0,1,1,1,0,0,1,${registrasi},2026-01-13,1,2025-02-01,,`;
const RUMAH_TANGGA = [
	RT_HEADER,
	rt('RT-1', '35.76.01.1007'), // row 2: good
	rt('RT-2', '35.76.02.1010', '11'), // row 3: decile 11
	rt('RT-3', '35.76.02.1010'), // row 4: good
	rt('RT-4', '35.76.01.1999'), // row 5: village not in wilayah (rejected there as unknown)
	rt('RT-1', '35.76.02.1010'), // row 6: duplicate id
	'RT-5,35.76.01.1007,Budi,3', // row 7: too few fields
	rt(NIK, '35.76.02.1010'), // row 8: a NIK used as household id
	rt('RT-6', '35.76.01.1007', '2', '2026-11-02') // row 9: registered after the extract date
].join('\n');

const KELUHAN = `id_keluhan,id_rt,kode_desa,tgl_keluhan,tgl_input,kanal,kategori,program,status,tgl_selesai,id_fasilitator
K-1,RT-1,35.76.01.1007,2025-02-01,2025-02-03,puskesos,eksklusi,pkh,selesai,2025-02-20,
K-2,RT-9,35.76.01.1007,2025-02-01,2025-02-03,hotline,inklusi,bpnt,diterima,,
K-3,${NIK},35.76.02.1010,2025-03-01,2025-03-01,aplikasi,pembayaran,bpnt,diproses,,`;

/** Splits a small unquoted CSV the way PapaParse would (quotes around whole fields only). */
function fieldsOf(line: string): string[] {
	return line.split(',').map((f) => f.replace(/^"(.*)"$/, '$1'));
}

interface Outcome {
	intake: TableIntake;
	rows: Row[];
	errors: IntakeError[];
}

function ingest(checker: IntegrityChecker, table: TableName, csv: string, pseudonymise?: (v: string) => string): Outcome {
	const errors: IntakeError[] = [];
	const intake = new TableIntake(TABLES[table], checker, { maxDate: MAX_DATE, pseudonymise, onError: (e) => errors.push(e) });
	const lines = csv.split('\n');
	intake.header(fieldsOf(lines[0]));
	const rows: Row[] = [];
	lines.slice(1).forEach((line, i) => {
		const row = intake.row(fieldsOf(line), i + 2);
		if (row) rows.push(row);
	});
	return { intake, rows, errors };
}

const brief = (errors: IntakeError[]) => errors.map((e) => ({ table: e.table, row: e.row, column: e.column, code: e.code }));

describe('TableIntake with IntegrityChecker', () => {
	function run(pseudonymise?: (v: string) => string) {
		const checker = new IntegrityChecker(KNOWN_DESA);
		const wilayah = ingest(checker, 'wilayah', WILAYAH, pseudonymise);
		const rumahTangga = ingest(checker, 'rumah_tangga', RUMAH_TANGGA, pseudonymise);
		const keluhan = ingest(checker, 'keluhan', KELUHAN, pseudonymise);
		return { checker, wilayah, rumahTangga, keluhan };
	}

	it('rejects unknown village codes and duplicate ids in wilayah, keeping the good rows', () => {
		const { wilayah, checker } = run();
		expect(brief(wilayah.errors)).toEqual([
			{ table: 'wilayah', row: 4, column: 'kode_desa', code: 'kode_tidak_dikenal' },
			{ table: 'wilayah', row: 5, column: 'kode_desa', code: 'duplikat' }
		]);
		expect(wilayah.rows.map((r) => r.kode_desa)).toEqual(['35.76.01.1007', '35.76.02.1010']);
		expect(checker.count('wilayah')).toBe(2);
	});

	it('reports each bad household row with its spreadsheet row number and column', () => {
		const { rumahTangga } = run();
		expect(brief(rumahTangga.errors)).toEqual([
			{ table: 'rumah_tangga', row: 3, column: 'desil', code: 'rentang' },
			{ table: 'rumah_tangga', row: 5, column: 'kode_desa', code: 'kode_tidak_dikenal' },
			{ table: 'rumah_tangga', row: 6, column: 'id_rt', code: 'duplikat' },
			{ table: 'rumah_tangga', row: 7, column: '', code: 'jumlah_kolom' },
			{ table: 'rumah_tangga', row: 8, column: 'id_rt', code: 'nik_di_kolom_id' },
			{ table: 'rumah_tangga', row: 9, column: 'tgl_registrasi', code: 'masa_depan' }
		]);
	});

	it('keeps every good row, typed, and counts read = accepted + rejected', () => {
		const { rumahTangga } = run();
		const { intake, rows } = rumahTangga;
		expect(rows.map((r) => r.id_rt)).toEqual(['RT-1', 'RT-3']);
		expect(rows[0]).toMatchObject({ kode_desa: '35.76.01.1007', desil: 3, pengeluaran_kapita: 512300, ada_lansia: true, tgl_registrasi: '2019-06-13', id_puskesos: null });
		expect(intake.read).toBe(8);
		expect(intake.accepted).toBe(2);
		expect(intake.rejected).toBe(6);
		expect(intake.read).toBe(intake.accepted + intake.rejected);
	});

	it('drops identifying columns: their values never reach a kept row', () => {
		const { rumahTangga } = run();
		expect(rumahTangga.intake.headers!.identifying).toEqual(['nama_kepala_keluarga']);
		for (const row of rumahTangga.rows) {
			expect(Object.keys(row)).toEqual(TABLES.rumah_tangga.columns.map((c) => c.name));
			expect(Object.values(row)).not.toContain('Budi');
		}
	});

	it('rejects a complaint of a household that is not in rumah_tangga', () => {
		const { keluhan } = run();
		expect(brief(keluhan.errors)).toEqual([
			{ table: 'keluhan', row: 3, column: 'id_rt', code: 'referensi_tidak_ada' },
			{ table: 'keluhan', row: 4, column: 'id_rt', code: 'nik_di_kolom_id' }
		]);
		expect(keluhan.rows.map((r) => r.id_keluhan)).toEqual(['K-1']);
	});

	it('never reports a NIK as the rejected value', () => {
		const { rumahTangga, keluhan } = run();
		for (const e of [...rumahTangga.errors, ...keluhan.errors]) expect(e.value).not.toContain(NIK);
	});

	it('pseudonymises NIK-shaped ids consistently across tables when given a function', () => {
		const pseudonym = (v: string) => `H-${[...v].reverse().join('')}`;
		const { rumahTangga, keluhan } = run(pseudonym);
		const kept = rumahTangga.rows.map((r) => r.id_rt);
		expect(kept).toEqual(['RT-1', 'RT-3', pseudonym(NIK)]);
		expect(rumahTangga.intake.pseudonymised).toBe(1);
		// K-3 refers to the same household by its NIK: the pseudonym matches, so it is kept.
		expect(keluhan.rows.map((r) => [r.id_keluhan, r.id_rt])).toEqual([
			['K-1', 'RT-1'],
			['K-3', pseudonym(NIK)]
		]);
		expect(JSON.stringify([rumahTangga.rows, keluhan.rows, rumahTangga.errors, keluhan.errors])).not.toContain(NIK);
	});

	it('without a knownDesa set, any well-formed village code is accepted into wilayah', () => {
		const wilayah = ingest(new IntegrityChecker(), 'wilayah', WILAYAH);
		expect(brief(wilayah.errors)).toEqual([{ table: 'wilayah', row: 5, column: 'kode_desa', code: 'duplikat' }]);
	});

	it('does not check references into a table that was never supplied', () => {
		// No wilayah table: kode_desa cannot be checked, so it is not held against the rows.
		const rumahTangga = ingest(new IntegrityChecker(KNOWN_DESA), 'rumah_tangga', RUMAH_TANGGA);
		expect(rumahTangga.rows.map((r) => r.id_rt)).toEqual(['RT-1', 'RT-3', 'RT-4']);
	});
});

describe('TableIntake header', () => {
	const intake = () => new TableIntake(TABLES.rumah_tangga, new IntegrityChecker(), { maxDate: MAX_DATE, onError: () => {} });

	it('throws a HeaderError naming the missing required column', () => {
		const header = fieldsOf(RT_HEADER).filter((h) => h !== 'desil');
		let error: unknown;
		try {
			intake().header(header);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(HeaderError);
		expect((error as HeaderError).missing).toEqual(['desil']);
		expect((error as HeaderError).table).toBe('rumah_tangga');
		expect((error as HeaderError).message).toContain('desil');
	});

	it('accepts a header without optional columns', () => {
		const header = fieldsOf(RT_HEADER).filter((h) => h !== 'id_fasilitator' && h !== 'id_puskesos');
		expect(intake().header(header).missingOptional).toEqual(['id_fasilitator', 'id_puskesos']);
	});

	it('refuses rows before the header', () => {
		expect(() => intake().row(['x'], 2)).toThrow(/header/);
	});

	it('rejects a row with too many fields', () => {
		const errors: IntakeError[] = [];
		const t = new TableIntake(TABLES.fasilitator, new IntegrityChecker(), { maxDate: MAX_DATE, onError: (e) => errors.push(e) });
		t.header(['id_fasilitator', 'id_puskesos', 'kode_kec']);
		expect(t.row(['FAS-1', '', '35.76.01', 'extra'], 2)).toBeNull();
		expect(t.row(['FAS-2', '', '35.76.01'], 3)).toMatchObject({ id_fasilitator: 'FAS-2', id_puskesos: null });
		expect(brief(errors)).toEqual([{ table: 'fasilitator', row: 2, column: '', code: 'jumlah_kolom' }]);
		expect(errors[0].value).toBe('4/3');
	});
});

describe('TableIntake.unreadable', () => {
	it('counts an unparseable record as read and rejected, with its row number', () => {
		const errors: IntakeError[] = [];
		const intake = new TableIntake(TABLES.fasilitator, new IntegrityChecker(), { maxDate: MAX_DATE, onError: (e) => errors.push(e) });
		intake.header(['id_fasilitator', 'id_puskesos', 'kode_kec']);
		expect(intake.row(['F-1', '', '35.76.01'], 2)).not.toBeNull();
		intake.unreadable(3, 'kutip tidak ditutup');
		expect([intake.read, intake.accepted, intake.rejected]).toEqual([2, 1, 1]);
		expect(errors).toEqual([{ table: 'fasilitator', row: 3, column: '', code: 'baris_rusak', value: 'kutip tidak ditutup' }]);
	});
});
