/**
 * A desa's rank among the desa of its kecamatan or kabupaten. Rank 1 is the highest value;
 * ties share the better rank (1, 2, 2, 4), and desa without a value are neither ranked nor
 * counted in `of`.
 */
export interface Rank {
	rank: number;
	of: number;
}

export interface Rankable {
	kode: string;
	/** the group ranked within: a kecamatan code, or one value for the whole district */
	group: string;
	value: number | null;
}

export function rankWithin(items: readonly Rankable[]): Map<string, Rank> {
	const groups = new Map<string, { kode: string; value: number }[]>();
	for (const it of items) {
		if (it.value === null || !Number.isFinite(it.value)) continue;
		let g = groups.get(it.group);
		if (!g) groups.set(it.group, (g = []));
		g.push({ kode: it.kode, value: it.value });
	}
	const out = new Map<string, Rank>();
	for (const g of groups.values()) {
		g.sort((a, b) => b.value - a.value);
		g.forEach((it, i) => {
			const rank = i > 0 && it.value === g[i - 1].value ? out.get(g[i - 1].kode)!.rank : i + 1;
			out.set(it.kode, { rank, of: g.length });
		});
	}
	return out;
}
