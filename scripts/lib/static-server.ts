/**
 * Minimal static file server for the adapter-static build used by the e2e tests.
 *
 * Unlike `vite preview` it is fully under our control: GET and HEAD, single byte ranges
 * (`bytes=a-b`, `bytes=a-`, suffix `bytes=-N`) answered with 206 + Content-Range, proper
 * Content-Types (notably application/wasm for streaming compilation), and the SPA fallback
 * `200.html` for extension-less paths that have no file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf } from '../deploy/headers.ts';

/** The deployment's table (scripts/deploy/headers.ts), so the tests are served as a Dinas server would serve the app. */
export const contentType = contentTypeOf;

type Range = { start: number; end: number } | 'unsatisfiable' | null;

/** Parses a single-range `Range` header. Multi-range requests are served whole (null). */
export function parseRange(header: string | undefined, size: number): Range {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m) return null;
	const [, a, b] = m;
	if (a === '' && b === '') return null;
	let start: number;
	let end: number;
	if (a === '') {
		// suffix range: last N bytes
		const n = Number(b);
		if (n === 0) return 'unsatisfiable';
		start = Math.max(0, size - n);
		end = size - 1;
	} else {
		start = Number(a);
		end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
		if (b !== '' && Number(b) < start) return null; // syntactically invalid → ignore
	}
	if (start >= size || size === 0) return 'unsatisfiable';
	return { start, end };
}

async function fileAt(p: string): Promise<{ file: string; size: number; mtime: Date } | null> {
	try {
		const s = await stat(p);
		return s.isFile() ? { file: p, size: s.size, mtime: s.mtime } : null;
	} catch {
		return null;
	}
}

async function resolveFile(root: string, urlPath: string) {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return { status: 400 as const };
	}
	const abs = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
	if (abs !== root && !abs.startsWith(root + path.sep)) return { status: 403 as const };

	const direct = await fileAt(abs);
	if (direct) return { status: 200 as const, ...direct };

	const hasExt = path.posix.extname(decoded) !== '';
	if (!hasExt || decoded.endsWith('/')) {
		// prerendered pages: /x → x.html or x/index.html; otherwise the SPA fallback
		const candidates = [
			path.join(abs, 'index.html'),
			abs.replace(/[\\/]+$/, '') + '.html',
			path.join(root, '200.html')
		];
		for (const c of candidates) {
			const f = await fileAt(c);
			if (f) return { status: 200 as const, ...f };
		}
	}
	return { status: 404 as const };
}

/**
 * As a production server would: files named by their content (SvelteKit's `/_app/immutable/`, extract
 * files asked for with their content hash `?v=`) may be kept by the browser for good, which also lets
 * Chrome keep DuckDB's compiled WASM between visits; everything else is revalidated (304 when unchanged).
 */
function immutable(urlPath: string, params: URLSearchParams): boolean {
	return urlPath.startsWith('/_app/immutable/') || (urlPath.startsWith('/extracts/') && params.has('v'));
}

export interface StaticServer {
	url: string;
	port: number;
	close(): Promise<void>;
}

/**
 * `production`: the caching rules above. `unconfigured`: as a web server with no caching rules of its
 * own (nginx's and Apache's defaults): Last-Modified and no Cache-Control, so the browser may reuse a
 * file unasked for a tenth of its age (heuristic freshness).
 */
export type Caching = 'production' | 'unconfigured';

/** Whether an Accept-Encoding header accepts `encoding` (named with a quality above 0). */
export function accepts(acceptEncoding: string, encoding: string): boolean {
	return acceptEncoding.split(',').some((part) => {
		const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
		const q = params.find((p) => p.startsWith('q='));
		return name === encoding && (q === undefined || Number(q.slice(2)) > 0);
	});
}

/**
 * The copy of `file` to send for a request accepting `acceptEncoding`: its `.br`, else its `.gz`, as
 * nginx's brotli_static and gzip_static do; null for the file itself. A range is always of the file
 * itself (a range of a compressed copy is not a range of the file the client asked about).
 */
async function precompressedCopy(file: string, acceptEncoding: string | undefined, hasRange: boolean) {
	if (hasRange || !acceptEncoding) return null;
	for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
		if (!accepts(acceptEncoding, encoding)) continue;
		const f = await fileAt(file + suffix);
		if (f) return { encoding, ...f };
	}
	return null;
}

export interface StaticServerOptions {
	host?: string;
	port?: number;
	caching?: Caching;
	/**
	 * Send a file's `.br` or `.gz` copy (scripts/build/precompress.ts) when the request accepts it, as a
	 * production server configured by docs/deploy.md does. Off by default: the benchmark's figures are
	 * taken with the files sent as they are.
	 */
	precompressed?: boolean;
	/** Headers added to every answer (e.g. a Content-Security-Policy). */
	headers?: Readonly<Record<string, string>>;
}

export async function startStaticServer(rootDir: string, opts: StaticServerOptions = {}): Promise<StaticServer> {
	const root = path.resolve(rootDir);
	const host = opts.host ?? '127.0.0.1';

	const server = http.createServer(async (req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD' }).end();
				return;
			}
			const url = new URL(req.url ?? '/', 'http://x');
			const urlPath = url.pathname;
			const r = await resolveFile(root, urlPath);
			if (r.status !== 200) {
				res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8' });
				res.end(req.method === 'HEAD' ? undefined : `${r.status}\n`);
				return;
			}
			const headers: http.OutgoingHttpHeaders = {
				...opts.headers,
				'Content-Type': contentType(r.file),
				'Accept-Ranges': 'bytes',
				'Last-Modified': r.mtime.toUTCString(),
				...(opts.caching === 'unconfigured' ? {} : { 'Cache-Control': immutable(urlPath, url.searchParams) ? 'public, max-age=31536000, immutable' : 'no-cache' })
			};
			const copy = opts.precompressed ? await precompressedCopy(r.file, req.headers['accept-encoding'], !!req.headers.range) : null;
			if (opts.precompressed) headers['Vary'] = 'Accept-Encoding';
			if (copy) {
				headers['Content-Encoding'] = copy.encoding;
				Object.assign(r, { file: copy.file, size: copy.size });
			}
			const since = Date.parse(req.headers['if-modified-since'] ?? '');
			if (!req.headers.range && Number.isFinite(since) && Math.floor(r.mtime.getTime() / 1000) <= Math.floor(since / 1000)) {
				res.writeHead(304, headers).end();
				return;
			}
			const range = parseRange(req.headers.range, r.size);
			if (range === 'unsatisfiable') {
				res.writeHead(416, { ...headers, 'Content-Range': `bytes */${r.size}` }).end();
				return;
			}
			let status = 200;
			let start = 0;
			let end = r.size - 1;
			if (range) {
				status = 206;
				({ start, end } = range);
				headers['Content-Range'] = `bytes ${start}-${end}/${r.size}`;
			}
			headers['Content-Length'] = r.size === 0 ? 0 : end - start + 1;
			res.writeHead(status, headers);
			if (req.method === 'HEAD' || r.size === 0) {
				res.end();
				return;
			}
			const stream = createReadStream(r.file, { start, end });
			stream.on('error', () => res.destroy());
			res.on('close', () => stream.destroy());
			stream.pipe(res);
		} catch (err) {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(String(err));
		}
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://${host}:${port}`,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
