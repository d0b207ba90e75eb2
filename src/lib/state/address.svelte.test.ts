/**
 * The view's query string ahead of the URL, with SvelteKit's router stood in for: `goto` lands a
 * navigation the way SvelteKit does (beforeNavigate, the URL, afterNavigate, which the root layout
 * reports to `address`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const nav = vi.hoisted(() => ({ page: null as unknown as { url: URL }, gotos: [] as string[], pending: [] as (() => void)[] }));

vi.mock('$app/state', () => {
	const page = $state({ url: new URL('http://x/peta?wilayah=33.28') });
	nav.page = page;
	return { page };
});
vi.mock('$app/navigation', () => ({
	goto: (href: string) => {
		nav.gotos.push(href);
		// The navigation lands when the test says so: a change can come while it is under way.
		return new Promise<void>((resolve) => nav.pending.push(() => {
			const to = new URL(href, 'http://x');
			address.leaving({ type: 'goto', to: { url: to } });
			nav.page.url = to;
			address.arrived();
			resolve();
		}));
	}
}));

const { address, HISTORY_SETTLE_MS } = await import('./address.svelte');

/** Another navigation (a link, Back) to `href`. */
function navigate(type: string, href: string) {
	const to = new URL(href, 'http://x');
	address.leaving({ type, to: { url: to } });
	nav.page.url = to;
	address.arrived();
}
const land = async () => {
	nav.pending.shift()!();
	await Promise.resolve();
};
const params = (s: string) => new URLSearchParams(s);

beforeEach(() => {
	vi.useFakeTimers();
	navigate('popstate', 'http://x/peta?wilayah=33.28');
	nav.gotos.length = 0;
	nav.pending.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('address', () => {
	it('shows a change at once and writes it into the URL once the view has settled', async () => {
		address.set(params('wilayah=33.28&program=pkh'));
		expect(address.search).toBe('?wilayah=33.28&program=pkh');
		expect(address.params.get('program')).toBe('pkh');
		vi.advanceTimersByTime(HISTORY_SETTLE_MS - 1);
		expect(nav.gotos).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(nav.gotos).toEqual(['/peta?wilayah=33.28&program=pkh']);
		await land();
		expect(nav.page.url.search).toBe('?wilayah=33.28&program=pkh');
		expect(address.search).toBe('?wilayah=33.28&program=pkh');
		expect(address.href()).toBe('http://x/peta?wilayah=33.28&program=pkh');
	});

	it('writes quick changes once, the last; a change back to the URL writes nothing', () => {
		address.set(params('wilayah=33.28&program=pkh'));
		vi.advanceTimersByTime(100);
		address.set(params('wilayah=33.28&program=bpnt'));
		vi.advanceTimersByTime(HISTORY_SETTLE_MS);
		expect(nav.gotos).toEqual(['/peta?wilayah=33.28&program=bpnt']);
		nav.gotos.length = 0;
		nav.pending.length = 0;
		navigate('popstate', 'http://x/peta?wilayah=33.28');
		address.set(params('wilayah=33.28&program=kip'));
		address.set(params('wilayah=33.28'));
		vi.advanceTimersByTime(HISTORY_SETTLE_MS);
		expect(nav.gotos).toEqual([]);
		expect(address.search).toBe('?wilayah=33.28');
	});

	it('keeps a change made while the URL is being written, and writes it next', async () => {
		address.set(params('wilayah=33.28&program=pkh'));
		vi.advanceTimersByTime(HISTORY_SETTLE_MS);
		address.set(params('wilayah=33.28&program=kip'));
		await land();
		expect(nav.page.url.search).toBe('?wilayah=33.28&program=pkh');
		expect(address.search).toBe('?wilayah=33.28&program=kip');
		vi.advanceTimersByTime(HISTORY_SETTLE_MS);
		expect(nav.gotos.at(-1)).toBe('/peta?wilayah=33.28&program=kip');
		await land();
		expect(address.search).toBe('?wilayah=33.28&program=kip');
	});

	it('drops a change not yet written when another navigation comes (Back, a link)', () => {
		address.set(params('wilayah=33.28&program=pkh'));
		navigate('popstate', 'http://x/peta?wilayah=33.28&lapisan=kemiskinan');
		expect(address.search).toBe('?wilayah=33.28&lapisan=kemiskinan');
		vi.advanceTimersByTime(HISTORY_SETTLE_MS);
		expect(nav.gotos).toEqual([]);
	});
});
