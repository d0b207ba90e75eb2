/**
 * npx tsx scripts/prepare-geo.ts [--force]
 * Copies the pilot districts' desa/kelurahan boundaries from data/reference/boundaries/ into
 * static/geo/desa/kode_kab=PP.KK.geojson, the files the Peta view fetches: only the properties
 * the map shows, coordinates rounded, whitespace dropped. Skips files that are already newer than
 * their source and this script, so the data build can call it every time.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeKnownCodes } from '../src/lib/contract/known-codes';
import { queenContiguity } from '../src/lib/geo/contiguity';

const ROOT = join(import.meta.dirname, '..');

/** The five SLRT pilot districts and their boundary files. */
export const PILOT_BOUNDARIES: Readonly<Record<string, string>> = {
	'33.28': 'kab_tegal.geojson',
	'33.11': 'kab_sukoharjo.geojson',
	'73.03': 'kab_bantaeng.geojson',
	'75.01': 'kab_gorontalo.geojson',
	'35.76': 'kota_mojokerto.geojson'
};

/** Properties the map needs: code (promoteId), names for tooltips, kecamatan for ranking. */
export const KEPT_PROPERTIES = ['kode', 'nama', 'jenis', 'kode_kec', 'nama_kec'] as const;

/**
 * 5 decimals ≈ 1.1 m at the equator: finer than the upstream simplification (SOURCES.md), so
 * rounding moves no boundary visibly and keeps shared vertices within contiguity's 1e-4° tolerance.
 */
export const COORDINATE_DECIMALS = 5;

type Coords = number | Coords[];

export function roundCoordinates(c: Coords, decimals = COORDINATE_DECIMALS): Coords {
	const f = 10 ** decimals;
	return typeof c === 'number' ? Math.round(c * f) / f : c.map((x) => roundCoordinates(x, decimals));
}

interface Feature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: string; coordinates: Coords };
}

/**
 * The slimmed FeatureCollection: kept properties only, rounded coordinates, features by code, and
 * `tetangga`, each feature's queen neighbours by index as the page would work them out from these
 * very coordinates (src/lib/geo/contiguity.ts; the page reads them with storedContiguity). A
 * foreign member of the collection, so MapLibre's tiles do not carry it with every desa.
 */
export function slimBoundaries(fc: { features: Feature[] }): { type: 'FeatureCollection'; tetangga: number[][]; features: Feature[] } {
	const features = fc.features
		.map((f) => ({
			type: 'Feature' as const,
			properties: Object.fromEntries(KEPT_PROPERTIES.map((k) => [k, f.properties[k] ?? null])),
			geometry: { type: f.geometry.type, coordinates: roundCoordinates(f.geometry.coordinates) }
		}))
		.sort((a, b) => String(a.properties.kode).localeCompare(String(b.properties.kode)));
	return { type: 'FeatureCollection', tetangga: queenContiguity(features as never).neighbours, features };
}

export interface PrepareGeoOptions {
	root?: string;
	force?: boolean;
	log?: (line: string) => void;
}

/** Writes static/geo/desa/kode_kab=PP.KK.geojson for each pilot district; returns the files written. */
export function prepareGeo(options: PrepareGeoOptions = {}): string[] {
	const root = options.root ?? ROOT;
	const log = options.log ?? ((l) => console.log(l));
	const outDir = join(root, 'static', 'geo', 'desa');
	mkdirSync(outDir, { recursive: true });
	const scriptTime = statSync(fileURLToPath(import.meta.url)).mtimeMs;
	const written: string[] = [];
	for (const [kab, file] of Object.entries(PILOT_BOUNDARIES)) {
		const src = join(root, 'data', 'reference', 'boundaries', file);
		const out = join(outDir, `kode_kab=${kab}.geojson`);
		if (!options.force && existsSync(out)) {
			const t = statSync(out).mtimeMs;
			if (t >= statSync(src).mtimeMs && t >= scriptTime) continue;
		}
		const slim = slimBoundaries(JSON.parse(readFileSync(src, 'utf8')));
		writeFileSync(out, JSON.stringify(slim));
		written.push(out);
		log(`  batas desa / desa boundaries ${kab}: ${slim.features.length} desa → ${out}`);
	}
	if (written.length === 0) log('Batas desa sudah ada / desa boundaries up to date: static/geo/desa');
	// The real village codes the browser's import checks an upload against (contract/known-codes.ts).
	const codesSrc = join(root, 'data', 'reference', 'villages', 'indonesia_desa_centroids.csv');
	const codesOut = join(root, 'static', 'geo', 'kode-desa.txt');
	if (options.force || !existsSync(codesOut) || statSync(codesOut).mtimeMs < Math.max(statSync(codesSrc).mtimeMs, scriptTime)) {
		const codes = readFileSync(codesSrc, 'utf8')
			.split('\n')
			.slice(1)
			.map((l) => l.slice(0, l.indexOf(',')))
			.filter((c) => /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(c));
		writeFileSync(codesOut, encodeKnownCodes(codes));
		written.push(codesOut);
		log(`  kode desa Kemendagri / village codes: ${codes.length} → ${codesOut}`);
	}
	return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	prepareGeo({ force: process.argv.includes('--force') });
}
