import { afterEach, describe, expect, test, vi } from 'vitest';
import { DATA_CACHE } from './policy';
import { rememberBytes, rememberManifest } from './remember';
import { MANIFEST, OCTOBER, ORIGIN, SEPTEMBER, body, entries, memoryCaches, urlsOf } from './test-fixtures';

const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x)).buffer as ArrayBuffer;
/** Lets the copies' timers (whenQuiet falls back to one in a worker and here) and awaits run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

/** The data cache holding September's extract, the manifest's copy included, as the page sees it. */
function septemberKept() {
	const cs = memoryCaches({ [DATA_CACHE]: { ...entries(urlsOf(SEPTEMBER)), [MANIFEST]: body(SEPTEMBER) } });
	vi.stubGlobal('caches', cs);
	vi.stubGlobal('location', { href: `${ORIGIN}/?wilayah=35.76` });
	return cs;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('rememberManifest', () => {
	test("October's manifest stored: September's files go, only once the October files the page loaded with it are stored", async () => {
		const cs = septemberKept();
		const db = urlsOf(OCTOBER, (m) => m.databases)[0];
		const release = cs.holdPut(db);
		const dbStored = rememberBytes(db, new ArrayBuffer(8));
		const done = rememberManifest(MANIFEST, json(OCTOBER), OCTOBER);
		await settle();
		// The manifest is October's already, but its database is still being stored: September's files stay.
		expect(((await (await (await cs.open(DATA_CACHE)).match(MANIFEST))?.json()) as { extract_date: string }).extract_date).toBe('2026-10-31');
		expect(cs.urls(DATA_CACHE)).toEqual(expect.arrayContaining(urlsOf(SEPTEMBER)));
		release();
		await Promise.all([dbStored, done]);
		expect(cs.urls(DATA_CACHE)).toEqual([...new Set([MANIFEST, db, ...urlsOf(OCTOBER, (m) => m.peta_summaries ?? [])])].sort());
	});

	test("October's manifest failing to store (a full quota) prunes nothing: September's manifest and files stay the offline copy", async () => {
		const cs = septemberKept();
		cs.failPut(MANIFEST);
		await rememberManifest(MANIFEST, json(OCTOBER), OCTOBER);
		expect(cs.urls(DATA_CACHE)).toEqual([...new Set([MANIFEST, ...urlsOf(SEPTEMBER)])].sort());
		expect(((await (await (await cs.open(DATA_CACHE)).match(MANIFEST))?.json()) as { extract_date: string }).extract_date).toBe('2026-09-30');
	});
});
