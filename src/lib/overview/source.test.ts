import { describe, expect, test } from 'vitest';
import { holdsLine, type FigureSource } from './source';

describe('holdsLine', () => {
	test('holds only a refresh of live figures, not a first load, a failure or a final summary', () => {
		expect(holdsLine('live', 'summary')).toBe(true);
		const all: FigureSource[] = ['none', 'summary', 'aggregate', 'fallback', 'live'];
		for (const shown of all) for (const next of all) if (!(shown === 'live' && next === 'summary')) expect(holdsLine(shown, next), `${shown} → ${next}`).toBe(false);
	});
});
