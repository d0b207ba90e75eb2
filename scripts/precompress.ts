/**
 * npx tsx scripts/precompress.ts [DIR]   (default: build)
 * Writes the `.gz` and `.br` copies of a built site's files, as `npm run build` does, and removes
 * copies whose file is gone or changed past use. Run it after replacing files on a server whose web
 * server sends the copies (nginx gzip_static): a new month's extract, an edited targets file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeSummary, precompressDir } from './build/precompress';

const dir = resolve(process.argv[2] ?? 'build');
if (!existsSync(dir)) {
	console.error(`${dir} does not exist`);
	process.exit(1);
}
console.log(`${dir}: ${describeSummary(await precompressDir(dir))}`);
