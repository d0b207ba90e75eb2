import { describe, expect, it } from 'vitest';
import type { Manifest } from '../contract/manifest';
import { areaExists, areaName, dotted, namedCode, defaultArea, defaultPeriod, districtsOf, linkNoteLines, linkNotes, loadsRows, readView, resolveArea, rowsFor, writeView } from './view';
import { pickerScope, scopedNotes } from './scope';

const file = (table: string, kode_kab: string, rows: number) => ({ path: `${table}/kode_kab=${kode_kab}/data_0.parquet`, table, kode_kab, rows, bytes: 1, sha256: '0'.repeat(64) });
const manifest = {
	schema_version: '1.0.0',
	source: 'demo',
	extract_date: '2026-10-31',
	window: { start: '2024-11', end: '2026-10' },
	areas: [
		{ kode_kab: '33.11', nama_kab: 'Kabupaten Sukoharjo', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 167, kecamatan: [{ kode: '33.11.01', nama: 'Weru' }] },
		{ kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 287, kecamatan: [{ kode: '33.28.01', nama: 'Margasari' }] },
		{ kode_kab: '75.01', nama_kab: 'Kabupaten Gorontalo', kode_prov: '75', nama_prov: 'Gorontalo', desa: 205, kecamatan: [{ kode: '75.01.24', nama: 'Dungaliyo' }] }
	],
	tables: {},
	files: [file('rumah_tangga', '33.11', 262_835), file('rumah_tangga', '33.28', 1_400_000), file('keluhan', '33.28', 9_000_000), file('rumah_tangga', '75.01', 121_836)],
	summaries: [],
	databases: []
} as unknown as Manifest;

describe('readView', () => {
	it('defaults to the district with the most desa and the last 12 months, in Indonesian', () => {
		expect(readView(new URLSearchParams(''), manifest)).toEqual({ area: '33.28', period: { start: '2025-11', end: '2026-10' }, lang: 'id' });
	});
	it('reads a kecamatan, a period and English from the URL', () => {
		const v = readView(new URLSearchParams('wilayah=75.01.24&periode=2025-01..2025-03&lang=en'), manifest);
		expect(v).toEqual({ area: '75.01.24', period: { start: '2025-01', end: '2025-03' }, lang: 'en' });
	});
	it('falls back to defaults for unknown areas and malformed periods', () => {
		const v = readView(new URLSearchParams('wilayah=99.99&periode=2025-13..2025-01&lang=fr'), manifest);
		expect(v).toEqual({ area: '33.28', period: { start: '2025-11', end: '2026-10' }, lang: 'id' });
	});
	it('clamps a period to the data window and reads "semua" as every loaded area', () => {
		const v = readView(new URLSearchParams('wilayah=semua&periode=2020-01..2030-12'), manifest);
		expect(v.area).toBe('');
		expect(v.period).toEqual({ start: '2024-11', end: '2026-10' });
	});
	it('round-trips through writeView, keeping other parameters', () => {
		const params = writeView(new URLSearchParams('lapisan=keluhan'), { area: '33.11.01', period: { start: '2026-01', end: '2026-03' }, lang: 'en' });
		expect(params.get('lapisan')).toBe('keluhan');
		expect(readView(params, manifest)).toEqual({ area: '33.11.01', period: { start: '2026-01', end: '2026-03' }, lang: 'en' });
		expect(writeView(params, { lang: 'id' }).has('lang')).toBe(false);
		expect(writeView(params, { area: '' }).get('wilayah')).toBe('semua');
	});
});

