/**
 * A bucket (grid) index over points in degrees, so "every point within r km" scans a few cells
 * instead of every point: with 8,563 desa and a 5 km radius each query touches tens of points,
 * not thousands. Distances are great-circle (Turf's haversine); the grid only prunes.
 */
import { distance } from '@turf/turf';

/** Kilometres per degree of latitude (and of longitude at the equator), rounded down so cells are never too small. */
const KM_PER_DEGREE = 111;

/** Great-circle distance in km between two [lng, lat] positions (Turf). */
export function greatCircleKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
	// A fixed argument order makes d(a, b) and d(b, a) the same float, so ties break the same both ways.
	if (lng1 > lng2 || (lng1 === lng2 && lat1 > lat2)) return distance([lng2, lat2], [lng1, lat1], { units: 'kilometers' });
	return distance([lng1, lat1], [lng2, lat2], { units: 'kilometers' });
}

export class GridIndex {
	private readonly cellLat: number;
	private readonly cellLng: number;
	private readonly cells = new Map<string, number[]>();
	/** cos of the largest |latitude|: a degree of longitude is at least this many KM_PER_DEGREE there. */
	private readonly minCos: number;

	/** `lng`/`lat` of every point; `cellKm` is the cell edge (choose about the usual query radius). */
	constructor(
		readonly lng: ArrayLike<number>,
		readonly lat: ArrayLike<number>,
		readonly cellKm: number,
		points?: Iterable<number>
	) {
		let maxAbsLat = 0;
		for (let i = 0; i < lat.length; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
		this.minCos = Math.max(Math.cos(((Math.min(maxAbsLat, 80) + 1) * Math.PI) / 180), 0.05);
		this.cellLat = cellKm / KM_PER_DEGREE;
		this.cellLng = cellKm / (KM_PER_DEGREE * this.minCos);
		for (const i of points ?? range(lng.length)) {
			const key = this.key(this.row(lat[i]), this.col(lng[i]));
			const bucket = this.cells.get(key);
			if (bucket) bucket.push(i);
			else this.cells.set(key, [i]);
		}
	}

	/** Calls `visit(point, km)` for every indexed point within `radiusKm` of (lng, lat), in no set order. */
	within(lng: number, lat: number, radiusKm: number, visit: (point: number, km: number) => void): void {
		const [r0, c0] = [this.row(lat), this.col(lng)];
		// One spare ring: the grid is planar, the distance is not.
		const dr = Math.ceil(radiusKm / this.cellKm) + 1;
		for (let r = r0 - dr; r <= r0 + dr; r++) {
			for (let c = c0 - dr; c <= c0 + dr; c++) {
				const bucket = this.cells.get(this.key(r, c));
				if (!bucket) continue;
				for (const p of bucket) {
					const km = greatCircleKm(lng, lat, this.lng[p], this.lat[p]);
					if (km <= radiusKm) visit(p, km);
				}
			}
		}
	}

	/** The nearest indexed point to (lng, lat) and its distance (ties: lower index), or null when the index is empty. */
	nearest(lng: number, lat: number): { point: number; km: number } | null {
		const [r0, c0] = [this.row(lat), this.col(lng)];
		const b = this.bounds;
		if (!b) return null;
		const lastRing = Math.max(Math.abs(r0 - b.minRow), Math.abs(r0 - b.maxRow), Math.abs(c0 - b.minCol), Math.abs(c0 - b.maxCol));
		let best: { point: number; km: number } | null = null;
		for (let ring = 0; ring <= lastRing; ring++) {
			// Every point in ring `ring` or beyond is at least (ring - 1) cells away.
			if (best && (ring - 1) * this.cellKm > best.km) break;
			for (let r = r0 - ring; r <= r0 + ring; r++) {
				const step = Math.abs(r - r0) === ring ? 1 : 2 * ring;
				for (let c = c0 - ring; c <= c0 + ring; c += Math.max(step, 1)) {
					const bucket = this.cells.get(this.key(r, c));
					if (!bucket) continue;
					for (const p of bucket) {
						const km = greatCircleKm(lng, lat, this.lng[p], this.lat[p]);
						if (!best || km < best.km || (km === best.km && p < best.point)) best = { point: p, km };
					}
				}
			}
		}
		return best;
	}

	private boundsCache: { minRow: number; maxRow: number; minCol: number; maxCol: number } | null | undefined;
	/** The occupied cells' extent: the nearest search stops once it has passed all of them. */
	private get bounds() {
		if (this.boundsCache === undefined) {
			let [minRow, maxRow, minCol, maxCol] = [Infinity, -Infinity, Infinity, -Infinity];
			for (const key of this.cells.keys()) {
				const [r, c] = key.split(':').map(Number);
				[minRow, maxRow, minCol, maxCol] = [Math.min(minRow, r), Math.max(maxRow, r), Math.min(minCol, c), Math.max(maxCol, c)];
			}
			this.boundsCache = this.cells.size ? { minRow, maxRow, minCol, maxCol } : null;
		}
		return this.boundsCache;
	}

	private row(lat: number): number {
		return Math.floor(lat / this.cellLat);
	}
	private col(lng: number): number {
		return Math.floor(lng / this.cellLng);
	}
	private key(r: number, c: number): string {
		return `${r}:${c}`;
	}
}

function* range(n: number): Iterable<number> {
	for (let i = 0; i < n; i++) yield i;
}
