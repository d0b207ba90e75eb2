/**
 * A province's summary from its districts' summaries: every kecamatan of every district added up.
 * Written by the pipeline beside the district summaries, so a province's first figures fetch one small
 * file (tens of KB) instead of one per district (Jawa Tengah: 35 files, 1.8 MB).
 * Stocks and flows add up month by month; completed-referral durations keep their distribution, so the
 * median stays exact.
 */
import { emptyKecamatanSummary, type DistrictSummary, type KecamatanSummary, type ProvinceSummary } from './headline';
import { monthsOf } from './period';

export function provinceSummary(kodeProv: string, districts: readonly DistrictSummary[]): ProvinceSummary {
	const first = districts[0];
	if (!first) throw new Error(`provinceSummary(${kodeProv}): no district summaries`);
	const parts: KecamatanSummary[] = [];
	for (const d of districts) {
		if (!d.kode_kab.startsWith(`${kodeProv}.`)) throw new Error(`provinceSummary(${kodeProv}): ${d.kode_kab} is not in the province`);
		if (d.window.start !== first.window.start || d.window.end !== first.window.end)
			throw new Error(`provinceSummary(${kodeProv}): ${d.kode_kab} covers ${d.window.start}..${d.window.end}, not ${first.window.start}..${first.window.end}`);
		parts.push(...Object.values(d.kecamatan));
	}
	const kabupaten = districts.map((d) => d.kode_kab).sort();
	return { schema_version: first.schema_version, kode_prov: kodeProv, window: first.window, kabupaten, total: addUp(parts, monthsOf(first.window).length) };
}

/** The sum of kecamatan summaries over the same window. */
export function addUp(parts: readonly KecamatanSummary[], months: number): KecamatanSummary {
	const out = emptyKecamatanSummary(months);
	const days = new Map<string, [number, number, number]>();
	for (const k of parts) {
		out.rt_awal += k.rt_awal;
		out.miskin_awal += k.miskin_awal;
		out.puskesos_awal += k.puskesos_awal;
		for (const f of ['rt_bulan', 'miskin_bulan', 'puskesos_bulan', 'keluhan_diterima', 'keluhan_selesai', 'rujukan_selesai'] as const) {
			if (k[f].length !== months) throw new Error(`addUp: ${f} has ${k[f].length} months, not ${months}`);
			for (let m = 0; m < months; m++) out[f][m] += k[f][m];
		}
		for (const [m, d, n] of k.hari_rujukan) {
			const key = `${m}:${d}`;
			const e = days.get(key);
			if (e) e[2] += n;
			else days.set(key, [m, d, n]);
		}
	}
	out.hari_rujukan = [...days.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	return out;
}
