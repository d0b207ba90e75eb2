import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kabkotaTotal } from './kabkota-total';

describe('kabkota_total from the Kemendagri list', () => {
	test("the country's 514 and each pilot province's real count", () => {
		expect(kabkotaTotal(['75', '33', '35', '73', '33'])).toEqual({ nasional: 514, provinsi: { '33': 35, '35': 38, '73': 24, '75': 6 } });
	});
	test('a province the list lacks is left out; no list, no field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kabkota-'));
		const path = join(dir, 'list.csv');
		writeFileSync(path, 'kode_kemendagri,nama_kemendagri,kode_prov_kemendagri\n33.01,Kabupaten Cilacap,33\n33.02,Kabupaten Banyumas,33\n34.01,Kabupaten Kulon Progo,34\n');
		expect(kabkotaTotal(['33', '99'], path)).toEqual({ nasional: 3, provinsi: { '33': 2 } });
		expect(kabkotaTotal(['33'], join(dir, 'none.csv'))).toBeUndefined();
	});
});
