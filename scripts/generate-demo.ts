/**
 * npm run generate -- [--seed S] [--out DIR] [--scale pilot|province] [--districts 33.28,75.01]
 * Writes the demo case database as CSV files in the contract's layout (what a Dinas exports).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DEFAULT_SEED } from './demo/config';
import { generateDemo, type Scale } from './demo/generate';

const { values } = parseArgs({
	options: {
		seed: { type: 'string', default: DEFAULT_SEED },
		out: { type: 'string' },
		scale: { type: 'string', default: 'pilot' },
		districts: { type: 'string' }
	}
});
const scale = values.scale as Scale;
if (scale !== 'pilot' && scale !== 'province') throw new Error(`--scale must be pilot or province, not ${values.scale}`);
const outDir = values.out ?? join(import.meta.dirname, '..', 'data', 'demo', scale, 'export');
const t0 = performance.now();
generateDemo({ outDir, seed: values.seed!, scale, districts: values.districts?.split(','), log: console.log });
console.log(`Demo case database (${scale}, seed "${values.seed}") written to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
