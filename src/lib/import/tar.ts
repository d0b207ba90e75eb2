/**
 * A minimal POSIX ustar writer: the saved extract (Parquet files + manifest) downloads as one
 * file that any `tar -xf` unpacks, without a zip dependency.
 */
const BLOCK = 512;

function header(path: string, size: number, mtime: number): Uint8Array {
	const h = new Uint8Array(BLOCK);
	const enc = new TextEncoder();
	const put = (s: string, off: number, len: number) => h.set(enc.encode(s).subarray(0, len), off);
	const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0');
	// Paths up to 100 bytes go in `name`; longer ones are split into prefix/name at a slash.
	let name = path;
	let prefix = '';
	if (enc.encode(path).length > 100) {
		const cut = path.lastIndexOf('/', 155);
		prefix = path.slice(0, cut);
		name = path.slice(cut + 1);
	}
	put(name, 0, 100);
	put(octal(0o644, 8), 100, 8);
	put(octal(0, 8), 108, 8);
	put(octal(0, 8), 116, 8);
	put(octal(size, 12), 124, 12);
	put(octal(mtime, 12), 136, 12);
	put('        ', 148, 8);
	put('0', 156, 1);
	put('ustar\u0000', 257, 6);
	put('00', 263, 2);
	put(prefix, 345, 155);
	let sum = 0;
	for (const b of h) sum += b;
	put(`${octal(sum, 7)}\u0000`, 148, 8);
	return h;
}

export function tar(files: readonly { path: string; bytes: Uint8Array }[], mtime = 0): Uint8Array {
	const parts: Uint8Array[] = [];
	for (const f of files) {
		parts.push(header(f.path, f.bytes.length, mtime), f.bytes);
		const pad = (BLOCK - (f.bytes.length % BLOCK)) % BLOCK;
		if (pad) parts.push(new Uint8Array(pad));
	}
	parts.push(new Uint8Array(BLOCK * 2));
	const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
	let off = 0;
	for (const p of parts) {
		out.set(p, off);
		off += p.length;
	}
	return out;
}
