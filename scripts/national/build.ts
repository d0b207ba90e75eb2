/**
 * Writes the national extract the Bandingkan view reads, at data-build time:
 * - static/nasional/indikator.json: all 514 kabupaten/kota, the pilot districts computed from their
 *   case data, every other one synthetic (seeded), each flagged, with real BPS P0 (2023–2025), P1,
 *   P2, poverty line and Dukcapil population;
 * - static/nasional/kabkota.geojson: the kabupaten/kota boundaries decoded from the simplified
 *   TopoJSON, for the national choropleth (feature ids promoted from `kode`).
 * Both are generated (gitignored like static/extracts) and rewritten only when an input changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/lib/indicators/catalogue';
import type { NationalFile } from '../../src/lib/indicators/national';
import { loadCatalogue } from '../../src/lib/indicators/validate';
import { defaultPeriod } from '../../src/lib/state/view';
import { previousPeriod } from '../../src/lib/indicators/scorecard';
import type { Manifest } from '../../src/lib/contract/manifest';
import { pilotIndicators } from './pilot';
import { BPS_YEAR, KABKOTA_COUNT, P0_YEARS, readDistricts } from './reference';
import { syntheticIndicators, syntheticPrevious } from './synthetic';
import { topoToGeo, type Topology } from './topojson';

/** Seed of the synthetic districts; change it and every synthetic value changes, deterministically. */
export const NATIONAL_SEED = 20_180_515; // Permensos 15/2018
/** Bump when the generator's logic changes, so existing files are rebuilt. */
const GENERATOR_VERSION = 5;

export async function buildNational(root: string, log: (l: string) => void = console.log): Promise<void> {
	const outDir = join(root, 'static', 'nasional');
	const extracts = join(root, 'static', 'extracts');
	const topoPath = join(root, 'data', 'reference', 'boundaries', 'indonesia_kabkota.simplified.topojson');
	const statsDir = join(root, 'data', 'reference', 'stats');
	const manifestText = readFileSync(join(extracts, 'manifest.json'), 'utf8');
	const hash = createHash('sha256');
	for (const part of [String(GENERATOR_VERSION), String(NATIONAL_SEED), manifestText, JSON.stringify(CATALOGUE), readFileSync(topoPath, 'utf8')]) hash.update(part);
	for (const f of ['kabkota_kode_bps_kemendagri.csv', 'kemiskinan_kabkota_ringkas_terbaru.csv', 'penduduk_kabkota_kemendagri_2025.csv']) hash.update(readFileSync(join(statsDir, f)));
	const inputs = hash.digest('hex');
	const stamp = join(outDir, 'inputs.sha256');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs && existsSync(join(outDir, 'indikator.json')) && existsSync(join(outDir, 'kabkota.geojson'))) {
		log(`Data nasional sudah ada / national data present: ${outDir}`);
		return;
	}
	const catalogue = loadCatalogue(CATALOGUE);
	if (!catalogue.value) throw new Error(`Indicator catalogue invalid:\n${catalogue.errors.join('\n')}`);
	const defs = catalogue.value;
	const manifest = JSON.parse(manifestText) as Manifest;
	const period = defaultPeriod(manifest);
	const districts = readDistricts(root);
	const pilots = manifest.areas.map((a) => a.kode_kab);
	const unknown = pilots.filter((k) => !districts.some((d) => d.kode === k));
	if (unknown.length) throw new Error(`Pilot districts not in the BPS/Kemendagri list: ${unknown.join(', ')}`);
	// The pilots' values as a public file gives them (pilot.ts): rounded with the extract's key.
	const key = manifest.kunci_pembulatan;
	if (!key) throw new Error(`${join(extracts, 'manifest.json')} has no kunci_pembulatan: rebuild the extract (npm run data) before the national file`);
	log(`Menghitung indikator ${pilots.length} kabupaten pilot / computing the pilot districts' indicators…`);
	const pilotValues = await pilotIndicators(extracts, pilots, defs, period, key);
	// The 12 months before, for the change of each district's figures and score (none before the data's window).
	const before = previousPeriod(period, manifest.window);
	const pilotBefore = before ? await pilotIndicators(extracts, pilots, defs, before, key) : null;
	const ids = defs.filter((d) => d.kind !== 'bps').map((d) => d.id);
	const incomparable = new Set(defs.filter((d) => d.comparable === false).map((d) => d.id));
	const file: NationalFile = {
		versi: 2,
		periode: period,
		...(before ? { periode_sebelumnya: before } : {}),
		seed: NATIONAL_SEED,
		tahun_p0: [...P0_YEARS],
		indikator: ids,
		kabkota: districts.map((d) => {
			const pilot = pilotValues.get(d.kode);
			const input = { kode: d.kode, nama: d.nama, kode_prov: d.kode_prov, p0: d.p0[String(BPS_YEAR)] };
			const values = pilot ?? syntheticIndicators(input, NATIONAL_SEED);
			// The period before: the pilot's case data over it; a synthetic district drawn with the year before's P0.
			const earlier = before ? (pilotBefore!.get(d.kode) ?? (pilot ? null : syntheticPrevious({ ...input, p0: d.p0[String(BPS_YEAR - 1)] }, NATIONAL_SEED))) : null;
			return {
				kode: d.kode,
				nama: d.nama,
				kode_prov: d.kode_prov,
				nama_prov: d.nama_prov,
				sumber: pilot ? 'pilot' : 'sintetis',
				nilai: Object.fromEntries(ids.map((id) => [id, values[id] ?? null])),
				// None for a figure whose past value is only a bound (comparable: false).
				...(earlier ? { nilai_sebelumnya: Object.fromEntries(ids.map((id) => [id, incomparable.has(id) ? null : (earlier[id] ?? null)])) } : {}),
				bps: { p0: d.p0, p1: d.p1, p2: d.p2, garis_kemiskinan: d.garis_kemiskinan, penduduk: d.penduduk, tahun: BPS_YEAR }
			};
		})
	};
	const topo = JSON.parse(readFileSync(topoPath, 'utf8')) as Topology;
	const geo = topoToGeo(topo, 'indonesia_kabkota');
	geo.features = geo.features.map((f) => ({ ...f, properties: { kode: f.properties.kode, nama: f.properties.nama, kode_prov: f.properties.kode_prov, nama_prov: f.properties.nama_prov } }));
	if (geo.features.length !== KABKOTA_COUNT) throw new Error(`${topoPath}: ${geo.features.length} kabupaten/kota, expected ${KABKOTA_COUNT}`);
	const codes = new Set(districts.map((d) => d.kode));
	const missing = geo.features.filter((f) => !codes.has(String(f.properties.kode)));
	if (missing.length) throw new Error(`${topoPath}: codes not in the BPS/Kemendagri list: ${missing.map((f) => f.properties.kode).join(', ')}`);
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'indikator.json'), JSON.stringify(file));
	writeFileSync(join(outDir, 'kabkota.geojson'), JSON.stringify(geo));
	writeFileSync(stamp, inputs);
	log(`Data nasional / national data: ${file.kabkota.length} kabupaten/kota (${pilots.length} pilot, ${file.kabkota.length - pilots.length} sintetis) → ${outDir}`);
}
