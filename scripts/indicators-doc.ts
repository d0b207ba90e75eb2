/**
 * npx tsx scripts/indicators-doc.ts [--check]
 * Rewrites the catalogue table of docs/indicators.md from the catalogue and the default targets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withIndicatorTable } from './docs/indicator-table';

const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs', 'indicators.md');
const targets = JSON.parse(readFileSync(join(ROOT, 'static', 'targets', 'indikator.json'), 'utf8'));
const current = readFileSync(DOC, 'utf8');
const next = withIndicatorTable(current, targets.bawaan);
if (process.argv.includes('--check')) {
	console.log(next === current ? 'docs/indicators.md is up to date' : 'docs/indicators.md is out of date: run npx tsx scripts/indicators-doc.ts');
	process.exit(next === current ? 0 : 1);
}
writeFileSync(DOC, next);
console.log(next === current ? 'docs/indicators.md unchanged' : 'docs/indicators.md updated');
