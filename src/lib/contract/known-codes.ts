/**
 * The real Kemendagri village codes (PP.KK.CC.XDDD, 83,403 of them, data/reference/villages), as
 * the browser's import checks an upload's wilayah against them (docs/data-contract.md,
 * `kode_tidak_dikenal`). Written compactly, one line per kecamatan, "PP.KK.CC:XDDD,XDDD,…"
 * (~0.4 of the plain list), and served as static/geo/kode-desa.txt.
 */

/** The codes grouped by kecamatan, one line each, sorted. */
export function encodeKnownCodes(codes: Iterable<string>): string {
	const byKec = new Map<string, string[]>();
	for (const c of codes) {
		const kec = c.slice(0, 8);
		const list = byKec.get(kec);
		if (list) list.push(c.slice(9));
		else byKec.set(kec, [c.slice(9)]);
	}
	return [...byKec.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([kec, ds]) => `${kec}:${ds.sort().join(',')}`)
		.join('\n') + '\n';
}

const LINE = /^\d{2}\.\d{2}\.\d{2}:\d{4}(,\d{4})*$/;

/** The codes back; a malformed line is an error (a file cut short or not this one), not a shorter list. */
export function decodeKnownCodes(text: string): Set<string> {
	const out = new Set<string>();
	for (const [i, line] of text.split('\n').entries()) {
		if (line === '') continue;
		if (!LINE.test(line)) throw new Error(`kode-desa.txt baris ${i + 1} tidak terbaca / line ${i + 1} unreadable`);
		const [kec, ds] = line.split(':');
		for (const d of ds.split(',')) out.add(`${kec}.${d}`);
	}
	return out;
}
