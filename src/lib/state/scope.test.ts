import { describe, expect, it } from 'vitest';
import { pickerScope } from './scope';

describe('pickerScope', () => {
	it('lets the district views read both pickers', () => {
		for (const path of ['/', '/peta', '/indikator', '/laporan', '/peta/']) expect(pickerScope(path)).toEqual({ area: true, period: true });
	});
	it('gives Bandingkan neither: it compares every kabupaten/kota over the national extract’s own period', () => {
		expect(pickerScope('/bandingkan')).toEqual({ area: false, period: false, areaStartsFilter: true });
		expect(pickerScope('/bandingkan/')).toEqual({ area: false, period: false, areaStartsFilter: true });
	});
	it('gives the data page the area but not the period', () => {
		expect(pickerScope('/data')).toEqual({ area: true, period: false });
	});
	it('gives planning the area but not the period: it looks at the state as of the extract', () => {
		expect(pickerScope('/perencanaan')).toEqual({ area: true, period: false, wholeDistrict: true });
	});
});
