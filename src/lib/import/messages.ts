/**
 * File-level problems of an import, in Bahasa Indonesia and English. Row-level reasons come from
 * the contract (validate.ts ERROR_MESSAGES, intake.ts INTAKE_MESSAGES); these say what is wrong
 * with a file as a whole, or with a stretch of it, and where.
 */
import { INTAKE_MESSAGES, type IntakeErrorCode } from '../contract/intake';
import { TABLES, type TableName } from '../contract/schema';
import { DATE_RANGE_MESSAGE, DATE_TYPE_MESSAGE, ERROR_MESSAGES, type ErrorCode } from '../contract/validate';

export type IssueCode =
	| 'kosong'
	| 'biner'
	| 'encoding_tidak_didukung'
	| 'tabel_tidak_dikenal'
	| 'kolom_wajib_tidak_ada'
	| 'terpotong'
	| 'isian_terlalu_panjang'
	| 'campuran_encoding'
	| 'kolom_identitas_dibuang'
	| 'kolom_diabaikan'
	| 'kolom_mirip'
	| 'parquet_rusak'
	| 'parquet_grup_rusak'
	| 'parquet_skema'
	| 'parquet_tipe_kolom'
	| 'parquet_tipe_kolom_dibuang'
	| 'galat_baca'
	| 'arrow_tidak_didukung'
	| 'pembacaan_terhenti'
	| 'daftar_galat_dipotong'
	| 'tanpa_baris';

/** A file-level problem; `severity: 'fatal'` means no row of the file was read. */
export interface Issue {
	code: IssueCode;
	severity: 'fatal' | 'warning' | 'info';
	/** where: the row (spreadsheet numbering, header = 1) or the byte offset, when known */
	row?: number;
	/** free detail in both languages' shared vocabulary: column names, counts, the parser's words */
	detail?: string;
}

