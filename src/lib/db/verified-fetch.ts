/**
 * Every extract file the page reads is checked against the SHA-256 the manifest gives for it
 * before anything uses its bytes. One implementation for the page and the decode worker.
 */
import { sha256Hex } from '../contract/sha256';
import { cachedAt, rememberBytes } from '../offline/remember';
import { readBody, type OnBytes } from '../net/read-body';

export type FetchFailure = 'fetch' | 'checksum';

export type Verified = { ok: true; bytes: ArrayBuffer } | { ok: false; kind: FetchFailure; detail: string };

/** A download to show in bytes: the size the manifest gives the file, and whom to tell (net/read-body.ts). */
export interface Watched {
	bytes: number;
	onProgress: OnBytes;
}

/**
 * Fetches a file whole and verifies it; failures come back as values, never as exceptions.
 * A verified file fresh from the network is kept for offline use (a copy that came from the
 * offline cache is not stored again, so its age stays true). A `watched` file is read as it
 * arrives, its bytes reported; a body of another size than the manifest's fails the checksum.
 */
export async function fetchVerified(url: string, sha256: string, watched?: Watched): Promise<Verified> {
	let bytes: ArrayBuffer;
	let fromCache: boolean;
	try {
		const res = await fetch(url);
		if (!res.ok) return { ok: false, kind: 'fetch', detail: `HTTP ${res.status}` };
		fromCache = cachedAt(res) !== null;
		bytes = watched ? await readBody(res, { expected: watched.bytes, onProgress: watched.onProgress }) : await res.arrayBuffer();
	} catch (e) {
		return { ok: false, kind: 'fetch', detail: e instanceof Error ? e.message : String(e) };
	}
	let sha: string;
	try {
		sha = await sha256Hex(bytes);
	} catch (e) {
		// The digest itself failed (not the file): said as a checksum failure, so the page names the file.
		return { ok: false, kind: 'checksum', detail: `sha256: ${e instanceof Error ? e.message : String(e)}` };
	}
	if (sha !== sha256) return { ok: false, kind: 'checksum', detail: `sha256 ${sha.slice(0, 12)}… ≠ ${sha256.slice(0, 12)}…` };
	if (!fromCache) void rememberBytes(url, bytes);
	return { ok: true, bytes };
}
