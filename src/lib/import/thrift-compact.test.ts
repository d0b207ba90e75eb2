import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { writeParquetNode } from './node-parquet';
import { footerOf, parquetFromCsv, RT_HEADER, rtLine } from './parquet-test-files';
import { decodeStruct, encodeStruct, T, ThriftError, type ThriftStruct } from './thrift-compact';

describe('Thrift compact protocol', () => {
	it('encodes a decoded Parquet footer to the same bytes, from DuckDB (statistics, bloom filters) and parquet-wasm (page indexes)', async () => {
		const csv = [RT_HEADER, ...Array.from({ length: 3000 }, (_, i) => rtLine(`RT-${i}`, `35.76.01.10${i % 10}7`, `${1 + (i % 10)}`, `${1000 + i}`))].join('\n');
		const duck = footerOf(await parquetFromCsv(csv, { desil: 'CAST(desil AS INTEGER)', pengeluaran_kapita: 'CAST(pengeluaran_kapita AS DECIMAL(18,2))' }, 1024));
		const t = tableFromArrays({ id: Array.from({ length: 10 }, (_, i) => `RT-${i}`), n: Float64Array.from({ length: 10 }, (_, i) => i / 3) });
		const wasm = footerOf(writeParquetNode(t, 4));
		for (const footer of [duck, wasm]) expect(encodeStruct(decodeStruct(footer))).toEqual(footer);
	});

	it('carries every wire type through decoding and encoding: long lists, maps, sets, booleans, big and negative integers, far field ids', () => {
		const s: ThriftStruct = new Map([
			[1, { type: T.True, value: true }],
			[2, { type: T.True, value: false }],
			[3, { type: T.Byte, value: 0xfe }],
			[4, { type: T.I16, value: -300 }],
			[5, { type: T.I32, value: 2 ** 31 - 1 }],
			[6, { type: T.I64, value: -(2n ** 63n) }],
			[7, { type: T.I64, value: 2n ** 63n - 1n }],
			[8, { type: T.Double, value: -1.5e-300 }],
			[9, { type: T.Binary, value: new TextEncoder().encode('kabupaten') }],
			// ids 40 and then 3: a step the header nibble cannot hold, and a step back
			[40, { type: T.List, elem: T.I64, items: Array.from({ length: 20 }, (_, i) => ({ type: T.I64, value: BigInt(i) * 10n ** 15n })) }],
			[35, { type: T.Set, elem: T.True, items: [{ type: T.True, value: true }, { type: T.True, value: false }] }],
			[36, { type: T.Map, key: T.Binary, val: T.Struct, entries: [[{ type: T.Binary, value: new Uint8Array([1, 2]) }, { type: T.Struct, fields: new Map([[1, { type: T.I32, value: 7 }]]) }]] }],
			// an empty map's key and value types are not on the wire
			[37, { type: T.Map, key: 0, val: 0, entries: [] }],
			[38, { type: T.List, elem: T.Struct, items: [] }]
		]);
		const bytes = encodeStruct(s);
		expect(decodeStruct(bytes)).toEqual(s);
		expect(encodeStruct(decodeStruct(bytes))).toEqual(bytes);
	});

	it('says where bytes end inside a value, or nest deeper than a footer does', () => {
		const bytes = encodeStruct(new Map([[1, { type: T.Binary, value: new Uint8Array(10) }]]));
		expect(() => decodeStruct(bytes.subarray(0, 5))).toThrow(ThriftError);
		// a struct inside a struct, 40 deep, never closed
		expect(() => decodeStruct(new Uint8Array(40).fill(0x1c))).toThrow(/nested too deep/);
		expect(() => decodeStruct(new Uint8Array([0x16, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(/runs on/);
	});
});
