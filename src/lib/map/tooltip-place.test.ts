import { describe, expect, it } from 'vitest';
import { placeTooltip, TOOLTIP_OFFSET as O } from './tooltip-place';

const MAP = { width: 354, height: 560 };
const TIP = { width: 220, height: 80 };

describe('placeTooltip', () => {
	it('puts the box below and right of the pointer where it fits', () => {
		expect(placeTooltip(40, 100, TIP, MAP)).toEqual({ left: 40 + O, top: 100 + O });
	});
	it('turns it to the pointer’s left near the map’s right edge, so it does not run past it (QA: a tap at the right of a 390 px phone)', () => {
		const p = placeTooltip(300, 100, TIP, MAP);
		expect(p).toEqual({ left: 300 - O - TIP.width, top: 100 + O });
		expect(p.left + TIP.width).toBeLessThanOrEqual(MAP.width);
	});
	it('above the pointer near the bottom edge', () => {
		expect(placeTooltip(40, 520, TIP, MAP).top).toBe(520 - O - TIP.height);
	});
	it('inside the map where it fits neither side of the pointer; at its left edge when wider than the map', () => {
		const p = placeTooltip(180, 100, { width: 300, height: 80 }, MAP);
		expect(p.left).toBe(MAP.width - 300);
		expect(placeTooltip(180, 100, { width: 400, height: 80 }, MAP).left).toBe(0);
	});
});
