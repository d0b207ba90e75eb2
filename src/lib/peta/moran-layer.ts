/** The local Moran cluster view of the hotspot layer: labels, colours and legend with counts. */
import type { ClusterType } from '../geo/local-moran';
import type { Lang } from '../i18n/format';
import { translate } from '../i18n/messages';
import { MORAN_COLORS } from '../map/palette';
import { reasonsOf, uncolouredEntry, type LayerColouring } from './layers';
import { petaText, type PetaMessageKey } from './messages';
import { MORAN_ORDER } from './moran';
import type { DesaFigures } from './shape';

const MORAN_LABEL: Record<ClusterType, PetaMessageKey> = {
	'high-high': 'moran_hh',
	'low-high': 'moran_lh',
	'high-low': 'moran_hl',
	'low-low': 'moran_ll',
	ns: 'moran_ns'
};

export function moranLabel(c: ClusterType | null, lang: Lang): string {
	return c === null ? translate('peta_no_data', lang) : petaText(MORAN_LABEL[c], lang);
}

export function colourMoran(desa: readonly DesaFigures[], lang: Lang): LayerColouring {
	const index = new Map(MORAN_ORDER.map((c, i) => [c, i]));
	const classes = new Map(desa.map((d) => [d.kode, d.moran === null ? null : index.get(d.moran)!]));
	const counts = MORAN_ORDER.map(() => 0);
	let noData = 0;
	for (const k of classes.values()) k === null ? noData++ : counts[k]++;
	return {
		palette: [...MORAN_COLORS],
		classes,
		reasons: reasonsOf(classes),
		entries: MORAN_ORDER.map((c, i) => ({ color: MORAN_COLORS[i], label: moranLabel(c, lang), count: counts[i] })),
		noData: uncolouredEntry('none', translate('peta_no_data', lang), noData)
	};
}
