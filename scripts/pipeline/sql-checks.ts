/**
 * The contract's row checks as one SQL predicate per table, for DuckDB to run vectorised over a
 * whole CSV file read as raw lines. The predicate is a pre-filter, not the authority: it must be
 * at least as strict as the JS validator (src/lib/contract/validate.ts), i.e. every line the
 * validator could reject is flagged. Flagged lines go through the JS validator, which gives the
 * exact row, column and reason; the rest are cast to their contract types right here.
 *
 * To stay strict without re-implementing the validator's tolerance (Indonesian dates, decimal
 * commas, yes/no, case, surrounding spaces), a cell passes only in its canonical form
 * (YYYY-MM-DD, 1234.5, 0/1, lower-case enum, no surrounding whitespace); anything else is flagged.
 * In canonical form the cast gives exactly the value the validator would produce.
 */
import { TABLES, sqlType, type ColumnSpec, type TableName, type TableSpec } from '../../src/lib/contract/schema';
import { NIK_DIGITS } from '../../src/lib/contract/pii';
import { CODE_PATTERNS, MAX_TEXT_LENGTH } from '../../src/lib/contract/validate';

/** Integer ranges up to this width are checked as a list of their spellings. */
const SMALL_RANGE = 200;
/**
 * The most digits a cell may hold and pass. The JS intake rejects (or pseudonymises) a NIK in any
 * contract column however an export disguises it (pii.ts nikDigits: a letter prefix, a leading
 * quote, spaces, dots or dashes between groups, a trailing .0). That rule stays in pii.ts alone:
 * nikDigits only removes characters, so a NIK-shaped cell holds at least NIK_DIGITS digits, and
 * every such cell is flagged here for nikDigits to decide. Only an id, a text or a decimal can
 * hold that many digits in its canonical form; the other shapes hold fewer.
 */
const MAX_CELL_DIGITS = NIK_DIGITS - 1;
/** SQL true when `x` holds fewer digits than a NIK (MAX_CELL_DIGITS). */
// Any number character, not only 0-9: full-width, Arabic-Indic or circled digits are read as digits by nikDigits too.
const fewDigits = (x: string) => `NOT regexp_matches(${x}, '(?:\\pN\\PN*){${NIK_DIGITS}}')`;

/**
 * The GLOB equal to one of the contract's code patterns (anchored; digits, literal dots, a digit
 * class and counted repeats only): GLOB is a plain match, several times cheaper than a regex.
 */
export function globOf(pattern: RegExp): string {
	const src = pattern.source;
	if (!src.startsWith('^') || !src.endsWith('$')) throw new Error(`unanchored pattern ${src}`);
	let out = '';
	const re = /\\d(?:\{(\d+)\})?|\\\.|(\[\d-\d\])(?:\{(\d+)\})?/y;
	for (let i = 1; i < src.length - 1; ) {
		re.lastIndex = i;
		const m = re.exec(src);
		if (!m) throw new Error(`no GLOB for pattern ${src} at ${i}`);
		if (m[0] === '\\.') out += '.';
		else if (m[2]) out += m[2].repeat(Number(m[3] ?? 1));
		else out += '[0-9]'.repeat(Number(m[1] ?? 1));
		i = re.lastIndex;
	}
	return out;
}

/** SQL string literal. */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The validator's oldest and latest accepted years (parse.ts). */
const MIN_DATE = '1900-01-01';
const MAX_YEAR_DATE = '2100-12-31';
/** Longest digit run accepted as canonical: far inside double and int32 precision. */
const MAX_DIGITS = 15;

export interface LineLayout {
	/** per contract column, the index of its field in the file (-1 when the file lacks it) */
	positions: readonly number[];
	/** number of fields a line must have (contract, identifying and ignored columns) */
	expectedFields: number;
	maxDate: string;
}

