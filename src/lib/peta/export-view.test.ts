import { describe, expect, it } from 'vitest';
import { parseExportCsv } from '../export/csv';
import { exportFileName } from '../export/privacy';
import { desaCsv, desaGeoJson } from './csv';
import { exportAbout, exportBase, roundedSharesNote, type ShownView } from './export-view';
import { ALL_KELUHAN } from './sql';

const all: ShownView = { area: '33.28', period: { start: '2025-01', end: '2025-06' }, filter: ALL_KELUHAN, standar: 14 };
const pkh: ShownView = { ...all, area: '33.28.01', filter: { kategori: 'eksklusi', program: 'pkh' }, standar: 21 };

describe('a Peta download says which figures it holds', () => {
	it('names the area and period, and the filter and standard only when they narrow or change the figures', () => {
		expect(exportBase('peta-desa', all)).toBe('peta-desa_33.28_2025-01..2025-06');
		expect(exportBase('peta-desa', pkh)).toBe('peta-desa_33.28.01_2025-01..2025-06_kategori-eksklusi_program-pkh_standar-21hari');
		expect(exportFileName(exportBase('peta-keluhan', { ...all, filter: { kategori: '', program: 'pbi_jkn' } }), 'internal', 'png')).toBe('RAHASIA_peta-keluhan_33.28_2025-01..2025-06_program-pbi_jkn_internal.png');
	});

	it('says in words, Indonesian then English, what was counted, every complaint included', () => {
		expect(exportAbout(all)).toBe(
			'Wilayah 33.28; periode 2025-01..2025-06; keluhan: semua kategori, semua program; standar layanan rujukan 14 hari / ' +
				'Area 33.28; period 2025-01..2025-06; complaints: all categories, all programmes; referral service standard 14 days'
		);
		expect(exportAbout(pkh)).toContain('keluhan: kategori Eksklusi (layak, tidak menerima), program PKH; standar layanan rujukan 21 hari');
		expect(exportAbout(pkh)).toContain('complaints: category Exclusion (eligible, not receiving), programme PKH; referral service standard 21 days');
	});

	it('puts that line under the privacy note of the CSV, and beside it in the GeoJSON', () => {
		const csv = parseExportCsv(desaCsv([], () => '', 'publik', exportAbout(pkh)));
		expect(csv.note).toContain('<5');
		expect(csv.about).toEqual([exportAbout(pkh)]);
		expect(csv.header[0]).toBe('kode_desa');
		expect(parseExportCsv(desaCsv([], () => '')).about).toEqual([]);
		const geo = desaGeoJson({ type: 'FeatureCollection', features: [] }, [], () => '', 'publik', null, exportAbout(pkh));
		expect(geo.tentang).toBe(exportAbout(pkh));
		expect(geo.keterangan).toContain('<5');
	});
});

describe("a public picture of the referral shares says they are of rounded counts", () => {
	it('for the completed and overdue shares in public, not for days, other layers or an internal copy', () => {
		expect(roundedSharesNote('rujukan', 'selesai', 'publik')).toMatch(/^Persentase per desa dihitung dari jumlah yang dibulatkan ke kelipatan 5.* \/ Village shares are computed from counts rounded/);
		expect(roundedSharesNote('rujukan', 'lewat', 'publik')).not.toBeNull();
		expect([roundedSharesNote('rujukan', 'median', 'publik'), roundedSharesNote('kemiskinan', 'selesai', 'publik'), roundedSharesNote('rujukan', 'selesai', 'internal')]).toEqual([null, null, null]);
	});
});
