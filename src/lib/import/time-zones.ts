/**
 * Indonesia's three time zones by province, for reading an instant (a Parquet timestamp adjusted
 * to UTC) as the calendar date it was where the row's village lies: 00:30 on 1 January in Jakarta
 * is 31 December in UTC, and a registration that day is a 1 January registration.
 */
import { CODE_PATTERNS } from '../contract/validate';

/** Waktu Indonesia Barat, Tengah, Timur: hours ahead of UTC (no daylight saving). */
export const WIB = 7;
export const WITA = 8;
export const WIT = 9;

const MS_PER_HOUR = 3_600_000;

/** Province codes (Kemendagri, the 38 of data/reference/boundaries/indonesia_provinsi.geojson) outside WIB. */
const PROVINCE_OFFSET: Readonly<Record<string, number>> = {
	// Bali, Nusa Tenggara Barat, Nusa Tenggara Timur
	'51': WITA,
	'52': WITA,
	'53': WITA,
	// Kalimantan Selatan, Timur, Utara (Kalimantan Barat 61 and Tengah 62 are WIB)
	'63': WITA,
	'64': WITA,
	'65': WITA,
	// Sulawesi Utara, Tengah, Selatan, Tenggara, Gorontalo, Sulawesi Barat
	'71': WITA,
	'72': WITA,
	'73': WITA,
	'74': WITA,
	'75': WITA,
	'76': WITA,
	// Maluku, Maluku Utara, Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya
	'81': WIT,
	'82': WIT,
	'91': WIT,
	'92': WIT,
	'93': WIT,
	'94': WIT,
	'95': WIT,
	'96': WIT
};

/**
 * Hours ahead of UTC where a village lies, by the province of its code: WIB for Sumatra (11–21),
 * Jawa (31–36), Kalimantan Barat and Tengah; WITA and WIT as above. WIB, where most rows are,
 * when the code is not a village code (the row is then rejected for it anyway).
 */
export function utcOffsetOfDesa(kodeDesa: string): number {
	const code = kodeDesa.trim();
	if (!CODE_PATTERNS.kode_desa!.test(code)) return WIB;
	return PROVINCE_OFFSET[code.slice(0, 2)] ?? WIB;
}

/** The ISO calendar date of an instant (ms since the epoch, UTC) at `utcOffsetHours` ahead of UTC. */
export function localIsoDate(ms: number, utcOffsetHours: number): string {
	return new Date(ms + utcOffsetHours * MS_PER_HOUR).toISOString().slice(0, 10);
}