/** The field of a contract column in the split line `f` (1-based lists), or NULL when missing. */
function raw(i: number, layout: LineLayout): string | null {
	const p = layout.positions[i];
	return p < 0 ? null : `f[${p + 1}]`;
}

/** SQL that is true only when the JS parseCell surely accepts `x` unchanged. */
function cellOk(col: ColumnSpec, x: string, maxDate: string): string {
	const empty = col.required ? 'false' : `${x} = ''`;
	return `(${empty} OR (${canonical(col, x, maxDate)} AND ${fewDigits(x)}))`;
}

function canonical(col: ColumnSpec, x: string, maxDate: string): string {
	const range = (v: string) =>
		[col.min !== undefined ? `${v} >= ${col.min}` : '', col.max !== undefined ? `${v} <= ${col.max}` : ''].filter(Boolean).join(' AND ') || 'true';
	switch (col.type) {
		case 'int':
			// A small range as the list of its canonical spellings: a hash lookup, no parsing.
			if (col.min !== undefined && col.max !== undefined && col.min >= 0 && col.max - col.min <= SMALL_RANGE) {
				return `${x} IN (${Array.from({ length: col.max - col.min + 1 }, (_, k) => `'${col.min! + k}'`).join(', ')})`;
			}
			return `regexp_full_match(${x}, '[0-9]{1,9}') AND ${range(`TRY_CAST(${x} AS INTEGER)`)}`;
		case 'double':
			// No sign on zero: JS would store -0 as 0.
			return `regexp_full_match(${x}, '-?[0-9]{1,${MAX_DIGITS}}(\\.[0-9]{1,${MAX_DIGITS}})?') AND NOT regexp_full_match(${x}, '-[0.]*') AND ${range(`TRY_CAST(${x} AS DOUBLE)`)}`;
		case 'date': {
			const last = maxDate < MAX_YEAR_DATE ? maxDate : MAX_YEAR_DATE;
			// GLOB fixes the canonical shape (DuckDB's cast alone also takes 2025/1/5 and spaces); the cast checks the calendar.
			return `${x} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND TRY_CAST(${x} AS DATE) IS NOT NULL AND ${x} BETWEEN ${lit(MIN_DATE)} AND ${lit(last)}`;
		}
		case 'bool':
			return `${x} IN ('0', '1')`;
		case 'enum':
			return `${x} IN (${col.values!.map(lit).join(', ')})`;
		case 'id':
			// Printable ASCII without spaces (and, as every cell, fewer digits than a NIK: cellOk).
			return `strlen(${x}) BETWEEN 1 AND ${MAX_TEXT_LENGTH} AND NOT ${x} GLOB '*[!!-~]*'`;
		case 'text':
			// Bytes bound UTF-16 length from above; a visible ASCII character at each end means trim() changes nothing.
			return `strlen(${x}) <= ${MAX_TEXT_LENGTH} AND left(${x}, 1) BETWEEN '!' AND '~' AND right(${x}, 1) BETWEEN '!' AND '~'`;
		default: {
			const pattern = CODE_PATTERNS[col.type];
			if (!pattern) throw new Error(`no SQL check for column type ${col.type}`);
			return `${x} GLOB ${lit(globOf(pattern))}`;
		}
	}
}

/* ------------------------------------------------------------------ the line's shape in one regex */

/**
 * Lines at most this many bytes long are checked by their shape: one RE2 match over the whole
 * line (a DFA pass, far cheaper than a check per field), then a few checks on the typed values.
 * No field of such a line can exceed MAX_TEXT_LENGTH, so the shape needs no counted lengths.
 * Longer lines take the per-field checks (lineOkSql).
 */
export const SHAPE_MAX_BYTES = MAX_TEXT_LENGTH;

/** RE2 escape of one code point (inside or outside a class). */
const reChar = (cp: number) => (/[A-Za-z0-9_]/.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : `\\x{${cp.toString(16)}}`);
/** RE2 literal. */
const reLit = (s: string) => [...s].map((ch) => reChar(ch.codePointAt(0)!)).join('');

