import { describe, expect, it } from 'vitest';
import { classStateEdits, sourceChange } from './feature-state';

const m = (entries: [string, number | null][]) => new Map(entries);

describe('classStateEdits', () => {
	it('sets every class on the first colouring and nothing for no-data desa', () => {
		expect(classStateEdits(new Map(), m([['a', 0], ['b', 2], ['c', null]]))).toEqual([
			{ kode: 'a', action: 'set', kelas: 0 },
			{ kode: 'b', action: 'set', kelas: 2 }
		]);
	});

	it('touches only the desa whose class changed', () => {
		const prev = m([['a', 0], ['b', 2], ['c', 4]]);
		expect(classStateEdits(prev, m([['a', 0], ['b', 3], ['c', 4]]))).toEqual([{ kode: 'b', action: 'set', kelas: 3 }]);
		expect(classStateEdits(prev, prev)).toEqual([]);
	});

	it('removes the state of desa that lose their value, or leave the set', () => {
		const prev = m([['a', 0], ['b', 2], ['c', null]]);
		expect(classStateEdits(prev, m([['a', null], ['c', null]]))).toEqual([
			{ kode: 'a', action: 'remove' },
			{ kode: 'b', action: 'remove' }
		]);
	});

	it('sets class 0 where there was none (0 is a class, not no data)', () => {
		expect(classStateEdits(m([['a', null]]), m([['a', 0]]))).toEqual([{ kode: 'a', action: 'set', kelas: 0 }]);
	});
});

describe('sourceChange', () => {
	it('keeps the GeoJSON for the same district and replaces it for another', () => {
		expect(sourceChange('33.28', '33.28')).toBe('none');
		expect(sourceChange(null, '33.28')).toBe('replace');
		expect(sourceChange('33.28', '75.01')).toBe('replace');
		expect(sourceChange('33.28', null)).toBe('remove');
		expect(sourceChange(null, null)).toBe('none');
	});
});
