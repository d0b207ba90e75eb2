import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import { loadCatalogue } from './validate';

const good = () => structuredClone(CATALOGUE.find((d) => d.id === 'keluhan_selesai')!) as unknown as Record<string, unknown>;

describe('loading the catalogue', () => {
	test('the shipped catalogue is valid and complete for the four SLRT functions and BPS context', () => {
		const r = loadCatalogue(CATALOGUE);
		expect(r.errors).toEqual([]);
		expect(new Set(r.value!.map((d) => d.fungsi))).toEqual(new Set(['integrasi', 'keluhan', 'kepesertaan', 'pemutakhiran', 'konteks']));
	});

	test('an unknown column names the indicator, the place and the table', () => {
		const d = good();
		(d.numerator as { where: { col: string }[] }).where[1].col = 'statuss';
		const r = loadCatalogue([d]);
		expect(r.value).toBeUndefined();
		expect(r.errors).toEqual([expect.stringContaining('indikator[0] "keluhan_selesai".numerator.where[1].col: kolom "statuss" tidak ada di tabel keluhan')]);
	});

	test('a value that is not allowed for an enum column, and a date operator on a non-date column', () => {
		const d = good();
		const where = (d.numerator as { where: Record<string, unknown>[] }).where;
		where[1].value = 'beres';
		where[2] = { col: 'status', op: 'by_end' };
		const r = loadCatalogue([d]);
		expect(r.errors).toHaveLength(2);
		expect(r.errors[0]).toContain('numerator.where[1].value: "beres" tidak cocok');
		expect(r.errors[1]).toContain('numerator.where[2].col: kolom status bukan tanggal');
	});

	test('unknown table, kind, operator, unit, direction; negative weight; missing English label; duplicate id', () => {
		const bad = [
			{ ...good(), numerator: { table: 'keluhann', where: [] } },
			{ ...good(), id: 'x2', kind: 'mean' },
			{ ...good(), id: 'x3', denominator: { table: 'keluhan', where: [{ col: 'tgl_keluhan', op: 'sebelum' }] } },
			{ ...good(), id: 'x4', unit: 'meter', direction: 'up', weight: -1, label: { id: 'x' } },
			{ ...good(), id: 'x4' }
		];
		const errors = loadCatalogue(bad).errors.join('\n');
		expect(errors).toContain('indikator[0] "keluhan_selesai".numerator.table: tabel "keluhann" tidak ada');
		expect(errors).toContain('indikator[1] "x2".kind: jenis "mean" tidak dikenal');
		expect(errors).toContain('indikator[2] "x3".denominator.where[0].op: operator "sebelum" tidak dikenal');
		expect(errors).toContain('indikator[3] "x4".unit');
		expect(errors).toContain('indikator[3] "x4".direction');
		expect(errors).toContain('indikator[3] "x4".weight');
		expect(errors).toContain('indikator[3] "x4".label');
		expect(errors).toContain('indikator[4] "x4".id: duplikat');
	});

	test('days must be a positive integer; not a list at all', () => {
		const d = structuredClone(CATALOGUE.find((x) => x.id === 'tunggakan_30')!) as unknown as { numerator: { where: { days?: number }[] } };
		d.numerator.where[0].days = 2.5;
		expect(loadCatalogue([d]).errors[0]).toContain('numerator.where[0].days: harus bilangan bulat positif');
		expect(loadCatalogue({}).errors).toEqual(['katalog harus daftar / the catalogue must be a list']);
	});
});
