/**
 * `npm start` (vite preview) sends the build's `.br`/`.gz` copies, as docs/deploy/nginx.conf does.
 *
 * Left alone, vite preview serves SvelteKit's output through sirv without its `brotli`/`gzip` options
 * and compresses on the fly only text, JavaScript and JSON types: DuckDB's 23.6 MB engine went out
 * whole. This middleware runs before both (a pre hook of configurePreviewServer) and answers any GET
 * whose file in build/ has a copy the request accepts, with headersFor's Cache-Control and
 * Content-Type; anything else (ranges, files without a copy) goes on to vite preview unchanged.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { headersFor } from '../deploy/headers.ts';
import { accepts } from '../lib/static-server.ts';
import { ENCODINGS } from './precompress.ts';

/** The file of build/ a path names: itself, or the prerendered page (`/peta` → `peta.html`, `/` → `index.html`). */
function builtFile(root: string, pathname: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	const abs = join(root, normalize('/' + decoded));
	if (!abs.startsWith(root + sep) && abs !== root) return null;
	for (const f of [abs, join(abs, 'index.html'), abs.replace(/[\\/]+$/, '') + '.html']) if (existsSync(f) && statSync(f).isFile()) return f;
	return null;
}

export function servePrecompressed(root: string) {
	return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
		if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range) return next();
		const url = new URL(req.url ?? '/', 'http://x');
		const headers = headersFor(url.pathname, url.search);
		const file = headers.precompressed ? builtFile(root, url.pathname) : null;
		const accept = String(req.headers['accept-encoding'] ?? '');
		const encoding = file && ENCODINGS.find((e) => accepts(accept, e.name) && existsSync(file + e.suffix));
		if (!file || !encoding) return next();
		const copy = statSync(file + encoding.suffix);
		const lastModified = statSync(file).mtime;
		res.setHeader('Content-Type', headersFor(file.slice(root.length)).contentType);
		res.setHeader('Cache-Control', headers.cacheControl);
		res.setHeader('Vary', 'Accept-Encoding');
		res.setHeader('Last-Modified', lastModified.toUTCString());
		const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
		if (Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000)) {
			res.statusCode = 304;
			res.end();
			return;
		}
		res.setHeader('Content-Encoding', encoding.name);
		res.setHeader('Content-Length', copy.size);
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		createReadStream(file + encoding.suffix).pipe(res);
	};
}

/** Vite plugin: the middleware above for `vite preview`, serving from the adapter's output folder. */
export function previewPrecompressed(outDir = join(import.meta.dirname, '..', '..', 'build')): Plugin {
	return {
		name: 'slrt-preview-precompressed',
		apply: 'serve',
		configurePreviewServer(server) {
			server.middlewares.use(servePrecompressed(outDir));
		}
	};
}
