import { describe, expect, it } from 'vitest';
import { cssString, pageMarginCss } from './print';

describe('cssString', () => {
	it('keeps plain text, escapes what would end the string or the style element', () => {
		expect(cssString('Kabupaten Tegal · Nov 2025 – Okt 2026')).toBe('"Kabupaten Tegal · Nov 2025 – Okt 2026"');
		expect(cssString('Kep. "Seribu" \\ x')).toBe('"Kep. \\22 Seribu\\22  \\5C  x"');
		expect(cssString('</style><script>')).not.toContain('<');
		expect(cssString('a\nb')).toBe('"a\\A b"');
	});
});

describe('pageMarginCss', () => {
	it('puts the running line top left, the page number bottom right in the language asked, and the mark only on an internal copy', () => {
		const pub = pageMarginCss({ running: 'Dasbor SLRT · Kabupaten Tegal', pageWord: 'Halaman', confidential: null });
		expect(pub).toContain('@top-left { content: "Dasbor SLRT · Kabupaten Tegal";');
		expect(pub).toContain('@bottom-right { content: "Halaman " counter(page) " / " counter(pages);');
		expect(pub).not.toContain('@top-right');
		const internal = pageMarginCss({ running: 'SLRT Dashboard', pageWord: 'Page', confidential: 'RAHASIA / CONFIDENTIAL' });
		expect(internal).toContain('@top-right { content: "RAHASIA / CONFIDENTIAL";');
		expect(internal).toContain('"Page " counter(page)');
	});
});
