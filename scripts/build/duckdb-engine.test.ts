import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { engineWorkerSource, patchSource, WORKER_PATCHES } from '../../src/lib/db/worker-patches';
import { duckdbEngine, LIBRARY_ENGINE, exportsReadBy, keptExports, keptExportsOf, metadceGraph, missingExports, patchedWorker, trimmedEngine } from './duckdb-engine';

const require = createRequire(import.meta.url);
const worker = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');
const library = readFileSync(LIBRARY_ENGINE);
/** The library's engine, compiled once for the tests that read it (~0.4 s). */
let compiled: WebAssembly.Module | null = null;
const original = () => (compiled ??= new WebAssembly.Module(library));

/** A module exporting two functions and a global, importing a GOT entry (hand-assembled bytes). */
function tinyModule(): Uint8Array<ArrayBuffer> {
	const str = (s: string) => [s.length, ...Buffer.from(s)];
	const section = (id: number, body: number[]) => [id, body.length, ...body];
	return new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
		...section(2, [1, ...str('GOT.mem'), ...str('__heap_base'), 0x03, 0x7f, 0x01]), // import a mutable i32 global
		...section(3, [2, 0, 0]), // two functions of type 0
		...section(6, [1, 0x7f, 0x00, 0x41, 0x07, 0x0b]), // one i32 global = 7
		...section(7, [3, ...str('keep_me'), 0x00, 0, ...str('drop_me'), 0x00, 1, ...str('__heap_base'), 0x03, 1]),
		...section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b])
	]);
}

describe('the DuckDB engine trimmed to what its worker calls', () => {
	it('reads the export names a worker source uses, in both spellings, once each', () => {
		const src = 'a=wasmExports.duckdb_web_open;b=wasmExports["malloc"];c=wasmExports.duckdb_web_open(1);d=wasmExports[\'__wasm_call_ctors\']';
		expect(exportsReadBy(src)).toEqual(['__wasm_call_ctors', 'duckdb_web_open', 'malloc']);
	});

	it("finds in the library's worker the calls this app makes through it", () => {
		const read = exportsReadBy(worker);
		for (const name of ['duckdb_web_open', 'duckdb_web_connect', 'duckdb_web_query_run', 'duckdb_web_pending_query_start', 'malloc', 'free', '__wasm_call_ctors', '__wasm_apply_data_relocs']) expect(read).toContain(name);
	});

	it("keeps every exported DuckDB entry point the library's worker names anywhere (called by string through ccall, or as Module._name)", () => {
		const exported = new Set(WebAssembly.Module.exports(original()).map((e) => e.name));
		const kept = new Set(keptExportsOf(original(), worker));
		// The worker also names the file-system callbacks it gives the module (imports, not exports).
		const named = new Set([...worker.matchAll(/duckdb_web_\w+/g)].map((m) => m[0]).filter((n) => exported.has(n)));
		expect(named.size).toBeGreaterThan(40);
		expect([...named].filter((n) => !kept.has(n))).toEqual([]);
		for (const n of ['malloc', 'free', 'calloc']) expect(kept.has(n)).toBe(true);
	});

	it('keeps what the worker reads and what the GOT imports, if exported; fails on a source that reads nothing', () => {
		const imports = [
			{ module: 'GOT.mem', name: '__heap_base', kind: 'global' },
			{ module: 'GOT.func', name: 'js_only', kind: 'global' },
			{ module: 'env', name: 'memory', kind: 'memory' }
		];
		const exports = ['keep_me', 'drop_me', '__heap_base', 'dynCall_vi', 'memory'].map((name) => ({ name, kind: 'function' }));
		expect(keptExports('x=wasmExports.keep_me;y=wasmExports.not_exported', imports, exports)).toEqual(['__heap_base', 'dynCall_vi', 'keep_me']);
		expect(() => keptExports('no exports read here', imports, exports)).toThrow(/reads no export/);
	});

	it('gives wasm-metadce a root reaching exactly the kept exports', () => {
		const graph = metadceGraph(['a', 'b']);
		expect(graph).toEqual([
			{ name: 'outside', root: true, reaches: ['export:a', 'export:b'] },
			{ name: 'export:a', export: 'a' },
			{ name: 'export:b', export: 'b' }
		]);
	});

	it('names the kept exports a module lacks', () => {
		const bytes = tinyModule();
		expect(missingExports(bytes, ['keep_me', '__heap_base'])).toEqual([]);
		expect(missingExports(bytes, ['keep_me', 'gone'])).toEqual(['gone']);
	});

	// Made by the build (vite.config.ts), which `npm test` runs first; made here otherwise (~1 min).
	it('the built engine is smaller, valid, and exports all the worker reads and nothing it does not need', () => {
		const engine = trimmedEngine();
		expect(engine.trimmed).toBe(true);
		const bytes = new Uint8Array(readFileSync(engine.path));
		expect(bytes.length).toBeLessThan(library.length * 0.8);
		const module = new WebAssembly.Module(bytes);
		const exported = WebAssembly.Module.exports(module).map((e) => e.name);
		expect(exported.sort()).toEqual(keptExportsOf(original(), worker));
		// No new imports: the worker's glue provides the library's (those only removed code used are gone).
		const key = (i: WebAssembly.ModuleImportDescriptor) => `${i.module}.${i.name}:${i.kind}`;
		const before = new Set(WebAssembly.Module.imports(original()).map(key));
		const after = WebAssembly.Module.imports(module).map(key);
		expect(after.filter((k) => !before.has(k))).toEqual([]);
		expect(after).toContain('env.memory:memory');
	});

	it('serves the library engine unchanged, saying why, when the trim cannot be made', () => {
		// A cache folder under a file cannot be made.
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const engine = trimmedEngine(join(fileURLToPath(import.meta.url), 'cache'));
			expect(engine).toEqual({ path: LIBRARY_ENGINE, trimmed: false, reason: expect.stringMatching(/ENOTDIR/) });
			expect(warn).toHaveBeenCalledWith(expect.stringContaining("serving the library's duckdb-eh.wasm untrimmed: "));
		} finally {
			warn.mockRestore();
		}
	});
});

