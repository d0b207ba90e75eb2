import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tar } from './tar';

describe('tar', () => {
	it('writes an archive that the system tar unpacks byte for byte', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tar-'));
		try {
			const a = new Uint8Array(1000).map((_, i) => i % 251);
			const long = `${'sub/'.repeat(30)}data_0.parquet`;
			writeFileSync(join(dir, 'x.tar'), tar([{ path: 'rumah_tangga/kode_kab=35.76/data_0.parquet', bytes: a }, { path: 'manifest.json', bytes: new TextEncoder().encode('{}') }, { path: long, bytes: a.subarray(0, 3) }]));
			expect(execFileSync('tar', ['-tf', 'x.tar'], { cwd: dir, encoding: 'utf8' }).trim().split('\n')).toEqual(['rumah_tangga/kode_kab=35.76/data_0.parquet', 'manifest.json', long]);
			execFileSync('tar', ['-xf', 'x.tar'], { cwd: dir });
			expect(new Uint8Array(readFileSync(join(dir, 'rumah_tangga/kode_kab=35.76/data_0.parquet')))).toEqual(a);
			expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('{}');
			expect(new Uint8Array(readFileSync(join(dir, long)))).toEqual(a.subarray(0, 3));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