/** RE2 class of the printable ASCII characters (no space) in [from, to] other than `except`. */
function asciiClass(from: number, to: number, except: string): string {
	const out: string[] = [];
	for (let lo = from; lo <= to; lo++) {
		if (except.includes(String.fromCharCode(lo))) continue;
		let hi = lo;
		while (hi + 1 <= to && !except.includes(String.fromCharCode(hi + 1))) hi++;
		out.push(lo === hi ? reChar(lo) : `${reChar(lo)}-${reChar(hi)}`);
		lo = hi;
	}
	return `[${out.join('')}]`;
}

/** Years the validator accepts (MIN_DATE..MAX_YEAR_DATE), those of them that are leap years, and valid month-days. */
const YEAR = '(?:19[0-9]{2}|20[0-9]{2}|2100)';
const LEAP_YEAR = '(?:(?:19|20)(?:0[48]|[2468][048]|[13579][26])|2000)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
/** Exactly the canonical dates from MIN_DATE to MAX_YEAR_DATE that exist in the calendar. */
export const DATE_RE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;

/** The RE2 for one canonical cell (without its length bound) and the check left for its typed value `v`. */
function cellShape(col: ColumnSpec, delimiter: string, maxDate: string): { re: string; typed?: (v: string) => string } {
	/** a visible ASCII character other than a digit, a quote or the delimiter */
	const nonDigit = asciiClass(0x21, 0x7e, `"${delimiter}0123456789`);
	const range = (v: string) => [col.min !== undefined ? `${v} >= ${col.min}` : '', col.max !== undefined ? `${v} <= ${col.max}` : ''].filter(Boolean).join(' AND ');
	const ranged = (re: string) => ({ re, typed: range('v') ? (v: string) => range(v) : undefined });
	switch (col.type) {
		case 'int':
			if (col.min !== undefined && col.max !== undefined && col.min >= 0 && col.max - col.min <= SMALL_RANGE) {
				return { re: `(?:${Array.from({ length: col.max - col.min + 1 }, (_, k) => String(col.min! + k)).join('|')})` };
			}
			return ranged('[0-9]{1,9}');
		case 'double': {
			// -0 is a sign on zero: JS would store it as 0, so it is left to the validator. At most
			// MAX_CELL_DIGITS digits in all, before and after the point.
			const split = Array.from({ length: MAX_CELL_DIGITS - 1 }, (_, k) => `[0-9]{${k + 1}}\\.[0-9]{1,${MAX_CELL_DIGITS - 1 - k}}`);
			const r = ranged(`-?(?:[0-9]{1,${MAX_CELL_DIGITS}}|${split.join('|')})`);
			return { re: r.re, typed: (v) => `(${v} <> 0 OR NOT signbit(${v}))${r.typed ? ` AND ${r.typed(v)}` : ''}` };
		}
		case 'date': {
			const last = maxDate < MAX_YEAR_DATE ? maxDate : MAX_YEAR_DATE;
			return { re: DATE_RE, typed: (v) => `${v} <= DATE ${lit(last)}` };
		}
		case 'bool':
			return { re: '[01]' };
		case 'enum':
			return { re: `(?:${col.values!.map(reLit).join('|')})` };
		case 'id': {
			// Printable ASCII without spaces, with fewer digits than a NIK (MAX_CELL_DIGITS).
			return { re: `(?:${nonDigit}+(?:[0-9]${nonDigit}*){0,${MAX_CELL_DIGITS}}|(?:[0-9]${nonDigit}*){1,${MAX_CELL_DIGITS}})` };
		}
		case 'text': {
			// A visible ASCII character at each end (trim() changes nothing), and fewer digits than a
			// NIK (MAX_CELL_DIGITS): no digit at all, or the first digit, at most MAX_CELL_DIGITS - 1
			// more, each after any run of other characters, and whatever follows the last.
			const other = `[^"${reLit(delimiter)}0-9]`;
			return {
				re: `(?:${nonDigit}(?:${other}*${nonDigit})?|(?:${nonDigit}${other}*)?[0-9](?:${other}*[0-9]){0,${MAX_CELL_DIGITS - 1}}(?:${other}*${nonDigit})?)`
			};
		}
		default: {
			const pattern = CODE_PATTERNS[col.type];
			if (!pattern) throw new Error(`no shape for column type ${col.type}`);
			globOf(pattern); // the same restricted patterns only
			return { re: pattern.source.slice(1, -1) };
		}
	}
}

