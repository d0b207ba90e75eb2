import type { LinkNotes } from './view';

/**
 * Which of the header's pickers each page reads. A picker a page does not read is shown disabled,
 * saying so, rather than seeming to change what the page shows.
 */
export interface PickerScope {
	area: boolean;
	period: boolean;
	/** The page does not read the area, but starts a filter of its own from it (Bandingkan's province): the disabled picker points there. */
	areaStartsFilter?: boolean;
	/** The page is of a whole district (planning): an area inside one, a kecamatan or a desa's, is shown as its district. */
	wholeDistrict?: boolean;
}

const EVERY: PickerScope = { area: true, period: true };

/** Pages that read less than both pickers, by path (without the app's base path). */
const SCOPES: Readonly<Record<string, PickerScope>> = {
	// The national extract: all 514 kabupaten/kota over the one period it was built for.
	// Its province filter starts from the area's province.
	'/bandingkan': { area: false, period: false, areaStartsFilter: true },
	// The quality checks cover the area's whole extract, every month of it.
	'/data': { area: true, period: false },
	// Planning looks at the state as of the extract (siting/sql.ts), not at a period.
	// It plans the sites of a whole district.
	'/perencanaan': { area: true, period: false, wholeDistrict: true }
};

export function pickerScope(path: string): PickerScope {
	return SCOPES[path.replace(/\/+$/, '') || '/'] ?? EVERY;
}

/**
 * What the link notice says of a page's pickers (LinkNotes): nothing of one the page does not read; the
 * province a page starts its own filter from (Bandingkan); the district a page of whole districts shows.
 */
export function scopedNotes(n: LinkNotes, scope: PickerScope): LinkNotes {
	const shownAs = (area: string) => (scope.wholeDistrict && area.length > DISTRICT_CODE_LENGTH ? area.slice(0, DISTRICT_CODE_LENGTH) : area);
	const area = scope.area ? n.area && { ...n.area, shown: shownAs(n.area.shown) } : scope.areaStartsFilter && n.area ? { ...n.area, shown: n.area.shown.slice(0, 2) } : undefined;
	return { area, period: scope.period ? n.period : undefined };
}

/** "33.28": a kabupaten/kota's code, its province's two digits and its own two. */
const DISTRICT_CODE_LENGTH = 5;
