import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { holdPaintUntil } from './paint-gate';

/** A map with MapLibre's frame loop reduced to what the gate touches: the painter and a repaint request. */
function fakeMap() {
	const painted: number[] = [];
	const painter = { render: (_s: unknown, _t: unknown, data: { frame: number }) => void painted.push(data.frame) };
	const map = { painter, triggerRepaint: vi.fn() };
	let frame = 0;
	/** One of MapLibre's frames: it always calls the painter's render, whatever that is now. */
	const render = () => (painter.render as (s: unknown, t: unknown, d: { frame: number }) => void)(null, null, { frame: ++frame });
	return { map: map as unknown as MapLibreMap, painted, render, repaints: map.triggerRepaint };
}

describe('holdPaintUntil', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('paints no frame until ready, the first ready frame, and every frame after it', () => {
		const f = fakeMap();
		let ready = false;
		const gate = holdPaintUntil(f.map, () => ready);
		f.render();
		f.render();
		expect(f.painted).toEqual([]);
		expect(gate.isOpen).toBe(false);
		ready = true;
		f.render();
		expect(f.painted).toEqual([3]);
		// Once open it stays open: a later source change (not ready for a moment) still paints.
		ready = false;
		f.render();
		expect(f.painted).toEqual([3, 4]);
		expect(gate.isOpen).toBe(true);
		expect(f.repaints).not.toHaveBeenCalled();
	});

	it('open() paints from now on and asks for a frame at once', () => {
		const f = fakeMap();
		const gate = holdPaintUntil(f.map, () => false);
		f.render();
		gate.open();
		expect(f.repaints).toHaveBeenCalledTimes(1);
		f.render();
		expect(f.painted).toEqual([2]);
		gate.open();
		expect(f.repaints).toHaveBeenCalledTimes(1);
	});

	it('opens by itself after maxMs, so a source that never loads does not leave a blank map', () => {
		const f = fakeMap();
		holdPaintUntil(f.map, () => false, 1_000);
		vi.advanceTimersByTime(999);
		f.render();
		expect(f.painted).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(f.repaints).toHaveBeenCalledTimes(1);
		f.render();
		expect(f.painted).toEqual([2]);
	});

	it('neither the time limit after opening nor after dispose asks for another frame', () => {
		const opened = fakeMap();
		let ready = false;
		holdPaintUntil(opened.map, () => ready, 1_000);
		ready = true;
		opened.render();
		vi.advanceTimersByTime(5_000);
		expect(opened.repaints).not.toHaveBeenCalled();
		const removed = fakeMap();
		holdPaintUntil(removed.map, () => false, 1_000).dispose();
		vi.advanceTimersByTime(5_000);
		expect(removed.repaints).not.toHaveBeenCalled();
	});
});
