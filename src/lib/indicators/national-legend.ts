/**
 * The national map's legend, on the page and under its PNG: a line per class (RAG bands, the score
 * change's bands or quantiles), then, only when some district has no value for the indicator, a line
 * for those, with how many ("Tanpa data · 3 kab/kota"), drawn with the tile the map patterns them
 * with (map/uncoloured.ts), as Peta's legend does.
 */
import { formatNumber, type Lang } from '../i18n/format';
import { tb, ti } from '../i18n/indikator';
import { uncolouredCodes } from '../map/hatch';
import { UNCOLOURED_SWATCH, type UncolouredReason } from '../map/uncoloured';
import { quantileLabels, type MapColouring } from './choropleth';

export interface NationalLegendEntry {
	/** a class's colour; the uncoloured line's swatch ground */
	colour: string;
	label: string;
	/** set on the line of the districts without data: its swatch is that reason's tile */
	reason?: UncolouredReason;
}

const RAG_LINES = ['ind_rag_hijau', 'ind_rag_kuning', 'ind_rag_merah'] as const;
const CHANGE_LINES = ['bd_change_0', 'bd_change_1', 'bd_change_2', 'bd_change_3', 'bd_change_4'] as const;

/** "Tanpa data · 3 kab/kota", "No data · 1 district". */
export function noDataLabel(count: number, lang: Lang): string {
	return `${tb('bd_no_data', lang)} · ${formatNumber(count, lang)} ${tb(count === 1 ? 'bd_kabkota_one' : 'bd_kabkota_count', lang)}`;
}

function quantileRows(c: MapColouring, format: (v: number) => string): NationalLegendEntry[] {
	const labels = quantileLabels(c, format);
	return c.palette.map((colour, i) => ({ colour, label: labels[i] }));
}

/**
 * The legend's lines of `c` in `lang`; `format` prints a value of the mapped figure (the quantiles'
 * bounds). Every class keeps its line, as its range reads the scale; the no-data line is there only
 * when some district of `c.classes` has no class.
 */
export function nationalLegend(c: MapColouring, format: (v: number) => string, lang: Lang): NationalLegendEntry[] {
	const classes =
		c.mode === 'rag'
			? RAG_LINES.map((k, i) => ({ colour: c.palette[i], label: ti(k, lang) }))
			: c.mode === 'perubahan'
				? CHANGE_LINES.map((k, i) => ({ colour: c.palette[i], label: tb(k, lang) }))
				: quantileRows(c, format);
	const missing = uncolouredCodes(c.classes).length;
	return missing ? [...classes, { colour: UNCOLOURED_SWATCH.none.background, label: noDataLabel(missing, lang), reason: 'none' }] : classes;
}
