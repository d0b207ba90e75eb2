import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../contract/schema';
import { identifyTable } from './identify';

describe('identifyTable', () => {
	it("finds every contract table by its own header, whatever the file's name and the header's case", () => {
		for (const t of TABLE_NAMES) {
			const header = TABLES[t].columns.map((c) => c.name.toUpperCase().replace(/_/g, ' '));
			expect(identifyTable(header, 'export.csv'), t).toEqual({ table: t });
		}
	});

	it('needs only the required columns, and ignores extra and identifying ones', () => {
		const required = TABLES.keluhan.columns.filter((c) => c.required).map((c) => c.name);
		expect(identifyTable(['NIK', ...required, 'catatan'])).toEqual({ table: 'keluhan' });
	});

	it('names the closest table and what it lacks, or nothing when no column is known', () => {
		expect(identifyTable(['id_rujukan', 'id_rt', 'kode_desa'])).toEqual({ table: null, closest: 'rujukan', missing: ['tujuan', 'status', 'tgl_terdaftar'] });
		expect(identifyTable(['foo', 'bar'])).toEqual({ table: null, closest: null, missing: [] });
	});
});
