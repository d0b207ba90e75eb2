/**
 * Parquet a user brings: its schema matched to the contract by column names from the footer, then
 * one row group at a time decoded to Arrow (parquet-wasm), its every value handed to the same row
 * validation as CSV cells, and let go before the next is decoded. A row group that cannot be
 * decoded loses only its own rows, which the report names; the row groups around it are read.
 */
import type { Schema as ArrowSchema, Table as ArrowTable, Vector } from 'apache-arrow';
import type { Issue } from './messages';
import { normaliseHeader } from '../contract/pii';
import { cellText, isInstant, unreadableKind, type UnreadableKind } from './parquet-cells';
import { utcOffsetOfDesa, WIB } from './time-zones';

/** A Parquet file as its footer describes it, and a reader of its row groups. */
export interface ParquetSource {
	/** column names and types as the footer declares them, known before any row is decoded */
	readonly schema: ArrowSchema;
	/** rows of each row group, in file order, as the footer declares them */
	readonly rowGroupRows: readonly number[];
	/** Decodes one row group; throws when it is damaged. Called in order, each one checked before the next is asked for. */
	rowGroup(index: number): Promise<ArrowTable>;
	/** Lets go of what the source holds of the file. */
	close(): void;
}

/** Opens a Parquet file by reading its footer; throws when the footer is missing or damaged. */
export type ParquetOpener = (blob: Blob) => Promise<ParquetSource>;

/** Within a row group, the progress line moves after this many rows: a row group of 122,880 rows takes seconds to check. */
export const PROGRESS_ROWS = 8_192;

/**
 * What a Parquet decoder's failure means to whoever fixes the file, in both languages: the
 * decoder's own messages are English and terse ("Corrupt footer"; "Error strings stripped" from
 * the browser's build), so the common ones are named and any other is kept after a plain label.
 */
export function parquetFailure(message: string): string {
	if (/footer|magic|eof|end of file|out of range|too small/i.test(message))
		return 'akhir berkas (footer Parquet) tidak ada atau rusak: berkas mungkin terpotong saat diunduh atau disalin / the end of the file (the Parquet footer) is missing or damaged: the file may have been cut off while downloaded or copied';
	if (/strings stripped|decompress|zstd|snappy|gzip|page|thrift|checksum/i.test(message))
		return 'isi berkas rusak di tengah (blok data tidak dapat dibuka); ekspor ulang berkas ini / a block inside the file is damaged and cannot be opened; export the file again';
	return `pesan pembaca Parquet / Parquet reader's message: ${message.replace(/^Parquet (argument )?error:\s*/i, '')}`;
}

export function parquetColumns(schema: ArrowSchema): string[] {
	return schema.fields.map((f) => f.name);
}

/** A column of the file whose values no CSV cell can hold (parquet-cells.ts unreadableKind); never read. */
export interface UnreadableColumn {
	field: number;
	name: string;
	kind: UnreadableKind;
	/** the Arrow type as Arrow writes it, e.g. Binary, List<Utf8>, Struct<{v:Utf8}> */
	arrowType: string;
}

export function unreadableColumns(schema: ArrowSchema): UnreadableColumn[] {
	const out: UnreadableColumn[] = [];
	schema.fields.forEach((f, field) => {
		const kind = unreadableKind(f.type);
		if (kind) out.push({ field, name: f.name, kind, arrowType: String(f.type) });
	});
	return out;
}

export interface ParquetHandlers {
	/** The file's column names and those of them that are never read (their cells are always ''); false reads no row. */
	header(fields: string[], unreadable: readonly UnreadableColumn[]): boolean;
	row(fields: readonly string[], row: number): void;
	issue(issue: Issue): void;
	/** rows read or lost so far and in the file, for the page's progress line */
	progress?(rowsDone: number, rowsTotal: number): void;
}

/** A run of row groups that could not be decoded: 0-based groups, rows counted from the first data row. */
interface LostRun {
	firstGroup: number;
	lastGroup: number;
	firstRow: number;
	rows: number;
	reason: string;
}

