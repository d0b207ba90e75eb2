/**
 * SHA-256 of a file's bytes, as the manifest gives it (lowercase hex). Web Crypto does it where the
 * browser offers it; it offers it only in a secure context (HTTPS, or http://localhost), and a Dinas
 * serving the dashboard over plain http on its intranet still gets every file checked: there the
 * digest is computed here (FIPS 180-4), ~0.1 s for a district's 12 MB database.
 */

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

/** SHA-256 computed in JavaScript, for where Web Crypto is missing. */
export function sha256HexSync(input: Uint8Array): string {
	const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
	const w = new Uint32Array(64);
	// The message's last block(s): what is left after whole 64-byte blocks, 0x80, zeros, bit length.
	const tailStart = input.length - (input.length % 64);
	const tail = new Uint8Array(input.length % 64 < 56 ? 64 : 128);
	tail.set(input.subarray(tailStart));
	tail[input.length % 64] = 0x80;
	const bits = input.length * 8;
	const tv = new DataView(tail.buffer);
	tv.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
	tv.setUint32(tail.length - 4, bits >>> 0);
	const block = (bytes: Uint8Array, at: number) => {
		for (let i = 0; i < 16; i++) w[i] = (bytes[at + 4 * i] << 24) | (bytes[at + 4 * i + 1] << 16) | (bytes[at + 4 * i + 2] << 8) | bytes[at + 4 * i + 3];
		for (let i = 16; i < 64; i++) {
			const a = w[i - 15], b = w[i - 2];
			const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
			const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
			w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
		}
		let [a, b, c, d, e, f, g, hh] = h;
		for (let i = 0; i < 64; i++) {
			const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
			const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
			hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
		}
		h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
	};
	for (let at = 0; at < tailStart; at += 64) block(input, at);
	for (let at = 0; at < tail.length; at += 64) block(tail, at);
	return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

/** SHA-256 of `bytes` as lowercase hex: Web Crypto where the page may use it, else sha256HexSync. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) return sha256HexSync(view);
	const d = new Uint8Array(await subtle.digest('SHA-256', view as BufferSource));
	return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}
