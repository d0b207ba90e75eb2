/**
 * One import: the files a user dropped, each identified by its header, read in the contract's
 * table order (so every referenced table is complete before the tables that point at it),
 * validated row by row with the contract modules, identifying columns dropped. The result is the
 * accepted rows per table as Arrow batches and a report that accounts for every row read.
 * Nothing in here throws for bad input: every problem ends as a rejected row or an issue.
 */
import { HeaderError, TableIntake, type IntakeError, type IntakeErrorCode } from '../contract/intake';
import { IntegrityChecker } from '../contract/integrity';
import { TABLE_NAMES, TABLES, type TableName, type TableSpec } from '../contract/schema';
import { normaliseHeader } from '../contract/pii';
import { mapHeaders } from '../contract/validate';
import { ArrowBatcher } from './arrow-batches';
import { peekFile, readCsv } from './csv-reader';
import { ignoredColumnIssues } from './header-hints';
import { identifyTable } from './identify';
import type { Issue } from './messages';
import { parquetColumns, parquetFailure, parquetIntake, type ParquetOpener, type ParquetSource, type UnreadableColumn } from './parquet-intake';

/** Rejected rows listed one by one in the report; beyond this only the counts per reason grow. */
export const MAX_LISTED_REJECTIONS = 5_000;
/**
 * Of them, at most this many from one file, so that a file rejected whole (the same file uploaded
 * twice: every row a duplicate) leaves room for the rows of the files after it (QA).
 */
export const MAX_LISTED_PER_FILE = 1_000;

export interface ImportFile {
	name: string;
	blob: Blob;
}

export interface RejectedRow {
	file: string;
	table: string;
	row: number;
	column: string;
	code: IntakeErrorCode;
	value: string;
}

export interface FileReport {
	file: string;
	bytes: number;
	format: 'csv' | 'parquet' | null;
	table: TableName | null;
	delimiter?: string;
	read: number;
	accepted: number;
	rejected: number;
	droppedIdentifying: string[];
	ignoredColumns: string[];
	issues: Issue[];
	/** rejected-row reasons and how many rows had each (a row may have several) */
	reasons: Partial<Record<IntakeErrorCode, number>>;
}

export interface ImportReport {
	maxDate: string;
	/** whether wilayah's codes were checked against the real Kemendagri list (it could not be fetched offline) */
	codesChecked?: boolean;
	files: FileReport[];
	rejectedRows: RejectedRow[];
	listTruncated: boolean;
}

export interface TableBatches {
	table: TableName;
	rows: number;
	/** accepted rows per district (kode_kab) */
	kabs: Record<string, number>;
	/** Arrow IPC stream bytes: contract columns in order, then kode_kab */
	batches: Uint8Array[];
}

export interface ImportResult {
	report: ImportReport;
	tables: TableBatches[];
}

export interface ImportOptions {
	/** last valid date; later dates are rejected as being in the future */
	maxDate: string;
	openParquet: ParquetOpener;
	onProgress?: (p: { file: number; name: string; bytesRead: number; bytesTotal: number }) => void;
	/** real Kemendagri village codes (contract/known-codes.ts); a wilayah code outside them is rejected. Absent: not checked, and the report says so. */
	knownDesa?: ReadonlySet<string>;
}

interface Planned {
	index: number;
	file: ImportFile;
	report: FileReport;
	kind: 'csv' | 'parquet';
	delimiter: string;
	crOnly?: boolean;
	parquet?: ParquetSource;
}

