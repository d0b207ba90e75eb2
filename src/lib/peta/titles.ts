/** The legend title and note of the layer shown, with the hotspot method and referral measure chosen. */
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import { petaText } from './messages';
import type { Lapisan, PetaParams } from './params';

const LAYER_LABEL: Record<Exclude<Lapisan, 'puskesos'>, MessageKey> = { kemiskinan: 'peta_layer_kemiskinan', keluhan: 'peta_layer_keluhan', hotspot: 'peta_layer_hotspot', rujukan: 'peta_layer_rujukan' };

/** The layer button's label; the hotspot button names the statistic chosen, so it never says Gi* over a Moran map. */
export function layerButton(l: Lapisan, lang: Lang, hotspot: PetaParams['hotspot'] = 'gi'): string {
	if (l === 'hotspot' && hotspot === 'moran') return petaText('layer_moran', lang);
	return l === 'puskesos' ? petaText('layer_puskesos', lang) : translate(LAYER_LABEL[l], lang);
}

export function layerTitle(p: PetaParams, lang: Lang): string {
	if (p.lapisan === 'hotspot' && p.hotspot === 'moran') return petaText('layer_moran', lang);
	if (p.lapisan === 'rujukan' && p.rujukan === 'median') return petaText('rujukan_median', lang);
	if (p.lapisan === 'rujukan' && p.rujukan === 'lewat') return `${petaText('rujukan_lewat', lang)} (${p.standar} ${translate('days', lang)})`;
	return layerButton(p.lapisan, lang, p.hotspot);
}

export function layerNote(p: PetaParams, lang: Lang): string {
	if (p.lapisan === 'hotspot' && p.hotspot === 'moran') return petaText('note_moran', lang);
	if (p.lapisan === 'rujukan' && p.rujukan === 'median') return petaText('note_rujukan_median', lang);
	if (p.lapisan === 'rujukan' && p.rujukan === 'lewat') return petaText('note_rujukan_lewat', lang, { n: p.standar });
	if (p.lapisan === 'puskesos') return petaText('note_puskesos', lang, { r: p.radius.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') });
	if (p.lapisan === 'keluhan') return translate(p.eb ? 'peta_note_keluhan_eb' : 'peta_note_keluhan_raw', lang);
	return translate(`peta_note_${p.lapisan}`, lang);
}
