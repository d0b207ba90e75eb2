#!/usr/bin/env node
// Single entry point for `npm test`: ensure Chromium, sync SvelteKit, build demo data (the pilot, and
// the province for tests/e2e/province.test.ts) and the app, run both vitest projects (unit + e2e),
// then print `N passed, N failed` as the very last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const RESULTS = path.join('test-results', 'vitest.json');

function heading(text) {
	console.log(`\n=== ${text} ===`);
}

/** Runs a command with inherited stdio; throws on spawn failure or non-zero exit. */
function run(cmd, args, opts = {}) {
	console.log(`$ ${[cmd, ...args].join(' ')}`);
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
	if (r.status !== 0) {
		throw new Error(`${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal}`);
	}
}

function hasCommand(cmd) {
	return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function finish(passed, failed, code) {
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(code);
}

function fail(err) {
	console.error(`\nERROR: ${err instanceof Error ? err.message : String(err)}`);
	finish(0, 1, 1);
}

function ensureChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
	const found = candidates.find((p) => existsSync(p));
	if (found) {
		console.log(`using ${found}`);
		return found;
	}
	console.log('Chromium not found; installing Debian package "chromium" with apt-get');
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const prefix = !isRoot && hasCommand('sudo') ? 'sudo ' : '';
	try {
		run('sh', ['-c', `${prefix}apt-get update && ${prefix}DEBIAN_FRONTEND=noninteractive apt-get install -y chromium`], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	} catch (err) {
		console.error(String(err instanceof Error ? err.message : err));
	}
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	throw new Error(
		'Chromium is not available: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.'
	);
}

/** Counts passed/failed tests in vitest's JSON report (jest-compatible format). */
function countResults(report) {
	let passed = 0;
	let failed = 0;
	for (const file of report.testResults ?? []) {
		const tests = file.assertionResults ?? [];
		let fileFailed = 0;
		for (const t of tests) {
			if (t.status === 'passed') passed++;
			else if (t.status === 'failed') fileFailed++;
		}
		// A file that failed without any failing test (import/collect error, failing hook):
		// count it as one failure so it can never be hidden.
		if (file.status === 'failed' && fileFailed === 0) fileFailed = 1;
		failed += fileFailed;
	}
	return { passed, failed };
}

try {
	heading('1/6 Chromium');
	const chromiumPath = ensureChromium();
	process.env.CHROMIUM_PATH = chromiumPath;

	heading('2/6 svelte-kit sync');
	run('npx', ['svelte-kit', 'sync']);

	heading('3/6 demo data (if missing)');
	run('npm', ['run', 'data:if-missing']);

	// The whole province (~11 M households; several minutes the first time) for the province-scale browser test.
	heading('4/6 province demo data (if missing)');
	const t0 = Date.now();
	run('npm', ['run', 'data:province']);
	console.log(`province data step: ${((Date.now() - t0) / 1000).toFixed(0)} s`);

	heading('5/6 vite build');
	run('npx', ['vite', 'build']);
} catch (err) {
	fail(err);
}

heading('6/6 vitest (unit + e2e)');
rmSync(RESULTS, { force: true });
mkdirSync(path.dirname(RESULTS), { recursive: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${RESULTS}`];
console.log(`$ npx ${args.join(' ')}`);
const vt = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
const vitestCode = vt.error ? -1 : (vt.status ?? -1);
if (vt.error) console.error(`ERROR: could not start vitest: ${vt.error.message}`);

let report;
try {
	report = JSON.parse(readFileSync(RESULTS, 'utf8'));
} catch (err) {
	console.error(`ERROR: no usable vitest JSON report at ${RESULTS}: ${err instanceof Error ? err.message : err}`);
	finish(0, 1, 1);
}

let { passed, failed } = countResults(report);
if (vitestCode !== 0 && failed === 0) {
	// e.g. unhandled errors, no test files, or a crash after the report was written
	console.error(`ERROR: vitest exited with ${vitestCode} although no test failed in the report`);
	failed = 1;
}
finish(passed, failed, failed > 0 || vitestCode !== 0 ? 1 : 0);
