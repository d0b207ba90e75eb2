import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import { bandFor, loadTargets } from './targets';

const FILE = JSON.parse(readFileSync(join(import.meta.dirname, '../../../static/targets/indikator.json'), 'utf8'));
const YEAR = { start: '2025-01', end: '2025-12' };

describe('targets file', () => {
	test('the shipped file is valid; percent becomes a fraction, other units stay', () => {
		const r = loadTargets(FILE, CATALOGUE);
		expect(r.errors).toEqual([]);
		expect(r.value!.bawaan.keluhan_selesai).toEqual({ target: 0.85, batas_merah: 0.7, skor_nol: 0.4 });
		expect(r.value!.bawaan.median_hari_keluhan).toEqual({ target: 14, batas_merah: 21, skor_nol: 45 });
	});

	test('every weighted indicator has a default target', () => {
		const raw = structuredClone(FILE);
		delete raw.bawaan.padan_dtsen;
		expect(loadTargets(raw, CATALOGUE).errors).toEqual(['bawaan.padan_dtsen: indikator berbobot tanpa target / weighted indicator without a target']);
	});

	test('malformed: not JSON object, unknown indicator, missing and non-numeric fields, bands in the wrong order', () => {
		expect(loadTargets([], CATALOGUE).errors[0]).toContain('harus objek JSON');
		const raw = structuredClone(FILE);
		raw.bawaan.keluhan_selesaii = { target: 1, batas_merah: 1, skor_nol: 0 };
		raw.bawaan.rujukan_selesai = { target: '85', batas_merah: 70 };
		raw.bawaan.median_hari_keluhan = { target: 30, batas_merah: 21, skor_nol: 45 };
		const errors = loadTargets(raw, CATALOGUE).errors;
		expect(errors).toContain('bawaan.keluhan_selesaii: indikator tidak ada di katalog / not an indicator of the catalogue');
		expect(errors).toContain('bawaan.rujukan_selesai.target: harus angka / must be a number, got "85"');
		expect(errors).toContain('bawaan.rujukan_selesai.skor_nol: tidak ada / missing');
		expect(errors.find((e) => e.startsWith('bawaan.median_hari_keluhan:'))).toContain('target ≤ batas_merah ≤ skor_nol');
	});

	test('malformed overrides: bad area code, bad month, inverted months, bad order after merging', () => {
		const raw = structuredClone(FILE);
		raw.penyesuaian = [
			{ wilayah: '3328', indikator: {} },
			{ wilayah: '33.28', dari: '2025-13', indikator: {} },
			{ wilayah: '33.28', dari: '2025-06', sampai: '2025-01', indikator: {} },
			{ wilayah: '33.28', indikator: { keluhan_selesai: { target: 50 } } }
		];
		const errors = loadTargets(raw, CATALOGUE).errors;
		expect(errors[0]).toContain('penyesuaian[0].wilayah');
		expect(errors[1]).toContain('penyesuaian[1].dari: harus bulan YYYY-MM');
		expect(errors[2]).toContain('penyesuaian[2]: dari setelah sampai');
		expect(errors[3]).toContain('penyesuaian[3].indikator.keluhan_selesai: harus target ≥ batas_merah');
		expect(errors).toHaveLength(4);
	});

	test('overrides: the most specific area wins, period limits respected', () => {
		const raw = structuredClone(FILE);
		raw.penyesuaian = [
			{ wilayah: '33.28.01', indikator: { keluhan_selesai: { target: 95 } } },
			{ wilayah: '33', indikator: { keluhan_selesai: { target: 90, batas_merah: 80 } } },
			{ wilayah: '33.28', dari: '2026-01', indikator: { keluhan_selesai: { target: 88 } } }
		];
		const t = loadTargets(raw, CATALOGUE).value!;
		expect(bandFor(t, 'keluhan_selesai', '35.76', YEAR)).toEqual({ target: 0.85, batas_merah: 0.7, skor_nol: 0.4 });
		expect(bandFor(t, 'keluhan_selesai', '33.11', YEAR)).toEqual({ target: 0.9, batas_merah: 0.8, skor_nol: 0.4 });
		expect(bandFor(t, 'keluhan_selesai', '33.28.01', YEAR)).toEqual({ target: 0.95, batas_merah: 0.8, skor_nol: 0.4 });
		expect(bandFor(t, 'keluhan_selesai', '33.28', YEAR)!.target).toBe(0.9); // the 2026 override does not apply
		expect(bandFor(t, 'keluhan_selesai', '33.28', { start: '2026-01', end: '2026-06' })!.target).toBe(0.88);
		expect(bandFor(t, 'puskesos_baru', '33.28', YEAR)).toBeNull();
	});
});