export async function runImport(files: readonly ImportFile[], opts: ImportOptions): Promise<ImportResult> {
	const reports: FileReport[] = files.map((f) => ({ file: f.name, bytes: f.blob.size, format: null, table: null, read: 0, accepted: 0, rejected: 0, droppedIdentifying: [], ignoredColumns: [], issues: [], reasons: {} }));
	const planned: Planned[] = [];
	for (let i = 0; i < files.length; i++) {
		const p = await plan(files[i], reports[i], i, opts);
		if (p) planned.push(p);
	}
	planned.sort((a, b) => TABLE_NAMES.indexOf(a.report.table!) - TABLE_NAMES.indexOf(b.report.table!) || a.index - b.index);

	const checker = new IntegrityChecker(opts.knownDesa);
	const batchers = new Map<TableName, ArrowBatcher>();
	const rejectedRows: RejectedRow[] = [];
	/** the files whose rejected rows were not all listed, with how many are */
	const cut = new Map<FileReport, number>();
	for (const p of planned) {
		const r = p.report;
		const table = TABLES[r.table!];
		let listed = 0;
		const onError = (e: IntakeError) => {
			r.reasons[e.code] = (r.reasons[e.code] ?? 0) + 1;
			if (rejectedRows.length < MAX_LISTED_REJECTIONS && listed < MAX_LISTED_PER_FILE) {
				rejectedRows.push({ file: r.file, table: e.table, row: e.row, column: e.column, code: e.code, value: e.value.slice(0, 100) });
				listed++;
			} else cut.set(r, listed);
		};
		const intake = new TableIntake(table, checker, { maxDate: opts.maxDate, onError });
		let batcher = batchers.get(table.name);
		if (!batcher) batchers.set(table.name, (batcher = new ArrowBatcher(table)));
		/** the last row handed to the checks (header = row 1): a Parquet file's rows may skip a lost row group */
		let lastRow = 1;
		const accept = (fields: readonly string[], row: number) => {
			lastRow = row;
			const ok = intake.row(fields, row);
			if (ok) batcher!.add(ok);
		};
		const header = (fields: string[], unreadable: readonly UnreadableColumn[] = []): boolean => {
			try {
				const map = intake.header(fields);
				r.droppedIdentifying = map.identifying;
				r.ignoredColumns = map.ignored;
				if (map.identifying.length) r.issues.push({ code: 'kolom_identitas_dibuang', severity: 'info', detail: map.identifying.join(', ') });
				r.issues.push(...ignoredColumnIssues(map.ignored, [...map.missingRequired, ...map.missingOptional]));
				return unreadableIssues(table, map.index, unreadable, r.issues);
			} catch (e) {
				r.issues.push({ code: 'kolom_wajib_tidak_ada', severity: 'fatal', row: 1, detail: e instanceof HeaderError ? e.missing.join(', ') : String(e) });
				return false;
			}
		};
		const progress = (bytesRead: number, bytesTotal: number) => opts.onProgress?.({ file: p.index, name: r.file, bytesRead, bytesTotal });
		try {
			if (p.kind === 'csv') {
				await readCsv(p.file.blob, p.delimiter as ',', {
					header: (fields) => header(fields),
					record: accept,
					unreadable: (row, detail, column, code) => intake.unreadable(row, detail, column, code),
					issue: (issue) => r.issues.push(issue),
					progress
				}, p.crOnly);
			} else {
				// The bar moves over the file's rows as its row groups are decoded and checked in turn.
				await parquetIntake(p.parquet!, { header, row: accept, issue: (issue) => r.issues.push(issue), progress: (rows, total) => progress(total ? Math.round((r.bytes * rows) / total) : 0, r.bytes) });
				progress(r.bytes, r.bytes);
			}
		} catch (e) {
			// A defect, not bad input; still reported with the file's name and the last row read rather than crashing
			// the page, and never as a silent partial table (QA: a 20-million-row file was cut at 2^24 keys).
			r.issues.push({ code: 'pembacaan_terhenti', severity: 'fatal', row: p.kind === 'parquet' ? lastRow : intake.read + 1, detail: e instanceof Error ? e.message : String(e) });
		} finally {
			p.parquet?.close();
		}
		r.read += intake.read;
		r.accepted += intake.accepted;
		r.rejected += intake.rejected;
		if (r.read === 0 && !r.issues.some((i) => i.severity === 'fatal' || i.code === 'parquet_grup_rusak')) r.issues.push({ code: 'tanpa_baris', severity: 'warning' });
	}
	// Said of each file whose list was cut, with how many of its rows are listed (QA: said of every file with a rejection).
	for (const [r, listed] of cut) r.issues.push({ code: 'daftar_galat_dipotong', severity: 'info', detail: `${listed} / ${r.rejected}` });
	const listTruncated = cut.size > 0;
	const tables: TableBatches[] = [];
	for (const [name, b] of batchers) {
		const batches = b.finish();
		tables.push({ table: name, rows: b.rows, kabs: Object.fromEntries(b.kabs), batches });
	}
	return { report: { maxDate: opts.maxDate, files: reports, rejectedRows, listTruncated, codesChecked: !!opts.knownDesa }, tables };
}

