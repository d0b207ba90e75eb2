/**
 * Row validation against the contract. One implementation serves the extract pipeline (Node)
 * and the browser's import: every rejected row says which row, which column and why, and every
 * good row is kept.
 */
import { TABLES, TAHAP_RUJUKAN, TANGGAL_TAHAP, type ColumnSpec, type TableName, type TableSpec } from './schema';
import { editDistance } from './edit-distance';
import { BOOL_WORDS, dateOutsideYears, MAX_YEAR, MIN_YEAR, parseBool, parseDate, parseInteger, parseNumber } from './parse';
import { isIdentifyingColumn, normaliseHeader } from './pii';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export type ErrorCode =
	| 'wajib'
	| 'tipe'
	| 'format_kode'
	| 'rentang'
	| 'nilai'
	| 'masa_depan'
	| 'urutan_tanggal'
	| 'status_tidak_sesuai'
	| 'duplikat'
	| 'kode_tidak_dikenal'
	| 'referensi_tidak_ada'
	| 'kode_tidak_cocok'
	| 'jenis_tidak_cocok';

export const ERROR_MESSAGES: Record<ErrorCode, { id: string; en: string }> = {
	wajib: { id: 'Nilai wajib kosong', en: 'Required value is missing' },
	tipe: { id: 'Jenis nilai salah', en: 'Value has the wrong type' },
	format_kode: { id: 'Format kode Kemendagri salah', en: 'Malformed Kemendagri code' },
	rentang: { id: 'Nilai di luar rentang yang diizinkan', en: 'Value out of the allowed range' },
	nilai: { id: 'Nilai tidak termasuk pilihan yang diizinkan', en: 'Value is not one of the allowed values' },
	masa_depan: { id: 'Tanggal di masa depan', en: 'Date is in the future' },
	urutan_tanggal: { id: 'Urutan tanggal tidak masuk akal', en: 'Dates are out of order' },
	status_tidak_sesuai: { id: 'Status tidak sesuai dengan tanggal tahapan', en: 'Status does not match the stage dates' },
	duplikat: { id: 'ID duplikat', en: 'Duplicate id' },
	kode_tidak_dikenal: { id: 'Kode wilayah Kemendagri tidak dikenal', en: 'Unknown Kemendagri area code' },
	referensi_tidak_ada: { id: 'Merujuk ke data yang tidak ada', en: 'Refers to a record that does not exist' },
	kode_tidak_cocok: { id: 'Kode tidak sesuai dengan kode wilayah di dalamnya (kode_desa dimulai dengan kode_kec, dst.)', en: 'Code does not fit the area code inside it (kode_desa starts with kode_kec, and so on)' },
	jenis_tidak_cocok: { id: 'Jenis tidak sesuai dengan kode_desa (PP.KK.CC.1DDD adalah kelurahan, selain itu desa)', en: 'Type does not fit kode_desa (a code PP.KK.CC.1DDD is an urban village, any other a rural one)' }
};

/** What a report says instead of a rejected value it does not repeat (reportedValue, intake.ts NIK_HIDDEN). */
export const HIDDEN_VALUE = '(disembunyikan)';

/**
 * What a report says back of a rejected cell. A misaligned export can put any text, a name or an
 * address, in any column, and the report is shown and downloaded (QA: a name in \`kategori\` was
 * listed and written to the report's CSV). A value with letters is said back only where it is close
 * to one of the column's allowed words (a typo to fix: "selesay"); any other is hidden. Values without
 * letters (numbers, dates, codes) are said back as they are.
 */
export function reportedValue(col: ColumnSpec, text: string): string {
	if (!/\p{L}/u.test(text)) return text;
	const words = col.type === 'enum' ? (col.values ?? []) : col.type === 'bool' ? BOOL_WORDS : [];
	const v = text.trim().toLowerCase();
	// One edit for a short word, two for a longer one: two edits turn a short name into many a word (Dina → desa).
	return words.some((w) => editDistance(v, w, 2) <= (w.length < 6 ? 1 : 2)) ? text : HIDDEN_VALUE;
}

/**
 * A date of the wrong type says which forms are accepted (parse.ts parseDate), so that whoever
 * fixes the export knows what to write: the canonical form first, the Indonesian one it also takes.
 */
export const DATE_TYPE_MESSAGE = {
	id: 'Bukan tanggal yang sah; tulis sebagai YYYY-MM-DD (mis. 2025-08-17) atau DD/MM/YYYY',
	en: 'Not a valid date; write it as YYYY-MM-DD (e.g. 2025-08-17) or DD/MM/YYYY'
} as const;

/** A real date in a year no record can have (QA: 1899-05-01 was called "not a valid date; write it as YYYY-MM-DD"). */
export const DATE_RANGE_MESSAGE = {
	id: `Tahun tanggal di luar rentang yang diizinkan (${MIN_YEAR}–${MAX_YEAR}); periksa angka tahunnya`,
	en: `The date's year is outside the allowed range (${MIN_YEAR}–${MAX_YEAR}); check the year`
} as const;

