/** The demo case database: the five pilot districts, written as the contract's CSV export. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_NAMES, TABLES } from '../../src/lib/contract/schema';
import { CsvSink } from '../lib/csv-sink';
import { generateDistrict, type Sinks } from './district';
import { loadDistrictDesa, loadDistrictStats, loadJawaTengahDesa, PILOT_DISTRICTS } from './reference';

export type Scale = 'pilot' | 'province';

export interface GenerateOptions {
	outDir: string;
	seed: string;
	scale: Scale;
	/** limit to these district codes (default: all of the scale) */
	districts?: readonly string[];
	log?: (line: string) => void;
}

export function generateDemo(opts: GenerateOptions) {
	mkdirSync(opts.outDir, { recursive: true });
	const sinks = Object.fromEntries(
		TABLE_NAMES.map((t) => [t, new CsvSink(join(opts.outDir, `${t}.csv`), TABLES[t].columns.map((c) => c.name))])
	) as Sinks;
	const stats = loadDistrictStats();
	const plan = opts.scale === 'province' ? provincePlan() : PILOT_DISTRICTS.map((d) => ({ kode: d.kode, desa: loadDistrictDesa(d.file), named: d.namedPuskesos as readonly string[] }));
	const summary = [];
	try {
		for (const d of plan) {
			if (opts.districts && !opts.districts.includes(d.kode)) continue;
			const s = stats.get(d.kode);
			if (!s) throw new Error(`No BPS statistics for district ${d.kode}`);
			const counts = generateDistrict(d.desa, s, d.named, opts.seed, sinks);
			opts.log?.(`${d.kode} ${s.nama}: ${d.desa.length} desa, ${counts.households} rumah tangga, ${counts.keluhan} keluhan, ${counts.rujukan} rujukan, ${counts.puskesos} Puskesos`);
			summary.push({ kode: d.kode, ...counts });
		}
	} finally {
		for (const t of TABLE_NAMES) sinks[t].close();
	}
	return summary;
}

function provincePlan() {
	const named = new Map<string, readonly string[]>(PILOT_DISTRICTS.map((d) => [d.kode, d.namedPuskesos]));
	return [...loadJawaTengahDesa()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kode, desa]) => ({ kode, desa, named: named.get(kode) ?? [] }));
}
