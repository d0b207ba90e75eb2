/**
 * npx tsx scripts/contract-doc.ts [--check]
 * Rewrites the generated tables of docs/data-contract.md from src/lib/contract; with --check it
 * only reports whether the committed document is up to date (exit 1 when it is not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedSection } from './docs/contract-tables';

const DOC = join(import.meta.dirname, '..', 'docs', 'data-contract.md');
const current = readFileSync(DOC, 'utf8');
const next = withGeneratedSection(current);
if (process.argv.includes('--check')) {
	console.log(next === current ? 'docs/data-contract.md is up to date' : 'docs/data-contract.md is out of date: run npx tsx scripts/contract-doc.ts');
	process.exit(next === current ? 0 : 1);
}
writeFileSync(DOC, next);
console.log(next === current ? 'docs/data-contract.md unchanged' : 'docs/data-contract.md updated');
