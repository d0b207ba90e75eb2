import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableIntake, type IntakeError } from '../../src/lib/contract/intake';
import { IntegrityChecker } from '../../src/lib/contract/integrity';
import { TABLE_NAMES, TABLES } from '../../src/lib/contract/schema';
import { DEFAULT_SEED, DEMO_EXTRACT_DATE } from './config';
import { generateDemo } from './generate';
import { loadKnownDesaCodes, PILOT_DISTRICTS, REFERENCE_DIR } from './reference';

const MOJOKERTO = '35.76';
const GORONTALO = '75.01';
/** How close the generated poverty rate must be to BPS P0, in percentage points. */
const P0_TOLERANCE_PP = 0.5;
/** Generating all five pilot districts takes ~20 s on two cores. */
const GENERATE_ALL_TIMEOUT_MS = 120_000;

const tmpDirs: string[] = [];
function tmp(): string {
	const dir = mkdtempSync(join(tmpdir(), 'slrt-demo-'));
	tmpDirs.push(dir);
	return dir;
}
afterAll(() => {
	for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

function hashes(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')])
	);
}

function generateMojokerto(seed: string): string {
	const dir = tmp();
	generateDemo({ outDir: dir, seed, scale: 'pilot', districts: [MOJOKERTO] });
	return dir;
}

describe('demo generator: Kota Mojokerto', () => {
	let first: string;
	beforeAll(() => {
		first = generateMojokerto(DEFAULT_SEED);
	});

	it('writes byte-identical CSV files for the same seed', () => {
		const a = hashes(first);
		expect(Object.keys(a)).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
		expect(hashes(generateMojokerto(DEFAULT_SEED))).toEqual(a);
	});

	it('writes different data for a different seed', () => {
		const a = hashes(first);
		const b = hashes(generateMojokerto(`${DEFAULT_SEED}-lain`));
		expect(b['rumah_tangga.csv']).not.toBe(a['rumah_tangga.csv']);
		expect(b['keluhan.csv']).not.toBe(a['keluhan.csv']);
		expect(b['rujukan.csv']).not.toBe(a['rujukan.csv']);
	});

	it('validates against the contract with no rejected row', () => {
		const checker = new IntegrityChecker(loadKnownDesaCodes());
		const errors: IntakeError[] = [];
		for (const name of TABLE_NAMES) {
			const intake = new TableIntake(TABLES[name], checker, { maxDate: DEMO_EXTRACT_DATE, onError: (e) => errors.push(e) });
			const { data } = Papa.parse<string[]>(readFileSync(join(first, `${name}.csv`), 'utf8'), { skipEmptyLines: 'greedy' });
			intake.header(data[0]);
			data.slice(1).forEach((fields, i) => intake.row(fields, i + 2));
			expect(errors.slice(0, 5), name).toEqual([]);
			expect(intake.read, name).toBeGreaterThan(0);
			expect(intake.accepted, name).toBe(data.length - 1);
			expect(checker.count(name), name).toBe(data.length - 1);
		}
		expect(checker.count('rumah_tangga')).toBeGreaterThan(30_000);
	});
});

interface DistrictTally {
	people: number;
	poorPeople: number;
	households: number;
	desil1to4: number;
	desilCounts: number[];
}

describe('demo generator: calibration of the five pilot districts to BPS 2025', () => {
	const stats = new Map<string, { p0: number; garis: number }>();
	const tally = new Map<string, DistrictTally>();

	beforeAll(() => {
		// Read the BPS figures independently of the generator's own loader.
		const ref = Papa.parse<Record<string, string>>(readFileSync(join(REFERENCE_DIR, 'stats', 'kemiskinan_kabkota_ringkas_terbaru.csv'), 'utf8'), { header: true, skipEmptyLines: true });
		for (const r of ref.data) stats.set(r.kode_kemendagri, { p0: Number(r.p0_persen_2025), garis: Number(r.garis_kemiskinan_rp_2025) });

		const dir = tmp();
		generateDemo({ outDir: dir, seed: DEFAULT_SEED, scale: 'pilot' });
		const lines = readFileSync(join(dir, 'rumah_tangga.csv'), 'utf8').split('\n');
		const header = lines[0].split(',');
		const [iDesa, iDesil, iArt, iPengeluaran] = ['kode_desa', 'desil', 'jumlah_art', 'pengeluaran_kapita'].map((c) => header.indexOf(c));
		for (let i = 1; i < lines.length; i++) {
			if (lines[i] === '') continue;
			const f = lines[i].split(',');
			const kab = f[iDesa].slice(0, 5);
			const garis = stats.get(kab)!.garis;
			let t = tally.get(kab);
			if (!t) tally.set(kab, (t = { people: 0, poorPeople: 0, households: 0, desil1to4: 0, desilCounts: new Array(12).fill(0) }));
			const art = Number(f[iArt]);
			const desil = Number(f[iDesil]);
			t.people += art;
			if (Number(f[iPengeluaran]) < garis) t.poorPeople += art;
			t.households++;
			if (desil <= 4) t.desil1to4++;
			t.desilCounts[Number.isInteger(desil) && desil >= 0 && desil <= 10 ? desil : 11]++;
		}
	}, GENERATE_ALL_TIMEOUT_MS);

	it('generates households for exactly the five pilot districts', () => {
		expect([...tally.keys()].sort()).toEqual(PILOT_DISTRICTS.map((d) => d.kode).sort());
	});

	it.each(PILOT_DISTRICTS.map((d) => d.kode))('%s: the share of people below the poverty line is BPS P0 2025 (±0.5 pp)', (kab) => {
		const t = tally.get(kab)!;
		const p0 = (100 * t.poorPeople) / t.people;
		expect(Math.abs(p0 - stats.get(kab)!.p0)).toBeLessThanOrEqual(P0_TOLERANCE_PP);
	});

	it('puts every household in a DTSEN decile 1..10, using all ten', () => {
		for (const [kab, t] of tally) {
			expect(t.desilCounts[0], kab).toBe(0);
			expect(t.desilCounts[11], kab).toBe(0);
		}
		const all = Array.from({ length: 10 }, (_, k) => [...tally.values()].reduce((s, t) => s + t.desilCounts[k + 1], 0));
		for (const n of all) expect(n).toBeGreaterThan(0);
	});

	it('has more households in deciles 1–4 in Kabupaten Gorontalo (P0 14.89) than in Kota Mojokerto (P0 5.05)', () => {
		const share = (kab: string) => tally.get(kab)!.desil1to4 / tally.get(kab)!.households;
		expect(share(GORONTALO)).toBeGreaterThan(share(MOJOKERTO) + 0.1);
	});
});
