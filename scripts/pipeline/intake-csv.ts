/**
 * Streams one contract table's CSV export through validation: good rows go to a clean, typed CSV
 * for DuckDB; bad rows go to the report with row, column and reason.
 */
import { createReadStream, existsSync } from 'node:fs';
import Papa from 'papaparse';
import { HeaderError, TableIntake, type IntakeError, type IntakeOptions } from '../../src/lib/contract/intake';
import type { IntegrityChecker } from '../../src/lib/contract/integrity';
import type { TableSpec } from '../../src/lib/contract/schema';
import type { Row } from '../../src/lib/contract/validate';
import { CsvSink } from '../lib/csv-sink';

export interface TableIntakeResult {
	table: string;
	file: string;
	read: number;
	accepted: number;
	rejected: number;
	pseudonymised: number;
	droppedIdentifying: string[];
	ignoredColumns: string[];
	fatal?: string;
}

/** One CSV record as PapaParse reads it, with its physical line number and the delimiter and line break PapaParse settled on. */
export interface CsvRecord {
	fields: string[];
	line: number;
	delimiter: string;
	linebreak: string;
}

export const isBlank = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '');

/**
 * Streams a CSV file's records to `onRecord`, blank ones included: callers skip them rather than
 * PapaParse, so that they still count and reported row numbers match the rows a spreadsheet shows.
 * `onRecord` returning false stops the reading.
 */
export function streamRecords(file: string, onRecord: (r: CsvRecord) => boolean | void): Promise<void> {
	let line = 0;
	return new Promise<void>((resolve, reject) => {
		Papa.parse<string[]>(createReadStream(file, 'utf8'), {
			header: false,
			skipEmptyLines: false,
			step: (res, parser) => {
				line++;
				if (onRecord({ fields: res.data, line, delimiter: res.meta.delimiter, linebreak: res.meta.linebreak }) === false) parser.abort();
			},
			complete: () => resolve(),
			error: (err: Error) => reject(err)
		});
	});
}

function cleanValue(v: Row[string]): string | number | null {
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return v;
}

export async function intakeCsv(
	table: TableSpec,
	file: string,
	cleanFile: string,
	checker: IntegrityChecker,
	opts: Omit<IntakeOptions, 'onError'>,
	onError: (e: IntakeError) => void
): Promise<TableIntakeResult> {
	const result: TableIntakeResult = { table: table.name, file, read: 0, accepted: 0, rejected: 0, pseudonymised: 0, droppedIdentifying: [], ignoredColumns: [] };
	if (!existsSync(file)) return { ...result, fatal: `berkas tidak ada / file missing: ${file}` };
	const intake = new TableIntake(table, checker, { ...opts, onError });
	const columns = table.columns.map((c) => c.name);
	const sink = new CsvSink(cleanFile, columns);
	let headerRead = false;
	let fatal: string | undefined;
	await streamRecords(file, ({ fields, line }) => {
		if (isBlank(fields)) return;
		if (!headerRead) {
			headerRead = true;
			try {
				const map = intake.header(fields);
				result.droppedIdentifying = map.identifying;
				result.ignoredColumns = map.ignored;
			} catch (e) {
				fatal = e instanceof HeaderError ? e.message : String(e);
				return false;
			}
			return;
		}
		const row = intake.row(fields, line);
		if (row) sink.write(columns.map((c) => cleanValue(row[c])));
	});
	sink.close();
	if (!headerRead) fatal = `berkas kosong / empty file: ${file}`;
	return { ...result, read: intake.read, accepted: intake.accepted, rejected: intake.rejected, pseudonymised: intake.pseudonymised, fatal };
}
