import { describe, expect, it } from 'vitest';
import { classStateEdits, ColourSlots, reasonStates, sourceChange, stateEdits } from './feature-state';
import { MAP_PALETTES } from './palette';

const m = (entries: [string, number | null][]) => new Map(entries);

describe('classStateEdits', () => {
	it('sets every class on the first colouring and nothing for no-data desa', () => {
		expect(classStateEdits(new Map(), m([['a', 0], ['b', 2], ['c', null]]))).toEqual([
			{ kode: 'a', action: 'set', value: 0 },
			{ kode: 'b', action: 'set', value: 2 }
		]);
	});

	it('touches only the desa whose class changed', () => {
		const prev = m([['a', 0], ['b', 2], ['c', 4]]);
		expect(classStateEdits(prev, m([['a', 0], ['b', 3], ['c', 4]]))).toEqual([{ kode: 'b', action: 'set', value: 3 }]);
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
		expect(classStateEdits(m([['a', null]]), m([['a', 0]]))).toEqual([{ kode: 'a', action: 'set', value: 0 }]);
	});
});

describe('reasonStates and their edits', () => {
	it('gives an uncoloured desa the state of its reason, none for no data (what no state draws) nor for a classed desa', () => {
		const classes = m([['a', 0], ['b', null], ['c', null], ['d', null], ['e', null]]);
		const reasons = new Map([['b', 'few'], ['c', 'hidden'], ['d', 'none'], ['a', 'few']] as const);
		expect(reasonStates(classes, reasons)).toEqual(new Map([['a', null], ['b', 'few'], ['c', 'hidden'], ['d', null], ['e', null]]));
	});

	it('sets a reason that changes or appears and removes one that goes, as the class edits do', () => {
		const prev = new Map([['b', 'few'], ['c', 'hidden'], ['d', null]] as const);
		const next = new Map([['b', 'hidden'], ['c', null], ['d', 'few']] as const);
		expect(stateEdits<string>(prev, next)).toEqual([
			{ kode: 'b', action: 'set', value: 'hidden' },
			{ kode: 'c', action: 'remove' },
			{ kode: 'd', action: 'set', value: 'few' }
		]);
		expect(stateEdits<string>(next, next)).toEqual([]);
	});
});

describe('sourceChange', () => {
	it('keeps the GeoJSON for the same polygons and replaces it for others', () => {
		const tegal = { features: ['33.28.01.2001'] };
		const gorontalo = { features: ['75.01.01.2001'] };
		expect(sourceChange(tegal, tegal)).toBe('none');
		expect(sourceChange(null, tegal)).toBe('replace');
		expect(sourceChange(tegal, gorontalo)).toBe('replace');
		expect(sourceChange(tegal, null)).toBe('remove');
		expect(sourceChange(null, null)).toBe('none');
	});
});

describe('ColourSlots', () => {
	const bad = ['#ffffb2', '#fecc5c', '#fd8d3c'];
	const good = ['#ffffcc', '#a1dab4', '#41b6c4'];

	it('gives every known colour a slot up front, a colour shared by two palettes once', () => {
		const slots = new ColourSlots([bad, ['#fd8d3c', '#000000']]);
		expect(slots.colours).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#000000']);
		expect(slots.add(bad)).toBe(false);
		expect(slots.add(good)).toBe(true);
		expect(slots.colours).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#000000', ...good]);
	});

	it('turns classes into the slots of their colours; no class, or one past the palette, is no data', () => {
		const slots = new ColourSlots([bad, good]);
		const classes = new Map<string, number | null>([['a', 0], ['b', 2], ['c', null], ['d', 3], ['e', -1]]);
		expect([...slots.states(good, classes)]).toEqual([['a', 3], ['b', 5], ['c', null], ['d', null], ['e', null]]);
		expect([...slots.states(bad, classes)]).toEqual([['a', 0], ['b', 2], ['c', null], ['d', null], ['e', null]]);
	});

	it('refuses a palette it was not given, rather than drawing it in another colour', () => {
		expect(() => new ColourSlots([bad]).states(good, new Map([['a', 0]]))).toThrow(/#ffffcc/);
	});

	it('changes the state of a desa in the same class of another palette: its colour changes with it', () => {
		// The bug this replaces: class indices as state left such a desa without an edit, and MapLibre drew it in the old colour.
		const slots = new ColourSlots([bad, good]);
		const classes = new Map<string, number | null>([['a', 1], ['b', 2]]);
		const edits = classStateEdits(slots.states(bad, classes), slots.states(good, classes));
		expect(edits).toEqual([
			{ kode: 'a', action: 'set', value: 4 },
			{ kode: 'b', action: 'set', value: 5 }
		]);
		// The same palette again: nothing to change.
		expect(classStateEdits(slots.states(good, classes), slots.states(good, classes))).toEqual([]);
	});

	it('knows every palette of the maps from the start, so none of them changes the fill expression', () => {
		const slots = new ColourSlots(MAP_PALETTES);
		for (const p of MAP_PALETTES) expect(slots.add(p)).toBe(false);
		expect(new Set(slots.colours).size).toBe(slots.colours.length);
	});
});