export async function parquetIntake(source: ParquetSource, h: ParquetHandlers): Promise<void> {
	const names = parquetColumns(source.schema);
	const unreadable = unreadableColumns(source.schema);
	if (!h.header(names, unreadable)) return;
	const reader = rowReader(names, new Set(unreadable.map((u) => u.field)));
	const groups = source.rowGroupRows;
	const total = groups.reduce((n, g) => n + g, 0);
	let before = 0;
	let lost = null as LostRun | null;
	for (let g = 0; g < groups.length; g++) {
		let table: ArrowTable;
		try {
			table = await source.rowGroup(g);
		} catch (e) {
			// Each row group is decoded on its own (its place is in the footer), so the next ones are still read.
			if (lost) {
				lost.lastGroup = g;
				lost.rows += groups[g];
			} else lost = { firstGroup: g, lastGroup: g, firstRow: before, rows: groups[g], reason: e instanceof Error ? e.message : String(e) };
			before += groups[g];
			h.progress?.(before, total);
			continue;
		}
		if (lost) h.issue(lostIssue(lost, groups.length));
		lost = null;
		reader(table, before, (rows) => h.progress?.(rows, total), h.row);
		before += groups[g];
		h.progress?.(before, total);
	}
	if (lost) h.issue(lostIssue(lost, groups.length));
}

/**
 * Reads the rows of one row group as CSV-like fields: `before` rows of the file precede it, and
 * its row i is numbered as a spreadsheet of the same rows would show it (header = row 1).
 */
function rowReader(names: readonly string[], skipped: ReadonlySet<number>) {
	// The village whose time zone dates the row's instants: the first column read as kode_desa.
	const desaField = names.findIndex((n) => normaliseHeader(n) === 'kode_desa');
	const fields = new Array<string>(names.length);
	return (t: ArrowTable, before: number, progress: (rowsDone: number) => void, row: (fields: readonly string[], row: number) => void) => {
		const cols: (Vector | null)[] = names.map((n, c) => (skipped.has(c) ? null : t.getChild(n)));
		const desa = desaField >= 0 && cols.some((v) => v && isInstant(v.type)) ? cols[desaField] : null;
		for (let i = 0; i < t.numRows; i++) {
			const offset = desa ? utcOffsetOfDesa(cellText(desa.get(i), desa.type)) : WIB;
			for (let c = 0; c < cols.length; c++) {
				const vec = cols[c];
				fields[c] = vec ? cellText(vec.get(i), vec.type, offset) : '';
			}
			row(fields, before + i + 2);
			if (i && i % PROGRESS_ROWS === 0) progress(before + i);
		}
	};
}

/** What the report says of row groups that could not be decoded: which, of how many, and their rows (header = row 1). */
function lostIssue(run: LostRun, groups: number): Issue {
	const from = run.firstRow + 2;
	const to = run.firstRow + run.rows + 1;
	const which = run.firstGroup === run.lastGroup ? `${run.firstGroup + 1}` : `${run.firstGroup + 1}–${run.lastGroup + 1}`;
	const reader = rowGroupFailure(run.reason);
	return {
		code: 'parquet_grup_rusak',
		severity: 'warning',
		row: from,
		detail: `grup baris ${which} dari ${groups}, baris ${from}–${to} (${run.rows} baris) / row group ${which} of ${groups}, rows ${from}–${to} (${run.rows} rows)${reader ? `; ${reader}` : ''}`
	};
}

/** The decoder's own words on a damaged row group, when it has any worth saying (the browser's build strips them). */
function rowGroupFailure(message: string): string {
	const words = message.replace(/^(Error: )?Parquet (argument )?error:\s*/i, '').replace(/^(External: )?Parquet error:\s*/i, '');
	if (!words || /strings stripped|unreachable/i.test(words)) return '';
	return `pesan pembaca Parquet / Parquet reader's message: ${words}`;
}
