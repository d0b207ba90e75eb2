/**
 * Which key public exports round with (export/rounding.ts): the deployment's, from the manifest, so
 * that every browser of a Dinas rounds a count the same way. An older extract carries none: this
 * browser then makes a random one and keeps it, so its own files at least agree with each other
 * (another browser's would round anew, which the README's privacy section says).
 */
import type { Manifest } from '../contract/manifest';
import { toHex } from '../export/sha256';

export const LOCAL_ROUNDING_KEY = 'slrt.kunci-pembulatan';

type KeyStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function roundingKeyOf(manifest: Pick<Manifest, 'kunci_pembulatan'> | null, storage: KeyStorage | null, random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
	if (manifest?.kunci_pembulatan) return manifest.kunci_pembulatan;
	const kept = storage?.getItem(LOCAL_ROUNDING_KEY);
	if (kept && /^[0-9a-f]{64}$/.test(kept)) return kept;
	const made = toHex(random(new Uint8Array(32)));
	try {
		storage?.setItem(LOCAL_ROUNDING_KEY, made);
	} catch {
		// Storage full or refused (private mode): this page's files still agree with each other.
	}
	return made;
}

/** The page's localStorage, or null where there is none (or it is refused). */
export function pageStorage(): KeyStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}
