/**
 * Four patches to DuckDB-WASM's worker source that cut the cost of its start.
 *
 * The library's worker is an Emscripten MAIN_MODULE build: after compiling the WASM it runs
 * Emscripten's dynamic-linking bookkeeping over all 75,011 exports of the module (65,167 functions).
 * Among other things it makes a GOT entry for every export and places every exported function in
 * the function table, although the module imports only 268 GOT entries and this app never loads a
 * side module. A worker trace puts this bookkeeping at about a second of JavaScript on each start,
 * as much as compiling the WASM.
 *
 * duckdb.ts starts the worker from `bootSource`: a few lines that fetch the library's worker source
 * (~800 KB, from the HTTP cache after the first visit) inside the new worker, apply the patches
 * below and run it, so the main thread only creates the worker. Each patch replaces one exact piece
 * of the minified source and keeps its meaning for every GOT entry that exists. A patch that no
 * longer matches (another library version) is left out and reported on the console: the engine then
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

/**
 * The source of a classic worker (run from a blob URL) that reads the library's worker from
 * `workerUrl` (absolute), applies WORKER_PATCHES with patchSource (passed as its source text, which
 * refers to nothing outside itself) and runs the result; when the source cannot be read, it loads
 * the library's worker unpatched. A server that answers with an HTML page instead (an app's
 * fallback page for a missing file) fails the start naming the file. Warnings go to the console.
 */
export function bootSource(workerUrl: string): string {
	return `const patchSource = ${patchSource.toString()};
let source = null;
let html = false;
try {
	const xhr = new XMLHttpRequest();
	xhr.open('GET', ${JSON.stringify(workerUrl)}, false);
	xhr.send();
	if (xhr.status === 200) {
		source = xhr.responseText;
		html = /html/i.test(xhr.getResponseHeader('Content-Type') || '');
	}
} catch (e) {}
if (html) throw new Error(${JSON.stringify(workerUrl)} + ': halaman HTML, bukan JavaScript; berkas worker tidak ada di server? / an HTML page, not JavaScript; is the worker file missing on the server?');
if (source === null) importScripts(${JSON.stringify(workerUrl)});
else {
	const patched = patchSource(source, ${JSON.stringify(WORKER_PATCHES)});
	if (patched.skipped.length) console.warn('DuckDB-WASM worker: patches not applied (another library version?): ' + patched.skipped.join('; '));
	importScripts(URL.createObjectURL(new Blob([patched.source], { type: 'text/javascript' })));
}
`;
}
