/**
 * npx tsx bench/markdown.ts — bench/results.json as the Markdown table README.md shows (English
 * labels and number format).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './table';

const results = JSON.parse(readFileSync(join(import.meta.dirname, 'results.json'), 'utf8')) as { note?: string; date: string; runs: number; machine: { cpus: number; model: string; chromium: string }; rows: Row[]; failures: string[] };
const num = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)) : '–');
/** Targets are printed the Indonesian way (1.000 ms, 2,0×); the README reads them the English way. */
const englishNumber = (text: string) => text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
/** The English half of a bilingual label ("Indonesian / English"); labels without one stay whole. */
const english = (label: string) => (label.includes(' / ') && !label.startsWith('SQL ') ? label.slice(label.indexOf(' / ') + 3) : label);

if (results.note) console.log(`${results.note}.\n`);
else console.log(`Run ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.runs} runs, ${results.machine.cpus} cores (${results.machine.model}), ${results.machine.chromium}.\n`);
console.log('| scale | measure | median | min–max | p95 | unit | target | met |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results.rows) {
	const spread = r.n > 1 ? `${num(r.min)}–${num(r.max)}` : '';
	const p95 = r.n > 1 ? num(r.p95) : '';
	const met = r.pass === null ? '' : r.pass ? 'yes' : '**no**';
	console.log(`| ${r.scale} | ${english(r.label)} | ${num(r.median)} | ${spread} | ${p95} | ${r.unit} | ${r.target ? englishNumber(r.target) : ''} | ${met} |`);
}
if (results.failures.length) console.log(`\nFailures: ${results.failures.join('; ')}`);
