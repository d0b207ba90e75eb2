/**
 * npx tsx scripts/dev/map-shots.ts <outDir> <kode_kab>... — a picture of every Peta layer for each
 * district (the map and its legend only), to look at before calling the maps done.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeProfile, launchProfile } from '../lib/chromium';
import { startStaticServer } from '../lib/static-server';

const LAYERS = ['lapisan=kemiskinan', 'lapisan=keluhan', 'lapisan=hotspot', 'lapisan=hotspot&hotspot=moran', 'lapisan=rujukan', 'lapisan=rujukan&rujukan=lewat', 'lapisan=puskesos'];
const [out = '/tmp/maps', ...kabs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await startStaticServer(join(import.meta.dirname, '..', '..', 'build'));
const ctx = await launchProfile({ viewport: { width: 1200, height: 800 } });
const page = await ctx.newPage();
for (const kab of kabs) {
	for (const layer of LAYERS) {
		await page.goto(`${server.url}/peta?wilayah=${kab}&${layer}`);
		await page.waitForSelector('[data-testid="peta"][data-status="ready"]', { timeout: 120_000 });
		await page.waitForFunction(() => {
			const m = (window as unknown as { __slrtMap?: { loaded(): boolean; isSourceLoaded(s: string): boolean } }).__slrtMap;
			return !!m && m.isSourceLoaded('desa') && m.loaded();
		});
		const file = join(out, `${kab}_${layer.replace(/[=&]/g, '-')}.png`);
		await page.locator('[data-testid="peta"]').screenshot({ path: file });
		console.log(file);
	}
}
await closeProfile(ctx);
await server.close();
