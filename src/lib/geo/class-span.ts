/**
 * What a legend line says a class holds, from a classification of printed figures (`atPrinted`): a
 * value on a break is in the class above it, so a class ends one printed step below the next class's
 * start ("4,4 – 20,9 %", "21,0 – 31,2 %", then the last "31,3 – 60,0 %"). Lines never share an edge,
 * and every printed figure reads into its own class's line.
 */
import type { Classification, Printed } from './classify';

/** Printed figures below `below` (an open first band), from `from` up (an open last band), or from `from` to `to`, both included (equal for a class of one value). */
export type ClassSpan = { below: number } | { from: number } | { from: number; to: number };

/** Class i of a classification made with `atPrinted(…, printed)`. */
export function classSpan(c: Classification, i: number, printed: Printed): ClassSpan {
	const lo = c.breaks[i];
	const hi = c.breaks[i + 1];
	if (lo === -Infinity) return { below: hi };
	if (hi === Infinity) return { from: lo };
	const last = i === c.classCount - 1;
	return { from: lo, to: last ? hi : printed.round(hi - printed.step) };
}

/** Every class's span, in class order. */
export function classSpans(c: Classification, printed: Printed): ClassSpan[] {
	return Array.from({ length: c.classCount }, (_, i) => classSpan(c, i, printed));
}

/** A legend line: "< 60,0 %", "≥ 90,0 %", "21,0 – 31,2 %", or one figure ("100,0 %") for a class of one printed value. `unit` follows the last figure. */
export function spanLabel(span: ClassSpan, format: (v: number) => string, unit = ''): string {
	if ('below' in span) return `< ${format(span.below)}${unit}`;
	if (!('to' in span)) return `≥ ${format(span.from)}${unit}`;
	const [from, to] = [format(span.from), format(span.to)];
	return from === to ? `${from}${unit}` : `${from} – ${to}${unit}`;
}
