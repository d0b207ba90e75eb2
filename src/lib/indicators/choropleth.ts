/**
 * Colouring the national kabupaten/kota map by one indicator (or the composite): by its RAG band
 * against the target, or in quantile classes. Class indices go to MapLibre feature-state.
 */
import { atPrinted, printedAt, quantile, type Printed } from '../geo/classify';
import { classSpans, spanLabel, type ClassSpan } from '../geo/class-span';
import { DECIMALS } from './format';
import { CHANGE_COLORS, RAG_COLORS, SEQUENTIAL_BAD, SEQUENTIAL_GOOD } from '../map/palette';
import { formatPeriodParam } from '../overview/period';
import type { LeagueRow } from './league';
import type { NationalFile } from './national';
import type { Rag } from './score';
import type { Direction, IndicatorDef, Unit } from './types';

const RAG_CLASS: Record<Rag, number> = { hijau: 0, kuning: 1, merah: 2 };
/** Quantile classes on the national map: five splits 514 districts into groups of ~100. */
export const QUANTILE_CLASSES = 5;

export interface MapColouring {
	palette: string[];
	classes: Map<string, number | null>;
	/** what each quantile class holds, as its figures are printed; empty for RAG and the change's bands */
	spans: ClassSpan[];
	/** what is drawn: RAG bands, quantiles, or the score change's bands (CHANGE_BANDS) */
	mode: 'rag' | 'kuantil' | 'perubahan';
}

/**
 * The score change's bands, in points: a fall of more than 2, of 0.5–2, within ±0.5 (the same),
 * a gain of 0.5–2, of more than 2. A district's score moves by a point or two from year to year;
 * less than half a point is no change anyone should act on.
 */
export const CHANGE_BANDS = [-2, -0.5, 0.5, 2] as const;

/** The band of a change: 0 (a fall of more than 2 points) to 4 (a gain of more than 2); a bound goes to the band nearer zero. */
export function changeBand(v: number | null): number | null {
	if (v === null || !Number.isFinite(v)) return null;
	if (v < CHANGE_BANDS[0]) return 0;
	if (v < CHANGE_BANDS[1]) return 1;
	if (v <= CHANGE_BANDS[2]) return 2;
	if (v <= CHANGE_BANDS[3]) return 3;
	return 4;
}

/**
 * When the national map's figures of an indicator are from, for its downloads: the year of BPS's
 * figures for a BPS indicator (the file's latest), the comparison's period (`YYYY-MM..YYYY-MM`)
 * for SLRT's indicators and the composite score.
 */
export function indicatorTime(file: Pick<NationalFile, 'periode' | 'tahun_p0'>, def: Pick<IndicatorDef, 'kind'> | undefined): string {
	return def?.kind === 'bps' ? String(file.tahun_p0.at(-1)) : formatPeriodParam(file.periode);
}

/** A district's value on the map: an indicator's, the composite score (`skor`) or its change since the 12 months before (`perubahan`). */
export function valueOf(r: LeagueRow, indicator: string): number | null {
	if (indicator === 'skor') return r.score;
	if (indicator === 'perubahan') return r.scoreChange ?? null;
	return r.cells[indicator]?.value ?? null;
}

/**
 * Whether the indicator has bands to colour by instead of quantiles: one with a target has its RAG
 * bands, the score's change its own (CHANGE_BANDS); the composite score has none.
 */
export function hasRagBands(rows: readonly LeagueRow[], indicator: string): boolean {
	if (indicator === 'perubahan') return rows.some((r) => r.scoreChange !== undefined && r.scoreChange !== null);
	return indicator !== 'skor' && rows.some((r) => r.cells[indicator]?.rag);
}

/**
 * How the map's value is printed: an indicator in its unit (formatIndicator), the composite score to
 * one decimal (formatScore), its change rounded to a tenth as formatChange rounds it.
 */
export function printedValue(indicator: string, unit: Unit | undefined): Printed {
	if (unit) return printedAt(unit === 'persen' ? 100 : 1, DECIMALS[unit]);
	if (indicator === 'perubahan') return { round: (v) => Math.round(v * 10) / 10, step: 0.1 };
	return printedAt(1, 1);
}

/**
 * RAG when asked and the indicator has bands (hasRagBands), otherwise quantiles of the printed
 * values (atPrinted), coloured so the darker end is the better one. `mode` of the result is the one
 * drawn. `unit`: the indicator's, none for the composite score and its change.
 */
export function nationalColouring(rows: readonly LeagueRow[], indicator: string, mode: 'rag' | 'kuantil', direction: Direction, unit?: Unit): MapColouring {
	if (mode === 'rag' && indicator === 'perubahan' && hasRagBands(rows, indicator)) {
		return { palette: [...CHANGE_COLORS], classes: new Map(rows.map((r) => [r.kode, changeBand(r.scoreChange ?? null)])), spans: [], mode: 'perubahan' };
	}
	if (mode === 'rag' && hasRagBands(rows, indicator)) {
		const classes = new Map(rows.map((r) => [r.kode, r.cells[indicator]?.rag ? RAG_CLASS[r.cells[indicator].rag!] : null]));
		return { palette: [...RAG_COLORS], classes, spans: [], mode: 'rag' };
	}
	const values = rows.map((r) => valueOf(r, indicator));
	const printed = printedValue(indicator, unit);
	const c = atPrinted(quantile(values, QUANTILE_CLASSES), printed);
	const colors = direction === 'higher' ? SEQUENTIAL_GOOD : SEQUENTIAL_BAD;
	const palette = c.classCount === 0 ? [] : Array.from({ length: c.classCount }, (_, i) => colors[Math.round((i * (colors.length - 1)) / Math.max(1, c.classCount - 1))]);
	return { palette, classes: new Map(rows.map((r, i) => [r.kode, c.classOf(values[i])])), spans: classSpans(c, printed), mode: 'kuantil' };
}

/** The quantile legend's lines ("21,0 % – 31,2 %", "31,3 % – 60,0 %"), each figure printed by `format`. */
export function quantileLabels(c: MapColouring, format: (v: number) => string): string[] {
	return c.spans.map((s) => spanLabel(s, format));
}

/**
 * The national map layer as GeoJSON: each kabupaten/kota boundary with the mapped indicator's value,
 * its RAG band, the composite score and rank, and whether its figures are pilot or synthetic. These
 * are district-level rates, not counts of families: nothing to suppress.
 */
export function nationalGeoJson(
	boundaries: { features: readonly { geometry: unknown; properties: Record<string, unknown> }[] },
	rows: readonly LeagueRow[],
	indicator: string,
	/** when the figures are from (indicatorTime) */
	periode: string
): { type: 'FeatureCollection'; indikator: string; periode: string; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[] } {
	const byKode = new Map(rows.map((r) => [r.kode, r]));
	return {
		type: 'FeatureCollection',
		indikator: indicator,
		periode,
		features: boundaries.features.map((f) => {
			const kode = String(f.properties.kode);
			const r = byKode.get(kode);
			return {
				type: 'Feature',
				geometry: f.geometry,
				properties: {
					kode,
					nama: r?.nama ?? f.properties.nama ?? null,
					nilai: r ? valueOf(r, indicator) : null,
					status: r && indicator !== 'skor' ? (r.cells[indicator]?.rag ?? null) : null,
					skor: r?.score ?? null,
					peringkat: r?.rank ?? null,
					sumber: r?.sumber ?? null
				}
			};
		})
	};
}
