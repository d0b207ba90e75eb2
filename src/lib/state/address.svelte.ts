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
 * first. The root layout reports navigations (`leaving`, `arrived`): any navigation but the URL's
 * own write (a link, Back) drops a change not yet written, and a change made while the write was
 * under way stays shown and is written next.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';

/** How long the view must stay unchanged before its URL is written. */
export const HISTORY_SETTLE_MS = 300;

/** What the layout learns of a navigation (SvelteKit's beforeNavigate argument, in part). */
export interface Leaving {
	type: string;
	to: { url: URL } | null;
}

class Address {
	/** `?…` or '': the query string asked for and not yet in the URL */
	private ahead = $state.raw<string | null>(null);
	/** the query string being written into the URL now */
	private writing: string | null = null;
	private timer: ReturnType<typeof setTimeout> | undefined;

	/** `?…` or '': the query string of the view shown. */
	readonly search = $derived(this.ahead ?? page.url.search);
	readonly params = $derived(new URLSearchParams(this.search));

	/** The view's full address, as it will be written (a copied link is the view shown). */
	href(): string {
		return `${page.url.origin}${page.url.pathname}${this.search}`;
	}

	/** A change waiting to be written came from the user (a new history entry), not only corrections (`replace`). */
	private push = false;

	/**
	 * Shows the view for these query parameters now; writes them into the URL once it has settled.
	 * `replace`: the address is corrected to what the view uses (a clamped value), not a new view, so
	 * it replaces the current history entry unless a user's change waits with it.
	 */
	set(params: URLSearchParams, opts: { replace?: boolean } = {}): void {
		const query = params.toString();
		const search = query ? `?${query}` : '';
		if (search === this.search) return;
		if (!opts.replace) this.push = true;
		this.ahead = search;
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.write(), HISTORY_SETTLE_MS);
	}

	private write(): void {
		const search = this.ahead;
		if (search === null) return;
		// Changed and changed back: nothing to write.
		if (search === page.url.search) {
			this.ahead = null;
			this.push = false;
			return;
		}
		this.writing = search;
		const replaceState = !this.push;
		this.push = false;
		void goto(`${page.url.pathname}${search}`, { keepFocus: true, noScroll: true, replaceState }).finally(() => {
			if (this.writing === search) this.writing = null;
		});
	}

	/** Before a navigation: one that is not the URL's own write drops the change not yet written. */
	leaving(navigation: Leaving): void {
		if (navigation.type === 'goto' && this.writing !== null && navigation.to?.url.search === this.writing) return;
		clearTimeout(this.timer);
		this.ahead = null;
		this.writing = null;
		this.push = false;
	}

	/** After a navigation: the URL now holds what was asked for, unless a later change waits. */
	arrived(): void {
		if (this.ahead === page.url.search) this.ahead = null;
	}
}

export const address = new Address();
