/**
 * npm run extract -- --in DIR --out DIR [--report DIR] [--extract-date YYYY-MM-DD] [--months 24] [--route fast|js]
 * Env SLRT_PSEUDONYM_SALT: secret salt used to pseudonymise NIK-shaped ids (never commit it).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadKnownDesaCodes } from './demo/reference';
import { runExtract } from './pipeline/extract';

const { values } = parseArgs({
	options: {
		in: { type: 'string' },
		out: { type: 'string', default: join(import.meta.dirname, '..', 'static', 'extracts') },
		report: { type: 'string' },
		'extract-date': { type: 'string', default: new Date().toISOString().slice(0, 10) },
		months: { type: 'string', default: '24' },
		source: { type: 'string', default: 'extract' },
		// 'js' runs every row through the JS validator: the slow reference route, for comparison
		route: { type: 'string', default: 'fast' }
	}
});
if (!values.in) {
	console.error('Pakai / usage: npm run extract -- --in <folder CSV> [--out static/extracts] [--extract-date YYYY-MM-DD]');
	process.exit(2);
}
const t0 = performance.now();
try {
	const r = await runExtract({
		inDir: values.in,
		outDir: values.out!,
		reportDir: values.report ?? join(values.in, '..', 'laporan'),
		extractDate: values['extract-date']!,
		months: Number(values.months),
		salt: process.env.SLRT_PSEUDONYM_SALT,
		knownDesa: loadKnownDesaCodes(),
		source: values.source === 'demo' ? 'demo' : 'extract',
		route: values.route === 'js' ? 'js' : 'fast',
		log: console.log
	});
	console.log(`Ekstrak selesai / extract done: ${r.manifest.files.length} berkas Parquet, ${r.errors} baris ditolak, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${values.out}`);
} catch (e) {
	console.error(`GAGAL / FAILED: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(1);
}