describe('a link the extract cannot show as asked', () => {
	const notes = (q: string) => linkNotes(new URLSearchParams(q), manifest);
	it('shows the nearest area the extract holds: a kecamatan it does not know, its district; a district, its province', () => {
		expect(resolveArea(manifest, '75.01.99')).toBe('75.01');
		expect(resolveArea(manifest, '33.29')).toBe('33');
		expect(resolveArea(manifest, '33.29.01')).toBe('33');
		// Nothing of it held, or no code at all: the default district.
		expect(['34.01.01', '99', '33.28.01.2001.5', 'tegal', ''].map((a) => resolveArea(manifest, a))).toEqual(['33.28', '33.28', '33.28', '33.28', '']);
		expect(resolveArea(manifest, null)).toBe('33.28');
		// A desa's code: its kecamatan, or its district where the kecamatan is not held.
		expect(resolveArea(manifest, '75.01.24.2001')).toBe('75.01.24');
		expect(resolveArea(manifest, '75.01.13.2013')).toBe('75.01');
		expect(readView(new URLSearchParams('wilayah=75.01.99'), manifest).area).toBe('75.01');
	});
	it('notes the area asked for and the one shown, and nothing for an area it holds or a link without one', () => {
		expect(notes('wilayah=75.01.99')).toEqual({ area: { asked: '75.01.99', shown: '75.01' } });
		expect(notes('wilayah=x')).toEqual({ area: { asked: 'x', shown: '33.28' } });
		for (const q of ['', 'wilayah=75.01.24', 'wilayah=semua', 'wilayah=33']) expect(notes(q)).toEqual({});
	});
	it('reads a code written without its dots as the same code (QA: 3328102004 showed the default district)', () => {
		expect(['3328', '750124', '33'].map(dotted)).toEqual(['33.28', '75.01.24', '33']);
		expect(dotted('3328102004')).toBe('33.28.10.2004');
		for (const odd of ['332', '33281', 'x3328', '33.28', '3328102004 1']) expect(dotted(odd)).toBe(odd);
		expect(readView(new URLSearchParams('wilayah=750124'), manifest).area).toBe('75.01.24');
		expect(readView(new URLSearchParams('wilayah=7501242001'), manifest).area).toBe('75.01.24');
		// The same area as asked: nothing to say; a desa's code says that it is a desa's.
		expect(notes('wilayah=7501')).toEqual({});
		expect(linkNoteLines(notes('wilayah=7501242001'), manifest, 'en')).toEqual(['This link points to village 75.01.24.2001; pages here choose areas down to sub-district, so it shows Dungaliyo sub-district, Kabupaten Gorontalo (75.01.24).']);
	});
	it('notes a period it cannot read, or outside the data, and the period shown instead', () => {
		const last12 = { start: '2025-11', end: '2026-10' };
		expect(notes('periode=2025-13..2026-01').period).toEqual({ asked: '2025-13..2026-01', shown: last12, why: 'unreadable' });
		expect(notes('periode=kemarin').period).toEqual({ asked: 'kemarin', shown: last12, why: 'unreadable' });
		expect(notes('periode=2026-03..2026-01').period).toEqual({ asked: '2026-03..2026-01', shown: last12, why: 'unreadable' });
		expect(notes('periode=2019-01..2019-12').period).toEqual({ asked: '2019-01..2019-12', shown: last12, why: 'outside' });
		// Partly outside: the months the data has.
		expect(notes('periode=2024-01..2025-03').period).toEqual({ asked: '2024-01..2025-03', shown: { start: '2024-11', end: '2025-03' }, why: 'partly' });
		expect(notes('periode=2024-11..2026-10')).toEqual({});
		expect(notes('periode=2025-01..2025-03&wilayah=33.11')).toEqual({});
	});
	it('says so in Indonesian and English, naming what is shown; an upload gone with a reload has its own notice', () => {
		const n = notes('wilayah=75.01.99&periode=2024-01..2025-03');
		expect(linkNoteLines(n, manifest, 'id')).toEqual([
			'Wilayah 75.01.99 di tautan ini tidak ada dalam ekstrak; yang tampil: Kabupaten Gorontalo (75.01).',
			'Periode Jan 2024 – Mar 2025 di tautan ini melewati bulan-bulan data (Nov 2024 – Okt 2026); yang tampil: Nov 2024 – Mar 2025.'
		]);
		// Wholly outside the data: "lies outside", not "reaches outside"; one month is named once.
		expect(linkNoteLines(notes('periode=2019-01..2019-03'), manifest, 'en')).toEqual(['The period Jan 2019 – Mar 2019 in this link lies outside the months of the data (Nov 2024 – Oct 2026); showing Nov 2025 – Oct 2026.']);
		expect(linkNoteLines(notes('periode=2019-02..2019-02'), manifest, 'id')).toEqual(['Periode Feb 2019 di tautan ini di luar bulan-bulan data (Nov 2024 – Okt 2026); yang tampil: Nov 2025 – Okt 2026.']);
		expect(linkNoteLines(notes('periode=kemarin'), manifest, 'en')).toEqual(['The period “kemarin” in this link cannot be read (it is written YYYY-MM..YYYY-MM); showing Nov 2025 – Oct 2026.']);
		expect(linkNoteLines(n, manifest, 'id', ['75.01'])).toHaveLength(1);
		expect(linkNoteLines({}, manifest, 'id')).toEqual([]);
		// A desa's code is in the extract, but no page chooses a desa as its area.
		expect(linkNoteLines(notes('wilayah=75.01.24.2001'), manifest, 'id')).toEqual(['Tautan ini menunjuk desa 75.01.24.2001; halaman ini memilih wilayah sampai kecamatan, jadi yang tampil: Kec. Dungaliyo, Kabupaten Gorontalo (75.01.24).']);
		// Planning is of a whole district: a desa's link shows its district there, and says so.
		const planning = scopedNotes(notes('wilayah=75.01.24.2001'), pickerScope('/perencanaan'));
		expect(planning.area).toEqual({ asked: '75.01.24.2001', shown: '75.01' });
		expect(linkNoteLines(planning, manifest, 'id')).toEqual(['Tautan ini menunjuk desa 75.01.24.2001; halaman ini dibuat untuk seluruh kabupaten/kota, jadi yang tampil: Kabupaten Gorontalo (75.01).']);
		expect(linkNoteLines(planning, manifest, 'en')).toEqual(['This link points to village 75.01.24.2001; this page covers a whole district, so it shows Kabupaten Gorontalo (75.01).']);
		expect(linkNoteLines(scopedNotes(notes('wilayah=75.01.24.2001'), pickerScope('/peta')), manifest, 'en')).toEqual(['This link points to village 75.01.24.2001; pages here choose areas down to sub-district, so it shows Dungaliyo sub-district, Kabupaten Gorontalo (75.01.24).']);
		// A desa's code whose kecamatan the extract does not hold is no more than an unknown code (QA).
		expect(linkNoteLines(notes('wilayah=75.01.99.9999'), manifest, 'en')).toEqual(['The area 75.01.99.9999 in this link is not in the extract; showing Kabupaten Gorontalo (75.01).']);
		expect(linkNoteLines(notes('wilayah=99.99.99.9999'), manifest, 'en')).toEqual(['The area 99.99.99.9999 in this link is not in the extract; showing Kabupaten Tegal (33.28).']);
		// What was asked is said back short, without control or direction marks (QA: 3,000 characters
		// made the page 30,000 px wide; a right-to-left override reversed the line).
		const [long] = linkNoteLines(notes(`wilayah=${'A'.repeat(3000)}`), manifest, 'id');
		expect(long).toBe(`Wilayah ${'A'.repeat(40)}… di tautan ini tidak ada dalam ekstrak; yang tampil: Kabupaten Tegal (33.28).`);
		const [bidi] = linkNoteLines(notes('periode=ab\u202Ecd\u0000'), manifest, 'en');
		expect(bidi).toContain('“abcd”');
	});
});

