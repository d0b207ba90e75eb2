import { describe, expect, test } from 'vitest';
import type { Manifest, ManifestArea } from '../contract/manifest';
import { areaCoverage, coverageText } from './coverage';

const area = (kode_kab: string, nama_kab: string, kode_prov: string, nama_prov: string): ManifestArea => ({ kode_kab, nama_kab, kode_prov, nama_prov, desa: 1, kecamatan: [{ kode: `${kode_kab}.01`, nama: 'X' }] });
const manifest = (areas: ManifestArea[], kabkota_total?: Manifest['kabkota_total']) => ({ areas, kabkota_total }) as Manifest;
const pilot = [area('33.28', 'Kabupaten Tegal', '33', 'Jawa Tengah'), area('33.11', 'Kabupaten Sukoharjo', '33', 'Jawa Tengah'), area('75.01', 'Kabupaten Gorontalo', '75', 'Gorontalo')];
const totals = { nasional: 514, provinsi: { '33': 35, '75': 6 } };

describe('what an area’s figures cover', () => {
	test('a province with 2 of its 35 districts in the extract: both named, in code order', () => {
		const c = areaCoverage(manifest(pilot, totals), '33');
		expect(c).toEqual({ province: 'Jawa Tengah', districts: [{ kode: '33.11', nama: 'Kabupaten Sukoharjo' }, { kode: '33.28', nama: 'Kabupaten Tegal' }], total: 35 });
		expect(coverageText(c!, 'id')).toBe('Cakupan ekstrak: 2 dari 35 kabupaten/kota di Jawa Tengah (Kabupaten Sukoharjo, Kabupaten Tegal). Angka wilayah ini hanya menjumlahkan kabupaten/kota tersebut.');
		expect(coverageText(c!, 'en')).toBe('Extract coverage: 2 of the 35 districts in Jawa Tengah (Kabupaten Sukoharjo, Kabupaten Tegal). This area\'s figures add up these districts only.');
	});
	test('the whole extract against the country; nothing said for a district, a kecamatan or a complete province', () => {
		expect(coverageText(areaCoverage(manifest(pilot, totals), '')!, 'id')).toContain('3 dari 514 kabupaten/kota di Indonesia');
		expect(areaCoverage(manifest(pilot, totals), '33.28')).toBeNull();
		expect(areaCoverage(manifest(pilot, totals), '33.28.01')).toBeNull();
		const gorontalo = Array.from({ length: 6 }, (_, i) => area(`75.0${i + 1}`, `Kab ${i + 1}`, '75', 'Gorontalo'));
		expect(areaCoverage(manifest(gorontalo, totals), '75')).toBeNull();
		expect(areaCoverage(manifest(pilot, totals), '99')).toBeNull();
	});
	test('an older manifest without the counts still names what is covered; a long list is cut', () => {
		expect(coverageText(areaCoverage(manifest(pilot), '33')!, 'id')).toBe('Cakupan ekstrak: 2 kabupaten/kota di Jawa Tengah (Kabupaten Sukoharjo, Kabupaten Tegal). Angka wilayah ini hanya menjumlahkan kabupaten/kota tersebut.');
		const many = Array.from({ length: 8 }, (_, i) => area(`33.${String(i + 1).padStart(2, '0')}`, `Kab ${i + 1}`, '33', 'Jawa Tengah'));
		expect(coverageText(areaCoverage(manifest(many, totals), '33')!, 'en')).toBe("Extract coverage: 8 of the 35 districts in Jawa Tengah (Kab 1, Kab 2, Kab 3, Kab 4, Kab 5 and 3 more). This area's figures add up these districts only.");
	});
});