/**
 * The shape of a whole canonical line: every field in the file, in order, joined by the delimiter.
 * Fields that are not contract columns (identifying, ignored) may hold anything but a quote.
 */
export function lineShapeRe(table: TableSpec, layout: LineLayout, delimiter: string): string {
	const fields: string[] = Array.from({ length: layout.expectedFields }, () => `[^"${reLit(delimiter)}]*`);
	table.columns.forEach((c, i) => {
		const p = layout.positions[i];
		if (p < 0) return;
		const { re } = cellShape(c, delimiter, layout.maxDate);
		fields[p] = c.required ? re : `(?:${re})?`;
	});
	return fields.join(reLit(delimiter));
}

/**
 * SQL true only when the line `l` surely passes the JS validator (integrity across rows aside),
 * given the typed values of its cells as columns named after the contract's (lineValuesSql) and
 * its fields `f`: a short line by its shape and the checks left for its typed values, a long one
 * field by field (lineOkSql). CASE evaluates each branch only for the lines that reach it.
 */
export function lineCheckSql(table: TableSpec, layout: LineLayout, delimiter: string): string {
	const typed: string[] = [];
	table.columns.forEach((c, i) => {
		if (layout.positions[i] < 0) return;
		const t = cellShape(c, delimiter, layout.maxDate).typed;
		if (t) typed.push(c.required ? t(c.name) : `(${c.name} IS NULL OR ${t(c.name)})`);
	});
	// The rules on the typed values; a yes/no as the '0'/'1' the rules are written for.
	const value = (name: string) => {
		const i = table.columns.findIndex((c) => c.name === name);
		if (layout.positions[i] < 0) return 'NULL';
		return table.columns[i].type === 'bool' ? `CAST(${name} AS INTEGER)::VARCHAR` : name;
	};
	typed.push(`(${ruleOk(table.name, value)})`);
	return `coalesce(CASE WHEN strlen(l) > ${SHAPE_MAX_BYTES} THEN ${lineOkSql(table, layout)} WHEN regexp_full_match(l, ${lit(lineShapeRe(table, layout, delimiter))}) THEN ${typed.join(' AND ')} ELSE false END, false)`;
}

/** The typed value of a canonical cell, as the validator's row would hold it (NULL, never an error, for any other cell). */
function cellValue(col: ColumnSpec, x: string | null): string {
	const type = sqlType(col);
	if (x === null) return `NULL::${type}`;
	if (col.type === 'bool') return `CASE ${x} WHEN '1' THEN true WHEN '0' THEN false END`;
	return type === 'VARCHAR' ? `NULLIF(${x}, '')` : `TRY_CAST(NULLIF(${x}, '') AS ${type})`;
}

