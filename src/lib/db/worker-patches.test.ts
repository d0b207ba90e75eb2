import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EARLY_REQUEST_ID, ENGINE_NAME_PREFIX, engineWorkerSource, patchSource, startEarly, WORKER_PATCHES } from './worker-patches';

const require = createRequire(import.meta.url);
const installed = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');
const patched = patchSource(installed, WORKER_PATCHES).source;

/** The text of `name=...` in a source, up to the `end` that follows it. */
function definition(source: string, name: string, end: string): string {
	const from = source.indexOf(`${name}=`);
	const to = source.indexOf(end, from);
	expect(from, name).toBeGreaterThanOrEqual(0);
	expect(to, end).toBeGreaterThan(from);
	return source.slice(from, to);
}

describe('DuckDB-WASM worker patches', () => {
	it('every patch matches the installed library worker exactly once', () => {
		expect(patchSource(installed, WORKER_PATCHES).skipped).toEqual([]);
		for (const p of WORKER_PATCHES) {
			expect(patched.includes(p.replace), p.name).toBe(true);
			expect(patched.includes(p.find), p.name).toBe(false);
		}
	});

	it('leaves out a patch that matches nowhere or more than once, and names it', () => {
		const p = [{ name: 'twice', find: 'ab', replace: 'X' }, { name: 'never', find: 'zz', replace: 'Y' }, { name: 'once', find: 'c', replace: 'Z' }];
		expect(patchSource('ab-ab-c', p)).toEqual({ source: 'ab-ab-Z', skipped: ['twice', 'never'] });
	});

	/**
	 * updateGOT, original and patched, on the same exports: function and number exports, `orig$`
	 * exports (which switch on replacing for the rest of the loop), an internal symbol; a GOT holding
	 * some of them with and without values.
	 */
	function runUpdateGOT(source: string, replace: boolean) {
		const text = definition(source, 'updateGOT', ',relocateExports=');
		const fns = Object.fromEntries(['f', 'g', 'h', 'k', 'orig$h'].map((n) => [n, () => n]));
		const table: unknown[] = [];
		const addFunction = (fn: unknown) => (table.includes(fn) ? table.indexOf(fn) : table.push(fn) - 1) + 100;
		const GOT: Record<string, { value: number }> = { f: { value: 0 }, g: { value: 7 }, h: { value: 0 }, m: { value: 0 }, p: { value: 5 }, __tls_size: { value: 0 } };
		const isInternalSym = (s: string) => ['__tls_size', '__wasm_call_ctors'].includes(s);
		const errors: string[] = [];
		const updateGOT = new Function('GOT', 'isInternalSym', 'addFunction', 'err', `let updateGOT; ${text}; return updateGOT;`)(GOT, isInternalSym, addFunction, (m: string) => errors.push(m));
		const exports = { f: fns.f, m: 2048, g: fns.g, __tls_size: 16, __wasm_call_ctors: fns.k, n: 4096, 'orig$h': fns['orig$h'], p: 8192, k: fns.k, q: 'text' };
		updateGOT(exports, replace);
		return { GOT: Object.fromEntries(Object.entries(GOT).map(([k, v]) => [k, v.value])), table: table.length, errors };
	}

	it('updateGOT: the GOT entries that exist get the same values as before; no others are made', () => {
		for (const replace of [false, true]) {
			const before = runUpdateGOT(installed, replace);
			const after = runUpdateGOT(patched, replace);
			// The original made an entry (and a table slot) for every other export too.
			expect(Object.keys(before.GOT).length).toBeGreaterThan(6);
			expect(after.GOT).toEqual(Object.fromEntries(Object.keys(after.GOT).map((k) => [k, before.GOT[k]])));
			expect(Object.keys(after.GOT).sort()).toEqual(['__tls_size', 'f', 'g', 'h', 'm', 'p']);
			expect(after.table).toBeLessThan(before.table);
		}
		// Spot values: f placed in the table, m a data address, h takes orig$h, p replaced after orig$h.
		expect(runUpdateGOT(patched, false).GOT).toMatchObject({ f: 100, g: 7, m: 2048, h: 101, p: 8192, __tls_size: 0 });
	});

	it('applySignatureConversions: every export reads as before, the converted ones converted alike', () => {
		const fn = (source: string) => {
			const from = source.indexOf('function applySignatureConversions(e){');
			const text = source.slice(from, source.indexOf('}', source.indexOf('return e', from)) + 1);
			return { text, convert: new Function(`${text}; return applySignatureConversions;`)() as (e: object) => Record<string, unknown> };
		};
		const before = fn(installed);
		const after = fn(patched);
		const converted = [...new Set([...before.text.matchAll(/e\.([\w$]+)=/g)].map((m) => m[1]))];
		expect(converted).toContain('malloc');
		// Every converted export returns -5 (a pointer past 2 GiB, read as signed); the others are kept
		// as they are. A plain object, as relocateExports makes it (checked in the next test).
		const exports: Record<string, unknown> = {
			...Object.fromEntries(converted.map((n) => [n, () => -5])),
			other: (a: number, b: number) => a + b,
			memory_base: 1024,
			'orig$x': () => 'x'
		};
		const a = before.convert(exports);
		const b = after.convert(exports);
		expect(Object.keys(a).sort()).toEqual(Object.keys(exports).sort());
		for (const k of Object.keys(a)) {
			expect(typeof b[k], k).toBe(typeof a[k]);
			if (typeof a[k] !== 'function') expect(b[k], k).toBe(a[k]);
			else if (converted.includes(k)) expect((b[k] as (...x: number[]) => unknown)(1, 2, 3), k).toBe((a[k] as (...x: number[]) => unknown)(1, 2, 3));
			else expect(b[k], k).toBe(a[k]);
		}
		expect(a.malloc).not.toBe(exports.malloc);
		expect((b.malloc as () => number)()).toBe(4294967291);
		expect(exports.malloc).toBeTypeOf('function');
	});

	it('applySignatureConversions gets a fresh writable object and afterwards the worker reads exports only by name', () => {
		// Its input is relocateExports' own plain object (the instance's exports are frozen, and a
		// frozen prototype would refuse the converted functions), with no other assignment between.
		const at = installed.indexOf('wasmExports=applySignatureConversions(wasmExports)');
		expect(at).toBeGreaterThan(0);
		const relocated = installed.lastIndexOf('wasmExports=relocateExports(wasmExports,1024)', at);
		expect(relocated).toBeGreaterThan(0);
		expect(installed.slice(relocated + 1, at).includes('wasmExports=')).toBe(false);
		expect(definition(installed, 'relocateExports', ',isSymbolDefined=')).toMatch(/^relocateExports=\(e,t,r\)=>\{var n=\{\};for\(var a in e\)\{.*n\[a\]=l\}return updateGOT\(n,r\),n\}$/);
		// Afterwards a prototype serves every read by name.
		const uses = [...installed.slice(at + 'wasmExports='.length).matchAll(/wasmExports(.)/g)].map((m) => m[1]);
		// One argument (the call itself), one return, one assignment; every other use reads a name.
		expect(uses.filter((c) => c !== '.')).toEqual([')', '}', '=']);
		expect(uses.length).toBeGreaterThan(20);
	});

	it('registerDynCallSymbols and mergeLibSymbols register the same symbols as before', () => {
		const run = (source: string) => {
			const text = `${definition(source, 'mergeLibSymbols', ',asyncLoad=')}; ${definition(source, 'registerDynCallSymbols', ';function loadDynamicLibrary')}`;
			const Module: Record<string, unknown> = { dynCall_ii: 'kept' };
			const wasmImports: Record<string, unknown> = { a: 'defined', b: { stub: true } };
			const isSymbolDefined = (s: string) => !!wasmImports[s] && !(wasmImports[s] as { stub?: boolean }).stub;
			const merge = new Function('Module', 'wasmImports', 'isSymbolDefined', `let mergeLibSymbols, registerDynCallSymbols; ${text}; return mergeLibSymbols;`)(Module, wasmImports, isSymbolDefined);
			merge({ a: 1, b: 2, c: 3, dynCall_ii: 4, dynCall_vi: 5 }, 'main');
			return { Module, wasmImports };
		};
		const before = run(installed);
		expect(before.wasmImports).toEqual({ a: 'defined', b: 2, c: 3, dynCall_ii: 4, dynCall_vi: 5 });
		expect(run(patched)).toEqual(before);
	});
});

