import { describe, expect, test } from 'vitest';
import { DATA_CACHE, SHELL_CACHE_PREFIX } from './policy';
import { pruneExtractCopies, staleExtractCopies } from './prune';
import { MANIFEST, OCTOBER, ORIGIN, SEPTEMBER, body, entries, manifest, memoryCaches, urlsOf } from './test-fixtures';

/** Files of other folders kept beside the extracts. */
const OTHERS = [`${ORIGIN}/geo/desa/kode_kab=35.76.geojson`, `${ORIGIN}/nasional/kabkota.geojson`, `${ORIGIN}/targets/indikator.json`, `${ORIGIN}/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm`];

describe('staleExtractCopies', () => {
	test("once October's manifest is stored, September's files it does not name are chosen, October's and the manifest's copy kept", () => {
		const cached = [MANIFEST, ...urlsOf(SEPTEMBER), ...urlsOf(OCTOBER)];
		const stale = staleExtractCopies(cached, MANIFEST, OCTOBER, OCTOBER);
		expect(stale.sort()).toEqual(urlsOf(SEPTEMBER, (m) => [...m.files, ...m.summaries, ...m.databases]).sort());
		// September's map pre-aggregate is October's too (same content, same URL): kept.
		expect(stale).not.toContain(urlsOf(OCTOBER, (m) => m.peta_summaries ?? [])[0]);
		for (const u of [MANIFEST, ...urlsOf(OCTOBER)]) expect(stale).not.toContain(u);
	});

	test('an extract file under its path without a version, or under an older version, is stale', () => {
		const db = `${ORIGIN}/extracts/db/kode_kab=35.76.duckdb`;
		expect(staleExtractCopies([db, `${db}?v=0000000000000000`], MANIFEST, OCTOBER, OCTOBER)).toEqual([db, `${db}?v=0000000000000000`]);
	});

	test('boundaries, the national file, targets and the WASM are not extract files: never chosen', () => {
		expect(staleExtractCopies([...OTHERS, ...urlsOf(SEPTEMBER)], MANIFEST, OCTOBER, OCTOBER).some((u) => OTHERS.includes(u))).toBe(false);
	});

	test('a manifest that failed to store (no stored copy) prunes nothing', () => {
		expect(staleExtractCopies([MANIFEST, ...urlsOf(SEPTEMBER)], MANIFEST, null, OCTOBER)).toEqual([]);
	});

	test("the files of the manifest the page shows are kept when another tab has stored a newer one since", () => {
		const november = manifest('2026-11-30', '3', 'c');
		const stale = staleExtractCopies([...urlsOf(SEPTEMBER), ...urlsOf(OCTOBER), ...urlsOf(november)], MANIFEST, november, OCTOBER);
		expect(stale.sort()).toEqual(urlsOf(SEPTEMBER, (m) => [...m.files, ...m.summaries, ...m.databases]).sort());
	});

	test('an extract served from another folder: only that folder is looked at', () => {
		const other = `${ORIGIN}/lain/manifest.json`;
		expect(staleExtractCopies(urlsOf(SEPTEMBER), other, OCTOBER, OCTOBER)).toEqual([]);
	});
});

const SHELL = `${SHELL_CACHE_PREFIX}abc123`;

describe('pruneExtractCopies', () => {
	test("removes September's files from the data cache once October's manifest is its copy; October's files, other folders and the shell's cache are untouched", async () => {
		const shell = [`${ORIGIN}/`, `${ORIGIN}/_app/immutable/entry/start.js`];
		const cs = memoryCaches({
			[SHELL]: entries(shell),
			[DATA_CACHE]: { ...entries([...urlsOf(SEPTEMBER), ...urlsOf(OCTOBER), ...OTHERS]), [MANIFEST]: body(OCTOBER) }
		});
		const removed = await pruneExtractCopies(cs, MANIFEST, OCTOBER);
		expect(removed.length).toBe(3);
		expect(cs.urls(DATA_CACHE)).toEqual([...new Set([MANIFEST, ...urlsOf(OCTOBER), ...OTHERS])].sort());
		expect(cs.urls(SHELL)).toEqual(shell.sort());
	});

	test("October's manifest not stored (the copy is still September's): September's files stay, the only whole extract offline", async () => {
		const kept = [MANIFEST, ...urlsOf(SEPTEMBER), ...OTHERS].sort();
		const cs = memoryCaches({ [DATA_CACHE]: { ...entries(kept), [MANIFEST]: body(SEPTEMBER) } });
		await pruneExtractCopies(cs, MANIFEST, OCTOBER);
		expect(cs.urls(DATA_CACHE)).toEqual(kept);
	});

	test('no manifest copy, or one that does not read as a manifest: nothing is removed', async () => {
		const copies: Record<string, Response>[] = [{}, { [MANIFEST]: body('{"truncated": ') }, { [MANIFEST]: body({ schema_version: '0.1' }) }];
		for (const manifestCopy of copies) {
			const kept = [...urlsOf(SEPTEMBER), ...urlsOf(OCTOBER)];
			const cs = memoryCaches({ [DATA_CACHE]: { ...entries(kept), ...manifestCopy } });
			expect(await pruneExtractCopies(cs, MANIFEST, OCTOBER)).toEqual([]);
			expect(cs.urls(DATA_CACHE)).toEqual([...new Set([...kept, ...Object.keys(manifestCopy)])].sort());
		}
	});

	test('no data cache at all: none is made', async () => {
		const cs = memoryCaches({});
		expect(await pruneExtractCopies(cs, MANIFEST, OCTOBER)).toEqual([]);
		expect(await cs.keys()).toEqual([]);
	});
});
