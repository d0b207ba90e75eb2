/**
 * Queen contiguity from desa/kelurahan polygons: two units are neighbours when they share at
 * least one vertex (a shared corner is enough, unlike rook, which needs a shared edge).
 *
 * The boundary files are simplified upstream and snapped to 5–6 decimals, so neighbours' shared
 * vertices often differ by a few metres or leave slivers. Exact vertex equality would then miss
 * real neighbours and invent islands, so "shared" means: within `toleranceDeg` of each other on
 * both axes. Vertices are hashed to a grid of cells `toleranceDeg` wide; any two vertices that
 * close sit in the same or an adjacent cell, so each vertex is compared only with the few in
 * those cells: O(total vertices).
 */
import { isSymmetric, type SpatialWeights } from './weights';

export { islands, isSymmetric, type SpatialWeights } from './weights';

/**
 * 1e-4° ≈ 11 m at Java's latitude: an order of magnitude above the 1e-5–1e-6° snapping of the
 * boundary files and far below the size of a desa. On Jawa Tengah it closes the slivers that
 * made Bojongsari (Kebumen) and Sodong Basari (Pemalang) islands under exact matching, leaving
 * only the four Karimunjawa desa, which really are islands.
 */
export const DEFAULT_VERTEX_TOLERANCE_DEG = 1e-4;

/** The Kemendagri code property of the boundary files in data/reference/boundaries. */
export const DEFAULT_ID_PROPERTY = 'kode';

type Position = readonly number[];
type Ring = readonly Position[];

/** The slice of GeoJSON this module reads; plain parsed JSON satisfies it. */
export interface PolygonFeature {
	properties: Readonly<Record<string, unknown>> | null;
	geometry:
		| { type: 'Polygon'; coordinates: readonly Ring[] }
		| { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] }
		| { type: string; coordinates?: unknown }
		| null;
}

export interface ContiguityOptions {
	/** feature property holding the unit id (default `kode`) */
	idProperty?: string;
	/** vertices this close on both axes, in degrees, count as shared (default 1e-4) */
	toleranceDeg?: number;
}

export function queenContiguity(features: readonly PolygonFeature[], options: ContiguityOptions = {}): SpatialWeights {
	const tolerance = options.toleranceDeg ?? DEFAULT_VERTEX_TOLERANCE_DEG;
	if (!(tolerance > 0 && Number.isFinite(tolerance))) {
		throw new RangeError(`vertex tolerance must be a positive number of degrees, got ${tolerance}`);
	}
	const ids = readIds(features, options.idProperty ?? DEFAULT_ID_PROPERTY);
	const vertices = collectVertices(features);
	const links = linkNearVertices(vertices, tolerance, features.length);
	return { ids, neighbours: links.map((set) => [...set].sort((a, b) => a - b)) };
}

/**
 * The weights from neighbour lists written beside the boundaries when they were prepared (the
 * FeatureCollection's `tetangga`: queenContiguity's `neighbours` for the same features, in their
 * order), so a page opening a district's map does not work them out again (~20–50 ms of its main
 * thread for Kabupaten Tegal's 287 desa). Null when the lists are absent or do not fit these
 * features (another length, an index out of range, a link one way only): the caller then computes them.
 */
export function storedContiguity(features: readonly PolygonFeature[], tetangga: unknown, options: Pick<ContiguityOptions, 'idProperty'> = {}): SpatialWeights | null {
	if (!Array.isArray(tetangga) || tetangga.length !== features.length) return null;
	const n = features.length;
	const neighbours: number[][] = [];
	for (const [i, list] of tetangga.entries()) {
		if (!Array.isArray(list) || !list.every((j) => Number.isInteger(j) && j >= 0 && j < n && j !== i)) return null;
		neighbours.push([...new Set(list as number[])].sort((a, b) => a - b));
	}
	const weights = { ids: readIds(features, options.idProperty ?? DEFAULT_ID_PROPERTY), neighbours };
	return isSymmetric(weights) ? weights : null;
}

function readIds(features: readonly PolygonFeature[], idProperty: string): string[] {
	const seen = new Set<string>();
	return features.map((f, i) => {
		const raw = f.properties?.[idProperty];
		if (raw === undefined || raw === null || raw === '') {
			throw new Error(`feature ${i} has no "${idProperty}" property`);
		}
		const id = String(raw);
		if (seen.has(id)) throw new Error(`duplicate ${idProperty} "${id}" (feature ${i})`);
		seen.add(id);
		return id;
	});
}

interface Vertices {
	xs: Float64Array;
	ys: Float64Array;
	/** feature index each vertex belongs to */
	owner: Int32Array;
}

/** Every ring vertex of every polygon; features without polygonal geometry contribute none. */
function collectVertices(features: readonly PolygonFeature[]): Vertices {
	const rings = features.map((f) => ringsOf(f.geometry));
	// Count first so the coordinates land in typed arrays: half the memory of number[] and no regrowth.
	const total = rings.reduce((sum, list) => sum + list.reduce((s, ring) => s + openLength(ring), 0), 0);
	const out: Vertices = { xs: new Float64Array(total), ys: new Float64Array(total), owner: new Int32Array(total) };
	let k = 0;
	rings.forEach((list, i) => {
		for (const ring of list) {
			for (let j = 0; j < openLength(ring); j++, k++) {
				out.xs[k] = ring[j][0];
				out.ys[k] = ring[j][1];
				out.owner[k] = i;
			}
		}
	});
	return out;
}

