/**
 * DuckDB-WASM's engine trimmed to what this app can call, at build time.
 *
 * The library ships `duckdb-eh.wasm` as an Emscripten MAIN_MODULE: a build made to load side
 * modules, so it exports every one of its 75,011 symbols (65,167 functions) and keeps all their
 * code, although its worker calls 58 of them by name and this app loads no side module. Every visit
 * pays for the rest: the bytes fetched (34 MB, 7.9 MB gzip), validated and instantiated, and an
 * exports object of 75,011 entries walked by the worker's start-up code.
 *
 * `trimmedEngine` keeps only the exports the library's own worker reads (`wasmExports.NAME`), those
 * its imports resolve against (the GOT entries of dynamic linking) and any `dynCall_` helpers, and
 * lets Binaryen's wasm-metadce remove every function, global and export nothing reaches from them.
 * The result (~23.6 MB) is validated by compiling it and checking those exports, and is cached under
 * node_modules/.cache by a hash of everything it depends on, so only the first build pays (~45 s).
 * When Binaryen fails or the result does not validate, the build uses the library's file unchanged
 * and says why: the app then works as before, only slower to start.
 *
 * `duckdbEngine()` is the Vite plugin: `@slrt/duckdb-eh.wasm` (imported by src/lib/db/duckdb.ts with
 * `?url`) resolves to the trimmed file, or to the library's under Vitest, which never fetches it.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { engineWorkerSource } from '../../src/lib/db/worker-patches.ts';

const require = createRequire(import.meta.url);

/** What src/lib/db/duckdb.ts imports (with `?url`) to get the engine's URL. */
export const ENGINE_SPECIFIER = '@slrt/duckdb-eh.wasm';

/** Bump when the trimming changes, so cached results are made again. */
const TRIM_VERSION = 1;

export interface WasmSymbol {
	name: string;
	kind: string;
}

export interface WasmImport extends WasmSymbol {
	module: string;
}

