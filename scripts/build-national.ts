/** npx tsx scripts/build-national.ts — the national extract for Bandingkan (scripts/national/build.ts). */
import { join } from 'node:path';
import { buildNational } from './national/build';

await buildNational(join(import.meta.dirname, '..'));
