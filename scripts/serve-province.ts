/**
 * npx tsx scripts/serve-province.ts [--port 4173]   (npm run start:province builds first)
 * Serves the app's build on 127.0.0.1 with the province demo (Jawa Tengah: 35 districts, 8,563 desa,
 * ~11 M households) in place of the pilot's extracts and boundaries. The pilot's build/ and
 * static/ are left untouched: the served folder is a temporary one of symlinks (lib/served-dir.ts).
 */
import { parseArgs } from 'node:util';
import { removeServedDir } from './lib/served-dir';
import { PROVINCE_KODE, provinceServedDir } from './lib/province';
import { startStaticServer } from './lib/static-server';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4173' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: not a port number`);

let dir: string;
try {
	dir = provinceServedDir();
} catch (e) {
	console.error(`Tidak dapat menyajikan provinsi / cannot serve the province: ${e instanceof Error ? e.message : e}`);
	process.exit(1);
}
let server: Awaited<ReturnType<typeof startStaticServer>>;
try {
	server = await startStaticServer(dir, { host: '127.0.0.1', port });
} catch (e) {
	removeServedDir(dir);
	const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
	console.error(inUse ? `Port ${port} sudah dipakai / already in use (is npm start running?): stop it or pass --port N` : String(e));
	process.exit(1);
}
console.log(`Provinsi Jawa Tengah / province mode: ${server.url}/?wilayah=${PROVINCE_KODE}  (Ctrl+C untuk berhenti / to stop)`);

let stopping = false;
async function stop(): Promise<void> {
	if (stopping) return;
	stopping = true;
	await server.close();
	removeServedDir(dir);
	process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
