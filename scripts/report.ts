/**
 * npm run report -- 33.28 75.01 [33.28.10] [--periode 2025-11..2026-10] [--lang en] [--internal] [--out laporan]
 *
 * The printable briefing (/laporan) of each district (or kecamatan, by its code) as an A4 PDF, from the built app served
 * locally and printed by headless Chromium: the same page a user prints from the browser.
 * Builds the app first when build/ is missing. Without --internal, counts of 1–4 households are
 * suppressed; with it, every page and the file name say RAHASIA.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
/** A district's code (33.28) or a kecamatan's (33.28.10): a kecamatan's briefing is of it alone. */
const KODE_AREA = /^\d{2}\.\d{2}(\.\d{2})?$/;
/** A district's briefing is ready when its detailed data are loaded and drawn; this is the most it may take. */
const READY_TIMEOUT_MS = 180_000;

export interface ReportArgs {
	districts: string[];
	periode: string | null;
	lang: 'id' | 'en';
	internal: boolean;
	out: string;
}

export function parseReportArgs(argv: readonly string[]): ReportArgs {
	const args: ReportArgs = { districts: [], periode: null, lang: 'id', internal: false, out: join(ROOT, 'laporan') };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--periode') args.periode = argv[++i] ?? '';
		else if (a === '--lang') args.lang = argv[++i] === 'en' ? 'en' : 'id';
		else if (a === '--internal') args.internal = true;
		else if (a === '--out') args.out = resolve(argv[++i] ?? 'laporan');
		else if (KODE_AREA.test(a)) args.districts.push(a);
		else throw new Error(`Argumen tidak dikenal / unknown argument: "${a}" (kode kabupaten seperti 33.28 atau kecamatan seperti 33.28.10, --periode YYYY-MM..YYYY-MM, --lang en, --internal, --out DIR)`);
	}
	if (!args.districts.length) throw new Error('Sebutkan minimal satu kode kabupaten/kota / name at least one district code, e.g. npm run report -- 33.28 75.01');
	if (args.periode !== null && !/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/.test(args.periode)) throw new Error(`--periode harus YYYY-MM..YYYY-MM, bukan "${args.periode}"`);
	return args;
}

export function reportUrl(kode: string, a: Pick<ReportArgs, 'periode' | 'lang' | 'internal'>): string {
	const q = new URLSearchParams({ wilayah: kode });
	if (a.periode) q.set('periode', a.periode);
	if (a.lang === 'en') q.set('lang', 'en');
	if (a.internal) q.set('internal', '1');
	return `/laporan?${q}`;
}

export function reportFileName(kode: string, periode: string, internal: boolean): string {
	const base = `laporan_${kode}_${periode}`;
	return internal ? `RAHASIA_${base}_internal.pdf` : `${base}.pdf`;
}

/**
 * The codes the extract has no such district or kecamatan for, each with the reason: the page would
 * show the district (or nothing) instead, in a file named after the code asked for.
 */
export function unknownAreas(codes: readonly string[], areas: readonly { kode_kab: string; kecamatan: readonly { kode: string }[] }[]): string[] {
	const known = new Set(areas.flatMap((a) => [a.kode_kab, ...a.kecamatan.map((k) => k.kode)]));
	return codes.filter((c) => !known.has(c)).map((c) => `${c}: tidak ada di ekstrak ini / not in this extract`);
}

async function main(): Promise<void> {
	const args = parseReportArgs(process.argv.slice(2));
	const build = join(ROOT, 'build');
	if (!existsSync(join(build, 'index.html'))) {
		console.log('build/ belum ada; membangun aplikasi / building the app…');
		const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (r.status !== 0) throw new Error('vite build gagal / failed');
	}
	const unknown = unknownAreas(args.districts, JSON.parse(readFileSync(join(build, 'extracts', 'manifest.json'), 'utf8')).areas);
	unknown.forEach((u) => console.error(`GAGAL / FAILED — ${u}`));
	const known = args.districts.filter((c) => !unknown.some((u) => u.startsWith(`${c}:`)));
	mkdirSync(args.out, { recursive: true });
	const server = await startStaticServer(build);
	const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'laporan-')), {
		executablePath: chromiumPath(),
		args: CHROMIUM_ARGS,
		viewport: { width: 1100, height: 1400 },
		locale: 'id-ID',
		timezoneId: 'Asia/Jakarta',
		serviceWorkers: 'block'
	});
	let failed = 0;
	try {
		for (const kode of known) {
			const page = await ctx.newPage();
			const t0 = Date.now();
			try {
				await page.goto(server.url + reportUrl(kode, args));
				const laporan = page.locator('[data-testid="laporan"]');
				await page.waitForSelector('[data-testid="laporan"][data-status="ready"], [data-testid="laporan"][data-status="aggregate"]', { timeout: READY_TIMEOUT_MS });
				if ((await laporan.getAttribute('data-status')) !== 'ready') throw new Error('data rinci tidak dapat dimuat / detailed data could not be loaded');
				const periode = new URL(page.url()).searchParams.get('periode') ?? (await laporan.getAttribute('data-periode')) ?? 'periode';
				const file = join(args.out, reportFileName(kode, periode, args.internal));
				await page.emulateMedia({ media: 'print' });
				await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
				console.log(`${kode}: ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
			} catch (e) {
				failed++;
				console.error(`${kode}: GAGAL / FAILED — ${e instanceof Error ? e.message : String(e)}`);
			} finally {
				await page.close();
			}
		}
	} finally {
		await ctx.close();
		await server.close();
	}
	if (failed || unknown.length) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((e) => {
		console.error(e instanceof Error ? e.message : String(e));
		process.exit(1);
	});
}
