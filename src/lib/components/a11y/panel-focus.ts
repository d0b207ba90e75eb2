/**
 * A side panel opened from a control (a desa's row, a scorecard cell) that a keyboard user can reach
 * and leave as a mouse user does: focus moves to the panel's close button when it opens, Escape
 * closes it, and focus goes back to the control that opened it (when that is still on the page).
 * Without it, the panel opened out of reach (40–320 Tabs away) and closing it dropped focus to the
 * top of the page.
 *
 * A Svelte action on the panel's root: `<aside use:panelFocus={onclose}>`, with the close button
 * marked `data-close`.
 */
export function panelFocus(node: HTMLElement, onclose: () => void): { update(next: () => void): void; destroy(): void } {
	let close = onclose;
	const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
	node.querySelector<HTMLElement>('[data-close]')?.focus({ preventScroll: true });
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
			if (inPanel && opener?.isConnected) opener.focus({ preventScroll: true });
		}
	};
}