describe('areas', () => {
	it('knows which areas exist', () => {
		expect(['', '33', '33.28', '75.01.24'].map((a) => areaExists(manifest, a))).toEqual([true, true, true, true]);
		expect(['34', '33.29', '33.28.99', '33.28.01.2001', 'x'].map((a) => areaExists(manifest, a))).toEqual([false, false, false, false, false]);
	});
	it('lists the districts an area needs', () => {
		expect(districtsOf(manifest, '')).toEqual(['33.11', '33.28', '75.01']);
		expect(districtsOf(manifest, '33')).toEqual(['33.11', '33.28']);
		expect(districtsOf(manifest, '75.01.24')).toEqual(['75.01']);
	});
	it('names areas', () => {
		expect(areaName(manifest, '33', 'Semua')).toBe('Jawa Tengah');
		expect(areaName(manifest, '33.28', 'Semua')).toBe('Kabupaten Tegal');
		expect(namedCode(manifest, '33.28')).toBe('Kabupaten Tegal (33.28)');
		// A district the manifest no longer knows (an upload gone with a reload): its code alone.
		expect(namedCode(manifest, '99.01')).toBe('99.01');
		expect(areaName(manifest, '75.01.24', 'Semua')).toBe('Kec. Dungaliyo, Kabupaten Gorontalo');
		// English names a kecamatan in English (QA: "Kec." in the English briefing).
		expect(areaName(manifest, '75.01.24', 'All', 'en')).toBe('Dungaliyo sub-district, Kabupaten Gorontalo');
		expect(namedCode(manifest, '75.01.24', 'en')).toBe('Dungaliyo sub-district, Kabupaten Gorontalo (75.01.24)');
		expect(areaName(manifest, '', 'Semua')).toBe('Semua');
	});
	it('loads rows only while the area fits the row budget (household rows, not complaints)', () => {
		expect(rowsFor(manifest, '33.28')).toBe(1_400_000);
		expect(rowsFor(manifest, '33')).toBe(1_662_835);
		expect(loadsRows(manifest, '33.28')).toBe(true);
		expect(loadsRows(manifest, '33')).toBe(false);
		expect(loadsRows(manifest, '33.28', 1_399_999)).toBe(false);
	});
	it('defaults sensibly', () => {
		expect(defaultArea(manifest)).toBe('33.28');
		expect(defaultPeriod({ ...manifest, window: { start: '2026-05', end: '2026-10' } })).toEqual({ start: '2026-05', end: '2026-10' });
	});
});
