import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { islands, isSymmetric, queenContiguity, storedContiguity, type PolygonFeature } from './contiguity';
import { latticeWeights } from './lattice.fixture';
import { createRng } from './rng';

const BOUNDARIES = new URL('../../../data/reference/boundaries/', import.meta.url);

function square(kode: string, x: number, y: number, size = 1): PolygonFeature {
	const ring = [
		[x, y],
		[x + size, y],
		[x + size, y + size],
		[x, y + size],
		[x, y]
	];
	return { properties: { kode }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** rows × cols unit squares, ids `r{row}c{col}` in row order, like latticeWeights. */
function squareGrid(rows: number, cols: number): PolygonFeature[] {
	const out: PolygonFeature[] = [];
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(square(`r${r}c${c}`, c, r));
	return out;
}

function neighbourIds(w: ReturnType<typeof queenContiguity>, id: string): string[] {
	return w.neighbours[w.ids.indexOf(id)].map((j) => w.ids[j]).sort();
}

describe('queenContiguity on hand-made lattices', () => {
	it('gives a 3×3 grid of squares the queen lattice: corner 3, edge 5, centre 8 neighbours', () => {
		const w = queenContiguity(squareGrid(3, 3));
		expect(w).toEqual(latticeWeights(3, 3, 'queen'));
		expect(w.neighbours.map((l) => l.length)).toEqual([3, 5, 3, 5, 8, 5, 3, 5, 3]);
		expect(isSymmetric(w)).toBe(true);
	});

	it('counts a shared corner (queen) where rook would not', () => {
		const w = queenContiguity(squareGrid(3, 3));
		const rook = latticeWeights(3, 3, 'rook');
		const centre = 4;
		expect(rook.neighbours[centre].length).toBe(4);
		// The difference is exactly the four diagonal squares, which touch the centre at one point.
		const diagonal = w.neighbours[centre].filter((j) => !rook.neighbours[centre].includes(j));
		expect(diagonal.map((j) => w.ids[j])).toEqual(['r0c0', 'r0c2', 'r2c0', 'r2c2']);
	});

	it('matches the lattice on a larger, non-square grid', () => {
		expect(queenContiguity(squareGrid(4, 7))).toEqual(latticeWeights(4, 7, 'queen'));
	});
});

describe('neighbour lists written beside the boundaries (storedContiguity)', () => {
	it('gives the same weights as working them out, also after a trip through JSON', () => {
		const grid = squareGrid(3, 4);
		const w = queenContiguity(grid);
		expect(storedContiguity(grid, w.neighbours)).toEqual(w);
		expect(storedContiguity(grid, JSON.parse(JSON.stringify(w.neighbours)))).toEqual(w);
		// Unsorted or repeated indices are read as the same lists.
		expect(storedContiguity(grid, w.neighbours.map((l) => [...l, ...l].reverse()))).toEqual(w);
	});

	it('refuses lists that do not fit the features, so the page works them out instead', () => {
		const grid = squareGrid(2, 2);
		const ok = queenContiguity(grid).neighbours;
		const oneWay = ok.map((l, i) => (i === 0 ? l.filter((j) => j !== 1) : l));
		for (const bad of [undefined, null, 'x', ok.slice(1), [...ok, []], ok.map((l, i) => (i === 0 ? [...l, 4] : l)), ok.map((l, i) => (i === 0 ? [...l, 0] : l)), ok.map((l, i) => (i === 0 ? [1.5] : l)), oneWay, ok.map(() => 'x')])
			expect(storedContiguity(grid, bad), JSON.stringify(bad)).toBeNull();
	});
});

describe('vertex tolerance', () => {
	it('joins near-coincident vertices and keeps a real gap apart', () => {
		const w = queenContiguity([square('a', 0, 0), square('b', 1.00005, 0), square('c', 2.0006, 0)]);
		expect(neighbourIds(w, 'a')).toEqual(['b']); // 5e-5° apart: within the default 1e-4°
		expect(neighbourIds(w, 'c')).toEqual([]); // 5e-4° apart: a gap, not a sliver
		expect(islands(w)).toEqual(['c']);
	});

	it('finds near vertices that fall on either side of a grid-cell boundary', () => {
		// 0.49999 and 0.50002 are 3e-5° apart but land in cells 4999 and 5000 of a 1e-4° grid.
		const w = queenContiguity([square('a', 0, 0, 0.49999), square('b', 0.50002, 0, 0.5)]);
		expect(neighbourIds(w, 'a')).toEqual(['b']);
	});

	it('takes a wider tolerance when asked and refuses a non-positive one', () => {
		const features = [square('a', 0, 0), square('b', 1.0006, 0)];
		expect(islands(queenContiguity(features))).toEqual(['a', 'b']);
		expect(islands(queenContiguity(features, { toleranceDeg: 1e-3 }))).toEqual([]);
		expect(() => queenContiguity(features, { toleranceDeg: 0 })).toThrow(RangeError);
		expect(() => queenContiguity(features, { toleranceDeg: Number.NaN })).toThrow(RangeError);
	});

	it('agrees with a brute-force comparison of every vertex pair on random triangles', () => {
		const rng = createRng(20240611);
		const tolerance = 0.05;
		let links = 0;
		for (let trial = 0; trial < 20; trial++) {
			// Vertices on a coarse 0.1° lattice plus jitter of up to ±0.04°, so many pairs sit near the tolerance.
			const point = () => [Math.round(rng() * 20) / 10 + (rng() - 0.5) * 0.08, Math.round(rng() * 20) / 10 + (rng() - 0.5) * 0.08];
			const features: PolygonFeature[] = Array.from({ length: 30 }, (_, i) => {
				const [a, b, c] = [point(), point(), point()];
				return { properties: { kode: `t${i}` }, geometry: { type: 'Polygon', coordinates: [[a, b, c, a]] } };
			});
			const expected = bruteForce(features, tolerance);
			expect(queenContiguity(features, { toleranceDeg: tolerance }).neighbours).toEqual(expected);
			links += expected.flat().length;
		}
		// Enough links that a sweep missing a row or column of cells would show.
		expect(links).toBeGreaterThan(200);
	});
});

/** O(V²) reference: i and j are neighbours when any of their vertices are within tolerance on both axes. */
function bruteForce(features: PolygonFeature[], tolerance: number): number[][] {
	const vertices = features.map((f) => (f.geometry as { coordinates: number[][][] }).coordinates[0]);
	return vertices.map((vi, i) =>
		vertices
			.map((vj, j) => (j !== i && vi.some(([x, y]) => vj.some(([u, v]) => Math.abs(x - u) <= tolerance && Math.abs(y - v) <= tolerance)) ? j : -1))
			.filter((j) => j >= 0)
	);
}

describe('geometry shapes and input errors', () => {
	it('uses every part of a MultiPolygon and the ring of a hole around an enclave', () => {
		const twoParts: PolygonFeature = {
			properties: { kode: 'multi' },
			geometry: { type: 'MultiPolygon', coordinates: [square('', 0, 0).geometry!.coordinates as number[][][], square('', 5, 0).geometry!.coordinates as number[][][]] }
		};
		const withHole: PolygonFeature = {
			properties: { kode: 'ring' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					[[10, 0], [13, 0], [13, 3], [10, 3], [10, 0]],
					[[11, 1], [11, 2], [12, 2], [12, 1], [11, 1]]
				]
			}
		};
		const w = queenContiguity([twoParts, square('left', -1, 0), square('right', 6, 0), withHole, square('enclave', 11, 1)]);
		expect(neighbourIds(w, 'multi')).toEqual(['left', 'right']);
		expect(neighbourIds(w, 'enclave')).toEqual(['ring']);
	});

	it('reads another id property and leaves a feature without geometry as an island', () => {
		const features: PolygonFeature[] = [
			{ ...square('', 0, 0), properties: { id: 7 } },
			{ ...square('', 1, 0), properties: { id: 8 } },
			{ properties: { id: 9 }, geometry: null }
		];
		const w = queenContiguity(features, { idProperty: 'id' });
		expect(w.ids).toEqual(['7', '8', '9']);
		expect(islands(w)).toEqual(['9']);
	});

	it('rejects missing and duplicate ids, which would make the weights ambiguous', () => {
		expect(() => queenContiguity([square('a', 0, 0), { ...square('', 1, 0), properties: {} }])).toThrow(/no "kode"/);
		expect(() => queenContiguity([square('a', 0, 0), square('a', 1, 0)])).toThrow(/duplicate kode "a"/);
	});

	it('gives nothing for no features', () => {
		expect(queenContiguity([])).toEqual({ ids: [], neighbours: [] });
	});
});

describe('real boundaries', () => {
	const meanCount = (w: ReturnType<typeof queenContiguity>) => w.neighbours.reduce((s, l) => s + l.length, 0) / w.ids.length;

	it('links every desa of Kabupaten Tegal, symmetrically, with 4–8 neighbours on average', () => {
		const fc = JSON.parse(readFileSync(new URL('kab_tegal.geojson', BOUNDARIES), 'utf8'));
		const w = queenContiguity(fc.features);
		expect(w.ids).toHaveLength(287);
		expect(islands(w)).toEqual([]);
		expect(isSymmetric(w)).toBe(true);
		expect(meanCount(w)).toBeGreaterThan(4);
		expect(meanCount(w)).toBeLessThan(8);
	});

	it('leaves only the four Karimunjawa island desa unlinked across Jawa Tengah', () => {
		const fc = JSON.parse(gunzipSync(readFileSync(new URL('prov_jawa_tengah_desa.geojson.gz', BOUNDARIES))).toString('utf8'));
		const w = queenContiguity(fc.features);
		expect(w.ids).toHaveLength(8563);
		// Karimunjawa, Kemujan, Parang, Nyamuk (Kec. Karimunjawa, Jepara) lie 80 km offshore.
		expect(islands(w)).toEqual(['33.20.10.2001', '33.20.10.2002', '33.20.10.2003', '33.20.10.2004']);
		expect(isSymmetric(w)).toBe(true);
		expect(meanCount(w)).toBeGreaterThan(4);
		expect(meanCount(w)).toBeLessThan(8);
		// Exact matching leaves two sliver-separated mainland desa as islands; the tolerance must fix them.
		expect(islands(queenContiguity(fc.features, { toleranceDeg: 1e-7 }))).toHaveLength(6);
	});
});
