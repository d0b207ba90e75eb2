import { describe, expect, it } from 'vitest';
import { navSearch, ownParams } from './nav-links';

describe('navigation links', () => {
	it('carry the shared view to another page, not the page\'s own choices', () => {
		const search = '?wilayah=33.28&periode=2025-01..2025-03&lang=en&pilih=33.28,33.11&urut=p0';
		expect(navSearch('/bandingkan', search, '/', new Map())).toBe('?wilayah=33.28&periode=2025-01..2025-03&lang=en');
		expect(navSearch('/bandingkan', search, '/peta', new Map())).toBe('?wilayah=33.28&periode=2025-01..2025-03&lang=en');
	});

	it('give a page back its own choices from when it was last left, under the view shown now', () => {
		const kept = new Map([['/peta', 'lapisan=keluhan&program=PKH']]);
		expect(navSearch('/', '?wilayah=33.29', '/peta', kept)).toBe('?wilayah=33.29&lapisan=keluhan&program=PKH');
		expect(navSearch('/', '?wilayah=33.29', '/indikator', kept)).toBe('?wilayah=33.29');
	});

	it('keep the page shown as it is, but never its confidential mode', () => {
		expect(navSearch('/peta', '?wilayah=33.28&lapisan=rujukan', '/peta', new Map())).toBe('?wilayah=33.28&lapisan=rujukan');
		expect(navSearch('/laporan', '?wilayah=35.76&internal=1', '/laporan', new Map())).toBe('?wilayah=35.76');
		expect(navSearch('/laporan', '?wilayah=35.76&internal=1', '/', new Map())).toBe('?wilayah=35.76');
		expect(navSearch('/', '', '/peta', new Map())).toBe('');
	});

	it('carry the catchment radius between Peta and Perencanaan, which read the same one', () => {
		expect(navSearch('/peta', '?wilayah=33.28&lapisan=puskesos&radius=3', '/perencanaan', new Map([['/perencanaan', 'n=4']]))).toBe('?wilayah=33.28&radius=3&n=4');
	});

	it('a page\'s own parameters leave out the shared and the confidential ones', () => {
		expect(ownParams('?wilayah=33.28&internal=1&lapisan=keluhan&lang=en&radius=2').toString()).toBe('lapisan=keluhan');
	});
});
