import { makeVector, Table, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../contract/schema';
import { openParquetNode, parquetSourceOf, readParquetNode, writeParquetNode } from './node-parquet';
import type { ParquetSource } from './parquet-intake';
import { zeroRowGroup } from './parquet-test-files';
import { MAX_LISTED_PER_FILE, runImport, unknownHeaderDetail, type ImportFile, type ImportResult } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';

const run = (files: ImportFile[]) => runImport(files, { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
const csvFiles = (csv: Record<string, string>) => Object.entries(csv).map(([t, c]) => fileOf(`${t}.csv`, c));
const dataLines = (csv: string) => csv.split('\n').length - 1;

function balanced(res: ImportResult) {
	for (const f of res.report.files) expect(f.read, f.file).toBe(f.accepted + f.rejected);
}
function rowsOf(res: ImportResult, table: string) {
	const t = res.tables.find((x) => x.table === table);
	return t ? t.batches.flatMap((b) => tableFromIPC(b).toArray().map((r) => r.toJSON())) : [];
}

describe('runImport: valid exports', () => {
	it('accepts every row of a clean export, in any file order, as typed Arrow with kode_kab', async () => {
		const csv = fixtureCsv();
		const res = await run(csvFiles(csv).reverse());
		balanced(res);
		for (const f of res.report.files) {
			expect(f.rejected, f.file).toBe(0);
			expect(f.accepted).toBe(dataLines(csv[f.table!]));
		}
		expect(res.report.rejectedRows).toEqual([]);
		const rt = rowsOf(res, 'rumah_tangga');
		expect(rt).toHaveLength(12);
		expect(rt[2]).toMatchObject({ id_rt: 'RT-3', kode_desa: '35.76.02.1010', desil: 4, pengeluaran_kapita: 503.5, ada_lansia: true, kode_kab: '35.76' });
		expect(new Date(rt[2].tgl_registrasi as number).toISOString().slice(0, 10)).toBe('2019-02-04');
		expect(new Date(rowsOf(res, 'puskesos')[1].tgl_buka as number).toISOString().slice(0, 10)).toBe('2021-08-17');
		expect(res.tables.find((t) => t.table === 'rumah_tangga')!.kabs).toEqual({ '35.76': 12 });
	});

	it('reads semicolons, Windows-1252, CRLF, a BOM and Indonesian dates and decimals the same', async () => {
		const csv = fixtureCsv();
		const plain = await run(csvFiles(csv));
		const excel = Object.entries(csv).map(([t, c]) => {
			let text = c.replace(/"(\d+),5"/g, '$1#5').replace(/,/g, ';').replace(/#5/g, ',5');
			text = text.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1').replace('Wates', 'Watés').replace(/\n/g, '\r\n');
			const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Array.from(text, (ch) => (ch === 'é' ? 0xe9 : ch.charCodeAt(0)))]);
			return fileOf(`${t}.csv`, bytes);
		});
		const res = await run(excel);
		balanced(res);
		expect(res.report.files.map((f) => [f.delimiter, f.rejected])).toEqual(TABLE_NAMES.map(() => [';', 0]));
		expect(rowsOf(res, 'rumah_tangga')).toEqual(rowsOf(plain, 'rumah_tangga'));
		expect(rowsOf(res, 'rujukan')).toEqual(rowsOf(plain, 'rujukan'));
		expect(rowsOf(res, 'wilayah')[1].nama_desa).toBe('Watés');
	});
});

describe('runImport: the list of rejected rows', () => {
	it('lists at most MAX_LISTED_PER_FILE rows of one file, so a later file\'s rejections are listed too, and says which file\'s list is cut', async () => {
		const csv = fixtureCsv(MAX_LISTED_PER_FILE + 200);
		// a bad category in the complaints file, after a household file uploaded twice (every row of the second a duplicate)
		const kel = csv.keluhan.split('\n');
		const col = kel[0].split(',').indexOf('kategori');
		kel[1] = kel[1].split(',').map((f, i) => (i === col ? 'salah_kategori' : f)).join(',');
		const files = [...csvFiles({ ...csv, keluhan: kel.join('\n') }), fileOf('rumah_tangga (1).csv', csv.rumah_tangga)];
		const res = await run(files);
		const copy = res.report.files.find((f) => f.file === 'rumah_tangga (1).csv')!;
		expect(copy.rejected).toBe(MAX_LISTED_PER_FILE + 200);
		expect(res.report.rejectedRows.filter((r) => r.file === 'rumah_tangga (1).csv')).toHaveLength(MAX_LISTED_PER_FILE);
		expect(copy.issues).toContainEqual({ code: 'daftar_galat_dipotong', severity: 'info', detail: `${MAX_LISTED_PER_FILE} / ${MAX_LISTED_PER_FILE + 200}` });
		expect(res.report.rejectedRows.filter((r) => r.file === 'keluhan.csv').map((r) => [r.row, r.column])).toEqual([[2, 'kategori']]);
		expect(res.report.files.find((f) => f.file === 'keluhan.csv')!.issues.map((i) => i.code)).not.toContain('daftar_galat_dipotong');
	});
});

describe('runImport: line ends', () => {
	it('reads a file whose lines end with a bare CR (Excel\'s "CSV (Macintosh)"), past 256 KiB, as the same file with LF', async () => {
		const csv = fixtureCsv(3000);
		expect(csv.rumah_tangga.length).toBeGreaterThan(256 * 1024);
		const plain = await run(csvFiles(csv));
		const res = await run(csvFiles({ ...csv, rumah_tangga: csv.rumah_tangga.replace(/\n/g, '\r') }));
		balanced(res);
		const f = res.report.files.find((x) => x.file === 'rumah_tangga.csv')!;
		expect([f.read, f.accepted, f.issues]).toEqual([3000, 3000, []]);
		expect(rowsOf(res, 'rumah_tangga')).toEqual(rowsOf(plain, 'rumah_tangga'));
	});
});

describe('runImport: bad rows', () => {
	it('refuses only the row a damaged block of NUL bytes runs into, and reads the rest of the file', async () => {
		const csv = fixtureCsv();
		const lines = csv.rumah_tangga.split('\n');
		const enc = new TextEncoder();
		// rows 1-4 intact, then a zeroed 600-byte block where row 5 and its line end were
		const bytes = new Uint8Array([...enc.encode(lines.slice(0, 4).join('\n') + '\n'), ...new Uint8Array(600), ...enc.encode(lines.slice(5).join('\n'))]);
		const files = csvFiles(csv).map((f) => (f.name === 'rumah_tangga.csv' ? fileOf('rumah_tangga.csv', bytes) : f));
		const res = await run(files);
		balanced(res);
		const rt = res.report.files.find((f) => f.file === 'rumah_tangga.csv')!;
		expect(rt.issues).toEqual([]);
		// the damaged block swallowed row 5's line end, so rows 5 and 6 are one unreadable record
		expect([rt.read, rt.accepted, rt.rejected]).toEqual([dataLines(csv.rumah_tangga) - 1, dataLines(csv.rumah_tangga) - 2, 1]);
		expect(res.report.rejectedRows.filter((r) => r.file === 'rumah_tangga.csv')).toEqual([
			{ file: 'rumah_tangga.csv', table: 'rumah_tangga', row: 5, column: 'id_rt', code: 'blok_rusak', value: '' }
		]);
	});

	it('rejects exactly the bad rows with row, column and reason, and keeps the rest', async () => {
		const csv = fixtureCsv();
		const lines = csv.rumah_tangga.split('\n');
		lines[3] = lines[3].replace(/^(RT-3,35\.76\.\d\d\.\d{4}),4,/, '$1,11,'); // row 4: decile out of range
		lines[4] = lines[4].replace('35.76.01.1007', '35.76.09.1999'); // row 5: unknown village
		lines[7] = lines[7].replace('RT-7,', 'RT-1,'); // row 8: duplicate id
		csv.rumah_tangga = lines.join('\n');
		csv.keluhan = csv.keluhan.replace(/^(K-10,.*),2025-03-28,/m, '$1,2025-03-01,'); // entered before received
		const res = await run(csvFiles(csv));
		balanced(res);
		const rt = res.report.files.find((f) => f.table === 'rumah_tangga')!;
		expect([rt.read, rt.accepted, rt.rejected]).toEqual([12, 9, 3]);
		const bad = res.report.rejectedRows.filter((r) => r.table === 'rumah_tangga').map((r) => [r.row, r.column, r.code]);
		expect(bad).toEqual([
			[4, 'desil', 'rentang'],
			[5, 'kode_desa', 'kode_tidak_dikenal'],
			[8, 'id_rt', 'duplikat']
		]);
		// Complaints of the rejected households are refused too: they would point at nothing.
		const others = res.report.rejectedRows.filter((r) => r.table !== 'rumah_tangga').map((r) => [r.table, r.column, r.code, r.value]);
		expect(others).toEqual([
			['keluhan', 'id_rt', 'referensi_tidak_ada', 'RT-4'],
			['keluhan', 'tgl_input', 'urutan_tanggal', '2025-03-01'],
			['rujukan', 'id_keluhan', 'referensi_tidak_ada', 'K-4'],
			['rujukan', 'id_keluhan', 'referensi_tidak_ada', 'K-10']
		]);
	});

	it('rejects facilitators of a kecamatan outside the uploaded wilayah, so another district is not loaded', async () => {
		const csv = fixtureCsv();
		csv.fasilitator += '\nFAS-X1,,33.28.01\nFAS-X2,,33.28.01';
		const res = await run(csvFiles(csv));
		balanced(res);
		const fas = res.report.files.find((f) => f.table === 'fasilitator')!;
		expect([fas.read, fas.accepted, fas.rejected]).toEqual([4, 2, 2]);
		expect(res.report.rejectedRows.map((r) => [r.file, r.row, r.column, r.code, r.value])).toEqual([
			['fasilitator.csv', 4, 'kode_kec', 'kode_tidak_dikenal', '33.28.01'],
			['fasilitator.csv', 5, 'kode_kec', 'kode_tidak_dikenal', '33.28.01']
		]);
		expect(res.tables.find((t) => t.table === 'fasilitator')!.kabs).toEqual({ '35.76': 2 });
	});

	it('rejects a NIK in an id or a text column however it is disguised, says where, and never shows it', async () => {
		const csv = fixtureCsv();
		// the strict forms, then those QA found loaded, saved and echoed in the report (a spreadsheet's ="…", a suffix, commas, a zero-width space)
		const nik = ["'3576011203850002", '3576 0112 0385 0003', '3576011203850004.0', 'NIK3576011203850005', '=""3576011203850007""', '3576011203850008_01', '3,576,011,203,850,009', '3576\u200b011203850010'];
		const lines = csv.rumah_tangga.split('\n');
		nik.forEach((v, k) => (lines[k + 1] = lines[k + 1].replace(/^RT-\d+,/, `"${v}",`)));
		csv.rumah_tangga = lines.join('\n');
		csv.puskesos = csv.puskesos.replace('Puskesos Wates', 'NIK 3576011203850006');
		const res = await run(csvFiles(csv));
		balanced(res);
		const nikRows = res.report.rejectedRows.filter((r) => r.code.startsWith('nik_'));
		expect(nikRows.map((r) => [r.file, r.row, r.column, r.code, r.value])).toEqual([
			['puskesos.csv', 3, 'nama_puskesos', 'nik_di_kolom', '(disembunyikan)'],
			...nik.map((_, k) => ['rumah_tangga.csv', k + 2, 'id_rt', 'nik_di_kolom_id', '(disembunyikan)'])
		]);
		expect(JSON.stringify([res.report, rowsOf(res, 'rumah_tangga'), rowsOf(res, 'puskesos')])).not.toMatch(/0385|850,0/);
	});

	it('drops identifying columns before anything is kept, and says so', async () => {
		const csv = fixtureCsv();
		const lines = csv.rumah_tangga.split('\n').map((l, i) => (i === 0 ? `NIK,Nama Kepala Keluarga,${l},Alamat` : `3576014507880002,Budi,${l},"Jl. Mawar 3, RT 02"`));
		csv.rumah_tangga = lines.join('\n');
		const res = await run(csvFiles(csv));
		balanced(res);
		const rt = res.report.files.find((f) => f.table === 'rumah_tangga')!;
		expect(rt.droppedIdentifying).toEqual(['NIK', 'Nama Kepala Keluarga', 'Alamat']);
		expect(rt.issues.map((i) => i.code)).toContain('kolom_identitas_dibuang');
		expect(rt.accepted).toBe(12);
		const rows = rowsOf(res, 'rumah_tangga');
		expect(Object.keys(rows[0])).toEqual([...TABLES.rumah_tangga.columns.map((c) => c.name), 'kode_kab']);
		expect(JSON.stringify(rows)).not.toMatch(/3576014507880002|Budi|Mawar/);
	});
});

describe('runImport: bad files', () => {
	const one = async (name: string, content: string | Uint8Array) => {
		const res = await run([fileOf(name, content)]);
		balanced(res);
		return res.report.files[0];
	};

	it('names an empty file, binary junk, UTF-16 and a header that fits no table', async () => {
		expect((await one('kosong.csv', '')).issues.map((i) => i.code)).toEqual(['kosong']);
		expect((await one('blank.csv', '\n\n  \n')).issues.map((i) => i.code)).toEqual(['kosong']);
		expect((await one('junk.csv', new Uint8Array([1, 2, 0, 255, 7, 8, 9, 0]))).issues.map((i) => i.code)).toEqual(['biner']);
		expect((await one('u16.csv', new Uint8Array([0xff, 0xfe, 0x61, 0]))).issues.map((i) => i.code)).toEqual(['encoding_tidak_didukung']);
		const odd = await one('lain.csv', 'a,b,c\n1,2,3');
		expect(odd.issues).toMatchObject([{ code: 'tabel_tidak_dikenal', severity: 'fatal', row: 1 }]);
		const near = await one('rt.csv', 'id_rt,kode_desa,desil\nRT-1,35.76.01.1007,3');
		expect(near.issues[0].code).toBe('kolom_wajib_tidak_ada');
		expect(near.issues[0].detail).toMatch(/^jumlah_art, pengeluaran_kapita.* \(rumah_tangga\)$/);
		expect(near.read).toBe(0);
		// A file without its header row: the first record is not repeated, a NIK, a name, an address (QA, HIGH).
		const headerless = await one('data.csv', '3576011203857777,Budi Hartono,Jl. Mawar No. 9,35.76.01.1007\n3576011203858888,Sri Wahyuni,Jl. Melati 2,35.76.01.1007');
		expect(headerless.issues).toMatchObject([{ code: 'tabel_tidak_dikenal', severity: 'fatal', row: 1 }]);
		expect(headerless.issues[0].detail).toBe('4 kolom / columns; tidak satu pun nama kolom kontrak — baris judul tidak ada? / none is a contract column name — is the header row missing?');
		for (const secret of ['3576011203857777', 'Budi', 'Mawar']) expect(JSON.stringify(headerless), secret).not.toContain(secret);
		// Contract column names among them are named.
		expect(unknownHeaderDetail(['ID_RT', 'Budi Hartono', 'kode_desa'])).toBe('3 kolom / columns; nama kolom kontrak / contract column names: ID_RT, kode_desa');
	});

	it('lists ignored columns, and asks "did you mean" for one close to a column the file lacks', async () => {
		const csv = fixtureCsv();
		const [head, ...rest] = csv.rumah_tangga.split('\n');
		const f = await one('rumah_tangga.csv', [head.replace('id_puskesos', 'id_puskesmas').replace('tgl_kontak_slrt', 'tgl_kontak_slr') + ',catatan', ...rest.map((l) => l + ',x')].join('\n'));
		expect(f.issues.map((i) => [i.code, i.detail])).toEqual([
			['kolom_mirip', 'tgl_kontak_slr → tgl_kontak_slrt?'],
			['kolom_mirip', 'id_puskesmas → id_puskesos?'],
			['kolom_diabaikan', 'catatan']
		]);
		const missing = await one('wilayah.csv', fixtureCsv().wilayah.replace('penduduk', 'Penduduk Jiwa'));
		expect(missing.issues.map((i) => [i.code, i.detail])).toEqual([
			['kolom_wajib_tidak_ada', 'penduduk (wilayah)'],
			['kolom_diabaikan', 'Penduduk Jiwa']
		]);
	});

	it('keeps the good rows of a truncated file and counts the cut-off record', async () => {
		const csv = fixtureCsv().fasilitator + '\nFAS-3,"PKS-1';
		const f = await one('fasilitator.csv', csv);
		expect([f.read, f.accepted, f.rejected]).toEqual([3, 2, 1]);
		expect(f.issues).toMatchObject([{ code: 'terpotong', row: 4 }]);
	});

	it('rejects a record whose quote runs on for 300,000 characters and reads on from the next line', async () => {
		const huge = `FAS-3,"${'x'.repeat(300_000)}\nstill inside`;
		const csv = ['id_fasilitator,id_puskesos,kode_kec', 'FAS-1,,35.76.01', huge, 'FAS-4,,35.76.02', 'FAS-5,,35.76.02'].join('\n');
		const res = await run([fileOf('fasilitator.csv', csv)]);
		const f = res.report.files[0];
		expect([f.read, f.accepted, f.rejected]).toEqual([5, 3, 2]);
		expect(res.report.rejectedRows.map((r) => [r.row, r.column, r.code])).toEqual([
			[3, 'id_puskesos', 'kutip_tidak_ditutup'],
			[4, '', 'jumlah_kolom']
		]);
	});

	for (const [where, at] of [
		['near the end of a large file', 7990],
		['in the middle', 4000],
		['on the last line', 8001]
	] as const) {
		it(`rejects only the row whose quote is never closed, ${where}, with its column, and keeps every row after it`, async () => {
			const lines = ['id_fasilitator,id_puskesos,kode_kec'];
			// About 40 characters a row: 8,000 rows are some 320 KB, more than MAX_RECORD_CHARS.
			for (let n = 2; n <= 8001; n++) lines.push(n === at ? `FAS-${n},"PKS-1,35.76.01` : `FAS-${n},${n % 9 ? '' : '"PKS-2"'},35.76.0${(n % 2) + 1}`);
			const res = await run([fileOf('fasilitator.csv', lines.join('\n') + '\n')]);
			const f = res.report.files[0];
			expect([f.read, f.accepted, f.rejected]).toEqual([8000, 7999, 1]);
			expect(res.report.rejectedRows).toMatchObject([{ file: 'fasilitator.csv', row: at, column: 'id_puskesos', code: 'kutip_tidak_ditutup' }]);
			expect(rowsOf(res, 'fasilitator').at(-1)).toMatchObject({ id_fasilitator: at === 8001 ? 'FAS-8000' : 'FAS-8001' });
		});
	}

	it('reads a file mixing UTF-8 and Windows-1252 lines without losing a row, and warns', async () => {
		const head = 'kode_desa,nama_desa,jenis,kode_kec,nama_kec,kode_kab,nama_kab,kode_prov,nama_prov,lat,lng,penduduk\n';
		const enc = new TextEncoder();
		const a = enc.encode(head + '35.76.01.1007,Surodinawan é,kelurahan,35.76.01,Prajuritkulon,35.76,Kota Mojokerto,35,Jawa Timur,-7.48,112.42,9000\n');
		const b = new Uint8Array([...enc.encode('35.76.02.1010,Wat'), 0xe9, ...enc.encode('s,kelurahan,35.76.02,Magersari,35.76,Kota Mojokerto,35,Jawa Timur,-7.46,112.45,17000\n')]);
		const res = await run([fileOf('wilayah.csv', new Uint8Array([...a, ...b]))]);
		const f = res.report.files[0];
		expect([f.read, f.accepted]).toEqual([2, 2]);
		expect(f.issues).toMatchObject([{ code: 'campuran_encoding', row: 3 }]);
		expect(rowsOf(res, 'wilayah').map((r) => r.nama_desa)).toEqual(['Surodinawan é', 'Watés']);
	});
});

describe('runImport: Parquet', () => {
	async function parquetOf(table: string) {
		const res = await run(csvFiles(fixtureCsv()));
		const batches = res.tables.find((t) => t.table === table)!.batches;
		return writeParquetNode(tableFromIPC(batches[0]));
	}

	it('accepts a valid Parquet extract with the same rows as its CSV', async () => {
		const csv = await run(csvFiles(fixtureCsv()));
		const files = [...csvFiles(fixtureCsv()).filter((f) => f.name !== 'rumah_tangga.csv'), fileOf('rt.parquet', await parquetOf('rumah_tangga'))];
		const res = await run(files);
		balanced(res);
		const f = res.report.files.find((x) => x.format === 'parquet')!;
		expect([f.table, f.read, f.accepted, f.rejected]).toEqual(['rumah_tangga', 12, 12, 0]);
		expect(rowsOf(res, 'rumah_tangga')).toEqual(rowsOf(csv, 'rumah_tangga'));
	});

	/** The rest of the fixture as CSV and its households as Parquet in row groups of 4 rows (12 rows: 3 row groups). */
	async function withRtParquet(csv = fixtureCsv(), alter = (t: Table) => t) {
		const res = await run(csvFiles(csv));
		const rt = tableFromIPC(res.tables.find((t) => t.table === 'rumah_tangga')!.batches[0]);
		const bytes = writeParquetNode(alter(rt), 4);
		return { bytes, files: (parquet: Uint8Array) => [...csvFiles(csv).filter((f) => f.name !== 'rumah_tangga.csv'), fileOf('rt.parquet', parquet)] };
	}

	it('decodes one row group, checks all its rows, then decodes the next; the bar moves over the rows (it waited for every row group to be decoded)', async () => {
		const { bytes, files } = await withRtParquet();
		const seen: string[] = [];
		// Each row group decoded is watched: its last household's id being read means the group was checked through.
		const watched = (t: Table, g: number): Table =>
			new Proxy(t, {
				get: (target, k) =>
					k === 'getChild'
						? (name: string) => {
								const v = target.getChild(name)!;
								if (name !== 'id_rt') return v;
								return new Proxy(v, { get: (vt, vk) => (vk === 'get' ? (i: number) => (i === target.numRows - 1 && seen.push(`checked ${g}`), vt.get(i)) : Reflect.get(vt, vk)) });
							}
						: Reflect.get(target, k)
			});
		const openParquet = async (blob: Blob): Promise<ParquetSource> => {
			const source = await openParquetNode(blob);
			return { ...source, rowGroup: async (g) => (seen.push(`decode ${g}`), watched(await source.rowGroup(g), g)) };
		};
		const res = await runImport(files(bytes), { maxDate: FIXTURE_MAX_DATE, openParquet, onProgress: (p) => p.name === 'rt.parquet' && seen.push(`${p.bytesRead}`) });
		expect(res.report.files.find((f) => f.file === 'rt.parquet')!.accepted).toBe(12);
		const n = bytes.length;
		// before: every row group decoded first (the bar at 5, 10, 15 %), and only then any row checked
		expect(seen).toEqual(['0', 'decode 0', 'checked 0', `${Math.round(n / 3)}`, 'decode 1', 'checked 1', `${Math.round((2 * n) / 3)}`, 'decode 2', 'checked 2', `${n}`, `${n}`]);
		expect(rowsOf(res, 'rumah_tangga')).toEqual(rowsOf(await run(csvFiles(fixtureCsv())), 'rumah_tangga'));
	});

	it('keeps every good row of a file with a damaged row group in the middle and names the rows lost (QA: the whole file was refused)', async () => {
		// a decile out of range in the last row group (RT-10, the tenth row): its row number counts the lost rows
		const desil11 = (t: Table) => {
			const desil = Int32Array.from(t.getChild('desil')!.toArray() as Int32Array);
			desil[9] = 11;
			return t.assign(new Table({ desil: makeVector(desil) }));
		};
		const { bytes, files } = await withRtParquet(fixtureCsv(), desil11);
		const res = await runImport(files(await zeroRowGroup(bytes, 1)), { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
		balanced(res);
		const f = res.report.files.find((x) => x.file === 'rt.parquet')!;
		// (the extract's own kode_kab column is not a contract column of rumah_tangga: ignored, as before)
		const lost = f.issues.filter((i) => i.code !== 'kolom_diabaikan');
		expect(lost).toMatchObject([{ code: 'parquet_grup_rusak', severity: 'warning', row: 6 }]);
		expect(lost[0].detail).toMatch(/^grup baris 2 dari 3, baris 6–9 \(4 baris\) \/ row group 2 of 3, rows 6–9 \(4 rows\)/);
		expect([f.read, f.accepted, f.rejected]).toEqual([8, 7, 1]);
		expect(rowsOf(res, 'rumah_tangga').map((r) => r.id_rt)).toEqual(['RT-1', 'RT-2', 'RT-3', 'RT-4', 'RT-9', 'RT-11', 'RT-12']);
		expect(res.report.rejectedRows.filter((r) => r.file === 'rt.parquet').map((r) => [r.row, r.column, r.code])).toEqual([[11, 'desil', 'rentang']]);
		// complaints of the lost and rejected households point at nothing, and are refused as such
		expect(res.report.rejectedRows.filter((r) => r.table === 'keluhan').map((r) => r.value)).toEqual(['RT-6', 'RT-8', 'RT-10']);
	});

	it('a file whose reading stops on an error says at which row, and keeps what it had checked (QA: a cut at 2^24 keys read as a generic error)', async () => {
		const { bytes, files } = await withRtParquet();
		const first = readParquetNode(bytes);
		// A row group that fails as it is checked: the first holds the 12 rows.
		const broken = new Proxy(first, { get: (t, k) => (k === 'getChild' ? () => { throw new Error('Set maximum size exceeded'); } : Reflect.get(t, k)) });
		const res = await runImport(files(bytes), { maxDate: FIXTURE_MAX_DATE, openParquet: async () => parquetSourceOf([first, broken]) });
		const f = res.report.files.find((x) => x.format === 'parquet')!;
		// rows 2–13 (the header is row 1) were checked; the message names the last of them
		expect(f.issues.filter((i) => i.severity === 'fatal')).toEqual([{ code: 'pembacaan_terhenti', severity: 'fatal', row: 13, detail: 'Set maximum size exceeded' }]);
		expect([f.read, f.accepted]).toEqual([12, 12]);
	});

	it('names a corrupted Parquet file and one whose schema fits no table', async () => {
		const good = await parquetOf('fasilitator');
		const broken = good.slice(0, good.length - 40);
		const [a] = (await run([fileOf('a.parquet', broken)])).report.files;
		expect(a.issues.map((i) => i.code)).toEqual(['parquet_rusak']);
		// the decoder's terse English ("Corrupt footer") is said as what it means, in both languages
		expect(a.issues[0].detail).toMatch(/^akhir berkas \(footer Parquet\) tidak ada atau rusak.* \/ the end of the file .* cut off/);
		const { tableFromArrays } = await import('apache-arrow');
		const wrong = writeParquetNode(tableFromArrays({ foo: Int32Array.from([1, 2]) }));
		const [b] = (await run([fileOf('b.parquet', wrong)])).report.files;
		expect(b.issues.map((i) => i.code)).toEqual(['parquet_skema']);
	});
});
