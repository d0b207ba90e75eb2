import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CACHE_FOREVER, CACHE_RULES, SECURITY_HEADERS } from './headers';
import { renderNginx } from './nginx';
import { BEGIN_MARKER, END_MARKER, withRulesTable } from './rules-table';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

describe('docs/deploy/nginx.conf and docs/deploy.md', () => {
	test('nginx.conf is exactly what scripts/deploy-config.ts generates from headers.ts', () => {
		// On failure: run `npx tsx scripts/deploy-config.ts` and commit the result.
		expect(readFileSync(join(DOCS, 'deploy', 'nginx.conf'), 'utf8')).toBe(renderNginx());
	});

	test('the guide’s table of rules for other servers is exactly what headers.ts gives', () => {
		const doc = readFileSync(join(DOCS, 'deploy.md'), 'utf8');
		expect(withRulesTable(doc)).toBe(doc);
		const table = doc.slice(doc.indexOf(BEGIN_MARKER), doc.indexOf(END_MARKER));
		for (const r of CACHE_RULES) expect(table).toContain(`\`${r.cacheControl}\` | ${r.why}`);
	});

	test('the README links the guide', () => {
		expect(readFileSync(join(DOCS, '..', 'README.md'), 'utf8')).toContain('(docs/deploy.md)');
	});
});

describe('renderNginx', () => {
	const conf = renderNginx();
	const block = (location: string) => conf.slice(conf.indexOf(`location ${location} {`), conf.indexOf('}', conf.indexOf(`location ${location} {`)));

	test('sends the precompressed copies, WebAssembly as application/wasm, pages with the adapter’s fallback', () => {
		expect(conf).toContain('\tgzip_static on;');
		expect(conf).toMatch(/ngx_brotli[^\n]*\n[^\n]*\n\t# brotli_static on;/);
		expect(conf).toMatch(/application\/wasm +wasm;/);
		expect(conf).toMatch(/application\/geo\+json +geojson;/);
		expect(block('/')).toContain('try_files $uri $uri/ $uri.html /200.html;');
		expect(block('/geo/')).toContain('try_files $uri =404;');
	});

	test('every location repeats every security header (nginx drops the server’s add_header where a location has its own)', () => {
		const locations = [...new Set(CACHE_RULES.map((r) => r.location))];
		expect(conf.match(/\tlocation /g)).toHaveLength(locations.length);
		for (const l of locations) for (const name of Object.keys(SECURITY_HEADERS)) expect(block(l), `${l} ${name}`).toContain(`add_header ${name} `);
	});

	test('the hashed build is kept for good; an extract file only when asked for by its hash', () => {
		expect(block('/_app/immutable/')).toContain(`add_header Cache-Control "${CACHE_FOREVER}" always;`);
		expect(block('/extracts/')).toContain('add_header Cache-Control $slrt_extract_cache always;');
		expect(conf).toContain(`map $arg_v $slrt_extract_cache {\n\t""      "no-cache";\n\tdefault "${CACHE_FOREVER}";\n}`);
		expect(block('= /service-worker.js')).toContain('add_header Cache-Control "no-cache" always;');
	});
});