export interface CellError {
	column: string;
	code: ErrorCode;
	value: string;
}

export interface RowResult {
	value?: Row;
	errors: CellError[];
}

/** Shape of each Kemendagri code type (docs/data-contract.md prints these). */
export const CODE_PATTERNS: Partial<Record<ColumnSpec['type'], RegExp>> = {
	kode_desa: /^\d{2}\.\d{2}\.\d{2}\.[1-3]\d{3}$/,
	kode_kec: /^\d{2}\.\d{2}\.\d{2}$/,
	kode_kab: /^\d{2}\.\d{2}$/,
	kode_prov: /^\d{2}$/
};
/** Longest text accepted in any field: protects DuckDB and the page from runaway cells. */
export const MAX_TEXT_LENGTH = 200;

/** The error of the last parseCell call: a module-level slot avoids an allocation per cell. */
let cellError: ErrorCode | null = null;

function parseCell(col: ColumnSpec, raw: string, maxDate: string): Cell {
	cellError = null;
	const s = raw.trim();
	if (s === '') {
		if (col.required) cellError = 'wajib';
		return null;
	}
	switch (col.type) {
		case 'int':
			return inRange(col, parseInteger(s));
		case 'double':
			return inRange(col, parseNumber(s));
		case 'date': {
			const v = parseDate(s);
			if (v === null) cellError = dateOutsideYears(s) ? 'rentang' : 'tipe';
			else if (v > maxDate) cellError = 'masa_depan';
			return v;
		}
		case 'bool': {
			const v = parseBool(s);
			if (v === null) cellError = 'tipe';
			return v;
		}
		case 'enum': {
			const v = s.toLowerCase();
			if (col.values!.includes(v)) return v;
			cellError = 'nilai';
			return null;
		}
		default: {
			if (s.length > MAX_TEXT_LENGTH) cellError = 'rentang';
			else {
				const pattern = CODE_PATTERNS[col.type];
				if (pattern && !pattern.test(s)) cellError = 'format_kode';
			}
			return cellError ? null : s;
		}
	}
}

function inRange(col: ColumnSpec, v: number | null): Cell {
	if (v === null) cellError = 'tipe';
	else if ((col.min !== undefined && v < col.min) || (col.max !== undefined && v > col.max)) cellError = 'rentang';
	return v;
}

/** Validates one record (raw strings keyed by contract column name) on its own. */
export function validateRecord(table: TableSpec, raw: Record<string, string | undefined>, maxDate: string): RowResult {
	return validateFields(table, table.columns.map((c) => raw[c.name] ?? ''), table.columns.map((_, i) => i), maxDate);
}

/**
 * Validates one row given as the file's fields and, per contract column, the index of its field
 * (-1 when the file lacks the column). The hot path of every import.
 */
export function validateFields(table: TableSpec, fields: readonly string[], positions: readonly number[], maxDate: string): RowResult {
	let errors: CellError[] | null = null;
	const row: Row = {};
	const cols = table.columns;
	for (let i = 0; i < cols.length; i++) {
		const col = cols[i];
		const p = positions[i];
		const text = p < 0 ? '' : (fields[p] ?? '');
		row[col.name] = parseCell(col, text, maxDate);
		if (cellError) (errors ??= []).push({ column: col.name, code: cellError, value: reportedValue(col, text) });
	}
	if (errors) return { errors };
	const ruleErrors = RULES[table.name](row);
	return ruleErrors.length ? { errors: ruleErrors } : { value: row, errors: ruleErrors };
}

type Rule = (row: Row) => CellError[];
const str = (v: Cell) => (v === null ? '' : String(v));

