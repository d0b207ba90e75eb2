/**
 * Ringkasan as a CSV: the headline figures and the monthly trend in one long table
 * (bagian; indikator; bulan; nilai), so a spreadsheet can pivot it. Suppression as everywhere
 * (src/lib/export/privacy.ts), and a month withheld beside a hidden one (trendWithheld).
 */
import { toCsv } from '../export/csv';
import { complementary } from '../export/complementary';
import { count, derived, ratio, text, withheldIf, type ExportMode, type Field } from '../export/privacy';
import type { Headline, TrendPoint } from './headline';

export const OVERVIEW_EXPORT_HEADER = ['wilayah', 'bagian', 'indikator', 'bulan', 'nilai'] as const;

const TREND_SERIES = ['keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai'] as const;

export function overviewRows(area: string, h: Headline, trend: readonly TrendPoint[]): Field[][] {
	const row = (bagian: string, indikator: string, bulan: string, value: Field): Field[] => [text(area || 'semua'), text(bagian), text(indikator), text(bulan), value];
	const withheld = trendWithheld(trend);
	// Rounded by the area's code (export/rounding.ts): '' is every district of the extract.
	const a = area || 'semua';
	return [
		row('ringkasan', 'rumah_tangga', '', count(h.rumah_tangga, a)),
		row('ringkasan', 'rumah_tangga_miskin', '', count(h.rumah_tangga_miskin, a)),
		row('ringkasan', 'persen_rumah_tangga_miskin', '', ratio(h.rumah_tangga > 0 ? (100 * h.rumah_tangga_miskin) / h.rumah_tangga : null, 1, a, 100, h.rumah_tangga_miskin, h.rumah_tangga, 100)),
		row('ringkasan', 'keluhan_diterima', '', count(h.keluhan_diterima, a)),
		row('ringkasan', 'keluhan_selesai', '', count(h.keluhan_selesai, a)),
		row('ringkasan', 'rujukan_selesai', '', count(h.rujukan_selesai, a)),
		row('ringkasan', 'median_hari_rujukan', '', derived(h.median_hari_rujukan, 1, h.rujukan_selesai)),
		// Puskesos are posts, not households: their number is never suppressed.
		row('ringkasan', 'puskesos', '', text(String(h.puskesos))),
		...trend.flatMap((p) => TREND_SERIES.map((s) => row('tren', s, p.bulan, withheldIf(count(p[s], a), withheld.has(`${s}|${p.bulan}`)))))
	];
}

/**
 * The months withheld beside a hidden one (`series|bulan`): the period's months add up to its total
 * above them, so one month of 1–4 would come back by subtraction (export/complementary.ts).
 */
export function trendWithheld(trend: readonly TrendPoint[]): Set<string> {
	return complementary(TREND_SERIES.flatMap((s) => trend.map((p) => ({ group: s, key: `${s}|${p.bulan}`, value: p[s] }))));
}

/** `about`: lines said above the header (what the figures cover, state/coverage.ts). */
export function overviewCsv(area: string, h: Headline, trend: readonly TrendPoint[], mode: ExportMode, about: readonly string[] = []): string {
	return toCsv(OVERVIEW_EXPORT_HEADER, overviewRows(area, h, trend), mode, about);
}
