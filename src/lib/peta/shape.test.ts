import { describe, expect, it } from 'vitest';
import { empiricalBayes } from '../geo/smoothing';
import { moranClusters } from './moran';
import { shapeDesa, type DesaInfo } from './shape';

/** Five desa in a row (a path graph), the last without households. */
const desa: DesaInfo[] = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ kode: k, nama: `Desa ${k}`, kode_kec: 'k1', nama_kec: 'Kec' }));
const weights = { ids: desa.map((d) => d.kode), neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] };
const hh = [100, 200, 50, 400, 0];
const kel = [10, 4, 9, 8, 0];
const rows = {
	kemiskinan: desa.map((d, i) => ({ ...d, rumah_tangga: hh[i], miskin: hh[i] / 2, nilai: hh[i] ? 0.5 : null })),
	// As the query gives them: a row only for a desa with complaints.
	keluhan: desa.flatMap((d, i) => (kel[i] ? [{ kode: d.kode, keluhan: kel[i] }] : [])),
	rujukan: desa.slice(0, 4).map((d) => ({ kode: d.kode, rujukan: 10, selesai: 7, nilai: 0.7, median_hari: 12, lewat: 3, lewat_share: 0.3 }))
};

describe('shapeDesa', () => {
	const out = shapeDesa(desa, rows, weights);

	it('keeps every desa in the polygons order, with no-data where there are no households', () => {
		expect(out.map((d) => d.kode)).toEqual(['a', 'b', 'c', 'd', 'e']);
		const e = out[4];
		expect([e.kemiskinan, e.keluhan_mentah, e.keluhan_eb, e.hotspot, e.rujukan_share, e.rujukan]).toEqual([null, null, null, null, null, 0]);
	});

	it('computes raw complaint rates per 1,000 and the EB smoothing of the same counts', () => {
		expect(out.map((d) => d.keluhan_mentah)).toEqual([100, 20, 180, 20, null]);
		const eb = empiricalBayes(kel.slice(0, 4), hh.slice(0, 4), { scale: 1000 });
		expect(out.slice(0, 4).map((d) => d.keluhan_eb)).toEqual(eb.smoothed);
		// Smoothing pulls the small desa's extreme rate towards the pooled rate.
		expect(out[2].keluhan_eb!).toBeLessThan(180);
	});

	it('counts no complaints for a desa of the data without a complaint row, and leaves a desa outside the data without values', () => {
		const quiet = shapeDesa(desa, { ...rows, keluhan: rows.keluhan.filter((r) => r.kode !== 'b') }, weights);
		expect(quiet.map((d) => d.keluhan)).toEqual([10, 0, 9, 8, 0]);
		expect(quiet.map((d) => d.keluhan_mentah)).toEqual([100, 0, 180, 20, null]);
		// Desa 'd' in the polygons but not in the data: no households, no rate, no class.
		const outside = shapeDesa(desa, { ...rows, kemiskinan: rows.kemiskinan.filter((r) => r.kode !== 'd') }, weights);
		expect([outside[3].rumah_tangga, outside[3].keluhan_mentah, outside[3].keluhan_eb, outside[3].hotspot]).toEqual([0, null, null, null]);
	});

	it('gives every desa with data a Gi* z-score and class', () => {
		out.slice(0, 4).forEach((d) => {
			expect(d.hotspot).not.toBeNull();
			expect(Number.isFinite(d.gi_z)).toBe(true);
		});
	});

	it('gives every desa with data its local Moran cluster on the smoothed rate, and none to the desa without', () => {
		const eb = out.map((d) => d.keluhan_eb);
		expect(out.map((d) => d.moran)).toEqual(moranClusters(eb, weights).cluster);
		expect(out[4].moran).toBeNull();
		out.slice(0, 4).forEach((d) => expect(d.moran).not.toBeNull());
	});

	it('carries the referrals past the service standard, zero where a desa has none', () => {
		expect(out.map((d) => [d.rujukan_lewat, d.rujukan_lewat_share])).toEqual([[3, 0.3], [3, 0.3], [3, 0.3], [3, 0.3], [0, null]]);
	});

	it('takes each desa its distance to the nearest Puskesos when given, null otherwise', () => {
		const km = new Map([['a', 1.5], ['c', null]]);
		expect(shapeDesa(desa, { ...rows, puskesos_km: km }, weights).map((d) => d.puskesos_km)).toEqual([1.5, null, null, null, null]);
		expect(out.every((d) => d.puskesos_km === null)).toBe(true);
	});

	it('refuses weights in another order than the desa', () => {
		expect(() => shapeDesa(desa, rows, { ...weights, ids: [...weights.ids].reverse() })).toThrow(RangeError);
	});
});
