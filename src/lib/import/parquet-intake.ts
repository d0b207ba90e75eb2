/**
 * Parquet a user brings: decoded to Arrow (parquet-wasm, one row group at a time), its schema
 * matched to the contract by column names, and every value handed to the same row validation
 * as CSV cells, so a Parquet file is held to exactly the same rules.
 */
import type { Table as ArrowTable, Vector } from 'apache-arrow';
import type { Issue } from './messages';
import { normaliseHeader } from '../contract/pii';
import { cellText, isInstant, unreadableKind, type UnreadableKind } from './parquet-cells';
import { utcOffsetOfDesa, WIB } from './time-zones';

/**
 * Decodes Parquet bytes to Arrow tables, one per row group; throws on a corrupted file.
 * `rowGroupDone(decoded, total)` after each row group, for the page's progress line.
 */
export type ParquetDecoder = (bytes: Uint8Array, rowGroupDone?: (decoded: number, total: number) => void) => Promise<ArrowTable[]>;

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

export function parquetColumns(tables: readonly ArrowTable[]): string[] {
	return tables[0]?.schema.fields.map((f) => f.name) ?? [];
}

/** A column of the file whose values no CSV cell can hold (parquet-cells.ts unreadableKind); never read. */
export interface UnreadableColumn {
	field: number;
	name: string;
	kind: UnreadableKind;
	/** the Arrow type as Arrow writes it, e.g. Binary, List<Utf8>, Struct<{v:Utf8}> */
	arrowType: string;
}

export function unreadableColumns(tables: readonly ArrowTable[]): UnreadableColumn[] {
	const out: UnreadableColumn[] = [];
	tables[0]?.schema.fields.forEach((f, field) => {
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
	/** after each row group: rows read so far and in the file, for the page's progress line */
	progress?(rowsRead: number, rowsTotal: number): void;
}

export function parquetIntake(tables: readonly ArrowTable[], h: ParquetHandlers): void {
	const names = parquetColumns(tables);
	const unreadable = unreadableColumns(tables);
	if (!h.header(names, unreadable)) return;
	const skipped = new Set(unreadable.map((u) => u.field));
	// The village whose time zone dates the row's instants: the first column read as kode_desa.
	const desaField = names.findIndex((n) => normaliseHeader(n) === 'kode_desa');
	const total = tables.reduce((n, t) => n + t.numRows, 0);
	let row = 0;
	for (const t of tables) {
		const cols: (Vector | null)[] = names.map((n, c) => (skipped.has(c) ? null : t.getChild(n)));
		const desa = desaField >= 0 && cols.some((v) => v && isInstant(v.type)) ? cols[desaField] : null;
		const fields = new Array<string>(names.length);
		for (let i = 0; i < t.numRows; i++) {
			const offset = desa ? utcOffsetOfDesa(cellText(desa.get(i), desa.type)) : WIB;
			for (let c = 0; c < cols.length; c++) {
				const vec = cols[c];
				fields[c] = vec ? cellText(vec.get(i), vec.type, offset) : '';
			}
			// Data row i is numbered as a spreadsheet of the same rows would show it (header = row 1).
			h.row(fields, ++row + 1);
		}
		h.progress?.(row, total);
	}
}
