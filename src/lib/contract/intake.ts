/**
 * Intake of one table's rows from any parser (PapaParse in Node or in a Web Worker): header
 * matching, identifying columns dropped, every row validated, good rows kept, bad rows reported
 * with row number, column and reason.
 */
import { IntegrityChecker } from './integrity';
import { nikDigits } from './pii';
import type { TableSpec } from './schema';
import { fieldPositions, HIDDEN_VALUE, mapHeaders, validateFields, type ErrorCode, type HeaderMap, type Row } from './validate';

export type IntakeErrorCode = ErrorCode | 'jumlah_kolom' | 'nik_di_kolom_id' | 'nik_di_kolom' | 'baris_rusak' | 'kutip_tidak_ditutup' | 'blok_rusak';
/** Why a record that was split into fields is still unreadable as a whole. */
export type UnreadableCode = 'kutip_tidak_ditutup' | 'blok_rusak';

/** Messages of the codes only intake raises (validate.ts's ERROR_MESSAGES holds the others). */
export const INTAKE_MESSAGES: Record<Exclude<IntakeErrorCode, ErrorCode>, { id: string; en: string }> = {
	jumlah_kolom: { id: 'Jumlah kolom pada baris tidak sesuai header', en: 'Row has the wrong number of fields' },
	nik_di_kolom_id: { id: 'Kolom ID berisi NIK; beri salt untuk pseudonimisasi', en: 'Id column holds a NIK; supply a salt to pseudonymise' },
	nik_di_kolom: {
		id: 'Kolom ini berisi nilai berbentuk NIK (16 angka); baris ditolak agar NIK tidak dimuat, nilainya tidak ditampilkan',
		en: 'This column holds a NIK-shaped value (16 digits); the row is rejected so that no NIK is loaded, and the value is not shown'
	},
	baris_rusak: { id: 'Baris tidak dapat dibaca (tanda kutip rusak, isian terlalu panjang atau berkas terpotong)', en: 'Row cannot be read (broken quotes, oversized field or truncated file)' },
	kutip_tidak_ditutup: {
		id: 'Tanda kutip di awal isian ini tidak pernah ditutup; baris ini dilewati dan pembacaan dilanjutkan di baris berikutnya',
		en: 'The quote opening this field is never closed; the row was skipped and reading resumed at the next line'
	},
	blok_rusak: {
		id: 'Baris ini terkena blok berkas yang rusak (byte NUL, misalnya dari disk atau salinan yang rusak); baris ini dilewati, baris lain tetap dibaca',
		en: 'This row runs into a damaged block of the file (NUL bytes, e.g. from a faulty disk or copy); the row was skipped, the other rows are read'
	}
};

/** What the report shows instead of a NIK-shaped value. */
export const NIK_HIDDEN = HIDDEN_VALUE;

export interface IntakeError {
	table: string;
	/** row number as a spreadsheet shows it: the header is row 1, the first data row is row 2 */
	row: number;
	column: string;
	code: IntakeErrorCode;
	value: string;
}

export interface IntakeOptions {
	/** last valid date (the extract date): later dates are rejected as being in the future */
	maxDate: string;
	/**
	 * Replaces NIK-shaped values in id columns with a salted pseudonym. Without it, such rows are
	 * rejected: a NIK must never reach an extract or the browser.
	 */
	pseudonymise?: (value: string) => string;
	onError: (e: IntakeError) => void;
}

export class HeaderError extends Error {
	constructor(
		readonly table: string,
		readonly missing: string[]
	) {
		super(`${table}: kolom wajib tidak ada / required columns missing: ${missing.join(', ')}`);
	}
}

export class TableIntake {
	read = 0;
	accepted = 0;
	rejected = 0;
	pseudonymised = 0;
	headers?: HeaderMap;
	private positions: number[] = [];
	private expectedFields = 0;
	/** file field indexes of the contract columns, all checked for NIK-shaped values; ids and text may be pseudonymised */
	private nikFields: { column: string; field: number; code: 'nik_di_kolom_id' | 'nik_di_kolom'; pseudonymisable: boolean }[] = [];

	constructor(
		readonly table: TableSpec,
		private readonly checker: IntegrityChecker,
		private readonly opts: IntakeOptions
	) {
		checker.open(table.name);
	}

	/** Reads the header row; throws HeaderError when a required column is missing. */
	header(fields: readonly string[]): HeaderMap {
		const map = mapHeaders(this.table, fields);
		if (map.missingRequired.length) throw new HeaderError(this.table.name, map.missingRequired);
		this.headers = map;
		this.positions = fieldPositions(this.table, map);
		this.expectedFields = map.index.size + map.identifying.length + map.ignored.length;
		this.nikFields = this.table.columns
			.filter((c) => map.index.has(c.name))
			.map((c) => ({ column: c.name, field: map.index.get(c.name)!, code: c.type === 'id' ? 'nik_di_kolom_id' : 'nik_di_kolom', pseudonymisable: c.type === 'id' || c.type === 'text' }));
		return map;
	}

	/** Validates one data row; returns the typed row when it is accepted. */
	row(fields: readonly string[], rowNumber: number): Row | null {
		this.read++;
		const result = this.prevalidate(fields);
		const errors = result.value ? this.checker.check(this.table, result.value) : result.errors;
		if (errors.length) {
			for (const e of errors) this.opts.onError({ table: this.table.name, row: rowNumber, ...e });
			this.rejected++;
			return null;
		}
		this.accepted++;
		return result.value!;
	}

	/**
	 * Everything row() checks except the keys across rows (duplicates, references), which the
	 * caller then checks some other way (the extract pipeline does it in SQL). Counts
	 * pseudonymised ids, not rows read.
	 */
	prevalidate(fields: readonly string[]): { value?: Row; errors: { column: string; code: IntakeErrorCode; value: string }[] } {
		if (!this.headers) throw new Error('header() must be called before row()');
		const expected = this.expectedFields;
		if (fields.length !== expected) return { errors: [{ column: '', code: 'jumlah_kolom', value: `${fields.length}/${expected}` }] };
		let own: string[] | null = null;
		for (const { column, field, code, pseudonymisable } of this.nikFields) {
			const nik = fields[field] ? nikDigits(fields[field]) : null;
			if (nik === null) continue;
			if (!this.opts.pseudonymise || !pseudonymisable) return { errors: [{ column, code, value: NIK_HIDDEN }] };
			(own ??= [...fields])[field] = this.opts.pseudonymise(nik);
			this.pseudonymised++;
		}
		return validateFields(this.table, own ?? fields, this.positions, this.opts.maxDate);
	}

	/**
	 * Counts a record the parser could not split into fields (broken quotes, an oversized field,
	 * a file cut off mid-record, a damaged block of NUL bytes) as read and rejected, so that read = accepted + rejected holds.
	 */
	unreadable(rowNumber: number, detail: string, column?: string, code: UnreadableCode = 'kutip_tidak_ditutup'): void {
		this.read++;
		if (column !== undefined) this.reject(rowNumber, column, code, detail);
		else this.reject(rowNumber, '', 'baris_rusak', detail);
	}

	private reject(row: number, column: string, code: IntakeErrorCode, value: string): null {
		this.rejected++;
		this.opts.onError({ table: this.table.name, row, column, code, value });
		return null;
	}
}
