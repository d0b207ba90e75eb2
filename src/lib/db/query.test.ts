import { Int32, Table, tableFromArrays, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './query';

/** The rows as Arrow's own row proxies give them, with BigInt made numbers: what rowsOf must equal. */
function byRow(table: Table): Record<string, unknown>[] {
	return [...table].map((row) => Object.fromEntries(table.schema.fields.map((f) => {
		const v = (row as unknown as Record<string, unknown>)[f.name];
		return [f.name, typeof v === 'bigint' ? Number(v) : v];
	})));
}

describe('rowsOf', () => {
	it('reads every column of every row, nulls and 64-bit integers included, as the row proxies do', () => {
		const table = tableFromArrays({
			kode: ['33.28.01.2001', '33.28.01.2002', '33.28.02.2001'],
			n: Int32Array.from([1, 2, 3]),
			big: BigInt64Array.from([1n, 2n ** 40n, -5n]),
			x: Float64Array.from([0.5, NaN, -0])
		});
		expect(rowsOf(table)).toEqual(byRow(table));
		expect(rowsOf(table)[1]).toEqual({ kode: '33.28.01.2002', n: 2, big: 2 ** 40, x: NaN });
	});

	it('keeps nulls and reads tables of several record batches in order', () => {
		const a = new Table({ s: vectorFromArray(['a', null], new Utf8()), i: vectorFromArray([1, null], new Int32()) });
		const b = new Table({ s: vectorFromArray([null, 'd'], new Utf8()), i: vectorFromArray([3, 4], new Int32()) });
		const two = tableFromIPC(tableToIPC(a.concat(b)));
		expect(two.batches.length).toBe(2);
		expect(rowsOf(two)).toEqual([{ s: 'a', i: 1 }, { s: null, i: null }, { s: null, i: 3 }, { s: 'd', i: 4 }]);
		expect(rowsOf(two)).toEqual(byRow(two));
	});

	it('gives an empty list for a table without rows', () => {
		expect(rowsOf(tableFromArrays({ n: Int32Array.from([]) }))).toEqual([]);
	});
});
