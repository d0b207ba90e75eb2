import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The SHA-256 of each inline script of src/app.html (it asks for the manifest as the page starts), for
 * the pages' Content-Security-Policy below.
 */
function appHtmlScriptHashes() {
	const html = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: true }),
		// Registered by the layout once the page is quiet (src/lib/offline/register.ts), not at start-up.
		serviceWorker: { register: false },
		// Each prerendered page carries a policy (<meta http-equiv>) allowing only its own inline scripts,
		// by hash: SvelteKit's bootstrap (which names this build's files) and app.html's. The server's
		// policy (scripts/deploy/headers.ts, CSP_DIRECTIVES) cannot name hashes that change with each build;
		// the browser enforces both, so this one keeps out any other inline script.
		csp: {
			mode: 'hash',
			directives: {
				'script-src': ['self', 'wasm-unsafe-eval', ...appHtmlScriptHashes()],
				'worker-src': ['self', 'blob:']
			}
		}
	}
};

export default config;
