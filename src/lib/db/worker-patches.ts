/**
 * Five patches to DuckDB-WASM's worker source that cut the cost of its start.
 *
 * The library's worker is an Emscripten MAIN_MODULE build: after compiling the WASM it runs
 * Emscripten's dynamic-linking bookkeeping over all 75,011 exports of the module (65,167 functions).
 * Among other things it makes a GOT entry for every export and places every exported function in
 * the function table, although the module imports only 268 GOT entries and this app never loads a
 * side module. A worker trace puts this bookkeeping at about a second of JavaScript on each start,
 * as much as compiling the WASM.
 *
 * The build applies them (`engineWorkerSource`, called by scripts/build/duckdb-engine.ts) and serves
 * the result as the engine's worker script, which duckdb.ts starts. Each patch replaces one exact piece
 * of the minified source and keeps its meaning for every GOT entry that exists. A patch that no
 * longer matches (another library version) is left out and reported by the build: the engine then
 * starts as before, only slower. `worker-patches.test.ts` checks that every patch matches the
 * installed version exactly once and does what the original did.
 */

export interface SourcePatch {
	name: string;
	find: string;
	replace: string;
}

export const WORKER_PATCHES: readonly SourcePatch[] = [
	{
		// Update the GOT entries that exist (the module's imports, made while instantiating) instead of
		// creating one per export and putting every exported function in the table. Entries asked for
		// later (a side module) are resolved by reportUndefinedSymbols from wasmImports, as before.
		name: 'updateGOT: existing entries only',
		find: 'updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&',
		replace: 'updateGOT=(e,t)=>{for(var r in e){var n=r.startsWith("orig$")?r.split("$")[1]:r;if(n!==r&&(t=!0),!GOT[n]||isInternalSym(r))continue;n=e[r],r.startsWith("orig$")&&(r=r.split("$")[1]),(t||GOT[r].value==0)&&'
	},
	{
		// The same loops without an [key, value] array per export.
		name: 'registerDynCallSymbols: keys only',
		find: 'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
		replace: 'registerDynCallSymbols=e=>{for(var t in e)t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=e[t])}'
	},
	{
		// The few exports whose results need converting as own properties of an object that reads the
		// others from the exports through its prototype, instead of a copy of all 75,011 first. After
		// this call the worker reads exports only by name (worker-patches.test.ts checks the source).
		name: 'applySignatureConversions: no copy of every export',
		find: 'function applySignatureConversions(e){e=Object.assign({},e);',
		replace: 'function applySignatureConversions(e){e=Object.create(e);'
	},
	{
		// The engine's Response as fetched goes to instantiateStreaming. The library wraps its body in a
		// TransformStream to report download progress (which this app does not ask for) and hands over
		// a Response it constructs: one without a URL, which Chrome's WebAssembly code cache cannot be
		// keyed by, so every visit compiles all 24 MB again (~0.5 s of top-tier compiling and ~0.25 s of
		// validating, in a trace of a second visit). What is left is the library's own branch for
		// browsers without TransformStream, less its console warning.
		name: 'instantiateWasm: the fetched Response, not a progress-reporting copy',
		find: 'if(typeof TransformStream=="function"){let a=(async()=>{var g;let l=new Request(this.mainModuleURL),c=await fetch(l),u=c.headers.get("content-length"),_=u&&parseInt(u,10)||0,d=new Date,p={startedAt:d,updatedAt:d,bytesTotal:_||0,bytesLoaded:0},f={transform(v,h){p.bytesLoaded+=v.byteLength;let y=new Date;if(y.getTime()-p.updatedAt.getTime()<20){p.updatedAt=y,h.enqueue(v);return}for(let S of r)S(p);h.enqueue(v)}},m=new TransformStream(f);return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)})();WebAssembly.instantiateStreaming(a,e).then(l=>{t(l.instance,l.module)})}else{console.warn("instantiating without progress handler since transform streams are unavailable");',
		replace: '{'
	},
	{
		name: 'mergeLibSymbols: keys only',
		find: 'for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}',
		replace: 'for(var r in e)isSymbolDefined(r)||(wasmImports[r]=e[r])}'
	}
];

