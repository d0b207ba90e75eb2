/**
 * npm run data [-- --if-missing]
 * Builds the bundled demo: the seeded case database (CSV export) → the extract pipeline →
 * static/extracts/, exactly the route a Dinas's own export takes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SCHEMA_VERSION } from '../src/lib/contract/schema';
import { DEFAULT_SEED, DEMO_EXTRACT_DATE, HISTORY_MONTHS } from './demo/config';
import { generateDemo } from './demo/generate';
import { loadKnownDesaCodes } from './demo/reference';
import { runExtract } from './pipeline/extract';
import { buildNational } from './national/build';
import { prepareGeo } from './prepare-geo';
import { prepareProvinceGeo } from './lib/province';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
	options: { 'if-missing': { type: 'boolean', default: false }, seed: { type: 'string', default: DEFAULT_SEED }, scale: { type: 'string', default: 'pilot' } }
});
const scale = values.scale === 'province' ? 'province' : 'pilot';
// The pilot demo is what the app serves; the province (~11M households) is for performance work.
const outDir = scale === 'pilot' ? join(ROOT, 'static', 'extracts') : join(ROOT, 'data', 'demo', 'province', 'extracts');
const manifestPath = join(outDir, 'manifest.json');

function upToDate(): boolean {
	if (!existsSync(manifestPath)) return false;
	try {
		const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
		// An extract from before the manifest said how many kabupaten/kota there are, or carried the export rounding key, is made again.
		return m.schema_version === SCHEMA_VERSION && m.kabkota_total !== undefined && m.kunci_pembulatan !== undefined;
	} catch {
		return false;
	}
}

if (values['if-missing'] && upToDate()) {
	console.log(`Data demo sudah ada / demo data present: ${manifestPath}`);
} else {
	const t0 = performance.now();
	const exportDir = join(ROOT, 'data', 'demo', scale, 'export');
	console.log('Membuat basis data kasus demo / generating the demo case database…');
	generateDemo({ outDir: exportDir, seed: values.seed!, scale, log: (l) => console.log(`  ${l}`) });
	console.log('Menjalankan pipeline ekstrak / running the extract pipeline…');
	const r = await runExtract({
		inDir: exportDir,
		outDir,
		reportDir: join(ROOT, 'data', 'demo', scale, 'laporan'),
		extractDate: DEMO_EXTRACT_DATE,
		months: HISTORY_MONTHS,
		knownDesa: loadKnownDesaCodes(),
		source: 'demo',
		log: (l) => console.log(`  ${l}`)
	});
	if (r.errors > 0) throw new Error(`The demo data should validate cleanly but ${r.errors} rows were rejected: see data/demo/${scale}/laporan`);
	console.log(`Data demo siap / demo data ready in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${outDir}`);
}

// The map's desa boundaries (static/geo/), rewritten only when their sources changed.
prepareGeo();
// The province's desa boundaries, one file per district, served in place of the pilot's (npm run start:province).
if (scale === 'province') prepareProvinceGeo();
// The national extract for Bandingkan (static/nasional/), rewritten only when an input changed.
if (scale === 'pilot') await buildNational(ROOT);
