/**
 * A league row as Bandingkan's table shows it: every cell's text, band and hover note, formatted once
 * per row and language. The table then only places strings (components/bandingkan/LeagueTable), so
 * its 514 rows × 26 cells cost the page a text and a class each, not a formatter and a component.
 */
import type { Lang } from '../i18n/format';
import { tb } from '../i18n/indikator';
import { formatBpsPercent, formatChange, formatIndicator, formatScore, ragLetter, trendArrow } from './format';
import type { LeagueRow } from './league';
import type { IndicatorDef } from './types';

/** A figure's cell: its text, its band's letter, the band (`none` without one) and its move since the period before. */
export interface FigureView {
	text: string;
	letter: string;
	rag: 'hijau' | 'kuning' | 'merah' | 'none';
	/** "Periode sebelumnya: 71,2 %", when the period before has a figure */
	title: string | undefined;
	/** ▲ ▼ = or '' */
	arrow: string;
	/** the arrow's colour: for the better, for the worse, or neither */
	tone: 'better' | 'worse' | '';
}

export interface LeagueRowView {
	rank: string;
	/** the rank over the period before, as a hover note */
	rankTitle: string | undefined;
	source: string;
	score: string;
	change: string;
	changeTone: 'better' | 'worse' | '';
	changeTitle: string | undefined;
	/** BPS P0 of the latest year: a figure with a band, never an arrow (BPS figures are not compared over periods) */
	p0: Pick<FigureView, 'text' | 'letter' | 'rag'>;
	/** P0 of the years before the latest, oldest first ("10,21 % → 9,87 %") */
	p0Trend: string;
	/** by indicator id, for each of the table's indicators */
	figures: Record<string, FigureView>;
}

/** A score change of at least this many points (either way) is coloured. */
const CHANGE_COLOURED = 0.05;

const toneOf = (better: boolean | null | undefined): FigureView['tone'] => (better === true ? 'better' : better === false ? 'worse' : '');

export function leagueRowView(r: LeagueRow, defs: readonly IndicatorDef[], years: readonly number[], lang: Lang): LeagueRowView {
	const before = tb('bd_before', lang);
	const latest = years.at(-1);
	const p0Cell = r.cells.bps_p0;
	const figures: Record<string, FigureView> = {};
	for (const d of defs) {
		const c = r.cells[d.id];
		figures[d.id] = {
			text: formatIndicator(d.unit, c?.value, lang),
			letter: ragLetter(c?.rag ?? null, lang),
			rag: c?.rag ?? 'none',
			title: c?.previous === undefined ? undefined : `${before}: ${formatIndicator(d.unit, c.previous, lang)}`,
			arrow: trendArrow(c?.trend ?? null),
			tone: c?.trend ? toneOf(c.better) : ''
		};
	}
	const change = r.scoreChange ?? 0;
	return {
		rank: r.rank === null ? '–' : String(r.rank),
		rankTitle: r.previousRank ? `${before}: ${r.previousRank}` : undefined,
		source: tb(r.sumber === 'pilot' ? 'bd_pilot' : 'bd_synthetic', lang),
		score: formatScore(r.score, lang),
		change: formatChange(r.scoreChange, lang),
		changeTone: change >= CHANGE_COLOURED ? 'better' : change <= -CHANGE_COLOURED ? 'worse' : '',
		changeTitle: r.previousScore == null ? undefined : `${before}: ${formatScore(r.previousScore, lang)}`,
		p0: {
			text: formatBpsPercent(latest === undefined ? null : r.p0[String(latest)], lang),
			letter: ragLetter(p0Cell?.rag ?? null, lang),
			rag: p0Cell?.rag ?? 'none'
		},
		p0Trend: years
			.slice(0, -1)
			.map((y) => formatBpsPercent(r.p0[String(y)], lang))
			.join(' → '),
		figures
	};
}

/**
 * Views of rows, each made once for the given indicators, years and language and then kept while the
 * row is (a sort or a province filter hands the same rows in another order or number).
 */
export function leagueViews(defs: readonly IndicatorDef[], years: readonly number[], lang: Lang): (r: LeagueRow) => LeagueRowView {
	const made = new WeakMap<LeagueRow, LeagueRowView>();
	return (r) => {
		let v = made.get(r);
		if (!v) made.set(r, (v = leagueRowView(r, defs, years, lang)));
		return v;
	};
}