/** The export names a worker source reads from the instance by name: `wasmExports.NAME` or `wasmExports["NAME"]`. */
export function exportsReadBy(workerSource: string): string[] {
	const names = new Set<string>();
	for (const m of workerSource.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
	for (const m of workerSource.matchAll(/wasmExports\[\s*(["'])([^"'\]]+)\1\s*\]/g)) names.add(m[2]);
	return [...names].sort();
}

/**
 * The exports to keep: those the worker reads by name, those the module's own GOT imports (dynamic
 * linking's `GOT.mem` / `GOT.func` entries, resolved against the exports) and `dynCall_` helpers
 * (registered by name), each only if the module exports it. Throws if the worker reads none at all:
 * a worker source that is not Emscripten's would otherwise trim away everything.
 */
export function keptExports(workerSource: string, imports: readonly WasmImport[], exports: readonly WasmSymbol[]): string[] {
	const read = exportsReadBy(workerSource);
	const exported = new Set(exports.map((e) => e.name));
	const wanted = new Set<string>(read);
	for (const i of imports) if (i.module === 'GOT.mem' || i.module === 'GOT.func') wanted.add(i.name);
	for (const e of exports) if (e.name.startsWith('dynCall_')) wanted.add(e.name);
	const kept = [...wanted].filter((n) => exported.has(n)).sort();
	if (!read.some((n) => exported.has(n))) throw new Error('the worker source reads no export of the module by name: is it the library’s Emscripten worker?');
	return kept;
}

/** keptExports for a compiled module. */
export function keptExportsOf(module: WebAssembly.Module, workerSource: string): string[] {
	return keptExports(workerSource, WebAssembly.Module.imports(module), WebAssembly.Module.exports(module));
}

/** wasm-metadce's graph: the outside world (a root) reaches each kept export and nothing else. */
export function metadceGraph(keep: readonly string[]): { name: string; root?: true; reaches?: string[]; export?: string }[] {
	return [{ name: 'outside', root: true, reaches: keep.map((k) => `export:${k}`) }, ...keep.map((k) => ({ name: `export:${k}`, export: k }))];
}

/** Names in `kept` that the module `bytes` does not export (empty when the trimmed module is whole). */
export function missingExports(bytes: Uint8Array<ArrayBuffer>, kept: readonly string[]): string[] {
	const module = new WebAssembly.Module(bytes);
	const have = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
	return kept.filter((k) => !have.has(k));
}

export interface Engine {
	/** The file to serve. */
	path: string;
	trimmed: boolean;
	/** Why the library's file is served unchanged. */
	reason?: string;
}

/** The library's engine (`duckdb-eh.wasm`) and the worker that runs it. */
export const LIBRARY_ENGINE = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
const LIBRARY_WORKER = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js');

/**
 * The trimmed engine, made on the first call for these inputs and cached in `cacheDir` afterwards.
 * Never throws for a failed trim: it returns the library's file and the reason instead.
 */
export function trimmedEngine(cacheDir = join(dirname(LIBRARY_ENGINE), '..', '..', '..', '.cache', 'slrt-duckdb-engine')): Engine {
	const wasm = readFileSync(LIBRARY_ENGINE);
	const worker = readFileSync(LIBRARY_WORKER, 'utf8');
	const binaryenPackage = require.resolve('binaryen/package.json');
	const metadce = join(dirname(binaryenPackage), 'bin', 'wasm-metadce');
	const binaryen = (JSON.parse(readFileSync(binaryenPackage, 'utf8')) as { version: string }).version;
	const key = createHash('sha256').update(wasm).update(worker).update(`binaryen ${binaryen} trim ${TRIM_VERSION}`).digest('hex').slice(0, 16);
	const dir = join(cacheDir, key);
	const out = join(dir, 'duckdb-eh.wasm');
	if (existsSync(out)) return { path: out, trimmed: true };

	const fallback = (reason: string): Engine => {
		console.warn(`[duckdb-engine] serving the library's duckdb-eh.wasm untrimmed: ${reason}`);
		return { path: LIBRARY_ENGINE, trimmed: false, reason };
	};
	let kept: string[];
	try {
		kept = keptExportsOf(new WebAssembly.Module(wasm), worker);
	} catch (e) {
		return fallback(e instanceof Error ? e.message : String(e));
	}
	const work = join(cacheDir, `${key}.tmp-${process.pid}`);
	try {
		rmSync(work, { recursive: true, force: true });
		mkdirSync(work, { recursive: true });
		writeFileSync(join(work, 'graph.json'), JSON.stringify(metadceGraph(kept)));
		console.log(`[duckdb-engine] trimming duckdb-eh.wasm to the ${kept.length} exports its worker uses (Binaryen ${binaryen}; once, ~1 min)…`);
		const started = Date.now();
		// The module declares no features; these are what it uses (exceptions among them). Binaryen's
		// newer encodings (compact imports) stay off: browsers do not read them yet.
		const r = spawnSync(
			process.execPath,
			['--max-old-space-size=4096', metadce, LIBRARY_ENGINE, '--graph-file', join(work, 'graph.json'), '-o', join(work, 'duckdb-eh.wasm'), '-all', '--disable-compact-imports'],
			{ encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
		);
		if (r.status !== 0) return fallback(`wasm-metadce exited with ${r.status ?? r.signal}: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
		const trimmed = readFileSync(join(work, 'duckdb-eh.wasm'));
		const missing = missingExports(trimmed, kept);
		if (missing.length) return fallback(`the trimmed module lacks ${missing.length} kept exports (${missing.slice(0, 5).join(', ')})`);
		mkdirSync(dir, { recursive: true });
		renameSync(join(work, 'duckdb-eh.wasm'), out);
		console.log(`[duckdb-engine] ${(wasm.length / 1e6).toFixed(1)} → ${(trimmed.length / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s, cached in ${out}`);
		return { path: out, trimmed: true };
	} catch (e) {
		return fallback(e instanceof Error ? e.message : String(e));
	} finally {
		try {
			rmSync(work, { recursive: true, force: true });
		} catch {
			// Nothing was made there.
		}
	}
}

const startingWith = (specifier: string) => new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);

/**
 * Vite plugin: `@slrt/duckdb-eh.wasm` is the trimmed engine and `@slrt/duckdb-eh.worker.js` the
 * patched worker; the library's files under Vitest, and under `vite preview`, which serves what was
 * built and resolves no imports.
 */
export function duckdbEngine(): Plugin {
	return {
		name: 'slrt-duckdb-engine',
		config(_, env) {
			const engine = process.env.VITEST || env.isPreview ? LIBRARY_ENGINE : trimmedEngine().path;
			const worker = process.env.VITEST || env.isPreview ? LIBRARY_WORKER : patchedWorker().path;
			return {
				resolve: {
					alias: [
						{ find: startingWith(ENGINE_SPECIFIER), replacement: engine },
						{ find: startingWith(WORKER_SPECIFIER), replacement: worker }
					]
				},
				// The worker resolves into node_modules/.cache: `vite dev` would pre-bundle it as a
				// dependency and lose its `?url`.
				optimizeDeps: { exclude: [WORKER_SPECIFIER, `${WORKER_SPECIFIER}?url`] }
			};
		}
	};
}

/** What src/lib/db/duckdb.ts imports (with `?url`) to get the worker's URL. */
export const WORKER_SPECIFIER = '@slrt/duckdb-eh.worker.js';

/**
 * The engine's worker as served (`engineWorkerSource`: the library's worker patched, then started
 * early), written into the cache folder under a hash of its text. Patches that no longer match are
 * named on the console: the worker then starts as the library's does, only slower.
 */
export function patchedWorker(cacheDir = join(dirname(LIBRARY_ENGINE), '..', '..', '..', '.cache', 'slrt-duckdb-engine')): { path: string; skipped: string[] } {
	const { source, skipped } = engineWorkerSource(readFileSync(LIBRARY_WORKER, 'utf8'));
	if (skipped.length) console.warn(`DuckDB-WASM worker: patches not applied (another library version?): ${skipped.join('; ')}`);
	const path = join(cacheDir, `duckdb-eh.worker.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.js`);
	if (!existsSync(path)) {
		mkdirSync(cacheDir, { recursive: true });
		writeFileSync(`${path}.tmp-${process.pid}`, source);
		renameSync(`${path}.tmp-${process.pid}`, path);
	}
	return { path, skipped };
}