describe('the DuckDB worker as served', () => {
	it('is written once into the cache folder, named by its text: the library worker patched, then started early', () => {
		const dir = mkdtempSync(join(tmpdir(), 'slrt-worker-'));
		try {
			const made = patchedWorker(dir);
			expect(made.skipped).toEqual([]);
			const served = engineWorkerSource(worker).source;
			expect(readFileSync(made.path, 'utf8')).toBe(served);
			expect(made.path).toMatch(/duckdb-eh\.worker\.[0-9a-f]{16}\.js$/);
			expect(served.startsWith(patchSource(worker, WORKER_PATCHES).source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'))).toBe(true);
			expect(served).toContain('(function startEarly(');
			// Again: the same file, not rewritten.
			const { mtimeMs } = statSync(made.path);
			expect(patchedWorker(dir).path).toBe(made.path);
			expect(statSync(made.path).mtimeMs).toBe(mtimeMs);
			expect(readdirSync(dir)).toEqual([basename(made.path)]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the DuckDB files under vite dev', () => {
	it('are served by URL, not pre-bundled as dependencies (the worker resolves into node_modules)', async () => {
		const { createServer } = await import('vite');
		const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
		const server = await createServer({
			configFile: false,
			root,
			cacheDir: mkdtempSync(join(tmpdir(), 'slrt-vite-')),
			plugins: [duckdbEngine()],
			optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
			server: { middlewareMode: true, hmr: false, ws: false },
			logLevel: 'silent'
		});
		try {
			const out = await server.transformRequest('/src/lib/db/duckdb.ts');
			const code = out?.code ?? '';
			expect(code).not.toContain('/.vite/deps/');
			expect(code).toMatch(/import workerEh from "[^"]*duckdb-browser-eh\.worker\.js\?url"/);
			expect(code).toMatch(/import wasmEh from "[^"]*duckdb-eh\.wasm\?(import&)?url"/);
		} finally {
			await server.close();
			rmSync(server.config.cacheDir, { recursive: true, force: true });
		}
	});
});