const RULES: Record<TableName, Rule> = {
	wilayah: (r) => {
		const errs: CellError[] = [];
		const kode = str(r.kode_desa);
		// Well-formed codes that do not nest: the code does not fit the one inside it (QA: said "malformed").
		if (!kode.startsWith(`${str(r.kode_kec)}.`)) errs.push({ column: 'kode_kec', code: 'kode_tidak_cocok', value: str(r.kode_kec) });
		if (!str(r.kode_kec).startsWith(`${str(r.kode_kab)}.`)) errs.push({ column: 'kode_kab', code: 'kode_tidak_cocok', value: str(r.kode_kab) });
		if (!str(r.kode_kab).startsWith(`${str(r.kode_prov)}.`)) errs.push({ column: 'kode_prov', code: 'kode_tidak_cocok', value: str(r.kode_prov) });
		const jenis = kode.charAt(9) === '1' ? 'kelurahan' : 'desa';
		if (r.jenis !== jenis) errs.push({ column: 'jenis', code: 'jenis_tidak_cocok', value: str(r.jenis) });
		return errs;
	},
	puskesos: () => [],
	fasilitator: () => [],
	rumah_tangga: (r) => {
		const errs: CellError[] = [];
		if (str(r.tgl_pemutakhiran) < str(r.tgl_registrasi))
			errs.push({ column: 'tgl_pemutakhiran', code: 'urutan_tanggal', value: str(r.tgl_pemutakhiran) });
		if (r.kontak_slrt === true && r.tgl_kontak_slrt === null)
			errs.push({ column: 'tgl_kontak_slrt', code: 'wajib', value: '' });
		if (r.kontak_slrt === false && r.tgl_kontak_slrt !== null)
			errs.push({ column: 'tgl_kontak_slrt', code: 'status_tidak_sesuai', value: str(r.tgl_kontak_slrt) });
		return errs;
	},
	keluhan: (r) => {
		const errs: CellError[] = [];
		if (str(r.tgl_input) < str(r.tgl_keluhan))
			errs.push({ column: 'tgl_input', code: 'urutan_tanggal', value: str(r.tgl_input) });
		const closed = r.status === 'selesai' || r.status === 'ditolak';
		if (closed && r.tgl_selesai === null) errs.push({ column: 'tgl_selesai', code: 'wajib', value: '' });
		if (!closed && r.tgl_selesai !== null)
			errs.push({ column: 'status', code: 'status_tidak_sesuai', value: str(r.status) });
		if (r.tgl_selesai !== null && str(r.tgl_selesai) < str(r.tgl_keluhan))
			errs.push({ column: 'tgl_selesai', code: 'urutan_tanggal', value: str(r.tgl_selesai) });
		return errs;
	},
	rujukan: checkReferralStages
};

/**
 * Stage dates must be reached in lifecycle order with no gaps, and the status must be the last
 * stage reached; `ditolak` may close a referral after any stage but never together with `selesai`.
 */
function checkReferralStages(r: Row): CellError[] {
	let last = 'terdaftar';
	let lastDate = str(r.tgl_terdaftar);
	let gap = false;
	for (const stage of TAHAP_RUJUKAN.slice(1)) {
		const col = TANGGAL_TAHAP[stage];
		const d = r[col];
		if (d === null) {
			gap = true;
			continue;
		}
		if (gap) return [{ column: col, code: 'urutan_tanggal', value: str(d) }];
		if (str(d) < lastDate) return [{ column: col, code: 'urutan_tanggal', value: str(d) }];
		last = stage;
		lastDate = str(d);
	}
	if (r.tgl_ditolak !== null) {
		if (r.tgl_selesai !== null) return [{ column: 'tgl_ditolak', code: 'status_tidak_sesuai', value: str(r.tgl_ditolak) }];
		if (str(r.tgl_ditolak) < lastDate) return [{ column: 'tgl_ditolak', code: 'urutan_tanggal', value: str(r.tgl_ditolak) }];
		last = 'ditolak';
	}
	return r.status === last ? [] : [{ column: 'status', code: 'status_tidak_sesuai', value: str(r.status) }];
}

export interface HeaderMap {
	/** contract column → index in the file's header row */
	index: Map<string, number>;
	missingRequired: string[];
	missingOptional: string[];
	/** identifying columns found (names, NIK, addresses…): dropped, never read further */
	identifying: string[];
	/** other columns not in the contract: ignored */
	ignored: string[];
}

/** Matches a file's header row to the contract, tolerating case, spaces and BOMs. */
export function mapHeaders(table: TableSpec, headers: readonly string[]): HeaderMap {
	const index = new Map<string, number>();
	const identifying: string[] = [];
	const ignored: string[] = [];
	const known = new Set(table.columns.map((c) => c.name));
	headers.forEach((h, i) => {
		const n = normaliseHeader(h);
		if (known.has(n) && !index.has(n)) index.set(n, i);
		else if (isIdentifyingColumn(h)) identifying.push(h);
		else ignored.push(h);
	});
	const missing = table.columns.filter((c) => !index.has(c.name));
	return {
		index,
		identifying,
		ignored,
		missingRequired: missing.filter((c) => c.required).map((c) => c.name),
		missingOptional: missing.filter((c) => !c.required).map((c) => c.name)
	};
}

/** Per contract column, the index of its field in the file (-1 when missing). */
export function fieldPositions(table: TableSpec, headerMap: HeaderMap): number[] {
	return table.columns.map((c) => headerMap.index.get(c.name) ?? -1);
}

/** Reads one parsed CSV line into a record keyed by contract column. */
export function recordFromFields(headerMap: HeaderMap, fields: readonly string[]): Record<string, string> {
	const rec: Record<string, string> = {};
	for (const [name, i] of headerMap.index) rec[name] = fields[i] ?? '';
	return rec;
}

export { TABLES };
