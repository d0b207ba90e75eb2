import { describe, expect, it } from 'vitest';
import { checkManifest } from './manifest';
import { SCHEMA_VERSION } from './schema';

const sha = 'a'.repeat(64);
const base = {
	schema_version: SCHEMA_VERSION,
	source: 'demo',
	extract_date: '2026-10-31',
	window: { start: '2024-11', end: '2026-10' },
	areas: [{ kode_kab: '33.28', nama_kab: 'Kabupaten Tegal', kode_prov: '33', nama_prov: 'Jawa Tengah', desa: 287, kecamatan: [] }],
	tables: {},
	files: [],
	summaries: [],
	databases: []
};
const province = { path: 'ringkasan/kode_prov=33.json', table: 'ringkasan', kode_kab: '', kode_prov: '33', rows: 0, bytes: 1, sha256: sha };

describe('checkManifest: province summaries', () => {
	it('accepts an extract without them (older extracts) and one with a well-formed entry', () => {
		expect(checkManifest(base).errors).toEqual([]);
		expect(checkManifest({ ...base, province_summaries: [province] }).errors).toEqual([]);
	});
	it('names an entry without its province, with a bad SHA-256 or a path leaving the extract', () => {
		for (const bad of [{ ...province, kode_prov: undefined }, { ...province, sha256: 'xyz' }, { ...province, path: '../x.json' }]) {
			expect(checkManifest({ ...base, province_summaries: [bad] }).errors).toEqual(['entri ringkasan provinsi tidak sah / invalid province summary entry']);
		}
		expect(checkManifest({ ...base, province_summaries: 'ringkasan' }).errors).toEqual(['entri ringkasan provinsi tidak sah / invalid province summary entry']);
	});
});

describe('checkManifest: Peta summaries', () => {
	const peta = { path: 'ringkasan/peta/kode_kab=33.28.json', table: 'ringkasan', kode_kab: '33.28', rows: 0, bytes: 10, sha256: 'a'.repeat(64) };
	it('accepts an extract without them (older extracts) and one with a well-formed entry', () => {
		expect(checkManifest({ ...base, peta_summaries: [peta] }).errors).toEqual([]);
	});
	it('names an entry without its district, with a bad SHA-256 or a path leaving the extract', () => {
		for (const bad of [{ ...peta, kode_kab: undefined }, { ...peta, sha256: 'xyz' }, { ...peta, path: '../x.json' }]) {
			expect(checkManifest({ ...base, peta_summaries: [bad] }).errors).toEqual(['entri ringkasan peta tidak sah / invalid map summary entry']);
		}
	});
});

describe('checkManifest: kabkota_total', () => {
	it('accepts an extract without it (older extracts) and well-formed counts', () => {
		expect(checkManifest({ ...base, kabkota_total: { nasional: 514, provinsi: { '33': 35 } } }).errors).toEqual([]);
	});
	it('names counts that are not whole numbers above zero', () => {
		for (const bad of [{ nasional: 0, provinsi: {} }, { nasional: 514, provinsi: { '33': '35' } }, { nasional: 514 }, 'semua'])
			expect(checkManifest({ ...base, kabkota_total: bad }).errors).toEqual(['kabkota_total tidak sah / invalid kabkota_total']);
	});
});

describe('checkManifest: kunci_pembulatan', () => {
	it('accepts 64 hex digits, or none (older extracts)', () => {
		expect(checkManifest({ ...base, kunci_pembulatan: 'a1'.repeat(32) }).errors).toEqual([]);
		expect(checkManifest(base).errors).toEqual([]);
	});
	it('refuses anything else, which would round public files with a guessable key', () => {
		for (const bad of ['', 'demo', 'A1'.repeat(32), 'a1'.repeat(33), 42])
			expect(checkManifest({ ...base, kunci_pembulatan: bad }).errors).toEqual(['kunci_pembulatan bukan 64 digit heksadesimal / kunci_pembulatan is not 64 hex digits']);
	});
});
