/**
 * Where distances come from. Today: great-circle km between centroids (Turf), pruned by a grid
 * index. Later a district may supply a travel-time matrix (minutes); the solvers only see this
 * interface, so that swap touches no algorithm.
 *
 * Points are split in two: demand points (desa) and facility points (existing Puskesos and
 * candidate sites). `reach` and `nearest` are the only two questions the solvers ask.
 */
import { greatCircleKm, GridIndex } from './grid';

export type DistanceUnit = 'km' | 'min';

/** For each facility asked about, the demand points within the limit: CSR (start/end offsets into `demand`). */
export interface Reach {
	offsets: Int32Array;
	demand: Int32Array;
	dist: Float64Array;
}

export interface DistanceSource {
	readonly unit: DistanceUnit;
	readonly demandCount: number;
	readonly facilityCount: number;
	distance(facility: number, demand: number): number;
	/** Demand points within `limit` of each facility in `facilities` (row k of the result is facilities[k]). */
	reach(facilities: ArrayLike<number>, limit: number, onlyDemand?: Uint8Array): Reach;
	/** Each demand point's distance to the nearest of `facilities` (Infinity when there is none). */
	nearest(facilities: ArrayLike<number>): Float64Array;
}

export interface Coords {
	lng: ArrayLike<number>;
	lat: ArrayLike<number>;
}

function toReach(rows: { d: number[]; km: number[] }[]): Reach {
	const offsets = new Int32Array(rows.length + 1);
	rows.forEach((r, k) => (offsets[k + 1] = offsets[k] + r.d.length));
	const demand = new Int32Array(offsets[rows.length]);
	const dist = new Float64Array(offsets[rows.length]);
	rows.forEach((r, k) => {
		// Sorted by demand index so results never depend on the grid's bucket order.
		const order = r.d.map((_, i) => i).sort((a, b) => r.d[a] - r.d[b]);
		order.forEach((o, i) => {
			demand[offsets[k] + i] = r.d[o];
			dist[offsets[k] + i] = r.km[o];
		});
	});
	return { offsets, demand, dist };
}

function maskIndices(mask: Uint8Array): number[] {
	const out: number[] = [];
	for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
	return out;
}

/** Grid cell edge in km when no radius hints at one: a few desa per cell on Java. */
export const DEFAULT_CELL_KM = 5;

export class GreatCircleSource implements DistanceSource {
	readonly unit = 'km';
	private readonly grid: GridIndex;

	constructor(
		private readonly demandAt: Coords,
		private readonly facilityAt: Coords,
		cellKm = DEFAULT_CELL_KM
	) {
		this.grid = new GridIndex(demandAt.lng, demandAt.lat, cellKm);
	}

	get demandCount() {
		return this.demandAt.lng.length;
	}
	get facilityCount() {
		return this.facilityAt.lng.length;
	}

	distance(f: number, d: number): number {
		return greatCircleKm(this.facilityAt.lng[f], this.facilityAt.lat[f], this.demandAt.lng[d], this.demandAt.lat[d]);
	}

	reach(facilities: ArrayLike<number>, limit: number, onlyDemand?: Uint8Array): Reach {
		const needed = onlyDemand ? maskIndices(onlyDemand) : null;
		// Few demand points (p-center's still-unserved ones): search around them, not around every facility.
		if (needed && needed.length < facilities.length) return this.reachFromDemand(facilities, limit, needed);
		const grid = needed ? new GridIndex(this.demandAt.lng, this.demandAt.lat, Math.max(limit, 1), needed) : this.grid;
		const rows = Array.from(facilities, (f) => {
			const row = { d: [] as number[], km: [] as number[] };
			grid.within(this.facilityAt.lng[f], this.facilityAt.lat[f], limit, (d, km) => {
				row.d.push(d);
				row.km.push(km);
			});
			return row;
		});
		return toReach(rows);
	}

	private facilityGrid: GridIndex | null = null;

	private reachFromDemand(facilities: ArrayLike<number>, limit: number, needed: readonly number[]): Reach {
		this.facilityGrid ??= new GridIndex(this.facilityAt.lng, this.facilityAt.lat, this.grid.cellKm);
		const row = new Map<number, number>();
		for (let k = 0; k < facilities.length; k++) row.set(facilities[k], k);
		const rows = Array.from(facilities, () => ({ d: [] as number[], km: [] as number[] }));
		for (const d of needed) {
			this.facilityGrid.within(this.demandAt.lng[d], this.demandAt.lat[d], limit, (f, km) => {
				const k = row.get(f);
				if (k === undefined) return;
				rows[k].d.push(d);
				rows[k].km.push(km);
			});
		}
		return toReach(rows);
	}

	nearest(facilities: ArrayLike<number>): Float64Array {
		const out = new Float64Array(this.demandCount).fill(Infinity);
		if (facilities.length === 0) return out;
		const ids = Array.from(facilities);
		const grid = new GridIndex(this.facilityAt.lng, this.facilityAt.lat, this.grid.cellKm, ids);
		for (let d = 0; d < out.length; d++) out[d] = grid.nearest(this.demandAt.lng[d], this.demandAt.lat[d])?.km ?? Infinity;
		return out;
	}
}

/** A supplied facility × demand matrix (e.g. travel minutes), row-major; no spatial index needed. */
export class MatrixSource implements DistanceSource {
	constructor(
		private readonly matrix: Float64Array | Float32Array,
		readonly facilityCount: number,
		readonly demandCount: number,
		readonly unit: DistanceUnit = 'min'
	) {
		if (matrix.length !== facilityCount * demandCount)
			throw new Error(`travel-time matrix: ${matrix.length} values, expected ${facilityCount} × ${demandCount}`);
	}

	distance(f: number, d: number): number {
		return this.matrix[f * this.demandCount + d];
	}

	reach(facilities: ArrayLike<number>, limit: number, onlyDemand?: Uint8Array): Reach {
		return toReach(
			Array.from(facilities, (f) => {
				const row = { d: [] as number[], km: [] as number[] };
				for (let d = 0; d < this.demandCount; d++) {
					const v = this.distance(f, d);
					if (v <= limit && (!onlyDemand || onlyDemand[d])) {
						row.d.push(d);
						row.km.push(v);
					}
				}
				return row;
			})
		);
	}

	nearest(facilities: ArrayLike<number>): Float64Array {
		const out = new Float64Array(this.demandCount).fill(Infinity);
		for (const f of Array.from(facilities)) for (let d = 0; d < this.demandCount; d++) out[d] = Math.min(out[d], this.distance(f, d));
		return out;
	}
}
