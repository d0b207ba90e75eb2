import { describe, expect, it } from 'vitest';
import { parquetFailure } from './parquet-intake';

describe('parquetFailure', () => {
	it("names a cut-off file and a damaged block, and keeps any other decoder message after a label", () => {
		expect(parquetFailure('Parquet error: Invalid Parquet file. Corrupt footer')).toMatch(/terpotong .* cut off/);
		// the browser's parquet-wasm build strips its error strings
		expect(parquetFailure('Parquet argument error: External: Error strings stripped')).toMatch(/^isi berkas rusak di tengah.* export the file again$/);
		expect(parquetFailure('Parquet error: Not yet implemented: INT96 logical type')).toBe(
			"pesan pembaca Parquet / Parquet reader's message: Not yet implemented: INT96 logical type"
		);
	});
});
