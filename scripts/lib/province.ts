/**
 * The province demo (Jawa Tengah, `npm run data -- --scale province`) as the app serves it: its
 * extracts in data/demo/province/extracts/ and its desa boundaries, one file per district as Peta
 * fetches them (geo/desa/kode_kab=PP.KK.geojson), cut from the province's boundary file. The pilot's
 * build is served with these two folders in place of its own (served-dir.ts); nothing is copied.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { slimBoundaries } from '../prepare-geo';
import { servedDir } from './served-dir';

const ROOT = join(import.meta.dirname, '..', '..');

/** Jawa Tengah, the province the demo generates. */
export const PROVINCE_KODE = '33';
/** Every desa/kelurahan of Jawa Tengah (data/reference/boundaries/SOURCES.md). */
export const PROVINCE_BOUNDARIES = 'prov_jawa_tengah_desa.geojson.gz';
/** Written after the last district file, so a half-written folder is never taken as up to date. */
const STAMP = '.prepared';

export function provincePaths(root = ROOT) {
	const dir = join(root, 'data', 'demo', 'province');
	return {
		dir,
		extracts: join(dir, 'extracts'),
		manifest: join(dir, 'extracts', 'manifest.json'),
		/** served as /geo */
		geo: join(dir, 'geo'),
		geoDesa: join(dir, 'geo', 'desa'),
		source: join(root, 'data', 'reference', 'boundaries', PROVINCE_BOUNDARIES),
		build: join(root, 'build')
	};
}

type Feature = Parameters<typeof slimBoundaries>[0]['features'][number];

/** The province's features grouped by district code (`kode_kab`, else the code's first two parts). */
export function splitByDistrict(fc: { features: Feature[] }): Map<string, Feature[]> {
	const out = new Map<string, Feature[]>();
	for (const f of fc.features) {
		const kode = String(f.properties.kode ?? '');
		const kab = String(f.properties.kode_kab ?? kode.split('.').slice(0, 2).join('.'));
		if (!/^\d{2}\.\d{2}$/.test(kab)) throw new Error(`${PROVINCE_BOUNDARIES}: feature "${kode}" has no district code (kode_kab)`);
		const list = out.get(kab) ?? [];
		list.push(f);
		out.set(kab, list);
	}
	return out;
}

/**
 * Writes data/demo/province/geo/desa/kode_kab=PP.KK.geojson for every district of the province
 * (slimmed as the pilot's, prepare-geo.ts). Skipped when already newer than its source and this
 * script, so the data build can call it every time. Returns the files written.
 */
export function prepareProvinceGeo(options: { root?: string; force?: boolean; log?: (line: string) => void } = {}): string[] {
	const p = provincePaths(options.root);
	const log = options.log ?? ((l) => console.log(l));
	const stamp = join(p.geoDesa, STAMP);
	if (!options.force && existsSync(stamp)) {
		const t = statSync(stamp).mtimeMs;
		const inputs = [p.source, fileURLToPath(import.meta.url), fileURLToPath(new URL('../prepare-geo.ts', import.meta.url))];
		if (inputs.every((f) => t >= statSync(f).mtimeMs)) {
			log(`Batas desa provinsi sudah ada / province desa boundaries up to date: ${p.geoDesa}`);
			return [];
		}
	}
	mkdirSync(p.geoDesa, { recursive: true });
	const written: string[] = [];
	const byDistrict = splitByDistrict(JSON.parse(gunzipSync(readFileSync(p.source)).toString('utf8')));
	for (const [kab, features] of byDistrict) {
		const out = join(p.geoDesa, `kode_kab=${kab}.geojson`);
		writeFileSync(out, JSON.stringify(slimBoundaries({ features })));
		written.push(out);
	}
	writeFileSync(stamp, `${new Date().toISOString()}\n`);
	log(`  batas desa provinsi / province desa boundaries: ${byDistrict.size} kabupaten/kota → ${p.geoDesa}`);
	return written;
}

/** What is missing to serve the province, as a message naming the command that makes it; null when ready. */
export function provinceMissing(root = ROOT): string | null {
	const p = provincePaths(root);
	if (!existsSync(p.manifest)) return `${p.manifest} is missing: run npm run data -- --scale province`;
	if (!existsSync(join(p.geoDesa, STAMP))) return `${p.geoDesa} is missing: run npm run data -- --scale province --if-missing`;
	if (!existsSync(join(p.build, 'index.html'))) return `${p.build} is missing: run npx vite build`;
	return null;
}

/** A temporary directory serving the app's build with the province's extracts and boundaries. */
export function provinceServedDir(root = ROOT): string {
	const missing = provinceMissing(root);
	if (missing) throw new Error(missing);
	const p = provincePaths(root);
	return servedDir(p.build, { extracts: p.extracts, geo: p.geo }, 'slrt-province-');
}
