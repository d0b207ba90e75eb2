/**
 * Checks indicator definitions when the catalogue loads: every table, column, operator and value
 * is known to the data contract, so a bad definition is reported with its place
 * (`indikator[3] "x": numerator.where[1].col: …`) before any page asks for a figure.
 */
import { TABLE_NAMES, TABLES, type ColumnSpec, type TableName } from '../contract/schema';
import type { IndicatorDef } from './types';

export interface Loaded<T> {
	value?: T;
	errors: string[];
}

const ID = /^[a-z][a-z0-9_]*$/;
const FUNGSI = ['integrasi', 'keluhan', 'kepesertaan', 'pemutakhiran', 'konteks'];
const UNITS = ['persen', 'persen_bps', 'per_1000', 'hari', 'jumlah', 'indeks', 'rupiah', 'jiwa'];
const DIRECTIONS = ['higher', 'lower'];
const BPS_FIELDS = ['p0', 'p1', 'p2', 'garis_kemiskinan', 'penduduk'];
const VALUE_OPS = ['eq', 'ne', 'le', 'ge'];
const DATE_OPS = ['in_period', 'by_end', 'open_at_end'];
const DAYS_OPS = ['within_days', 'older_than_days'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

function column(table: TableName, name: unknown): ColumnSpec | undefined {
	return typeof name === 'string' ? TABLES[table].columns.find((c) => c.name === name) : undefined;
}

/** Does a literal suit the column (a boolean for a yes/no column, an allowed value for an enum…)? */
function valueFits(col: ColumnSpec, v: unknown): boolean {
	switch (col.type) {
		case 'bool':
			return typeof v === 'boolean';
		case 'int':
		case 'double':
			return typeof v === 'number' && Number.isFinite(v) && (col.type === 'double' || Number.isInteger(v));
		case 'enum':
			return typeof v === 'string' && (col.values ?? []).includes(v);
		case 'date':
			return false; // dates are compared with the period only, through the date operators
		default:
			return typeof v === 'string';
	}
}

function checkColumn(table: TableName, name: unknown, where: string, errors: string[], type?: 'date'): ColumnSpec | undefined {
	const col = column(table, name);
	if (!col) errors.push(`${where}: kolom ${JSON.stringify(name)} tidak ada di tabel ${table} / column not in table ${table}`);
	else if (type && col.type !== type) errors.push(`${where}: kolom ${col.name} bukan tanggal / is not a date column`);
	return col;
}

function checkFilter(table: TableName, f: unknown, where: string, errors: string[]): void {
	if (!isObj(f)) return void errors.push(`${where}: bukan objek / not an object`);
	const op = f.op;
	if (typeof op !== 'string') return void errors.push(`${where}.op: tidak ada / missing`);
	if (VALUE_OPS.includes(op)) {
		const col = checkColumn(table, f.col, `${where}.col`, errors);
		if (col && !valueFits(col, f.value)) errors.push(`${where}.value: ${JSON.stringify(f.value)} tidak cocok dengan kolom / does not suit column ${col.name} (${col.type})`);
	} else if (op === 'in') {
		const col = checkColumn(table, f.col, `${where}.col`, errors);
		if (!Array.isArray(f.values) || f.values.length === 0) errors.push(`${where}.values: harus daftar tidak kosong / must be a non-empty list`);
		else if (col) f.values.forEach((v, i) => valueFits(col, v) || errors.push(`${where}.values[${i}]: ${JSON.stringify(v)} tidak cocok dengan kolom / does not suit column ${col.name}`));
	} else if (DATE_OPS.includes(op)) {
		checkColumn(table, f.col, `${where}.col`, errors, 'date');
	} else if (DAYS_OPS.includes(op) || op === 'elapsed_gt_days') {
		checkColumn(table, f.col, `${where}.col`, errors, 'date');
		if (op === 'elapsed_gt_days') checkColumn(table, f.to, `${where}.to`, errors, 'date');
		if (!isPosInt(f.days)) errors.push(`${where}.days: harus bilangan bulat positif / must be a positive integer`);
	} else {
		errors.push(`${where}.op: operator ${JSON.stringify(op)} tidak dikenal / unknown operator`);
	}
}

function checkRowSet(rs: unknown, where: string, errors: string[]): void {
	if (!isObj(rs)) return void errors.push(`${where}: bukan objek / not an object`);
	if (!TABLE_NAMES.includes(rs.table as TableName)) return void errors.push(`${where}.table: tabel ${JSON.stringify(rs.table)} tidak ada di kontrak data / not a contract table`);
	const table = rs.table as TableName;
	if (!Array.isArray(rs.where)) errors.push(`${where}.where: harus daftar / must be a list`);
	else rs.where.forEach((f, i) => checkFilter(table, f, `${where}.where[${i}]`, errors));
	if (rs.distinct !== undefined) checkColumn(table, rs.distinct, `${where}.distinct`, errors);
}

function checkBilingual(v: unknown, where: string, errors: string[]): void {
	if (!isObj(v) || typeof v.id !== 'string' || typeof v.en !== 'string' || !v.id.trim() || !v.en.trim()) errors.push(`${where}: perlu teks id dan en / needs id and en text`);
}

function checkKind(d: Obj, at: string, errors: string[]): void {
	switch (d.kind) {
		case 'ratio':
			checkRowSet(d.numerator, `${at}.numerator`, errors);
			checkRowSet(d.denominator, `${at}.denominator`, errors);
			if (typeof d.scale !== 'number' || !(d.scale > 0)) errors.push(`${at}.scale: harus angka positif / must be a positive number`);
			return;
		case 'count':
			return checkRowSet(d.rows, `${at}.rows`, errors);
		case 'median_days':
			checkRowSet(d.rows, `${at}.rows`, errors);
			if (isObj(d.rows) && TABLE_NAMES.includes(d.rows.table as TableName)) {
				checkColumn(d.rows.table as TableName, d.from, `${at}.from`, errors, 'date');
				checkColumn(d.rows.table as TableName, d.to, `${at}.to`, errors, 'date');
			}
			return;
		case 'coverage_km':
			if (typeof d.km !== 'number' || !(d.km > 0)) errors.push(`${at}.km: harus angka positif / must be a positive number`);
			return;
		case 'bps':
			if (!BPS_FIELDS.includes(d.field as string)) errors.push(`${at}.field: ${JSON.stringify(d.field)} bukan angka BPS yang dikenal / unknown BPS field`);
			return;
		default:
			errors.push(`${at}.kind: jenis ${JSON.stringify(d.kind)} tidak dikenal / unknown kind`);
	}
}

/** Validates a list of definitions; `value` only when there are no errors. */
export function loadCatalogue(defs: unknown): Loaded<IndicatorDef[]> {
	const errors: string[] = [];
	if (!Array.isArray(defs)) return { errors: ['katalog harus daftar / the catalogue must be a list'] };
	const seen = new Set<string>();
	defs.forEach((d, i) => {
		const at = `indikator[${i}]${isObj(d) && typeof d.id === 'string' ? ` "${d.id}"` : ''}`;
		if (!isObj(d)) return void errors.push(`${at}: bukan objek / not an object`);
		if (typeof d.id !== 'string' || !ID.test(d.id)) errors.push(`${at}.id: harus huruf kecil, angka, _ / must be lower-case letters, digits, _`);
		else if (seen.has(d.id)) errors.push(`${at}.id: duplikat / duplicate id`);
		else seen.add(d.id);
		if (!FUNGSI.includes(d.fungsi as string)) errors.push(`${at}.fungsi: ${JSON.stringify(d.fungsi)} tidak dikenal / unknown`);
		checkBilingual(d.label, `${at}.label`, errors);
		checkBilingual(d.definition, `${at}.definition`, errors);
		checkBilingual(d.source, `${at}.source`, errors);
		if (!UNITS.includes(d.unit as string)) errors.push(`${at}.unit: ${JSON.stringify(d.unit)} tidak dikenal / unknown unit`);
		if (!DIRECTIONS.includes(d.direction as string)) errors.push(`${at}.direction: harus higher atau lower / must be higher or lower`);
		if (typeof d.weight !== 'number' || !Number.isFinite(d.weight) || d.weight < 0) errors.push(`${at}.weight: harus angka ≥ 0 / must be a number ≥ 0`);
		if (d.comparable !== undefined && typeof d.comparable !== 'boolean') errors.push(`${at}.comparable: harus true atau false / must be true or false`);
		checkKind(d, at, errors);
	});
	return errors.length ? { errors } : { value: defs as IndicatorDef[], errors };
}
