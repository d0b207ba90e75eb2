/**
 * The real reference data the demo is calibrated to: village boundaries (data/reference/boundaries)
 * and BPS poverty and Dukcapil population (data/reference/stats).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import Papa from 'papaparse';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export const REFERENCE_DIR = join(import.meta.dirname, '..', '..', 'data', 'reference');

/** The five districts that piloted SLRT, with the Puskesos named in public reports. */
export const PILOT_DISTRICTS = [
	{ kode: '33.28', file: 'kab_tegal.geojson', namedPuskesos: [] as string[] },
	{ kode: '33.11', file: 'kab_sukoharjo.geojson', namedPuskesos: [] },
	{ kode: '73.03', file: 'kab_bantaeng.geojson', namedPuskesos: [] },
	{ kode: '75.01', file: 'kab_gorontalo.geojson', namedPuskesos: ['Pilolalenga', 'Bongongoayu'] },
	{ kode: '35.76', file: 'kota_mojokerto.geojson', namedPuskesos: ['Surodinawan', 'Wates'] }
] as const;

export interface Desa {
	kode: string;
	nama: string;
	jenis: 'desa' | 'kelurahan';
	kode_kec: string;
	nama_kec: string;
	kode_kab: string;
	nama_kab: string;
	kode_prov: string;
	nama_prov: string;
	lat: number;
	lng: number;
	areaKm2: number;
}

export interface DistrictStats {
	kode: string;
	nama: string;
	/** BPS P0 2025, percent of people below the poverty line */
	p0: number;
	/** BPS poverty line 2025, Rp per capita per month */
	garisKemiskinan: number;
	/** Dukcapil population 2025 (Kepmendagri 300.2.2-2138/2025) */
	penduduk: number;
}

type VillageProps = Omit<Desa, 'areaKm2'>;

function desaFromFeatures(features: Feature<Polygon | MultiPolygon, VillageProps>[]): Desa[] {
	return features
		.map((f) => ({ ...pickProps(f.properties), areaKm2: area(f) / 1e6 }))
		.sort((a, b) => (a.kode < b.kode ? -1 : 1));
}

function pickProps(p: VillageProps): VillageProps {
	const { kode, nama, jenis, kode_kec, nama_kec, kode_kab, nama_kab, kode_prov, nama_prov, lat, lng } = p;
	return { kode, nama, jenis, kode_kec, nama_kec, kode_kab, nama_kab, kode_prov, nama_prov, lat, lng };
}

export function loadDistrictDesa(file: string): Desa[] {
	const fc = JSON.parse(readFileSync(join(REFERENCE_DIR, 'boundaries', file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, VillageProps>;
	return desaFromFeatures(fc.features);
}

/** All 8,563 desa of Jawa Tengah, for province-scale performance work. */
export function loadJawaTengahDesa(): Map<string, Desa[]> {
	const raw = gunzipSync(readFileSync(join(REFERENCE_DIR, 'boundaries', 'prov_jawa_tengah_desa.geojson.gz')));
	const fc = JSON.parse(raw.toString('utf8')) as FeatureCollection<Polygon | MultiPolygon, VillageProps>;
	const byKab = new Map<string, Desa[]>();
	for (const d of desaFromFeatures(fc.features)) {
		const list = byKab.get(d.kode_kab) ?? [];
		list.push(d);
		byKab.set(d.kode_kab, list);
	}
	return byKab;
}

function readCsv(path: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

export function loadDistrictStats(): Map<string, DistrictStats> {
	const rows = readCsv(join(REFERENCE_DIR, 'stats', 'kemiskinan_kabkota_ringkas_terbaru.csv'));
	const out = new Map<string, DistrictStats>();
	for (const r of rows) {
		out.set(r.kode_kemendagri, {
			kode: r.kode_kemendagri,
			nama: r.nama_kemendagri,
			p0: Number(r.p0_persen_2025),
			garisKemiskinan: Number(r.garis_kemiskinan_rp_2025),
			penduduk: Number(r.penduduk_dukcapil_kepmendagri_2025)
		});
	}
	return out;
}

/** Every real Kemendagri village code (83,403), to reject codes that do not exist. */
export function loadKnownDesaCodes(): Set<string> {
	const text = readFileSync(join(REFERENCE_DIR, 'villages', 'indonesia_desa_centroids.csv'), 'utf8');
	const codes = new Set<string>();
	for (const line of text.split('\n').slice(1)) {
		const comma = line.indexOf(',');
		if (comma > 0) codes.add(line.slice(0, comma));
	}
	return codes;
}
