/**
 * Gzip and Brotli copies of the built site's files, written beside each one (`x.js.gz`, `x.js.br`)
 * for a web server that serves them as they are (nginx `gzip_static` / `brotli_static`, Caddy
 * `file_server precompressed`, sirv `gzip`/`brotli`): DuckDB's 23.6 MB engine goes out as 4.7 MB
 * (Brotli) or 6.2 MB (gzip), with no CPU spent per request and better ratios than on-the-fly levels.
 *
 * Compressing costs seconds (the engine's Brotli alone ~3 s), so every result is kept under
 * node_modules/.cache by the SHA-256 of the file's bytes: a rebuild whose files did not change
 * only copies. The browser decodes Content-Encoding before any script sees the bytes, so the
 * SHA-256 the app checks for each extract file is that of the original, whichever copy is served.
 *
 * `precompressDir` may be run again on a folder whose files were replaced (a new month's extract on
 * the server, `npx tsx scripts/precompress.ts build`): it rewrites every copy and removes the copies
 * whose file is gone or no longer worth compressing, so a server never serves a stale `.gz`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, renameSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { PRECOMPRESSED_EXTENSIONS } from '../deploy/headers.ts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Smaller files gain too little to be worth a second request path (and nginx's own default is alike). */
export const MIN_BYTES = 1024;
/** A copy must save at least a tenth, else serving the original costs the client nothing more. */
export const MAX_RATIO = 0.9;
export const GZIP_LEVEL = 9;
/**
 * Brotli's quality 11 saves a further 10–30 % on text (the national GeoJSON: 316 → 218 KB) but takes
 * ~1.6 s per MB; above this size quality 9 keeps a cold build fast (the engine: 4.70 MB in 3 s at 9,
 * where 11 would take over a minute; a district database gains 1 % from 5 to 9).
 */
export const BROTLI_LARGE_BYTES = 2 * 1024 * 1024;
export const BROTLI_QUALITY_SMALL = 11;
export const BROTLI_QUALITY_LARGE = 9;
/** Bump when the compression changes, so cached results are made again. */
const CACHE_VERSION = 1;
/** Cached results not used for this long are removed (a build's hashed chunks change with every edit). */
const CACHE_MAX_AGE_MS = 30 * 86_400_000;

export const ENCODINGS = [
	{ suffix: '.br', name: 'br' },
	{ suffix: '.gz', name: 'gzip' }
] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const DEFAULT_CACHE_DIR = join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'slrt-precompress');

/** Whether a file of this name and size is worth trying to compress at all. */
export function isCompressible(path: string, size: number): boolean {
	return size >= MIN_BYTES && (PRECOMPRESSED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

export function brotliQuality(size: number): number {
	return size > BROTLI_LARGE_BYTES ? BROTLI_QUALITY_LARGE : BROTLI_QUALITY_SMALL;
}

function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
	if (encoding.name === 'gzip') return gzip(bytes, { level: GZIP_LEVEL });
	return brotli(bytes, {
		params: {
			[zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(bytes.length),
			[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

/** The cache's name for a file's compressed copy: its content and everything that shapes the result. */
export function cacheKey(bytes: Buffer, encoding: Encoding): string {
	const params = encoding.name === 'gzip' ? `gzip ${GZIP_LEVEL}` : `br ${brotliQuality(bytes.length)}`;
	return createHash('sha256').update(bytes).update(`\0${params} v${CACHE_VERSION} zlib ${process.versions.zlib} brotli ${process.versions.brotli ?? ''}`).digest('hex');
}

/** Every file under `dir` (symbolic links followed), as paths relative to it. */
function filesUnder(dir: string, base = dir): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const abs = join(dir, name);
		const s = statSync(abs);
		if (s.isDirectory()) out.push(...filesUnder(abs, base));
		else if (s.isFile()) out.push(relative(base, abs));
	}
	return out;
}

/** Whether `path` is a copy this module writes (of a file type it compresses). */
function isVariant(path: string): boolean {
	const e = ENCODINGS.find((x) => path.endsWith(x.suffix));
	return !!e && (PRECOMPRESSED_EXTENSIONS as readonly string[]).includes(extname(path.slice(0, -e.suffix.length)).toLowerCase());
}

export interface PrecompressSummary {
	/** Files looked at (copies excluded). */
	files: number;
	/** Copies written, by encoding. */
	written: Record<Encoding['name'], number>;
	bytesIn: number;
	bytesOut: Record<Encoding['name'], number>;
	/** Copies made now, not taken from the cache. */
	compressed: number;
	/** Copies removed: their file is gone or no longer gains enough. */
	removed: number;
	ms: number;
}

/** One result: the compressed bytes, or null when they would not save enough (remembered as such). */
async function cached(bytes: Buffer, encoding: Encoding, cacheDir: string, made: { n: number }): Promise<Buffer | null> {
	const file = join(cacheDir, cacheKey(bytes, encoding).slice(0, 32) + encoding.suffix);
	const skip = `${file}.skip`;
	const now = new Date();
	if (existsSync(file)) {
		utimesSync(file, now, now);
		return readFileSync(file);
	}
	if (existsSync(skip)) {
		utimesSync(skip, now, now);
		return null;
	}
	made.n++;
	const out = await compress(bytes, encoding);
	const worth = out.length < bytes.length * MAX_RATIO;
	const tmp = `${worth ? file : skip}.tmp-${process.pid}`;
	writeFileSync(tmp, worth ? out : '');
	renameSync(tmp, worth ? file : skip);
	return worth ? out : null;
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]);
	}));
}

