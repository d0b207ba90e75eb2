/**
 * Desa polygons as SVG paths, for print: a briefing's maps must come out of any printer and PDF
 * sharp, without WebGL. The projection is equirectangular with longitude scaled by the cosine of
 * the district's middle latitude, which keeps shapes true at district scale (a few tens of km).
 */

type Ring = readonly (readonly number[])[];
export interface SvgGeometry {
	type: string;
	coordinates: unknown;
}

export interface SvgPath {
	kode: string;
	d: string;
}

function polygonsOf(g: SvgGeometry): Ring[][] {
	if (g.type === 'Polygon') return [g.coordinates as Ring[]];
	if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
	return [];
}

/** Fits every feature into width × height (minus padding) and returns one path per feature, holes included (fill-rule evenodd). */
export function svgPaths(features: readonly { kode: string; geometry: SvgGeometry }[], width: number, height: number, padding = 8): SvgPath[] {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const f of features)
		for (const poly of polygonsOf(f.geometry))
			for (const ring of poly)
				for (const [x, y] of ring) {
					if (x < minX) minX = x;
					if (x > maxX) maxX = x;
					if (y < minY) minY = y;
					if (y > maxY) maxY = y;
				}
	if (!Number.isFinite(minX)) return [];
	const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const spanX = Math.max((maxX - minX) * kx, 1e-9);
	const spanY = Math.max(maxY - minY, 1e-9);
	const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
	// Centre the drawing in the box.
	const offX = padding + (width - 2 * padding - spanX * scale) / 2;
	const offY = padding + (height - 2 * padding - spanY * scale) / 2;
	const px = (x: number) => (offX + (x - minX) * kx * scale).toFixed(1);
	const py = (y: number) => (offY + (maxY - y) * scale).toFixed(1);
	return features.map((f) => ({
		kode: f.kode,
		d: polygonsOf(f.geometry)
			.flatMap((poly) => poly.map((ring) => ring.map(([x, y], i) => `${i ? 'L' : 'M'}${px(x)} ${py(y)}`).join('') + 'Z'))
			.join('')
	}));
}
