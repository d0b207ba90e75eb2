/**
 * The fast intake of one contract table: DuckDB reads the CSV as raw numbered lines and flags, in
 * one vectorised pass, every line the JS validator could reject (sql-checks.ts); only flagged lines
 * go through the JS validator (TableIntake.prevalidate), which stays the authority on messages.
 * The result is a DuckDB table `v_<table>` of the rows that passed validation (typed, with their
 * line number) plus the validation errors in line order; keys across rows are checked afterwards
 * in SQL (integrity-sql.ts).
 *
 * Row numbers are physical line numbers, blank lines counted, as intake-csv.ts reports them. That
 * holds only when a record is exactly one line, so a file whose quoted fields span lines (or whose
 * line ends DuckDB would split differently from PapaParse) is validated line by line in JS instead
 * (jsPrevalidate), still with the keys checked in SQL.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import Papa from 'papaparse';
import { HeaderError, TableIntake, type IntakeError, type IntakeOptions } from '../../src/lib/contract/intake';
import { IntegrityChecker } from '../../src/lib/contract/integrity';
import type { TableSpec } from '../../src/lib/contract/schema';
import { fieldPositions, type Row } from '../../src/lib/contract/validate';
import { CsvSink } from '../lib/csv-sink';
import { isBlank, streamRecords, type TableIntakeResult } from './intake-csv';
import { csvColumnsSql, lineCheckSql, lineValuesSql, lit } from './sql-checks';

/** Column separator DuckDB is told to split on when reading whole lines; a file containing it is read by JS. */
const LINE_DELIM = 0x01;
const SCAN_CHUNK = 16 << 20;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

export interface PrevalidateOutcome {
	result: TableIntakeResult;
	/** validation errors (not keys across rows), in line order */
	errors: IntakeError[];
	/** how the table was read: 'sql' (DuckDB pre-filter) or 'js' (every line through JS) */
	route: 'sql' | 'js';
}

interface Header {
	/** physical line number of the header */
	line: number;
	fields: string[];
	delimiter: string;
	linebreak: string;
}

/** Reads the header as intake-csv.ts does (first non-blank record), with PapaParse's guessed delimiter and line break. */
async function readHeader(file: string): Promise<Header | null> {
	let header: Header | null = null;
	await streamRecords(file, ({ fields, line, delimiter, linebreak }) => {
		if (isBlank(fields)) return;
		header = { line, fields, delimiter, linebreak };
		return false;
	});
	return header;
}

interface Scan {
	crlf: boolean;
	bom: boolean;
	endsWithNewline: boolean;
}

/**
 * Whether DuckDB's line split will equal PapaParse's: no byte DuckDB would take as a column
 * separator, and line ends either all LF or all CRLF (DuckDB also splits on a lone CR or LF).
 */
function scanLineEnds(file: string, linebreak: string): Scan | null {
	const fd = openSync(file, 'r');
	const buf = Buffer.allocUnsafe(SCAN_CHUNK + 1);
	let pos = 0;
	let cr = 0;
	let lf = 0;
	let crlf = 0;
	let first: Buffer | null = null;
	let lastByte = -1;
	let prevCr = false;
	/** an LF in a chunk before the first CR: a lone LF, so not pure CRLF */
	let lfBeforeCr = false;
	try {
		for (;;) {
			const n = readSync(fd, buf, 0, SCAN_CHUNK, pos);
			if (n === 0) break;
			const chunk = buf.subarray(0, n);
			first ??= Buffer.from(chunk.subarray(0, 3));
			if (chunk.indexOf(LINE_DELIM) >= 0) return null;
			if (prevCr && chunk[0] === 0x0a) crlf++;
			if (cr === 0 && chunk.indexOf(0x0d) < 0) lfBeforeCr ||= chunk.indexOf(0x0a) >= 0;
			else {
				for (let i = chunk.indexOf(0x0d); i >= 0; i = chunk.indexOf(0x0d, i + 1)) {
					cr++;
					if (i + 1 < n && chunk[i + 1] === 0x0a) crlf++;
				}
				for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lf++;
			}
			prevCr = chunk[n - 1] === 0x0d;
			lastByte = chunk[n - 1];
			pos += n;
		}
	} finally {
		closeSync(fd);
	}
	const bom = first !== null && first.length === 3 && UTF8_BOM.every((b, i) => first![i] === b);
	if (cr === 0) return linebreak === '\n' || lastByte === -1 ? { crlf: false, bom, endsWithNewline: lastByte === 0x0a } : null;
	// Only pure CRLF is safe: every CR followed by an LF and every LF preceded by a CR.
	if (lfBeforeCr || cr !== crlf || lf !== crlf || linebreak !== '\r\n') return null;
	return { crlf: true, bom, endsWithNewline: lastByte === 0x0a };
}

/**
 * Starts DuckDB loading the file as one VARCHAR per physical line (`rowid` = line - 1), split on
 * the line end PapaParse saw in the header; false when DuckDB refuses the file.
 */
