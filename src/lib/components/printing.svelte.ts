/**
 * Whether the page is going to paper: from the browser's `beforeprint` to its `afterprint` (Ctrl+P,
 * the print button, a PDF printed by Chromium alike). Wide tables render their print-only copies
 * (pages across, lib/print/column-pages.ts) only then, so the screen never carries a second copy of
 * 514 rows. The DOM is brought up to date inside `beforeprint` (flushSync): the browser lays the
 * printed pages out as soon as the event's handlers return.
 */
import { flushSync } from 'svelte';

let on = $state(false);
let listening = false;

function listen(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	addEventListener('beforeprint', () => {
		on = true;
		flushSync();
	});
	addEventListener('afterprint', () => {
		on = false;
	});
}

export const printing = {
	/** true while the page is being printed; reading it starts listening */
	get on(): boolean {
		listen();
		return on;
	}
};
