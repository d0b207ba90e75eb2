/**
 * Seeded fuzzing of the import: valid CSV and Parquet inputs mutated (byte flips, truncation,
 * column swaps, wrong types, encodings, delimiters, quotes). For every input: no exception
 * escapes, the input ends in accepted rows or a message, accepted + rejected = rows read, the
 * Arrow output holds exactly the accepted rows, and no input takes long (a hang fails the test).
 */
import * as arrow from 'apache-arrow';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { openParquetNode, writeParquetNode } from './node-parquet';
import { runImport, type ImportResult } from './session';
import { FIXTURE_MAX_DATE, fileOf, fixtureCsv } from './test-fixtures';
import { seededDraws } from '../geo/rng';

const SEED = 20_261_128;
const CSV_CASES = 8_000;
const PARQUET_CASES = 2_500;
/** Longest any single small input may take; far above the few milliseconds each needs. */
const PER_INPUT_MS = 3_000;

/** Seeded draws (geo/rng.ts): the same fixtures on every run. */
const rng = seededDraws;
type Rng = ReturnType<typeof rng>;

const enc = new TextEncoder();
const JUNK = ['', 'abc', '-1', '99999999999999999999', '2025-13-45', '31/02/2025', '2099-01-01', 'ya', '1,5', '"', '""', 'NULL', '３', '\u0000', 'é', '35.76.9.9', '3576014507880002', 'x'.repeat(500)];

type Mutation = (text: string, r: Rng) => string | Uint8Array;
const lines = (t: string) => t.split('\n');
const CSV_MUTATIONS: Record<string, Mutation> = {
	byte_flip: (t, r) => {
		const b = enc.encode(t);
		for (let k = 1 + r.int(5); k > 0; k--) b[r.int(b.length)] = r.int(256);
		return b;
	},
	truncate: (t, r) => enc.encode(t).slice(0, r.int(t.length)),
	column_swap: (t, r) => {
		const ls = lines(t).map((l) => l.split(','));
		const i = r.int(ls[0].length), j = r.int(ls[0].length);
		const rowsToo = r.next() < 0.5;
		return ls.map((f, k) => ((k === 0) !== rowsToo || k === 0 ? ([f[i], f[j]] = [f[j], f[i]], f) : f).join(',')).join('\n');
	},
	wrong_type: (t, r) => {
		const ls = lines(t).map((l) => l.split(','));
		for (let k = 1 + r.int(6); k > 0; k--) {
			const row = ls[1 + r.int(ls.length - 1)];
			if (row) row[r.int(row.length)] = r.pick(JUNK);
		}
		return ls.map((f) => f.join(',')).join('\n');
	},
	encoding: (t, r) => {
		const kind = r.int(4);
		if (kind === 0) return new Uint8Array(Array.from(t.replace(/a/g, 'é'), (c) => (c === 'é' ? 0xe9 : c.charCodeAt(0) & 0xff)));
		if (kind === 1) {
			const b = new Uint8Array(t.length * 2 + 2);
			b.set([0xff, 0xfe]);
			for (let i = 0; i < t.length; i++) b[2 + i * 2] = t.charCodeAt(i) & 0xff;
			return b;
		}
		if (kind === 2) return enc.encode('\uFEFF' + t.replace(/\n/g, '\r\n'));
		const b = enc.encode(t);
		const at = r.int(b.length);
		return new Uint8Array([...b.slice(0, at), 0xc3, 0x28, 0xff, ...b.slice(at)]);
	},
	delimiter: (t, r) => t.replace(/,/g, r.pick([';', '\t', '|', ', '])),
	quotes: (t, r) => {
		const at = r.int(t.length);
		return t.slice(0, at) + r.pick(['"', '""', '"\n"', '\n', '\r', ',,,']) + t.slice(at);
	},
	lines: (t, r) => {
		const ls = lines(t);
		const i = 1 + r.int(Math.max(1, ls.length - 1));
		const op = r.int(3);
		if (op === 0) ls.splice(i, 0, ls[i] ?? ''); // duplicate
		else if (op === 1) ls.splice(i, 1); // drop
		else ls.splice(i, 0, ''.padEnd(r.int(50), ' ')); // blank
		return ls.join(r.pick(['\n', '\r\n']));
	},
	junk: (_, r) => new Uint8Array(Array.from({ length: r.int(2000) }, () => r.int(256)))
};

function checkInvariants(res: ImportResult) {
	for (const f of res.report.files) {
		if (f.read !== f.accepted + f.rejected) throw new Error(`${f.file}: read ${f.read} ≠ ${f.accepted} + ${f.rejected}`);
		if (f.accepted === 0 && f.issues.length === 0 && f.rejected === 0) throw new Error(`${f.file}: ended in neither rows nor a message`);
	}
	const accepted = res.report.files.reduce((a, f) => a + f.accepted, 0);
	const arrow = res.tables.reduce((a, t) => a + t.batches.reduce((b, x) => b + tableFromIPC(x).numRows, 0), 0);
	if (accepted !== arrow) throw new Error(`accepted ${accepted} ≠ Arrow rows ${arrow}`);
}

