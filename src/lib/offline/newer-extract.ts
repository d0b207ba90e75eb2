/**
 * A page left open while the extract on the server is replaced (each month's new one) keeps showing
 * the extract it opened with. It asks the server's manifest again now and then; when that describes
 * another extract the page says so and offers a reload, rather than showing last month's figures as if
 * current, or calling a file it fetches afterwards (the new month's, under the old URL) "corrupted".
 */
import { manifestFiles, type Manifest } from '../contract/manifest';

/** Least time between two checks: returning to the tab again and again asks the server once a minute. */
export const RECHECK_MS = 60_000;

/** Which extract a manifest describes: its date and the content of every file, in any order. */
function extractKey(m: Manifest): string {
	return [m.extract_date, ...manifestFiles(m).map((f) => `${f.path}:${f.sha256}`).sort()].join('\n');
}

/** The extract the server now serves, when it is not the one the page shows (newer or not: the server's is the current one). */
export function newerOnServer(shown: Manifest, served: Manifest): { extract_date: string } | null {
	return extractKey(shown) === extractKey(served) ? null : { extract_date: served.extract_date };
}

/** Whether to ask the server again, `last` being the time of the last check (null: never). */
export function dueForCheck(last: number | null, now: number): boolean {
	return last === null || now - last >= RECHECK_MS;
}
