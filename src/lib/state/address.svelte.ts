/**
 * The view's query string, a step ahead of the address bar.
 *
 * A picker's change is shown at once: `address.set(params)` makes `address.params` the new query
 * string in the task of the change, and the URL follows once the view has settled for
 * HISTORY_SETTLE_MS, as one new history entry. So arrowing through a picker's options leaves one
 * entry for Back rather than one per option, and the router's work and the browser's redraw of its
 * address bar come after the page has drawn the new figures instead of before. (In headless
 * Chromium on software GL that redraw alone is a frame of 25–31 ms of GPU time, measured by
 * changing only the URL; the page's frame with the figures waited behind it.)
 *
 * Every reader of the view's parameters reads `address.params` (or `address.search`), and every
 * writer calls `address.set`, so a second change made before the URL is written builds on the
 * first. A navigation of any other kind (a link, Back) wins over a change not yet written.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';

/** How long the view must stay unchanged before its URL is written. */
export const HISTORY_SETTLE_MS = 300;

class Address {
	/** The query string asked for, and the address it was asked on. */
	private ahead = $state.raw<{ from: string; search: string } | null>(null);
	private timer: ReturnType<typeof setTimeout> | undefined;

	/** `?…` or '': the query string asked for while the URL is not yet written, else the URL's own. */
	readonly search = $derived(this.ahead !== null && this.ahead.from === page.url.href ? this.ahead.search : page.url.search);
	readonly params = $derived(new URLSearchParams(this.search));

	/** The view's full address, as it will be written (a copied link is the view shown). */
	href(): string {
		return `${page.url.origin}${page.url.pathname}${this.search}`;
	}

	/** Shows the view for these query parameters now; writes them into the URL once it has settled. */
	set(params: URLSearchParams): void {
		const query = params.toString();
		const search = query ? `?${query}` : '';
		if (search === this.search) return;
		const from = page.url.href;
		this.ahead = { from, search };
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			if (page.url.href !== from || this.ahead?.search !== search) return;
			void goto(`${page.url.pathname}${search}`, { keepFocus: true, noScroll: true });
		}, HISTORY_SETTLE_MS);
	}

	/**
	 * After every navigation (the root layout's afterNavigate): the URL is what is shown. A change
	 * not yet written when another navigation came (a link, Back) is dropped with its timer.
	 */
	forget(): void {
		clearTimeout(this.timer);
		this.ahead = null;
	}
}

export const address = new Address();
