import { describe, expect, test } from 'vitest';
import { COVER_PALETTE, sitingLayers } from './map-layers';

describe('the planning map’s layers', () => {
	test('a catchment circle paints no fill over the desa, so a desa keeps its class colour inside it (QA: reached desa read as "beyond the radius")', () => {
		const catchment = sitingLayers().filter((l) => JSON.stringify('filter' in l ? l.filter : null).includes('jangkauan'));
		expect(catchment.map((l) => l.type)).toEqual(['line']);
		// The classes themselves stay three distinct colours.
		expect(new Set(COVER_PALETTE).size).toBe(3);
	});
});
