import { describe, expect, it } from 'vitest';
import { radioStep } from './radio-keys';

describe('radioStep', () => {
	it('moves to the next and previous option with the arrows, wrapping round, and to the ends with Home and End', () => {
		expect(radioStep('ArrowRight', 0, 5)).toBe(1);
		expect(radioStep('ArrowDown', 4, 5)).toBe(0);
		expect(radioStep('ArrowLeft', 0, 5)).toBe(4);
		expect(radioStep('ArrowUp', 3, 5)).toBe(2);
		expect(radioStep('Home', 3, 5)).toBe(0);
		expect(radioStep('End', 1, 5)).toBe(4);
	});
	it('leaves every other key (Tab, Enter, letters) to the browser', () => {
		for (const k of ['Tab', 'Enter', ' ', 'a']) expect(radioStep(k, 1, 5)).toBeNull();
		expect(radioStep('ArrowRight', 0, 0)).toBeNull();
	});
});
