import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { PROVINCE_BOUNDARIES, prepareProvinceGeo, provinceMissing, provincePaths, provinceServedDir, splitByDistrict } from './province';
import { removeServedDir } from './served-dir';

const made: string[] = [];
afterEach(() => {
	for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 0.123456789, 0], [x + 0.123456789, 0.1], [x, 0]]] });
const desa = (kode: string, extra: Record<string, unknown> = {}) => ({
	type: 'Feature' as const,
	properties: { kode, nama: `Desa ${kode}`, jenis: 'desa', kode_kec: kode.slice(0, 8), nama_kec: 'Kec', kode_kab: kode.slice(0, 5), lat: 1, lng: 2, ...extra },
	geometry: square(Number(kode.slice(-1)))
});

/** A root with the province's boundary file made of the given features. */
function rootWith(features: unknown[]): string {
	const root = mkdtempSync(join(tmpdir(), 'province-test-'));
	made.push(root);
	const dir = join(root, 'data', 'reference', 'boundaries');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, PROVINCE_BOUNDARIES), gzipSync(JSON.stringify({ type: 'FeatureCollection', features })));
	return root;
}

describe('splitByDistrict', () => {
	test('groups by kode_kab, else by the code of the desa', () => {
		const { kode_kab: _, ...noKab } = desa('33.74.01.1003').properties;
		const groups = splitByDistrict({ features: [desa('33.01.01.2001'), desa('33.74.01.1001'), desa('33.01.02.2002'), { ...desa('x'), properties: noKab }] as never });
		expect([...groups.keys()]).toEqual(['33.01', '33.74']);
		expect(groups.get('33.01')!.map((f) => f.properties.kode)).toEqual(['33.01.01.2001', '33.01.02.2002']);
		expect(groups.get('33.74')).toHaveLength(2);
	});

	test('names a feature without a district code', () => {
		expect(() => splitByDistrict({ features: [{ ...desa('33.01.01.2001'), properties: { kode: 'abc' } }] as never })).toThrow(/"abc" has no district code/);
	});
});

describe('prepareProvinceGeo', () => {
	test('writes one slimmed file per district, then skips while up to date', () => {
		const root = rootWith([desa('33.74.01.1002'), desa('33.01.01.2001'), desa('33.74.01.1001')]);
		const lines: string[] = [];
		const written = prepareProvinceGeo({ root, log: (l) => lines.push(l) });
		const p = provincePaths(root);
		expect(written.sort()).toEqual([join(p.geoDesa, 'kode_kab=33.01.geojson'), join(p.geoDesa, 'kode_kab=33.74.geojson')]);
		const semarang = JSON.parse(readFileSync(join(p.geoDesa, 'kode_kab=33.74.geojson'), 'utf8'));
		// Sorted by code, only the properties the map uses, coordinates to 5 decimals (prepare-geo.ts).
		expect(semarang.features.map((f: { properties: { kode: string } }) => f.properties.kode)).toEqual(['33.74.01.1001', '33.74.01.1002']);
		expect(Object.keys(semarang.features[0].properties)).toEqual(['kode', 'nama', 'jenis', 'kode_kec', 'nama_kec']);
		expect(semarang.features[0].geometry.coordinates[0][1]).toEqual([1.12346, 0]);
		expect(prepareProvinceGeo({ root, log: (l) => lines.push(l) })).toEqual([]);
		expect(lines.at(-1)).toMatch(/up to date/);
		expect(prepareProvinceGeo({ root, force: true, log: () => {} })).toHaveLength(2);
	});
});

describe('provinceServedDir', () => {
	test('says what is missing, then serves the build with the province extracts and boundaries', () => {
		const root = rootWith([desa('33.74.01.1001')]);
		const p = provincePaths(root);
		expect(provinceMissing(root)).toMatch(/manifest\.json is missing: run npm run data -- --scale province/);
		mkdirSync(p.extracts, { recursive: true });
		writeFileSync(p.manifest, '{}');
		expect(provinceMissing(root)).toMatch(/geo.desa is missing/);
		prepareProvinceGeo({ root, log: () => {} });
		expect(() => provinceServedDir(root)).toThrow(/build is missing: run npx vite build/);
		mkdirSync(join(p.build, 'extracts'), { recursive: true });
		mkdirSync(join(p.build, 'geo', 'desa'), { recursive: true });
		writeFileSync(join(p.build, 'index.html'), '<html>');

		const dir = provinceServedDir(root);
		expect(readlinkSync(join(dir, 'extracts'))).toBe(p.extracts);
		expect(readlinkSync(join(dir, 'geo'))).toBe(p.geo);
		expect(existsSync(join(dir, 'geo', 'desa', 'kode_kab=33.74.geojson'))).toBe(true);
		expect(readlinkSync(join(dir, 'index.html'))).toBe(join(p.build, 'index.html'));
		removeServedDir(dir);
		expect(existsSync(join(p.build, 'extracts'))).toBe(true);
	});
});