/** The cross-column rules of validate.ts (RULES), on canonical text values (NULL when empty). */
function ruleOk(name: TableName, v: (col: string) => string): string {
	switch (name) {
		case 'wilayah': {
			const jenis = `CASE WHEN substr(${v('kode_desa')}, 10, 1) = '1' THEN 'kelurahan' ELSE 'desa' END`;
			return [
				`starts_with(${v('kode_desa')}, ${v('kode_kec')} || '.')`,
				`starts_with(${v('kode_kec')}, ${v('kode_kab')} || '.')`,
				`starts_with(${v('kode_kab')}, ${v('kode_prov')} || '.')`,
				`${v('jenis')} = ${jenis}`
			].join(' AND ');
		}
		case 'puskesos':
		case 'fasilitator':
			return 'true';
		case 'rumah_tangga':
			return `${v('tgl_pemutakhiran')} >= ${v('tgl_registrasi')} AND (${v('kontak_slrt')} = '1') = (${v('tgl_kontak_slrt')} IS NOT NULL)`;
		case 'keluhan': {
			const closed = `${v('status')} IN ('selesai', 'ditolak')`;
			return `${v('tgl_input')} >= ${v('tgl_keluhan')} AND (${closed}) = (${v('tgl_selesai')} IS NOT NULL) AND (${v('tgl_selesai')} IS NULL OR ${v('tgl_selesai')} >= ${v('tgl_keluhan')})`;
		}
		case 'rujukan': {
			// Stages reached as a prefix of the lifecycle, each date not before the previous one.
			const d = ['tgl_terdaftar', 'tgl_diverifikasi', 'tgl_kunjungan_rumah', 'tgl_direkomendasikan', 'tgl_dirujuk', 'tgl_selesai'].map(v);
			const stages = ['terdaftar', 'diverifikasi', 'kunjungan_rumah', 'direkomendasikan', 'dirujuk', 'selesai'];
			const parts: string[] = [];
			for (let i = 1; i < d.length; i++) parts.push(`(${d[i]} IS NULL OR (${d[i - 1]} IS NOT NULL AND ${d[i]} >= ${d[i - 1]}))`);
			const last = `CASE ${d.map((_, i) => d.length - 1 - i).filter((i) => i > 0).map((i) => `WHEN ${d[i]} IS NOT NULL THEN '${stages[i]}'`).join(' ')} ELSE 'terdaftar' END`;
			const lastDate = `coalesce(${[...d].reverse().join(', ')})`;
			const ditolak = v('tgl_ditolak');
			parts.push(`(${ditolak} IS NULL OR (${d[5]} IS NULL AND ${ditolak} >= ${lastDate}))`);
			parts.push(`${v('status')} = CASE WHEN ${ditolak} IS NOT NULL THEN 'ditolak' ELSE ${last} END`);
			return parts.join(' AND ');
		}
	}
}

/**
 * SQL over a raw line `l` and its fields `f` (string_split by the delimiter): true only when the
 * line surely passes the JS validator (integrity across rows aside). Lines with a quote are always
 * flagged: PapaParse would unquote them.
 */
export function lineOkSql(table: TableSpec, layout: LineLayout): string {
	const cells = table.columns.map((c, i) => {
		const x = raw(i, layout);
		return x === null ? 'true' : cellOk(c, x, layout.maxDate);
	});
	const value = (name: string) => {
		const i = table.columns.findIndex((c) => c.name === name);
		const x = raw(i, layout);
		return x === null ? 'NULL' : `NULLIF(${x}, '')`;
	};
	const checks = [`l IS NOT NULL`, `NOT contains(l, '"')`, `len(f) = ${layout.expectedFields}`, ...cells, `(${ruleOk(table.name, value)})`];
	return `coalesce(${checks.join(' AND ')}, false)`;
}

/** SQL select list casting the fields of a line that passed lineOkSql to the contract's columns. */
export function lineValuesSql(table: TableSpec, layout: LineLayout): string {
	return table.columns.map((c, i) => `${cellValue(c, raw(i, layout))} AS ${c.name}`).join(', ');
}

/** `{'col': 'TYPE', …}` for read_csv of a table's clean CSV, optionally led by the line number. */
export function csvColumnsSql(table: TableSpec, withLine = false): string {
	const cols = table.columns.map((c) => `'${c.name}': '${sqlType(c)}'`);
	return `{${[...(withLine ? [`'line': 'INTEGER'`] : []), ...cols].join(', ')}}`;
}

export { TABLES };
