import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { writeParquetNode } from './node-parquet';
import { decodeFooter, footerLength, FooterError, rowGroupRows } from './parquet-footer';
import { footerOf, parquetFromCsv, RT_HEADER, rtLine } from './parquet-test-files';

describe('rowGroupRows', () => {
	it('reads the rows of each row group as parquet-wasm and DuckDB write them', async () => {
		const t = tableFromArrays({ id: Array.from({ length: 10 }, (_, i) => `RT-${i}`), n: Float64Array.from({ length: 10 }, (_, i) => i) });
		expect(rowGroupRows(decodeFooter(footerOf(writeParquetNode(t, 4))))).toEqual([4, 4, 2]);
		expect(rowGroupRows(decodeFooter(footerOf(writeParquetNode(t))))).toEqual([10]);
		const csv = [RT_HEADER, ...Array.from({ length: 5000 }, (_, i) => rtLine(`RT-${i}`, '35.76.01.1007', '4', '1000'))].join('\n');
		const duck = rowGroupRows(decodeFooter(footerOf(await parquetFromCsv(csv, { desil: 'CAST(desil AS INTEGER)' }, 2048))));
		expect(duck.length).toBeGreaterThan(1);
		expect(duck.reduce((a, b) => a + b, 0)).toBe(5000);
	});

	it('says a file without the Parquet tail, or a footer longer than the file, is damaged', () => {
		expect(() => footerLength(new Uint8Array(8), 100)).toThrow(FooterError);
		expect(() => footerLength(new Uint8Array([200, 0, 0, 0, 0x50, 0x41, 0x52, 0x31]), 100)).toThrow(/longer than the file/);
	});

	it('ends every damaged footer in a FooterError or in row counts, never another error or a hang (seeded)', () => {
		const t = tableFromArrays({ id: Array.from({ length: 9 }, (_, i) => `RT-${i}`) });
		const footer = footerOf(writeParquetNode(t, 3));
		let seed = 7;
		const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const outcomes = { rows: 0, error: 0 };
		for (let n = 0; n < 3000; n++) {
			const b = footer.slice(0, next() < 0.2 ? Math.floor(next() * footer.length) : footer.length);
			for (let k = 1 + Math.floor(next() * 4); k > 0; k--) b[Math.floor(next() * b.length)] = Math.floor(next() * 256);
			try {
				for (const r of rowGroupRows(decodeFooter(b))) expect(Number.isSafeInteger(r) && r >= 0).toBe(true);
				outcomes.rows++;
			} catch (e) {
				if (!(e instanceof FooterError)) throw e;
				outcomes.error++;
			}
		}
		expect(outcomes.rows).toBeGreaterThan(0);
		expect(outcomes.error).toBeGreaterThan(0);
	});
});