async function fuzz(inputs: { name: string; bytes: () => string | Uint8Array }[], cases: number, seed: number, mutations: Record<string, (b: Uint8Array | string, r: Rng) => string | Uint8Array>) {
	const r = rng(seed);
	const stats = { inputs: 0, accepted: 0, rejected: 0, read: 0, messages: 0, fatal: 0, slowestMs: 0, byMutation: {} as Record<string, number> };
	const names = Object.keys(mutations);
	for (let n = 0; n < cases; n++) {
		const base = r.pick(inputs);
		const m = r.pick(names);
		let data = base.bytes();
		for (let k = r.next() < 0.2 ? 2 : 1; k > 0; k--) data = mutations[m](data, r);
		const t0 = performance.now();
		let res: ImportResult;
		try {
			res = await runImport([fileOf(base.name, data)], { maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode });
			checkInvariants(res);
		} catch (e) {
			throw new Error(`case ${n} (${m} of ${base.name}, seed ${seed}): ${e instanceof Error ? e.stack : String(e)}`);
		}
		const ms = performance.now() - t0;
		if (ms > PER_INPUT_MS) throw new Error(`case ${n} (${m} of ${base.name}) took ${ms.toFixed(0)} ms`);
		stats.slowestMs = Math.max(stats.slowestMs, Math.round(ms));
		stats.inputs++;
		stats.byMutation[m] = (stats.byMutation[m] ?? 0) + 1;
		for (const f of res.report.files) {
			stats.read += f.read;
			stats.accepted += f.accepted;
			stats.rejected += f.rejected;
			stats.messages += f.issues.length;
			if (f.issues.some((i) => i.severity === 'fatal')) stats.fatal++;
		}
	}
	return stats;
}

const CSV = fixtureCsv(8);
const csvInputs = Object.entries(CSV).map(([t, c]) => ({ name: `${t}.csv`, bytes: () => c }));

describe('import fuzzing', () => {
	it(`survives ${CSV_CASES} seeded mutations of valid CSV exports`, async () => {
		const textOf = (b: string | Uint8Array) => (typeof b === 'string' ? b : new TextDecoder().decode(b));
		const muts = Object.fromEntries(Object.entries(CSV_MUTATIONS).map(([k, f]) => [k, (b: string | Uint8Array, r: Rng) => f(textOf(b), r)]));
		const stats = await fuzz(csvInputs, CSV_CASES, SEED, muts);
		console.log('CSV fuzz', JSON.stringify(stats));
		expect(stats.inputs).toBe(CSV_CASES);
		// The mutations must exercise both outcomes, or the fuzzer tests nothing.
		expect(stats.accepted).toBeGreaterThan(0);
		expect(stats.rejected).toBeGreaterThan(0);
		expect(stats.fatal).toBeGreaterThan(0);
	});

	it(`survives ${PARQUET_CASES} seeded mutations of valid Parquet extracts`, async () => {
		const clean = await runImport(
			Object.entries(CSV).map(([t, c]) => fileOf(`${t}.csv`, c)),
			{ maxDate: FIXTURE_MAX_DATE, openParquet: openParquetNode }
		);
		const parquet = clean.tables.map((t) => ({ name: `${t.table}.parquet`, table: tableFromIPC(t.batches[0]) }));
		// Each table also in row groups of 3 rows, so that a flipped byte may damage one row group of several.
		const inputs = parquet.flatMap((p) => [writeParquetNode(p.table), writeParquetNode(p.table, 3)].map((bytes) => ({ name: p.name, bytes: () => bytes })));
		const asBytes = (b: string | Uint8Array) => (typeof b === 'string' ? enc.encode(b) : b);
		const muts: Record<string, (b: string | Uint8Array, r: Rng) => string | Uint8Array> = {
			byte_flip: (b, r) => flip(asBytes(b), r),
			truncate: (b, r) => asBytes(b).slice(0, r.int(asBytes(b).length)),
			schema: (_, r) => {
				const p = r.pick(parquet);
				const cols = p.table.schema.fields.map((f) => f.name);
				const drop = r.pick(cols);
				const keep = Object.fromEntries(cols.filter((c) => c !== drop || r.next() < 0.3).map((c) => [c === drop ? `${c}_x` : c, p.table.getChild(c)!]));
				return writeParquetNode(new arrow.Table(keep));
			},
			wrong_type: (_, r) => {
				const p = r.pick(parquet);
				const cols = p.table.schema.fields.map((f) => f.name);
				const target = r.pick(cols);
				const vecs = Object.fromEntries(cols.map((c) => [c, c === target ? arrow.vectorFromArray(Array.from({ length: p.table.numRows }, () => r.pick(JUNK)), new arrow.Utf8()) : p.table.getChild(c)!]));
				return writeParquetNode(new arrow.Table(vecs));
			}
		};
		const stats = await fuzz(inputs, PARQUET_CASES, SEED + 1, muts);
		console.log('Parquet fuzz', JSON.stringify(stats));
		expect(stats.inputs).toBe(PARQUET_CASES);
		expect(stats.accepted).toBeGreaterThan(0);
		expect(stats.rejected).toBeGreaterThan(0);
		expect(stats.fatal).toBeGreaterThan(0);
	});
});

function flip(b: Uint8Array, r: Rng): Uint8Array {
	const out = b.slice();
	for (let k = 1 + r.int(5); k > 0; k--) out[r.int(out.length)] = r.int(256);
	return out;
}