describe('the engine worker as served: startEarly', () => {
	type Message = { messageId?: number; requestId?: number; type: string; data: unknown };
	const ENGINE = '/_app/immutable/assets/duckdb-eh.x.wasm';

	/**
	 * A stand-in for the library's handler, with its protocol: INSTANTIATE reports progress, then
	 * answers OK once `ready` is called; anything else is answered OK at once.
	 */
	function fakeLibrary(scope: { onmessage: unknown; postMessage: (m: Message) => void }) {
		const asked: Message[] = [];
		let ready = () => {};
		scope.onmessage = async (e: { data: Message }) => {
			const m = e.data;
			asked.push(m);
			if (m.type === 'INSTANTIATE') {
				scope.postMessage({ messageId: 90, requestId: m.messageId, type: 'INSTANTIATE_PROGRESS', data: { bytesLoaded: 1 } });
				await new Promise<void>((r) => (ready = r));
			}
			scope.postMessage({ messageId: 91, requestId: m.messageId, type: 'OK', data: null });
		};
		return { asked, ready: () => ready() };
	}

	function worker(name: string | undefined) {
		const posted: Message[] = [];
		const scope = { name, onmessage: null as unknown, postMessage: (m: Message) => void posted.push(m) };
		const library = fakeLibrary(scope);
		startEarly(scope as Parameters<typeof startEarly>[0], ENGINE_NAME_PREFIX, EARLY_REQUEST_ID);
		const send = (data: Message) => (scope.onmessage as (e: { data: Message }) => Promise<void>)({ data });
		return { posted, send, library };
	}
	const tick = () => new Promise((r) => setTimeout(r, 0));

	it('starts the engine named in the worker name at once, and answers the page’s INSTANTIATE with that start’s result', async () => {
		const w = worker(`${ENGINE_NAME_PREFIX}${ENGINE}`);
		expect(w.library.asked).toEqual([{ messageId: EARLY_REQUEST_ID, type: 'INSTANTIATE', data: [ENGINE, null] }]);
		// Progress passes through; the early request's own answer is held back.
		expect(w.posted.map((m) => m.type)).toEqual(['INSTANTIATE_PROGRESS']);
		w.library.ready();
		await tick();
		expect(w.posted.map((m) => m.type)).toEqual(['INSTANTIATE_PROGRESS']);
		// The page asks: it gets the answer under its own request id, and the engine is not started twice.
		await w.send({ messageId: 0, type: 'INSTANTIATE', data: [ENGINE, null] });
		expect(w.posted.at(-1)).toEqual({ messageId: 91, requestId: 0, type: 'OK', data: null });
		expect(w.library.asked).toHaveLength(1);
		// Later requests go to the library as before.
		await w.send({ messageId: 1, type: 'OPEN', data: {} });
		expect(w.library.asked.at(-1)).toEqual({ messageId: 1, type: 'OPEN', data: {} });
		expect(w.posted.at(-1)).toEqual({ messageId: 91, requestId: 1, type: 'OK', data: null });
	});

	it('answers a page’s INSTANTIATE that comes before the engine is ready once it is', async () => {
		const w = worker(`${ENGINE_NAME_PREFIX}${ENGINE}`);
		const answered = w.send({ messageId: 0, type: 'INSTANTIATE', data: [ENGINE, null] });
		await tick();
		expect(w.posted.filter((m) => m.type === 'OK')).toEqual([]);
		w.library.ready();
		await answered;
		expect(w.posted.filter((m) => m.type === 'OK')).toEqual([{ messageId: 91, requestId: 0, type: 'OK', data: null }]);
	});

	it('starts nothing without the name, or for another engine’s URL hands the request to the library', async () => {
		const plain = worker(undefined);
		expect(plain.library.asked).toEqual([]);
		await plain.send({ messageId: 0, type: 'GET_VERSION', data: null });
		expect(plain.posted).toEqual([{ messageId: 91, requestId: 0, type: 'OK', data: null }]);
		const other = worker(`${ENGINE_NAME_PREFIX}${ENGINE}`);
		void other.send({ messageId: 0, type: 'INSTANTIATE', data: ['/other.wasm', null] });
		expect(other.library.asked.map((m) => m.data)).toEqual([
			[ENGINE, null],
			['/other.wasm', null]
		]);
	});

	/**
	 * The library's worker as built, run in a bare worker-like global with this `fetch`: what it
	 * posts, the URLs it made requests for, and its message handler.
	 */
	function servedWorker(fetch: (r: { url: string }) => Promise<unknown>) {
		const posted: Message[] = [];
		const requested: string[] = [];
		const scope: Record<string, unknown> = {
			name: `${ENGINE_NAME_PREFIX}${ENGINE}`,
			console: { log() {}, warn() {}, error() {} },
			postMessage: (m: Message) => void posted.push(m),
			Request: class {
				constructor(readonly url: string) {
					requested.push(url);
				}
			},
			fetch,
			setTimeout,
			clearTimeout,
			TextDecoder,
			TextEncoder,
			WebAssembly
		};
		scope.self = scope;
		const served = engineWorkerSource(installed);
		expect(served.skipped).toEqual([]);
		expect(served.source).not.toContain('sourceMappingURL');
		runInNewContext(served.source, scope);
		const send = (data: Message) => (scope.onmessage as (e: { data: Message }) => Promise<void>)({ data });
		return { posted, requested, send };
	}
	const answers = (posted: Message[]) => posted.filter((m) => m.type === 'ERROR' || m.type === 'OK');

	it('in the served worker, an engine that cannot be fetched at all fails the page’s INSTANTIATE, naming the file, instead of leaving it unanswered', async () => {
		const w = servedWorker(() => Promise.reject(new TypeError('Failed to fetch')));
		const answered = w.send({ messageId: 0, type: 'INSTANTIATE', data: [ENGINE, null] });
		await Promise.race([answered, new Promise((r) => setTimeout(r, 2_000))]);
		expect(answers(w.posted)).toEqual([{ messageId: EARLY_REQUEST_ID, requestId: 0, type: 'ERROR', data: { name: 'Error', message: `mesin tidak dapat diunduh / the engine could not be fetched: ${ENGINE}: Failed to fetch` } }]);
	});

	it('in the served worker, the library asks for the engine before any message, and the page’s INSTANTIATE does not ask again', async () => {
		// A fetch that never answers.
		const fetched: string[] = [];
		const w = servedWorker((r) => (fetched.push(r.url), new Promise(() => {})));
		await tick();
		expect(w.requested).toEqual([ENGINE]);
		expect(fetched).toEqual([ENGINE]);
		void w.send({ messageId: 0, type: 'INSTANTIATE', data: [ENGINE, null] });
		await tick();
		// The page's request waits for the start under way: no second fetch, no "already initialized".
		expect(fetched).toEqual([ENGINE]);
		expect(answers(w.posted)).toEqual([]);
	});
});

