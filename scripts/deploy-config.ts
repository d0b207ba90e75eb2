/**
 * npx tsx scripts/deploy-config.ts [--check]
 * Writes docs/deploy/nginx.conf and the table of server rules in docs/deploy.md from
 * scripts/deploy/headers.ts; with --check it only reports whether both are up to date (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderNginx } from './deploy/nginx';
import { withRulesTable } from './deploy/rules-table';

const DOCS = join(import.meta.dirname, '..', 'docs');
const outputs: [string, (current: string) => string][] = [
	[join(DOCS, 'deploy', 'nginx.conf'), () => renderNginx()],
	[join(DOCS, 'deploy.md'), withRulesTable]
];
let stale = 0;
for (const [file, render] of outputs) {
	let current = '';
	try {
		current = readFileSync(file, 'utf8');
	} catch {
		// Written below.
	}
	const next = render(current);
	if (next === current) continue;
	stale++;
	if (process.argv.includes('--check')) console.log(`${file} is out of date: run npx tsx scripts/deploy-config.ts`);
	else writeFileSync(file, next);
}
console.log(stale ? `${stale} file(s) ${process.argv.includes('--check') ? 'out of date' : 'updated'}` : 'docs/deploy/nginx.conf and docs/deploy.md are up to date');
process.exit(process.argv.includes('--check') && stale ? 1 : 0);
