/**
 * One convention for the administrative levels in English, as the header's pickers have it:
 * District, Sub-district, Village. Indonesian names of the levels (desa, kelurahan, kecamatan,
 * kabupaten) stay in the Indonesian text; an English sentence does not switch language mid-way.
 */
import { describe, expect, it } from 'vitest';
import { INTAKE_MESSAGES } from '../contract/intake';
import { ERROR_MESSAGES } from '../contract/validate';
import { LOAD_PLAN_MESSAGES } from '../import/load-plan';
import { DATA_LABELS } from '../import/labels';
import { ISSUE_MESSAGES } from '../import/messages';
import { CATALOGUE } from '../indicators/catalogue';
import { LAPORAN_WORDS } from '../laporan/text';
import { PETA_MESSAGES } from '../peta/messages';
import { SITING_MESSAGES } from '../siting/messages';
import { BANDINGKAN_MESSAGES, INDIKATOR_MESSAGES } from './indikator';
import { MESSAGES } from './messages';

const INDONESIAN_LEVEL = /\b(desa|kelurahan|kecamatan|kabupaten)\b/i;
/** A placeholder filled in later (`{desa}`) is no word of the sentence. */
const mixes = (en: string) => INDONESIAN_LEVEL.test(en.replace(/\{[a-z_]+\}/g, ''));

function englishOf(table: Record<string, { en: string } | unknown>): [string, string][] {
	return Object.entries(table).flatMap(([k, v]) => (v && typeof v === 'object' && 'en' in v && typeof v.en === 'string' ? [[k, v.en] as [string, string]] : []));
}

describe('English wording of the administrative levels', () => {
	const tables = { LAPORAN_WORDS, MESSAGES, INDIKATOR_MESSAGES, BANDINGKAN_MESSAGES, PETA_MESSAGES, SITING_MESSAGES, DATA_LABELS, LOAD_PLAN_MESSAGES, ISSUE_MESSAGES, ERROR_MESSAGES, INTAKE_MESSAGES };
	it('the header pickers name the levels in English', () => {
		expect([MESSAGES.district.en, MESSAGES.kecamatan.en, MESSAGES.all_kecamatan.en]).toEqual(['District', 'Sub-district', 'All sub-districts']);
	});
	it('every English message says village, sub-district and district, never desa, kecamatan or kabupaten', () => {
		const mixed: string[] = [];
		for (const [name, table] of Object.entries(tables)) for (const [k, en] of englishOf(table)) if (mixes(en)) mixed.push(`${name}.${k}: ${en}`);
		for (const d of CATALOGUE) for (const part of [d.label.en, d.definition.en]) if (mixes(part)) mixed.push(`catalogue.${d.id}: ${part}`);
		expect(mixed).toEqual([]);
	});
});
