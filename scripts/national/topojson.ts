/**
 * TopoJSON → GeoJSON for the national kabupaten/kota map: delta-decoded quantised arcs, Polygon and
 * MultiPolygon geometries (all the boundary file holds). Small enough to own rather than depend
 * on a package that only arrives transitively.
 */
export interface Topology {
	type: 'Topology';
	arcs: number[][][];
	transform?: { scale: [number, number]; translate: [number, number] };
	objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

type TopoGeometry =
	| { type: 'Polygon'; arcs: number[][]; properties?: Record<string, unknown> }
	| { type: 'MultiPolygon'; arcs: number[][][]; properties?: Record<string, unknown> }
	| { type: null; properties?: Record<string, unknown> };

export interface GeoFeature {
	type: 'Feature';
	properties: Record<string, unknown>;
	geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** Decimal places kept: 1e-5 degrees ≈ 1 m, far below the simplified boundaries' precision. */
const COORD_DECIMALS = 5;

export function topoToGeo(topo: Topology, objectName: string): { type: 'FeatureCollection'; features: GeoFeature[] } {
	const object = topo.objects[objectName];
	if (!object) throw new Error(`TopoJSON: object "${objectName}" not found (have: ${Object.keys(topo.objects).join(', ')})`);
	const round = (v: number) => Number(v.toFixed(COORD_DECIMALS));
	const decoded = topo.arcs.map((arc) => {
		if (!topo.transform) return arc.map(([x, y]) => [round(x), round(y)]);
		const { scale, translate } = topo.transform;
		let x = 0;
		let y = 0;
		return arc.map(([dx, dy]) => {
			x += dx;
			y += dy;
			return [round(x * scale[0] + translate[0]), round(y * scale[1] + translate[1])];
		});
	});
	// A negative index ~i means arc i reversed; consecutive arcs share their joining point.
	const ring = (indices: number[]) => {
		const out: number[][] = [];
		for (const i of indices) {
			const arc = i >= 0 ? decoded[i] : [...decoded[~i]].reverse();
			out.push(...(out.length ? arc.slice(1) : arc));
		}
		return out;
	};
	const features: GeoFeature[] = [];
	for (const g of object.geometries) {
		if (g.type === 'Polygon') features.push({ type: 'Feature', properties: g.properties ?? {}, geometry: { type: 'Polygon', coordinates: g.arcs.map(ring) } });
		else if (g.type === 'MultiPolygon') features.push({ type: 'Feature', properties: g.properties ?? {}, geometry: { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) } });
	}
	return { type: 'FeatureCollection', features };
}