/** Writes (or rewrites) the `.gz` and `.br` copies of every compressible file under `dir`; see the module's comment. */
export async function precompressDir(dir: string, opts: { cacheDir?: string } = {}): Promise<PrecompressSummary> {
	const started = performance.now();
	const cacheDir = opts.cacheDir ?? process.env.SLRT_PRECOMPRESS_CACHE ?? DEFAULT_CACHE_DIR;
	mkdirSync(cacheDir, { recursive: true });
	const all = filesUnder(dir);
	const variants = all.filter(isVariant);
	const originals = all.filter((f) => !isVariant(f));
	const kept = new Set<string>();
	const made = { n: 0 };
	const summary: PrecompressSummary = { files: originals.length, written: { br: 0, gzip: 0 }, bytesIn: 0, bytesOut: { br: 0, gzip: 0 }, compressed: 0, removed: 0, ms: 0 };
	// Largest first, so the engine does not start last and leave one core idle.
	const todo = originals
		.map((f) => ({ f, s: statSync(join(dir, f)) }))
		.filter(({ f, s }) => isCompressible(f, s.size))
		.sort((a, b) => b.s.size - a.s.size);
	await eachLimited(todo, Math.max(1, availableParallelism()), async ({ f, s }) => {
		const bytes = readFileSync(join(dir, f));
		summary.bytesIn += bytes.length;
		for (const encoding of ENCODINGS) {
			const out = await cached(bytes, encoding, cacheDir, made);
			if (!out) continue;
			const target = join(dir, f + encoding.suffix);
			// A copy in place of a link (a served folder made of symlinks) would write through it: replace the link.
			rmSync(target, { force: true });
			writeFileSync(target, out);
			// The same Last-Modified whichever copy a server sends, so a revalidation answers 304 for all.
			utimesSync(target, s.atime, s.mtime);
			kept.add(f + encoding.suffix);
			summary.written[encoding.name]++;
			summary.bytesOut[encoding.name] += out.length;
		}
	});
	for (const v of variants) {
		if (kept.has(v)) continue;
		rmSync(join(dir, v), { force: true });
		summary.removed++;
	}
	pruneCache(cacheDir);
	summary.compressed = made.n;
	summary.ms = performance.now() - started;
	return summary;
}

function pruneCache(cacheDir: string): void {
	const cutoff = Date.now() - CACHE_MAX_AGE_MS;
	for (const name of readdirSync(cacheDir)) {
		const p = join(cacheDir, name);
		try {
			if (statSync(p).mtimeMs < cutoff) rmSync(p, { force: true });
		} catch {
			// Removed by a build running beside this one.
		}
	}
}

const mb = (n: number) => (n / 1e6).toFixed(1);

export function describeSummary(s: PrecompressSummary): string {
	return `${s.written.br} .br + ${s.written.gzip} .gz copies of ${s.files} files: ${mb(s.bytesIn)} MB → ${mb(s.bytesOut.br)} MB br / ${mb(s.bytesOut.gzip)} MB gzip; ${s.compressed} compressed now, the rest from the cache; ${s.removed} stale removed; ${(s.ms / 1000).toFixed(1)} s`;
}

/**
 * Vite plugin: precompresses the adapter's output once it is written. SvelteKit runs its adapter in
 * the server build's closeBundle (after the nested client build), so this hook runs in that build
 * only, after SvelteKit's own (both sequential; this one ordered last). `outDir` is the adapter's
 * `pages` folder (svelte.config.js).
 */
export function precompress(outDir = join(import.meta.dirname, '..', '..', 'build')): Plugin {
	let config: ResolvedConfig;
	return {
		name: 'slrt-precompress',
		apply: 'build',
		configResolved(c) {
			config = c;
		},
		closeBundle: {
			sequential: true,
			order: 'post',
			async handler() {
				if (!config.build.ssr || process.env.VITEST || !existsSync(join(outDir, 'index.html'))) return;
				const s = await precompressDir(outDir);
				config.logger.info(`[precompress] ${dirname(outDir) === config.root ? relative(config.root, outDir) : outDir}: ${describeSummary(s)}`);
			}
		}
	};
}
