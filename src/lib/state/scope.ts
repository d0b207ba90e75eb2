/**
 * Which of the header's pickers each page reads. A picker a page does not read is shown disabled,
 * saying so, rather than seeming to change what the page shows.
 */
export interface PickerScope {
	area: boolean;
	period: boolean;
	/** The page does not read the area, but starts a filter of its own from it (Bandingkan's province): the disabled picker points there. */
	areaStartsFilter?: boolean;
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
	'/perencanaan': { area: true, period: false }
};

export function pickerScope(path: string): PickerScope {
	return SCOPES[path.replace(/\/+$/, '') || '/'] ?? EVERY;
}
