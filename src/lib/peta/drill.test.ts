import { describe, expect, it } from 'vitest';
import type { Manifest } from '../contract/manifest';
import { breadcrumb, districtChoices } from './drill';

const m = {
	areas: [
		{ kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 287, kecamatan: [{ kode: '33.28.01', nama: 'Margasari' }, { kode: '33.28.02', nama: 'Bumijawa' }] },
		{ kode_kab: '33.11', nama_kab: 'Kabupaten Sukoharjo', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 167, kecamatan: [] },
		{ kode_kab: '75.01', nama_kab: 'Kabupaten Gorontalo', kode_prov: '75', nama_prov: 'Gorontalo', desa: 205, kecamatan: [] }
	]
} as unknown as Manifest;

describe('breadcrumb', () => {
	it('province › district, the district current', () => {
		expect(breadcrumb(m, '33.28')).toEqual([
			{ level: 'provinsi', label: 'Jawa Tengah', area: '33', current: false },
			{ level: 'kabupaten', label: 'Kabupaten Tegal', area: '33.28', current: true }
		]);
	});
	it('a selected desa adds its kecamatan (to drill into) and itself', () => {
		const c = breadcrumb(m, '33.28', { kode: '33.28.02.2005', nama: 'Guci', nama_kec: 'Bumijawa' });
		expect(c.map((x) => [x.label, x.area, x.current])).toEqual([
			['Jawa Tengah', '33', false],
			['Kabupaten Tegal', '33.28', false],
			['Kec. Bumijawa', '33.28.02', false],
			['Guci', null, true]
		]);
	});
	it('a kecamatan area is current; a province alone; an unknown area gives nothing', () => {
		expect(breadcrumb(m, '33.28.01').map((x) => [x.level, x.current])).toEqual([['provinsi', false], ['kabupaten', false], ['kecamatan', true]]);
		expect(breadcrumb(m, '75')).toEqual([{ level: 'provinsi', label: 'Gorontalo', area: '75', current: true }]);
		expect(breadcrumb(m, '99')).toEqual([]);
	});
});

describe('districtChoices', () => {
	it('lists a province’s districts by code, every district for everything, none once a district is chosen', () => {
		expect(districtChoices(m, '33').map((d) => d.kode)).toEqual(['33.11', '33.28']);
		expect(districtChoices(m, '').map((d) => d.kode)).toEqual(['33.11', '33.28', '75.01']);
		expect(districtChoices(m, '33.28')).toEqual([]);
	});
});
