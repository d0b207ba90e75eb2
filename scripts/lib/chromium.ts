/** Debian's Chromium, driven by playwright-core: where it is and the flags measured to work here (shared/STACK.md). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const profiles = new WeakMap<BrowserContext, string>();

/**
 * Chromium on a new profile in the temp folder, with the flags above and the dashboard's viewport,
 * locale and time zone (`options` add to them). A used profile holds ~180 MB of cache: closeProfile
 * closes the browser and removes it.
 */
export async function launchProfile(options: Omit<LaunchOptions, 'executablePath' | 'args'> = {}): Promise<BrowserContext> {
	const dir = await mkdtemp(join(tmpdir(), 'slrt-chromium-'));
	try {
		const ctx = await chromium.launchPersistentContext(dir, {
			executablePath: chromiumPath(),
			args: CHROMIUM_ARGS,
			viewport: { width: 1400, height: 900 },
			locale: 'id-ID',
			timezoneId: 'Asia/Jakarta',
			...options
		});
		profiles.set(ctx, dir);
		return ctx;
	} catch (err) {
		await rm(dir, { recursive: true, force: true });
		throw err;
	}
}

/** Closes a browser from launchProfile and removes its profile (once the browser has exited). */
export async function closeProfile(ctx: BrowserContext | undefined): Promise<void> {
	if (!ctx) return;
	const dir = profiles.get(ctx);
	try {
		await ctx.close();
	} finally {
		if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
	}
}
