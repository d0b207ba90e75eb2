/**
 * The public briefing's referral-completion map, drawn per kecamatan.
 *
 * A public file prints every count rounded at random to a multiple of 5 (export/rounding.ts), and a
 * share is worked out again from the rounded counts. A desa has few referrals in a year (a median of
 * 17 in the demo's Kabupaten Tegal, 5 in Kabupaten Gorontalo), so its share from rounded counts can
 * be far from the real one: 11 of 14 completed (79 %) may print as 15 of 15, 100 % (QA: 85 desa of
 * Tegal in a "100 %" class, against 22 in fact). A kecamatan's counts are in the hundreds, where the
 * rounding moves a share by a point or two. So a public briefing colours each desa by its
 * kecamatan's share, from the kecamatan's rounded counts, and the internal copy keeps the desa.
 */
import type { Lang } from '../i18n/format';
import { publicValue, SUPPRESS_BELOW } from '../export/privacy';
import { colourLayer, reasonsOf, type LayerColouring } from '../peta/layers';
import type { PetaParams } from '../peta/params';
import type { DesaFigures } from '../peta/shape';

/** One figure per kecamatan: its referrals and those completed, as a public file prints them, and the share of those. */
export function kecamatanReferrals(desa: readonly DesaFigures[]): { figures: DesaFigures[]; hidden: Set<string> } {
	const byKec = new Map<string, { first: DesaFigures; rujukan: number; selesai: number }>();
	for (const d of desa) {
		const k = byKec.get(d.kode_kec) ?? { first: d, rujukan: 0, selesai: 0 };
		k.rujukan += d.rujukan;
		k.selesai += d.rujukan_selesai;
		byKec.set(d.kode_kec, k);
	}
	const hidden = new Set<string>();
	const figures = [...byKec].map(([kec, k]): DesaFigures => {
		const [n, s] = [publicValue(k.rujukan, kec), publicValue(k.selesai, kec)];
		// A share resting on completed referrals printed "<5" is not drawn: it keeps its exact share only so
		// that colourLayer counts it on the hidden line, and makes its classes without it. One of 1–4
		// referrals in all goes on the too-few line, as on Peta.
		const printed = typeof n === 'number' && typeof s === 'number';
		if (!printed && k.rujukan >= SUPPRESS_BELOW) hidden.add(kec);
		const [rujukan, selesai] = printed ? [n, s] : [k.rujukan, k.selesai];
		return { ...k.first, kode: kec, nama: k.first.nama_kec, rujukan, rujukan_selesai: selesai, rujukan_share: rujukan > 0 ? selesai / rujukan : null };
	});
	return { figures, hidden };
}

/** The map's colouring: each desa in its kecamatan's class; the legend counts kecamatan. */
export function kecamatanReferralColouring(desa: readonly DesaFigures[], view: PetaParams, lang: Lang): LayerColouring {
	const { figures, hidden } = kecamatanReferrals(desa);
	const col = colourLayer(figures, { ...view, lapisan: 'rujukan', rujukan: 'selesai' }, lang, hidden);
	const classes = new Map(desa.map((d) => [d.kode, col.classes.get(d.kode_kec) ?? null]));
	// Each uncoloured desa for its kecamatan's reason (too few referrals, hidden).
	const kec = new Map(desa.map((d) => [d.kode, d.kode_kec]));
	return { ...col, classes, reasons: reasonsOf(classes, (kode) => col.reasons.get(kec.get(kode)!) ?? null) };
}

