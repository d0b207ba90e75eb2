/**
 * The national file's pilot values are public ones: computed from counts rounded with the
 * extract's key (export/rounding.ts), as the Indikator page's public CSV writes them, and blank
 * where a count of families is 1–4. Checked against counts worked out here with native DuckDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/lib/contract/manifest';
import { roundCount } from '../../src/lib/export/rounding';
import { CATALOGUE } from '../../src/lib/indicators/catalogue';
import { previousPeriod } from '../../src/lib/indicators/scorecard';
import { loadCatalogue } from '../../src/lib/indicators/validate';
import { defaultPeriod } from '../../src/lib/state/view';
import { pilotIndicators } from './pilot';

const EXTRACTS = join(import.meta.dirname, '..', '..', 'static', 'extracts');
const manifest = JSON.parse(readFileSync(join(EXTRACTS, 'manifest.json'), 'utf8')) as Manifest;
const KEY = manifest.kunci_pembulatan!;
const defs = loadCatalogue(CATALOGUE).value!;
const period = defaultPeriod(manifest);
const before = previousPeriod(period, manifest.window)!;
const last = (p: { end: string }) => new Date(Date.UTC(Number(p.end.slice(0, 4)), Number(p.end.slice(5)), 0)).toISOString().slice(0, 10);

async function counts(kab: string, sql: (from: string) => string): Promise<number> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		const from = `read_parquet('${join(EXTRACTS, 'keluhan', `kode_kab=${kab}`, '*.parquet')}')`;
		return Number(Object.values((await conn.runAndReadAll(sql(from))).getRowObjectsJS()[0])[0]);
	} finally {
		conn.closeSync();
	}
}

describe('pilot values of the national file', () => {
	test("a share from the rounded counts: Kota Mojokerto's complaints resolved", async () => {
		const values = await pilotIndicators(EXTRACTS, ['35.76'], defs, period, KEY);
		const start = `${period.start}-01`;
		const received = await counts('35.76', (f) => `SELECT count(*) FROM ${f} WHERE tgl_keluhan BETWEEN DATE '${start}' AND DATE '${last(period)}'`);
		const resolved = await counts('35.76', (f) => `SELECT count(*) FROM ${f} WHERE tgl_keluhan BETWEEN DATE '${start}' AND DATE '${last(period)}' AND status = 'selesai' AND tgl_selesai <= DATE '${last(period)}'`);
		expect(received).toBeGreaterThan(5);
		const [p, q] = [roundCount(resolved, '35.76', KEY), roundCount(received, '35.76', KEY)];
		expect(values.get('35.76')!.keluhan_selesai).toBeCloseTo(Math.min(1, p / q), 4);
		// Not the exact share, which beside the rounded counts would give them back (unless both happen to be multiples of 5).
		if (resolved % 5 || received % 5) expect(values.get('35.76')!.keluhan_selesai).not.toBeCloseTo(resolved / received, 6);
	});
	test("blank where a count of families is 1–4: Kabupaten Gorontalo's backlog the year before (4 complaints, pinned by a QA pass from the exact value)", async () => {
		const values = await pilotIndicators(EXTRACTS, ['75.01'], defs, before, KEY);
		const end = last(before);
		const backlog = await counts('75.01', (f) => `SELECT count(*) FROM ${f} WHERE tgl_keluhan < DATE '${end}' - INTERVAL 30 DAY AND (tgl_selesai IS NULL OR tgl_selesai > DATE '${end}')`);
		expect(backlog).toBeGreaterThan(0);
		expect(backlog).toBeLessThan(5);
		expect(values.get('75.01')!.tunggakan_30).toBeNull();
	});
});
