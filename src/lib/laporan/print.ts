/**
 * The printed briefing's page margins: its running line at the top of every page (with the
 * confidential mark on an internal copy) and the page number at the bottom, in the briefing's
 * language. CSS margin boxes (`@page { @top-left { … } }`, Chromium 131+) print on every page; a
 * fixed element, used before, printed near the foot of most pages and not at all on the last.
 *
 * The text comes from the manifest (an uploaded extract's area names too), so it is written as a
 * CSS string that cannot end the string or the <style> element it is put in.
 */
export interface PageMargins {
	/** e.g. "Dasbor SLRT · Laporan singkat SLRT · Kabupaten Tegal · Nov 2025 – Okt 2026" */
	running: string;
	/** the word before the page number: "Halaman" / "Page" */
	pageWord: string;
	/** the mark of an internal (unsuppressed) copy, or null for a public one */
	confidential: string | null;
}

/** A CSS string literal of `text`: quotes and backslashes escaped, line breaks as \A, and `<` as \3C so no `</style>` can appear. */
export function cssString(text: string): string {
	return `"${text.replace(/[\\"<\n\r]/g, (c) => (c === '\n' || c === '\r' ? '\\A ' : `\\${c.charCodeAt(0).toString(16).toUpperCase()} `))}"`;
}

const BOX = 'font-size: 8pt; color: #55616d; font-family: system-ui, sans-serif;';

export function pageMarginCss(m: PageMargins): string {
	return [
		'@page {',
		`@top-left { content: ${cssString(m.running)}; ${BOX} }`,
		m.confidential ? `@top-right { content: ${cssString(m.confidential)}; ${BOX} color: #8a1010; font-weight: 700; }` : '',
		`@bottom-right { content: ${cssString(`${m.pageWord} `)} counter(page) " / " counter(pages); ${BOX} }`,
		'}'
	].join('\n');
}