describe('DuckDB-WASM worker patch: the engine is compiled from the Response as fetched', () => {
	/** The library's instantiateWasm method, run with a fetch that answers `fetched`: what instantiateStreaming is handed, resolved. */
	async function handedOver(source: string): Promise<{ handed: unknown; fetched: object; warnings: number }> {
		const from = source.indexOf('instantiateWasm(e,t){');
		const to = source.indexOf('}else if(typeof XMLHttpRequest=="function")', from);
		expect(from).toBeGreaterThan(0);
		expect(to).toBeGreaterThan(from);
		const method = `${source.slice(from, to)}}}`;
		const fetched = { body: null, headers: { get: () => null } };
		let handed: unknown = null;
		let warnings = 0;
		const context = {
			globalThis: {} as Record<string, unknown>,
			WebAssembly: { instantiateStreaming: (r: unknown) => ((handed = r), new Promise(() => {})) },
			TransformStream: class {},
			Request: class {
				constructor(readonly url: string) {}
			},
			Response: class {
				constructor(readonly body: unknown) {}
			},
			fetch: async () => fetched,
			console: { warn: () => warnings++ },
			self: { mainModuleURL: 'duckdb-eh.wasm', onInstantiationProgress: [], _runtime: {} }
		};
		runInNewContext(`({ ${method} }).instantiateWasm.call(self, {}, () => {})`, context);
		return { handed: await handed, fetched, warnings };
	}

	it('hands instantiateStreaming the fetched Response itself (the one Chrome can cache the compiled code for), with no warning', async () => {
		const after = await handedOver(patched);
		expect(after.handed).toBe(after.fetched);
		expect(after.warnings).toBe(0);
	});

	it('where the library handed over a copy it made to count the bytes', async () => {
		const before = await handedOver(installed);
		expect(before.handed).not.toBe(before.fetched);
		expect(before.handed).toBeInstanceOf(Object);
	});
});
