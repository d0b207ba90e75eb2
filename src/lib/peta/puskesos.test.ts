import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { nearestPuskesosKm, puskesosOverlay, type SiteRow } from './puskesos';

const site = (id: string, lng: number, lat: number): SiteRow => ({ id, nama: id, kode_desa: 'x', lat, lng });

describe('nearestPuskesosKm', () => {
	const desa = [
		{ kode: 'a', lng: 109.0, lat: -7.0 },
		{ kode: 'b', lng: 109.2, lat: -7.0 },
		{ kode: 'c', lng: 109.1, lat: -7.3 }
	];
	const sites = [site('p', 109.0, -7.0), site('q', 109.25, -7.05)];
	it('is the great-circle km to the closest open site, checked pair by pair', () => {
		const km = nearestPuskesosKm(desa, sites);
		for (const d of desa) {
			const want = Math.min(...sites.map((s) => distance([d.lng, d.lat], [s.lng, s.lat], { units: 'kilometers' })));
			expect(km.get(d.kode)!, d.kode).toBeCloseTo(want, 9);
		}
		expect(km.get('a')).toBe(0);
		// 0,1° of longitude at 7° S is about 11 km: b is nearer q than p.
		expect(km.get('b')!).toBeLessThan(10);
	});
	it('is null for every desa when no site is open', () => {
		expect([...nearestPuskesosKm(desa, []).values()]).toEqual([null, null, null]);
	});
});

describe('puskesosOverlay', () => {
	it('draws a point and a circle of the given radius per site', () => {
		const fc = puskesosOverlay([site('p', 109, -7)], 5);
		expect(fc.features.map((f) => f.properties.jenis)).toEqual(['jangkauan', 'puskesos']);
		const ring = (fc.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
		for (const [lng, lat] of ring) expect(distance([109, -7], [lng, lat], { units: 'kilometers' })).toBeCloseTo(5, 6);
	});
});