export const ISSUE_MESSAGES: Record<IssueCode, { id: string; en: string }> = {
	kosong: { id: 'Berkas kosong: tidak ada header maupun baris data', en: 'Empty file: no header and no data rows' },
	biner: { id: 'Berkas bukan teks CSV (berisi data biner); periksa bahwa ini ekspor CSV atau Parquet', en: 'File is not CSV text (it holds binary data); check that it is a CSV or Parquet export' },
	encoding_tidak_didukung: { id: 'Encoding berkas tidak didukung (UTF-16); simpan ulang sebagai UTF-8 atau Windows-1252', en: 'Unsupported file encoding (UTF-16); save it again as UTF-8 or Windows-1252' },
	tabel_tidak_dikenal: { id: 'Header berkas tidak cocok dengan tabel kontrak mana pun', en: 'The file header matches no contract table' },
	kolom_wajib_tidak_ada: { id: 'Kolom wajib tidak ada di header berkas; berkas tidak dibaca', en: 'A required column is missing from the file header; the file was not read' },
	kolom_diabaikan: { id: 'Kolom tidak dikenal kontrak, diabaikan (tidak dimuat)', en: 'Columns unknown to the contract, ignored (not loaded)' },
	kolom_mirip: { id: 'Kolom tidak dikenal, diabaikan; mungkin maksudnya kolom kontrak ini', en: 'Unknown column, ignored; did you mean this contract column' },
	terpotong: { id: 'Berkas terpotong: baris terakhir tidak lengkap (tanda kutip tidak ditutup)', en: 'File is truncated: the last record is incomplete (an unclosed quote)' },
	isian_terlalu_panjang: { id: 'Baris terlalu panjang (tanda kutip tidak ditutup atau isian raksasa); baris itu dilewati', en: 'Record too long (an unclosed quote or a huge field); that record was skipped' },
	campuran_encoding: { id: 'Campuran encoding: sebagian baris dibaca sebagai Windows-1252, bukan UTF-8', en: 'Mixed encodings: some rows were read as Windows-1252, not UTF-8' },
	kolom_identitas_dibuang: { id: 'Kolom identitas (nama, NIK, alamat, telepon) dibuang sebelum dimuat', en: 'Identifying columns (names, NIK, addresses, phones) were dropped before loading' },
	parquet_rusak: { id: 'Berkas Parquet rusak atau tidak dapat dibaca', en: 'Parquet file is corrupted or unreadable' },
	parquet_grup_rusak: {
		id: 'Grup baris (row group) berkas Parquet ini rusak dan tidak dapat dibaca: baris-barisnya tidak dimuat; baris sebelum dan sesudahnya tetap diperiksa. Ekspor ulang berkas ini untuk memuat baris yang hilang',
		en: 'A row group of this Parquet file is damaged and cannot be read: its rows are not loaded; the rows before and after it are still checked. Export the file again to load the missing rows'
	},
	parquet_skema: { id: 'Skema Parquet tidak sesuai kontrak', en: 'Parquet schema does not match the contract' },
	parquet_tipe_kolom: {
		id: 'Kolom wajib di berkas Parquet bertipe data yang tidak dapat dibaca sebagai nilai (biner/BLOB, LIST, STRUCT atau MAP); ekspor ulang dengan kolom ini sebagai teks atau angka. Berkas tidak dibaca',
		en: 'A required column of the Parquet file has a data type that cannot be read as a value (binary/BLOB, LIST, STRUCT or MAP); export it again with this column as text or a number. The file was not read'
	},
	parquet_tipe_kolom_dibuang: {
		id: 'Kolom opsional di berkas Parquet bertipe data yang tidak dapat dibaca sebagai nilai (biner/BLOB, LIST, STRUCT atau MAP): kolom ini dianggap kosong dan tidak dimuat; tulis sebagai teks atau angka',
		en: 'An optional column of the Parquet file has a data type that cannot be read as a value (binary/BLOB, LIST, STRUCT or MAP): it is treated as empty and not loaded; write it as text or a number'
	},
	galat_baca: { id: 'Berkas tidak dapat dibaca', en: 'File could not be read' },
	arrow_tidak_didukung: {
		id: 'Berkas Arrow IPC (.arrow/.arrows) belum dapat dibaca di sini; ekspor tabel yang sama sebagai Parquet atau CSV',
		en: 'Arrow IPC files (.arrow/.arrows) cannot be read here yet; export the same table as Parquet or CSV'
	},
	pembacaan_terhenti: {
		id: 'Pembacaan berkas terhenti karena galat: baris sampai baris yang disebut sudah diperiksa, baris sesudahnya tidak dibaca dan tidak dimuat',
		en: 'Reading the file stopped on an error: the rows up to the row given were checked, the rows after it were not read and are not loaded'
	},
	tanpa_baris: { id: 'Berkas hanya berisi header: tidak ada baris data', en: 'File holds only a header: no data rows' },
	daftar_galat_dipotong: { id: 'Daftar baris ditolak berkas ini dipotong (tercantum / ditolak); jumlah per alasan tetap lengkap', en: 'This file’s list of rejected rows is cut (listed / rejected); the counts per reason stay complete' }
};

/**
 * The reason of a rejected row, whichever module raised it; given its table and column, a date of
 * the wrong type says which date forms are accepted, and one out of range which years are.
 */
export function rowReason(code: IntakeErrorCode, table?: string, column?: string): { id: string; en: string } {
	const isDate = !!table && !!column && TABLES[table as TableName]?.columns.find((c) => c.name === column)?.type === 'date';
	if (isDate && code === 'tipe') return DATE_TYPE_MESSAGE;
	if (isDate && code === 'rentang') return DATE_RANGE_MESSAGE;
	return ERROR_MESSAGES[code as ErrorCode] ?? INTAKE_MESSAGES[code as keyof typeof INTAKE_MESSAGES] ?? { id: code, en: code };
}