/** Sniffs and identifies one file; null when it cannot be read at all (the report says why). */
async function plan(file: ImportFile, r: FileReport, index: number, opts: ImportOptions): Promise<Planned | null> {
	const peek = await peekFile(file.blob);
	if (peek.kind === 'fatal') {
		r.issues.push(peek.issue);
		return null;
	}
	let headers: string[];
	let crOnly = false;
	let parquet: ParquetSource | undefined;
	if (peek.kind === 'parquet') {
		r.format = 'parquet';
		// Its line shows at once; only the footer is read here, the row groups one at a time as they are checked.
		opts.onProgress?.({ file: index, name: file.name, bytesRead: 0, bytesTotal: r.bytes });
		const opened = await openSafely(file.blob, opts.openParquet);
		if ('error' in opened) {
			r.issues.push({ code: 'parquet_rusak', severity: 'fatal', detail: parquetFailure(opened.error) });
			return null;
		}
		parquet = opened.source;
		headers = parquetColumns(parquet.schema);
	} else {
		r.format = 'csv';
		r.delimiter = peek.header.delimiter;
		crOnly = peek.header.crOnly;
		headers = peek.header.fields;
	}
	const id = identifyTable(headers, file.name);
	if (id.table === null) {
		parquet?.close();
		const row = r.format === 'csv' ? 1 : undefined;
		if (id.closest && r.format === 'csv') {
			// Close enough to name the table: say plainly which required columns it lacks, and what each unknown header may have meant.
			r.issues.push({ code: 'kolom_wajib_tidak_ada', severity: 'fatal', row, detail: `${id.missing.join(', ')} (${id.closest})` });
			const map = mapHeaders(TABLES[id.closest], headers);
			r.issues.push(...ignoredColumnIssues(map.ignored, [...map.missingRequired, ...map.missingOptional]));
		} else {
			const detail = id.closest ? `${id.closest}: ${id.missing.join(', ')}` : unknownHeaderDetail(headers);
			r.issues.push({ code: r.format === 'parquet' ? 'parquet_skema' : 'tabel_tidak_dikenal', severity: 'fatal', row, detail });
		}
		return null;
	}
	r.table = id.table;
	return { index, file, report: r, kind: r.format!, delimiter: r.delimiter ?? ',', crOnly, parquet };
}

/**
 * The contract columns a Parquet file holds as bytes or nested values, said once per column with
 * its name and type, never its values: a required one refuses the file (false), an optional one
 * is read as empty, with a warning. Columns the contract does not read are not mentioned.
 */
function unreadableIssues(table: TableSpec, index: ReadonlyMap<string, number>, unreadable: readonly UnreadableColumn[], issues: Issue[]): boolean {
	let readable = true;
	for (const col of table.columns) {
		const u = unreadable.find((x) => x.field === index.get(col.name));
		if (!u) continue;
		const detail = `${u.name} (Parquet ${u.kind}, Arrow ${u.arrowType})`;
		issues.push({ code: col.required ? 'parquet_tipe_kolom' : 'parquet_tipe_kolom_dibuang', severity: col.required ? 'fatal' : 'warning', detail });
		if (col.required) readable = false;
	}
	return readable;
}

/**
 * What a report says of a first line that names no contract table. Its fields are not repeated: in
 * a file without a header row they are the first record's values, a NIK, a name, an address (QA:
 * they were shown and written to the report's CSV). Only those that are contract column names are.
 */
export function unknownHeaderDetail(headers: readonly string[]): string {
	const known = new Set(Object.values(TABLES).flatMap((t) => t.columns.map((c) => c.name)));
	const named = headers.filter((h) => known.has(normaliseHeader(h)));
	return named.length
		? `${headers.length} kolom / columns; nama kolom kontrak / contract column names: ${named.slice(0, 8).join(', ')}`
		: `${headers.length} kolom / columns; tidak satu pun nama kolom kontrak — baris judul tidak ada? / none is a contract column name — is the header row missing?`;
}

async function openSafely(blob: Blob, open: ParquetOpener): Promise<{ source: ParquetSource } | { error: string }> {
	try {
		return { source: await open(blob) };
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	}
}
