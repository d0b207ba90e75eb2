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
	let line = 0;
	let headerRead = false;
	let fatal: string | undefined;
	await new Promise<void>((resolve, reject) => {
		Papa.parse<string[]>(createReadStream(file, 'utf8'), {
			header: false,
			// Blank lines are skipped here rather than by PapaParse so that they are still
			// counted: reported row numbers must match the rows a spreadsheet shows.
			skipEmptyLines: false,
			step: (res, parser) => {
				line++;
				const fields = res.data;
				if (fields.every((f) => f.trim() === '')) return;
				if (!headerRead) {
					headerRead = true;
					try {
						const map = intake.header(fields);
						result.droppedIdentifying = map.identifying;
						result.ignoredColumns = map.ignored;
					} catch (e) {
						fatal = e instanceof HeaderError ? e.message : String(e);
						parser.abort();
					}
					return;
				}
				const row = intake.row(fields, line);
				if (row) sink.write(columns.map((c) => cleanValue(row[c])));
			},
			complete: () => resolve(),
			error: (err: Error) => reject(err)
		});
	});
	sink.close();
	if (!headerRead) fatal = `berkas kosong / empty file: ${file}`;
	return { ...result, read: intake.read, accepted: intake.accepted, rejected: intake.rejected, pseudonymised: intake.pseudonymised, fatal };
}