function startLoadingLines(conn: DuckDBConnection, file: string, name: string, crlf: boolean): Promise<boolean> {
	return conn
		.run(`CREATE OR REPLACE TEMP TABLE lines_${name} AS SELECT * FROM read_csv(${lit(file)}, header = false, columns = {'l': 'VARCHAR'}, delim = '\\x01', quote = '', escape = '', new_line = ${crlf ? "'\\r\\n'" : "'\\n'"}, auto_detect = false, strict_mode = false)`)
		.then(
			() => true,
			() => false
		);
}

/** Whether the loaded lines are DuckDB's split of the whole file: every byte accounted for, so no line was cut short or dropped. */
async function linesComplete(conn: DuckDBConnection, file: string, name: string, scan: Scan): Promise<boolean> {
	const reader = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n, coalesce(sum(strlen(coalesce(l, ''))), 0)::BIGINT AS bytes FROM lines_${name}`);
	const [{ n, bytes }] = reader.getRowObjectsJS() as { n: bigint; bytes: bigint }[];
	const lines = Number(n);
	const breaks = lines === 0 ? 0 : lines - (scan.endsWithNewline ? 0 : 1);
	const expected = Number(bytes) + breaks * (scan.crlf ? 2 : 1) + (scan.bom ? 3 : 0);
	return expected === statSync(file).size;
}

/** Splits one line as PapaParse would when it is the whole record; null when the record would go on past the line. */
function splitLine(line: string, header: Header): string[] | null {
	if (!line.includes('"')) return line.split(header.delimiter);
	const r = Papa.parse<string[]>(line, { delimiter: header.delimiter, newline: header.linebreak as '\n' | '\r\n' });
	return r.errors.length || r.data.length !== 1 ? null : r.data[0];
}

/** Writes validated rows to a clean CSV (line + contract columns) that DuckDB reads with types. */
class RowSink {
	private readonly sink: CsvSink;
	private readonly columns: string[];
	constructor(
		readonly file: string,
		table: TableSpec
	) {
		this.columns = table.columns.map((c) => c.name);
		this.sink = new CsvSink(file, ['line', ...this.columns]);
	}
	/** rows written */
	rows = 0;
	write(line: number, row: Row): void {
		this.rows++;
		this.sink.write([line, ...this.columns.map((c) => (typeof row[c] === 'boolean' ? (row[c] ? 'true' : 'false') : row[c]))]);
	}
	close(): void {
		this.sink.close();
	}
}

export async function prevalidateTable(
	conn: DuckDBConnection,
	table: TableSpec,
	file: string,
	cleanFile: string,
	opts: Omit<IntakeOptions, 'onError'>,
	/** per-step times, for the pipeline's log */
	lap: (label: string) => void = () => {}
): Promise<PrevalidateOutcome> {
	const name = table.name;
	const result: TableIntakeResult = { table: name, file, read: 0, accepted: 0, rejected: 0, pseudonymised: 0, droppedIdentifying: [], ignoredColumns: [] };
	const outcome = (route: 'sql' | 'js', errors: IntakeError[] = []): PrevalidateOutcome => ({ result, errors, route });
	if (!existsSync(file)) return outcome('js', (result.fatal = `berkas tidak ada / file missing: ${file}`, []));
	const header = await readHeader(file);
	if (!header) return outcome('js', (result.fatal = `berkas kosong / empty file: ${file}`, []));
	// The checker is unused here: keys across rows are checked in SQL afterwards.
	const intake = new TableIntake(table, new IntegrityChecker(), { ...opts, onError: () => {} });
	try {
		const map = intake.header(header.fields);
		result.droppedIdentifying = map.identifying;
		result.ignoredColumns = map.ignored;
	} catch (e) {
		return outcome('js', (result.fatal = e instanceof HeaderError ? e.message : String(e), []));
	}
	// DuckDB reads the lines (on its own threads) while JS scans the line ends that decide whether its split can be trusted.
	const crlf = header.linebreak === '\r\n';
	const loading = startLoadingLines(conn, file, name, crlf);
	const scan = scanLineEnds(file, header.linebreak);
	lap('scan');
	const loaded = await loading;
	if (scan && scan.crlf === crlf && loaded && (await linesComplete(conn, file, name, scan))) {
		lap('lines');
		const errors = await sqlRoute(conn, table, intake, header, cleanFile, opts.maxDate, lap);
		if (errors) {
			Object.assign(result, { read: intake.read, rejected: errors.rejected, pseudonymised: intake.pseudonymised });
			return outcome('sql', errors.list);
		}
	}
	await conn.run(`DROP TABLE IF EXISTS lines_${name}`);
	const fresh = new TableIntake(table, new IntegrityChecker(), { ...opts, onError: () => {} });
	fresh.header(header.fields);
	const errors = await jsRoute(conn, table, fresh, file, cleanFile);
	Object.assign(result, { read: fresh.read, rejected: errors.rejected, pseudonymised: fresh.pseudonymised });
	return outcome('js', errors.list);
}

interface Rejections {
	list: IntakeError[];
	/** rows rejected by validation (keys across rows not yet checked) */
	rejected: number;
}

/** Validates one record in JS; the typed row goes to the sink, its errors to the list. */
function checkRecord(intake: TableIntake, fields: string[], line: number, sink: RowSink, rej: Rejections): void {
	if (isBlank(fields)) return;
	intake.read++;
	const r = intake.prevalidate(fields);
	if (r.value) sink.write(line, r.value);
	else {
		rej.rejected++;
		for (const e of r.errors) rej.list.push({ table: intake.table.name, row: line, ...e });
	}
}

/** Null when a flagged line turns out to be part of a record spanning lines. */
async function sqlRoute(conn: DuckDBConnection, table: TableSpec, intake: TableIntake, header: Header, cleanFile: string, maxDate: string, lap: (label: string) => void): Promise<Rejections | null> {
	const name = table.name;
	const map = intake.headers!;
	const layout = { positions: fieldPositions(table, map), expectedFields: map.index.size + map.identifying.length + map.ignored.length, maxDate };
	// One split per line serves both the check and the typed values (used only where ok). Only a
	// flagged line keeps its raw text, for the JS validator: the province's 11 M households no longer
	// hold a second copy of their 1.2 GB of lines (peak RSS 5.4-5.7 → 4.3-4.4 GB, flag step ~2 s less).
	const cols = table.columns.map((c) => c.name).join(', ');
	await conn.run(`CREATE OR REPLACE TABLE cand_${name} AS SELECT line, CASE WHEN ok THEN NULL ELSE l END AS l, ok, ${cols} FROM (SELECT line, l, ${lineCheckSql(table, layout, header.delimiter)} AS ok, ${cols} FROM (
		SELECT line, l, f, ${lineValuesSql(table, layout)} FROM (SELECT rowid::INTEGER + 1 AS line, l, string_split(l, ${lit(header.delimiter)}) AS f FROM lines_${name} WHERE rowid >= ${header.line})))`);
	await conn.run(`DROP TABLE lines_${name}`);
	lap('flag');
	const sink = new RowSink(cleanFile, table);
	const rej: Rejections = { list: [], rejected: 0 };
	let spans = false;
	const stream = await conn.stream(`SELECT line, l FROM cand_${name} WHERE NOT ok ORDER BY line`);
	for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0 && !spans; chunk = await stream.fetchChunk()) {
		for (const [line, l] of chunk.getRows() as [number, string | null][]) {
			const fields = splitLine(l ?? '', header);
			if (!fields) {
				spans = true;
				break;
			}
			checkRecord(intake, fields, line, sink, rej);
		}
	}
	sink.close();
	if (spans) {
		await conn.run(`DROP TABLE cand_${name}`);
		return null;
	}
	lap('JS');
	const good = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM cand_${name} WHERE ok`);
	intake.read += Number(good.getRowObjectsJS()[0].n);
	// The rows JS accepted (all of them when an export writes dates or decimals its own way) are
	// loaded once: the view over them is read once per district and by later tables' key checks.
	let fromJs = '';
	if (sink.rows) {
		await conn.run(`CREATE OR REPLACE TABLE js_${name} AS SELECT * FROM read_csv(${lit(cleanFile)}, header = true, columns = ${csvColumnsSql(table, true)}, nullstr = '', quote = '"', escape = '"', dateformat = '%Y-%m-%d')`);
		fromJs = `UNION ALL SELECT * FROM js_${name}`;
	}
	// A view, not a copy; like the tables under it, visible to the district writers' connections.
	await conn.run(`CREATE OR REPLACE VIEW v_${name} AS SELECT line, ${cols} FROM cand_${name} WHERE ok ${fromJs}`);
	lap('view');
	return rej;
}

/** Every record through PapaParse and the JS validator, as intake-csv.ts reads it. */
async function jsRoute(conn: DuckDBConnection, table: TableSpec, intake: TableIntake, file: string, cleanFile: string): Promise<Rejections> {
	const sink = new RowSink(cleanFile, table);
	const rej: Rejections = { list: [], rejected: 0 };
	let headerSeen = false;
	await streamRecords(file, ({ fields, line }) => {
		if (!headerSeen) {
			headerSeen = !isBlank(fields);
			return;
		}
		checkRecord(intake, fields, line, sink, rej);
	});
	sink.close();
	await conn.run(`CREATE OR REPLACE TABLE v_${table.name} AS SELECT * FROM read_csv(${lit(cleanFile)}, header = true, columns = ${csvColumnsSql(table, true)}, nullstr = '', quote = '"', escape = '"', dateformat = '%Y-%m-%d')`);
	return rej;
}
