import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { removeServedDir, servedDir } from './served-dir';

const made: string[] = [];
function tmp(): string {
	const d = mkdtempSync(join(tmpdir(), 'served-dir-test-'));
	made.push(d);
	return d;
}
afterEach(() => {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('servedDir', () => {
	test('links every build entry, with the replaced ones pointing elsewhere; removing it leaves the targets', () => {
		const build = tmp();
		mkdirSync(join(build, 'extracts'));
		writeFileSync(join(build, 'extracts', 'manifest.json'), 'pilot');
		writeFileSync(join(build, 'index.html'), '<html>');
		mkdirSync(join(build, '_app'));
		const province = tmp();
		writeFileSync(join(province, 'manifest.json'), 'province');

		const dir = servedDir(build, { extracts: province });
		expect(readFileSync(join(dir, 'extracts', 'manifest.json'), 'utf8')).toBe('province');
		expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<html>');
		expect(readlinkSync(join(dir, '_app'))).toBe(join(build, '_app'));

		removeServedDir(dir);
		expect(existsSync(dir)).toBe(false);
		expect(readFileSync(join(build, 'extracts', 'manifest.json'), 'utf8')).toBe('pilot');
		expect(readFileSync(join(province, 'manifest.json'), 'utf8')).toBe('province');
	});

	test('adds a replaced entry the build does not have', () => {
		const build = tmp();
		const extra = tmp();
		const dir = servedDir(build, { 'bench-data': extra });
		made.push(dir);
		expect(readlinkSync(join(dir, 'bench-data'))).toBe(extra);
	});

	test('names what is missing', () => {
		const build = tmp();
		expect(() => servedDir(join(build, 'nope'), {})).toThrow(/nope does not exist/);
		expect(() => servedDir(build, { extracts: join(build, 'missing') })).toThrow(/missing \(for \/extracts\) does not exist/);
		expect(() => servedDir(build, { 'a/b': build })).toThrow(/not a top-level entry/);
	});
});
