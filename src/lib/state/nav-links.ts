/**
 * Where the navigation's links lead: the view the pages share travels with the user, each page's
 * own choices stay with that page.
 *
 * The area, the period, the language and the Puskesos catchment radius (Peta and Perencanaan
 * read the same one) are the shared view. Every other parameter belongs to the page that set it
 * (Peta's layer, Bandingkan's chosen districts and sort, Perencanaan's number of sites): another
 * page ignores it, and its copied link would carry it for nothing. So a link to another page holds
 * the shared view of the page shown plus that page's own choices from when it was last left, and
 * a return finds them again. Laporan's confidential mode (`internal`) is never carried nor kept:
 * it is asked for each time, on the page that makes it.
 */

/** Parameters every page shares (state/view.ts writes the first three, peta/ and siting/ params the radius). */
export const SHARED_PARAMS: readonly string[] = ['wilayah', 'periode', 'lang', 'radius'];

/** Never carried to another page nor kept for a return. */
export const DROPPED_PARAMS: readonly string[] = ['internal'];

/** A page's own parameters: the query string without the shared and dropped ones. */
export function ownParams(search: string): URLSearchParams {
	const out = new URLSearchParams();
	for (const [k, v] of new URLSearchParams(search)) if (!SHARED_PARAMS.includes(k) && !DROPPED_PARAMS.includes(k)) out.append(k, v);
	return out;
}

/**
 * The query string (`?…` or '') of a link to `target` from the page at `path` showing `search`:
 * the shared view of `search`, then the target's own parameters as `kept` holds them (a page's own
 * parameters when it was last left). A link to the page shown keeps its own parameters.
 */
export function navSearch(path: string, search: string, target: string, kept: ReadonlyMap<string, string>): string {
	const current = new URLSearchParams(search);
	const out = new URLSearchParams();
	for (const k of SHARED_PARAMS) for (const v of current.getAll(k)) out.append(k, v);
	const own = target === path ? ownParams(search) : new URLSearchParams(kept.get(target) ?? '');
	for (const [k, v] of own) out.append(k, v);
	const q = out.toString();
	return q ? `?${q}` : '';
}
