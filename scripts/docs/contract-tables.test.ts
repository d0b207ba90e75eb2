import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../../src/lib/contract/schema';
import { BEGIN_MARKER, END_MARKER, renderContractTables, withGeneratedSection } from './contract-tables';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'data-contract.md');

describe('docs/data-contract.md', () => {
	const doc = readFileSync(DOC, 'utf8');

	it('holds the tables exactly as scripts/contract-doc.ts generates them from schema.ts', () => {
		// On failure: run `npx tsx scripts/contract-doc.ts` and commit the result.
		expect(withGeneratedSection(doc)).toBe(doc);
	});

	it('documents every column of every table', () => {
		const generated = doc.slice(doc.indexOf(BEGIN_MARKER), doc.indexOf(END_MARKER));
		for (const t of TABLE_NAMES) {
			expect(generated).toContain(`### \`${t}\``);
			for (const c of TABLES[t].columns) expect(generated, `${t}.${c.name}`).toMatch(new RegExp(`\\| \\d+ \\| \`${c.name}\` \\|`));
		}
	});
});

describe('renderContractTables', () => {
	const out = renderContractTables();
	const row = (name: string) => out.split('\n').find((l) => l.includes(`| \`${name}\` |`) && l.split('|').length > 9)!;

	it('shows ranges, allowed values, code shapes and requiredness', () => {
		expect(row('desil')).toContain('| 1 – 10 |');
		expect(row('pengeluaran_kapita')).toContain('| 0 – 100 000 000 |');
		expect(row('kanal')).toContain('`puskesos`, `kunjungan_fasilitator`, `aplikasi`, `hotline`');
		expect(row('kode_kec')).toContain('PP.KK.CC');
		expect(row('tgl_kontak_slrt')).toContain('| tidak / no |');
	});

	it('lists the referral stages in lifecycle order with their date columns', () => {
		const stages = out.slice(out.indexOf('### Tahapan rujukan'));
		expect(stages.indexOf('`terdaftar`')).toBeLessThan(stages.indexOf('`selesai`'));
		expect(stages).toContain('| `kunjungan_rumah` | `tgl_kunjungan_rumah` |');
	});

	it('refuses a document without its markers', () => {
		expect(() => withGeneratedSection('# no markers')).toThrow(/markers/);
	});
});
