/**
 * The page's first figures come from the pipeline's ringkasan summaries; once DuckDB-WASM is
 * ready they come from HEADLINE_SQL/TREND_SQL on the Parquet extracts. Both must agree exactly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/contract/manifest';
import { completeTrend, HEADLINE_SQL, headlineFromSummaries, headlineParams, TREND_SQL, type DistrictSummary, type ProvinceSummary, type Headline, type TrendPoint } from '../../src/lib/overview/headline';
import { monthFromIndex, monthIndex, type Period } from '../../src/lib/overview/period';
import { loadKnownDesaCodes } from '../demo/reference';
import { runExtract } from './extract';
import { EXTRACT_DATE, MONTHS, writeExport } from './test-export';
import { nativeForTests, viewsOver } from './test-native';

const STATIC_EXTRACTS = join(import.meta.dirname, '..', '..', 'static', 'extracts');
/** Tables the headline reads; each becomes a view over its Parquet files. */
const HEADLINE_TABLES = ['rumah_tangga', 'keluhan', 'rujukan', 'puskesos'] as const;

const conn = nativeForTests();
let tmp: string;

beforeAll(() => {
	tmp = mkdtempSync(join(tmpdir(), 'slrt-summary-'));
});
afterAll(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function summariesOf(dir: string, manifest: Manifest): DistrictSummary[] {
	return manifest.summaries.map((s) => JSON.parse(readFileSync(join(dir, s.path), 'utf8')));
}

/** The province roll-up the pipeline wrote for a province. */
function provinceSummaryOf(dir: string, manifest: Manifest, kodeProv: string): ProvinceSummary {
	const entry = manifest.province_summaries?.find((s) => s.kode_prov === kodeProv);
	if (!entry) throw new Error(`no province summary for ${kodeProv} in the manifest`);
	return JSON.parse(readFileSync(join(dir, entry.path), 'utf8'));
}

async function fromSql(schema: string, area: string, period: Period): Promise<{ headline: Headline; trend: TrendPoint[] }> {
	await conn().run(`SET search_path = '${schema}'`);
	const run = async (sql: string) => {
		const prepared = await conn().prepare(sql);
		prepared.bind(headlineParams(area, period));
		return (await prepared.runAndReadAll()).getRowObjectsJS();
	};
	const [h] = await run(HEADLINE_SQL);
	const num = (v: unknown) => (v === null ? null : Number(v));
	const headline = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, num(v)])) as unknown as Headline;
	const trend = (await run(TREND_SQL)).map((r) => ({
		bulan: String(r.bulan),
		keluhan_diterima: Number(r.keluhan_diterima),
		keluhan_selesai: Number(r.keluhan_selesai),
		rujukan_selesai: Number(r.rujukan_selesai)
	}));
	return { headline, trend: completeTrend(trend, period) };
}

describe('ringkasan summaries agree with HEADLINE_SQL on the fixture extract', () => {
	let summaries: DistrictSummary[];
	let province: ProvinceSummary;
	const whole = { start: '2025-01', end: '2025-12' };
	const spring = { start: '2025-03', end: '2025-05' };

	beforeAll(async () => {
		writeExport(join(tmp, 'export'));
		const out = join(tmp, 'out');
		const { manifest } = await runExtract({ inDir: join(tmp, 'export'), outDir: out, reportDir: join(tmp, 'laporan'), extractDate: EXTRACT_DATE, months: MONTHS, knownDesa: loadKnownDesaCodes(), source: 'extract' });
		await viewsOver(conn(), out, manifest, 'fixture', HEADLINE_TABLES);
		summaries = summariesOf(out, manifest);
		province = provinceSummaryOf(out, manifest, '35');
	});

	it('computes the expected district figures for the whole window (hand-counted)', async () => {
		const { headline } = await fromSql('fixture', '35.76', whole);
		// 7 good households, 4 in deciles 1–4; referrals of 10, 20, 30 and 45 days → median 25.
		expect(headline).toEqual({ rumah_tangga: 7, rumah_tangga_miskin: 4, keluhan_diterima: 5, keluhan_selesai: 3, rujukan_selesai: 4, median_hari_rujukan: 25, puskesos: 2 });
		expect(headlineFromSummaries(summaries, '35.76', whole).headline).toEqual(headline);
	});

	it('computes the expected district figures for March–May (hand-counted)', async () => {
		const { headline } = await fromSql('fixture', '35.76', spring);
		expect(headline).toEqual({ rumah_tangga: 5, rumah_tangga_miskin: 3, keluhan_diterima: 2, keluhan_selesai: 1, rujukan_selesai: 2, median_hari_rujukan: 20, puskesos: 1 });
	});

	it.each([
		['35.76', whole],
		['35.76', spring],
		['35.76.01', whole],
		['35.76.01', spring],
		['35.76.02', whole],
		['', spring]
	])('agrees for area %j and %o', async (area, period) => {
		expect(headlineFromSummaries(summaries, area, period)).toEqual(await fromSql('fixture', area, period));
	});

	it.each([whole, spring])('the province roll-up agrees for province 35 and %o', async (period) => {
		expect(province.kode_prov).toBe('35');
		expect(province.kabupaten).toEqual(['35.76']);
		expect(headlineFromSummaries([province], '35', period)).toEqual(await fromSql('fixture', '35', period));
	});
});

describe('ringkasan summaries agree with HEADLINE_SQL on the full demo extract', () => {
	it('agrees for a district, a kecamatan and two periods', async ({ skip }) => {
		if (!existsSync(join(STATIC_EXTRACTS, 'manifest.json'))) {
			skip('static/extracts/manifest.json is missing: run `npm run data` to build the demo extracts');
		}
		const manifest = JSON.parse(readFileSync(join(STATIC_EXTRACTS, 'manifest.json'), 'utf8')) as Manifest;
		await viewsOver(conn(), STATIC_EXTRACTS, manifest, 'demo', HEADLINE_TABLES);
		const summaries = summariesOf(STATIC_EXTRACTS, manifest);
		const area = manifest.areas.find((a) => a.kode_kab === '35.76') ?? manifest.areas[0];
		const end = monthIndex(manifest.window.end);
		const lastQuarter = { start: monthFromIndex(end - 2), end: manifest.window.end };
		for (const kode of [area.kode_kab, area.kecamatan[0].kode]) {
			for (const period of [manifest.window, lastQuarter]) {
				const sql = await fromSql('demo', kode, period);
				expect(sql.headline.rumah_tangga, `${kode} ${period.start}`).toBeGreaterThan(0);
				expect(headlineFromSummaries(summaries, kode, period), `${kode} ${period.start}..${period.end}`).toEqual(sql);
			}
		}
		// Each province's roll-up, over all of its districts.
		for (const kodeProv of [...new Set(manifest.areas.map((a) => a.kode_prov))]) {
			const sql = await fromSql('demo', kodeProv, lastQuarter);
			expect(sql.headline.rumah_tangga, kodeProv).toBeGreaterThan(0);
			expect(headlineFromSummaries([provinceSummaryOf(STATIC_EXTRACTS, manifest, kodeProv)], kodeProv, lastQuarter), kodeProv).toEqual(sql);
		}
	});
});
