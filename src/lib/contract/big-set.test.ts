import { describe, expect, it } from 'vitest';
import { BigSet } from './big-set';

describe('BigSet', () => {
	it('holds more keys than one part can, once each', () => {
		const s = new BigSet(4);
		for (let i = 0; i < 10; i++) s.add(`k${i}`);
		s.add('k3').add('k9');
		expect(s.size).toBe(10);
		expect([s.has('k0'), s.has('k5'), s.has('k9'), s.has('k10')]).toEqual([true, true, true, false]);
	});
});
