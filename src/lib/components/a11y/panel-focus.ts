/**
 * A side panel opened from a control (a desa's row, a scorecard cell) that a keyboard user can reach
 * and leave as a mouse user does: focus moves to the panel's close button when it opens, Escape
 * closes it, and focus goes back to the control that opened it (when that is still on the page).
 * Without it, the panel opened out of reach (40–320 Tabs away) and closing it dropped focus to the
 * top of the page.
 *
 * On a narrow screen the panel sits below the map or table it was opened from, often out of sight:
 * there it is scrolled into view (QA: a desa tapped on a phone's map opened its panel two screens
 * down, and nothing visible changed), and on closing, the control that opened it is brought back.
 *
 * A Svelte action on the panel's root: `<aside use:panelFocus={onclose}>`, with the close button
 * marked `data-close`.
 */
export function panelFocus(node: HTMLElement, onclose: () => void): { update(next: () => void): void; destroy(): void } {
	let close = onclose;
	const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
	node.querySelector<HTMLElement>('[data-close]')?.focus({ preventScroll: true });
	if (narrow() && !topInView(node.getBoundingClientRect(), innerHeight)) node.scrollIntoView({ block: 'start' });
	const onKey = (e: KeyboardEvent) => {
		if (e.key !== 'Escape' || e.defaultPrevented) return;
		e.preventDefault();
		close();
	};
	node.addEventListener('keydown', onKey);
	return {
		update(next) {
			close = next;
		},
		destroy() {
			node.removeEventListener('keydown', onKey);
			// Back to the opener only if focus was in the panel (a click elsewhere has put it where the user wants).
			const inPanel = !document.activeElement || document.activeElement === document.body || node.contains(document.activeElement);
			if (!inPanel || !opener?.isConnected) return;
			opener.focus({ preventScroll: true });
			if (narrow() && !topInView(opener.getBoundingClientRect(), innerHeight)) opener.scrollIntoView({ block: 'center' });
		}
	};
}

/**
 * The width below which the pages stack a side panel under the map or table (Peta's grid at 900 px):
 * wider, the panel opens beside what opened it and the page keeps still.
 */
export const NARROW_SCREEN = '(max-width: 900px)';

const narrow = () => matchMedia(NARROW_SCREEN).matches;

/** Pixels of a panel's top that must show for it to count as in sight: its title and close button. */
export const IN_SIGHT = 48;

/** Whether the top of a box (`rect`, from getBoundingClientRect) shows in a viewport `height` px high. */
export function topInView(rect: { top: number }, height: number): boolean {
	return rect.top >= 0 && rect.top <= height - IN_SIGHT;
}
