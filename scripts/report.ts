/**
 * npm run report -- 33.28 75.01 [33.28.10] [--periode 2025-11..2026-10] [--lang en] [--internal] [--out laporan]
 *
 * The printable briefing (/laporan) of each district (or kecamatan, by its code) as an A4 PDF, from the built app served
 * locally and printed by headless Chromium: the same page a user prints from the browser.
 * Builds the app first when build/ is missing. Without --internal, counts of 1–4 households are
 * suppressed; with it, every page and the file name say RAHASIA.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '../src/lib/contract/manifest';
import { parsePeriodParam } from '../src/lib/overview/period';
import { DESA_CODE, dotted, linkNotes, periodNoteLine } from '../src/lib/state/view';
import { closeProfile, launchProfile } from './lib/chromium';
import { startStaticServer } from './lib/static-server';

const ROOT = resolve(import.meta.dirname, '..');
/** A district's code (33.28) or a kecamatan's (33.28.10): a kecamatan's briefing is of it alone. */
const KODE_AREA = /^\d{2}\.\d{2}(\.\d{2})?$/;
/** A desa's code has no briefing of its own: it is named as such, with its kecamatan's. */
const desaRefused = (code: string) =>
	`${code} adalah kode desa; laporan dibuat untuk kabupaten atau kecamatan (${code.slice(0, 8)}) / ${code} is a village code; briefings are made for a district or sub-district (${code.slice(0, 8)})`;
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
		else if (a === '--lang') {
			const lang = argv[++i];
			if (lang !== 'id' && lang !== 'en') throw new Error(`--lang harus id atau en, bukan "${lang ?? ''}" / --lang must be id or en, not "${lang ?? ''}"`);
			args.lang = lang;
		}
		else if (a === '--internal') args.internal = true;
		else if (a === '--out') args.out = resolve(argv[++i] ?? 'laporan');
		else if (KODE_AREA.test(dotted(a))) args.districts.push(dotted(a));
		else if (DESA_CODE.test(dotted(a))) throw new Error(desaRefused(dotted(a)));
		else throw new Error(`Argumen tidak dikenal / unknown argument: "${a}" (kode kabupaten seperti 33.28 atau kecamatan seperti 33.28.10, --periode YYYY-MM..YYYY-MM, --lang en, --internal, --out DIR)`);
	}
	if (!args.districts.length) throw new Error('Sebutkan minimal satu kode kabupaten/kota / name at least one district code, e.g. npm run report -- 33.28 75.01');
	// Readable at all (the data's own months are checked against the manifest in main, periodProblem).
	if (args.periode !== null && (!/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/.test(args.periode) || !parsePeriodParam(args.periode, { start: '0000-01', end: '9999-12' })))
		throw new Error(`--periode harus YYYY-MM..YYYY-MM, bulan awal tidak setelah bulan akhir, bukan "${args.periode}" / --periode must be YYYY-MM..YYYY-MM, the first month not after the last, not "${args.periode}"`);
	return args;
}

export function reportUrl(kode: string, a: Pick<ReportArgs, 'periode' | 'lang' | 'internal'>): string {
	const q = new URLSearchParams({ wilayah: kode });
	if (a.periode) q.set('periode', a.periode);
	if (a.lang === 'en') q.set('lang', 'en');
	if (a.internal) q.set('internal', '1');
	return `/laporan?${q}`;
}

/** The PDF's name: the area, the period it holds (the page's own), the language when English, RAHASIA when internal. */
export function reportFileName(kode: string, periode: string, internal: boolean, lang: 'id' | 'en' = 'id'): string {
	const base = `laporan_${kode}_${periode}${lang === 'en' ? '_en' : ''}`;
	return internal ? `RAHASIA_${base}_internal.pdf` : `${base}.pdf`;
}

/**
 * A --periode the data has no month of is an error (the page would print another period); one that
 * reaches outside the data is printed for the months it has, and says so: the page's own link
 * notice (state/view.ts), in the briefing's language.
 */
export function periodProblem(periode: string | null, m: Manifest, lang: 'id' | 'en'): { error?: string; warning?: string } {
	if (periode === null) return {};
	const { period } = linkNotes(new URLSearchParams({ periode }), m);
	if (!period) return {};
	// The page's sentence, of the command's --periode rather than of a link. A period refused prints
	// nothing, so there is nothing "shown instead" to name.
	return period.why === 'partly' ? { warning: periodNoteLine(period, m, lang, 'command') } : { error: periodNoteLine(period, m, lang, 'command', true) };
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
	const manifest = JSON.parse(readFileSync(join(build, 'extracts', 'manifest.json'), 'utf8')) as Manifest;
	const period = periodProblem(args.periode, manifest, args.lang);
	if (period.error) throw new Error(`GAGAL / FAILED — ${period.error}`);
	if (period.warning) console.error(`CATATAN / NOTE — ${period.warning}`);
	const unknown = unknownAreas(args.districts, manifest.areas);
	unknown.forEach((u) => console.error(`GAGAL / FAILED — ${u}`));
	const known = args.districts.filter((c) => !unknown.some((u) => u.startsWith(`${c}:`)));
	mkdirSync(args.out, { recursive: true });
	const server = await startStaticServer(build);
	// A profile of its own, removed when done (closeProfile).
	const ctx = await launchProfile({ viewport: { width: 1100, height: 1400 }, serviceWorkers: 'block' });
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
				// Named after the months the page shows, which a --periode reaching outside the data is not.
				const periode = (await laporan.getAttribute('data-periode')) ?? 'periode';
				const file = join(args.out, reportFileName(kode, periode, args.internal, args.lang));
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
		await closeProfile(ctx);
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
