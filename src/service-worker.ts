/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use: the app shell is cached at install; data the page loaded is cached by the page
 * (src/lib/offline/remember.ts, cache DATA_CACHE; the page also removes the files of earlier extracts, prune.ts),
 * which `caches.match` searches too. When the network fails, the last copies answer. Which request
 * gets which treatment is decided in src/lib/offline/policy.ts.
 */
import { build, files, prerendered, version } from '$service-worker';
import { IMMUTABLE_ROUTES, SHELL_CACHE_PREFIX, networkCache, pageFallbacks, shellCache, shellPaths, strategyFor, type Strategy } from '$lib/offline/policy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${version}`;
const SHELL = shellPaths(build, files, prerendered);
const SHELL_SET = new Set(SHELL);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		Promise.all([
			caches
				.open(SHELL_CACHE)
				.then((c) => c.addAll(SHELL.map((p) => new Request(p, { cache: shellCache(p) }))))
				.then(() => sw.skipWaiting()),
			addStaticRoutes(event)
		])
	);
});

/**
 * Files named by their content are read from the caches by the browser itself, without a round trip
 * through this worker's fetch handler (the static routing API, Chrome 123+; elsewhere the handler
 * below does the same): a warm visit's ~30 module files and its extract files. A file in no cache
 * goes to the network.
 */
function addStaticRoutes(event: ExtendableEvent): Promise<void> {
	const install = event as ExtendableEvent & { addRoutes?: (rules: readonly object[]) => Promise<void> };
	if (!install.addRoutes) return Promise.resolve();
	return install
		.addRoutes(IMMUTABLE_ROUTES.map((urlPattern) => ({ condition: { urlPattern, requestMethod: 'GET' }, source: 'cache' })))
		.catch((e: unknown) => console.warn('static routes not added', e));
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(SHELL_CACHE_PREFIX) && k !== SHELL_CACHE).map((k) => caches.delete(k))))
	);
});

async function firstMatch(paths: readonly string[]): Promise<Response | undefined> {
	for (const p of paths) {
		const hit = await caches.match(p, { ignoreSearch: true });
		if (hit) return hit;
	}
	return undefined;
}

async function networkFirst(request: Request, strategy: Strategy, fallbacks: readonly string[]): Promise<Response> {
	const cache = networkCache(strategy, request.cache);
	try {
		return await fetch(cache === request.cache ? request : new Request(request, { cache }));
	} catch (err) {
		const hit = (await caches.match(request, { ignoreSearch: true })) ?? (await firstMatch(fallbacks));
		if (hit) return hit;
		throw err;
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	return (await caches.match(request)) ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const r = event.request;
	const strategy = strategyFor({ url: r.url, method: r.method, mode: r.mode, hasRange: r.headers.has('range') }, sw.location.origin, SHELL_SET);
	if (strategy === 'bypass') return;
	if (strategy === 'immutable') event.respondWith(cacheFirst(r));
	else if (strategy === 'page') event.respondWith(networkFirst(r, strategy, pageFallbacks(new URL(r.url).pathname)));
	else event.respondWith(networkFirst(r, strategy, []));
});
