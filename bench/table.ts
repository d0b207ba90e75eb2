/** Statistics, targets and the printed table of `npm run bench` (bench/run.ts). */

export interface Stats {
	median: number;
	min: number;
	max: number;
	p95: number;
	n: number;
}

export interface Row extends Stats {
	scale: string;
	id: string;
	label: string;
	unit: string;
	target: string | null;
	pass: boolean | null;
}

/** Nearest-rank percentile (no interpolation: the value was actually observed). */
export function percentile(sorted: readonly number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function stats(xs: readonly number[]): Stats {
	const s = [...xs].sort((a, b) => a - b);
	const n = s.length;
	const median = !n ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	return { median, min: s[0] ?? NaN, max: s[n - 1] ?? NaN, p95: percentile(s, 95), n };
}

export interface Target {
	/** which statistic is held to the limit */
	on: 'median' | 'p95';
	atMost?: number;
	atLeast?: number;
	text: string;
}

/** Issue 7's targets, keyed `scale:id` (scale empty where one figure covers the app). */
export const TARGETS: Record<string, Target> = {
	'district:first_figures_cold': { on: 'median', atMost: 1000, text: '≤ 1.000 ms' },
	'province:first_figures_cold': { on: 'median', atMost: 1000, text: '≤ 1.000 ms' },
	'district:interactive_cold': { on: 'median', atMost: 2500, text: '≤ 2.500 ms' },
	'district:interactive_warm': { on: 'median', atMost: 1000, text: '≤ 1.000 ms' },
	'province:interactive_cold': { on: 'median', atMost: 4000, text: '≤ 4.000 ms' },
	// "Fully interactive" covers every panel of Ringkasan and Peta.
	'district:peta_cold': { on: 'median', atMost: 2500, text: '≤ 2.500 ms' },
	'district:peta_warm': { on: 'median', atMost: 1000, text: '≤ 1.000 ms' },
	'province:peta_cold': { on: 'median', atMost: 4000, text: '≤ 4.000 ms' },
	'district:filter_ringkasan': { on: 'p95', atMost: 50, text: 'p95 ≤ 50 ms' },
	'district:filter_peta': { on: 'p95', atMost: 50, text: 'p95 ≤ 50 ms' },
	'province:filter_ringkasan': { on: 'p95', atMost: 150, text: 'p95 ≤ 150 ms' },
	'province:filter_peta': { on: 'p95', atMost: 150, text: 'p95 ≤ 150 ms' },
	':wasm_over_native': { on: 'median', atMost: 2, text: '≤ 2,0×' },
	':naive_over_ours': { on: 'median', atLeast: 10, text: '≥ 10×' },
	':recolour_frame': { on: 'median', atMost: 100, text: '≤ 100 ms' },
	':initial_js_kb': { on: 'median', atMost: 300, text: '≤ 300 KB' },
	':pipeline_s': { on: 'median', atMost: 60, text: '≤ 60 s' }
};

export function judge(s: Stats, t: Target): boolean {
	const v = s[t.on];
	return (t.atMost === undefined || v <= t.atMost) && (t.atLeast === undefined || v >= t.atLeast);
}

const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');

export function tableLines(rows: readonly Row[]): string[] {
	const head = ['scale', 'measure', 'median', 'min', 'max', 'p95', 'unit', 'target', 'ok'];
	const body = rows.map((r) => [r.scale, r.label, fmt(r.median), fmt(r.min), fmt(r.max), r.n > 1 ? fmt(r.p95) : '', r.unit, r.target ?? '', r.pass === null ? '' : r.pass ? 'ya' : 'TIDAK']);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
}

export function printTable(rows: readonly Row[]): void {
	console.log('\n' + tableLines(rows).join('\n'));
}
