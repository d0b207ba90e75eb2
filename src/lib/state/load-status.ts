/** The corner's line for a district whose database file is loading (components/LoadStatus.svelte). */
import type { Manifest } from '../contract/manifest';
import type { LoadProgress } from '../db/extracts';
import { formatBytesOf, type Lang } from '../i18n/format';
import { translate } from '../i18n/messages';
import { areaName } from './view';

export interface LoadStatusLine {
	/** What is happening, to whom: said to screen readers when it changes (not with every byte). */
	label: string;
	/** "4,1 / 11,8 MB" while the file arrives; null once it is in. */
	bytes: string | null;
}

/** "Mengunduh data Kabupaten Tegal" and "4,1 / 11,8 MB", then "Menyiapkan data Kabupaten Tegal…". */
export function loadStatusLine(p: LoadProgress, manifest: Manifest | null, lang: Lang): LoadStatusLine {
	const nama = manifest ? areaName(manifest, p.kodeKab, p.kodeKab, lang) : p.kodeKab;
	if (p.phase === 'download') return { label: translate('loading_district', lang).replace('{nama}', nama), bytes: formatBytesOf(p.bytesRead, p.bytesTotal, lang) };
	return { label: translate('preparing_district', lang).replace('{nama}', nama), bytes: null };
}
