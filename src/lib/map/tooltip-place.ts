/**
 * Where a map's hover box goes: below and right of the pointer, turned to its left or above it where
 * it would cross the map's edge, and never outside the map. A box beside a finger's tap at the right
 * of a phone's map ran 100 px past the screen, and the phone zoomed the whole page out to show it (QA).
 */

/** Pixels between the pointer and the box, so the box does not sit under the cursor. */
export const TOOLTIP_OFFSET = 14;

export interface Size {
	width: number;
	height: number;
}

/** One axis: after the pointer, else before it, else as far along as fits (the start when nothing does). */
function along(at: number, size: number, room: number, offset: number): number {
	if (at + offset + size <= room) return at + offset;
	if (at - offset - size >= 0) return at - offset - size;
	return Math.max(0, Math.min(at + offset, room - size));
}

/** The box's top left inside the map, for the pointer at (x, y) in the map's pixels. */
export function placeTooltip(x: number, y: number, tip: Size, map: Size, offset = TOOLTIP_OFFSET): { left: number; top: number } {
	return { left: along(x, tip.width, map.width, offset), top: along(y, tip.height, map.height, offset) };
}