function ringsOf(geometry: PolygonFeature['geometry']): readonly Ring[] {
	if (geometry?.type === 'Polygon') return geometry.coordinates as readonly Ring[];
	if (geometry?.type === 'MultiPolygon') return (geometry.coordinates as readonly (readonly Ring[])[]).flat();
	return [];
}

/** A closed ring repeats its first vertex at the end; the repeat adds nothing. */
function openLength(ring: Ring): number {
	const n = ring.length;
	return n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1] ? n - 1 : n;
}

/** Links the owners of every pair of vertices within `tolerance` on both axes. */
function linkNearVertices(v: Vertices, tolerance: number, featureCount: number): Set<number>[] {
	const links = Array.from({ length: featureCount }, () => new Set<number>());
	const link = (a: number, b: number) => {
		const oa = v.owner[a];
		const ob = v.owner[b];
		if (oa === ob || Math.abs(v.xs[a] - v.xs[b]) > tolerance || Math.abs(v.ys[a] - v.ys[b]) > tolerance) return;
		links[oa].add(ob);
		links[ob].add(oa);
	};
	const { key, vertex, columns } = sortedCells(v, tolerance);
	const n = key.length;
	let above = 0;
	for (let p = 0; p < n; p++) {
		// Same row: later vertices in this cell and the next one (earlier ones already met p).
		for (let q = p + 1; q < n && key[q] <= key[p] + 1; q++) link(vertex[p], vertex[q]);
		// Row above: cells x-1 … x+1. Targets only grow with p, so the start pointer only moves forward.
		const lowest = key[p] + columns - 1;
		while (above < n && key[above] < lowest) above++;
		for (let q = above; q < n && key[q] <= lowest + 2; q++) link(vertex[p], vertex[q]);
	}
	return links;
}

/**
 * Vertices ordered by grid cell (row-major cell number `key`), so that a cell's neighbours sit in
 * two short runs of the array. An LSD radix sort keeps this O(vertices) and memory access
 * sequential; a hash table of cells was 2–3× slower on Jawa Tengah's 774k vertices because
 * nearly every lookup was a cache miss.
 */
interface SortedCells {
	key: Float64Array;
	vertex: Int32Array;
	/** cells per row, including one padding cell each side so x ± 1 never wraps to another row */
	columns: number;
}

function sortedCells(v: Vertices, tolerance: number): SortedCells {
	const n = v.xs.length;
	const [minX, maxX] = extent(v.xs);
	const [minY, maxY] = extent(v.ys);
	const columns = Math.floor((maxX - minX) / tolerance) + 3;
	const rows = Math.floor((maxY - minY) / tolerance) + 3;
	if (n > 0 && !Number.isSafeInteger(columns * rows)) {
		throw new RangeError(`vertex tolerance ${tolerance}° is too fine for the extent of these polygons`);
	}
	const key = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const x = Math.floor((v.xs[i] - minX) / tolerance) + 1;
		const y = Math.floor((v.ys[i] - minY) / tolerance) + 1;
		key[i] = y * columns + x;
	}
	const vertex = new Int32Array(n);
	for (let i = 0; i < n; i++) vertex[i] = i;
	return { ...radixSort(key, vertex, columns * rows), columns };
}

function extent(values: Float64Array): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (const x of values) {
		min = Math.min(min, x);
		max = Math.max(max, x);
	}
	return [min, max];
}

/** Bits per radix digit: 2^11 counters fit in L1 cache, and three passes cover 2^33 cells. */
const RADIX_BITS = 11;
const RADIX = 2 ** RADIX_BITS;

/** Stable LSD radix sort of non-negative integer keys below `bound`, carrying `vertex` along. */
function radixSort(key: Float64Array, vertex: Int32Array, bound: number): { key: Float64Array; vertex: Int32Array } {
	let k: Float64Array = key;
	let v: Int32Array = vertex;
	let k2: Float64Array = new Float64Array(key.length);
	let v2: Int32Array = new Int32Array(key.length);
	const digit = new Int32Array(key.length);
	for (let scale = 1; scale < bound; scale *= RADIX) {
		const start = new Int32Array(RADIX + 1);
		for (let i = 0; i < k.length; i++) {
			digit[i] = Math.floor(k[i] / scale) % RADIX;
			start[digit[i] + 1]++;
		}
		for (let d = 0; d < RADIX; d++) start[d + 1] += start[d];
		for (let i = 0; i < k.length; i++) {
			const at = start[digit[i]]++;
			k2[at] = k[i];
			v2[at] = v[i];
		}
		[k, v, k2, v2] = [k2, v2, k, v];
	}
	return { key: k, vertex: v };
}
