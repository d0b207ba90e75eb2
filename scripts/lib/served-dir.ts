/**
 * A served directory made of symlinks: the app's build with some top-level entries replaced by
 * other folders (the province's extracts and boundaries, the bench's own files). Nothing is copied
 * and the build itself is never written to, so the pilot's `build/` stays as `npm run build` left it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Creates a temporary directory holding a symlink to every entry of `base` except those named in
 * `replace`, which point at the given paths instead. Remove it with `removeServedDir`.
 */
export function servedDir(base: string, replace: Readonly<Record<string, string>>, prefix = 'slrt-served-'): string {
	if (!existsSync(base)) throw new Error(`servedDir: ${base} does not exist (build the app first: npx vite build)`);
	for (const [name, target] of Object.entries(replace)) {
		if (name.includes('/') || name === '' || name === '.' || name === '..') throw new Error(`servedDir: "${name}" is not a top-level entry name`);
		if (!existsSync(target)) throw new Error(`servedDir: ${target} (for /${name}) does not exist`);
	}
	const dir = mkdtempSync(join(tmpdir(), prefix));
	for (const entry of readdirSync(base)) if (!(entry in replace)) symlinkSync(resolve(base, entry), join(dir, entry));
	for (const [name, target] of Object.entries(replace)) symlinkSync(resolve(target), join(dir, name));
	return dir;
}

/** Removes a directory made by `servedDir`: its symlinks only, never what they point at. */
export function removeServedDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}
