import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/lib/indicators/catalogue';
import { withIndicatorTable } from './indicator-table';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'indicators.md'), 'utf8');
const targets = JSON.parse(readFileSync(join(ROOT, 'static', 'targets', 'indikator.json'), 'utf8'));

describe('docs/indicators.md', () => {
	it('holds the catalogue table exactly as scripts/indicators-doc.ts generates it', () => {
		// On failure: run `npx tsx scripts/indicators-doc.ts` and commit the result.
		expect(withIndicatorTable(doc, targets.bawaan)).toBe(doc);
	});
	it('lists every indicator of the catalogue', () => {
		for (const d of CATALOGUE) expect(doc).toContain(`| \`${d.id}\` |`);
	});
});