/** The source with every patch that matches exactly once applied; the names of those that did not. */
export function patchSource(source: string, patches: readonly SourcePatch[]): { source: string; skipped: string[] } {
	const skipped: string[] = [];
	for (const p of patches) {
		const at = source.indexOf(p.find);
		if (at < 0 || source.indexOf(p.find, at + 1) >= 0) skipped.push(p.name);
		else source = source.slice(0, at) + p.replace + source.slice(at + p.find.length);
	}
	return { source, skipped };
}

/** A worker's `name` that asks it to start its engine at once: this prefix, then the engine's URL. */
export const ENGINE_NAME_PREFIX = 'slrt-engine:';

/** The id of the INSTANTIATE request the worker makes itself (the page's own ids count up from 0). */
export const EARLY_REQUEST_ID = -1;

/**
 * Runs in the worker right after the library's source, which has set `onmessage`: when the worker's
 * name carries the engine's URL (ENGINE_NAME_PREFIX), it hands the library's handler an INSTANTIATE
 * request of its own at once, holds that request's answer back, and gives it to the page's
 * INSTANTIATE for the same URL when it arrives (at once if the engine is ready, else when it is).
 * Everything else, progress reports included, passes through unchanged.
 *
 * Why: a message posted to a worker before its script has run is queued by the browser and handed
 * on by the page's main thread once it is free, and at that moment the page is drawing its first
 * chart. The engine's start (compiling 24 MB of WASM, then DuckDB's own set-up) then began up to
 * 0.3 s after the worker was ready. Passed as source text: it refers to nothing outside itself.
 */
export function startEarly(
	scope: { name?: string; onmessage: ((e: { data: any }) => unknown) | null; postMessage: (m: any, transfer?: Transferable[]) => void; fetch?: (input: any, init?: any) => Promise<any> },
	prefix: string,
	earlyId: number
): void {
	const name = typeof scope.name === 'string' ? scope.name : '';
	const library = scope.onmessage;
	if (!name.startsWith(prefix) || typeof library !== 'function') return;
	const engine = name.slice(prefix.length);
	const post = scope.postMessage.bind(scope);
	let settle: (m: any) => void = () => {};
	let answer: Promise<any> | null = new Promise((resolve) => (settle = resolve));
	scope.postMessage = (m, transfer) => (m && m.requestId === earlyId && m.type !== 'INSTANTIATE_PROGRESS' ? settle(m) : post(m, transfer));
	// When the engine cannot be fetched at all (the network fails), the library never answers: its
	// fetch's rejection goes unhandled. Answer for it, naming the file, and leave its fetch pending.
	const fetchOf = scope.fetch;
	if (typeof fetchOf === 'function') {
		scope.fetch = (input, init) => {
			const url = typeof input === 'string' ? input : input && input.url;
			const response = fetchOf.call(scope, input, init);
			if (typeof url !== 'string' || !url.endsWith(engine)) return response;
			return response.catch((e: any) => {
				settle({ messageId: earlyId, requestId: earlyId, type: 'ERROR', data: { name: 'Error', message: `mesin tidak dapat diunduh / the engine could not be fetched: ${engine}: ${e && e.message ? e.message : String(e)}` } });
				return new Promise(() => {});
			});
		};
	}
	scope.onmessage = async (e) => {
		const m = e.data;
		if (answer && m && m.type === 'INSTANTIATE' && Array.isArray(m.data) && m.data[0] === engine) {
			const a = await answer;
			answer = null;
			post({ ...a, requestId: m.messageId });
			return;
		}
		return library(e);
	};
	void library({ data: { messageId: earlyId, type: 'INSTANTIATE', data: [engine, null] } });
}

/**
 * The engine's worker as the app serves it, made at build time (scripts/build/duckdb-engine.ts):
 * the library's worker with WORKER_PATCHES applied, then `startEarly`. Patches that do not match are
 * named in `skipped`: the worker then runs as the library's does, only slower to start.
 */
export function engineWorkerSource(librarySource: string): { source: string; skipped: string[] } {
	const { source, skipped } = patchSource(librarySource, WORKER_PATCHES);
	// The library's source map would not describe the patched source.
	const unmapped = source.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
	return { source: `${unmapped}\n;(${startEarly.toString()})(globalThis, ${JSON.stringify(ENGINE_NAME_PREFIX)}, ${EARLY_REQUEST_ID});\n`, skipped };
}
