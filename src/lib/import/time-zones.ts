/**
 * Indonesia's three time zones by province, for reading an instant (a Parquet timestamp adjusted
 * to UTC) as the calendar date it was where the row's village lies: 00:30 on 1 January in Jakarta
 * is 31 December in UTC, and a registration that day is a 1 January registration.
 */
import { CODE_PATTERNS } from '../contract/validate';
import { province, UTC_OFFSET } from '../contract/provinces';

/** Waktu Indonesia Barat, Tengah, Timur: hours ahead of UTC (no daylight saving). */
export const WIB = UTC_OFFSET.WIB;
export const WITA = UTC_OFFSET.WITA;
export const WIT = UTC_OFFSET.WIT;

const MS_PER_HOUR = 3_600_000;

/**
 * Hours ahead of UTC where a village lies, by the time zone of its province (contract/provinces.ts).
 * WIB, where most rows are, when the code is not a village code (the row is then rejected for it
 * anyway) or its province is none of Kemendagri's.
 */
export function utcOffsetOfDesa(kodeDesa: string): number {
	const code = kodeDesa.trim();
	if (!CODE_PATTERNS.kode_desa!.test(code)) return WIB;
	const zona = province(code.slice(0, 2))?.zona;
	return zona ? UTC_OFFSET[zona] : WIB;
}

/** The ISO calendar date of an instant (ms since the epoch, UTC) at `utcOffsetHours` ahead of UTC. */
export function localIsoDate(ms: number, utcOffsetHours: number): string {
	return new Date(ms + utcOffsetHours * MS_PER_HOUR).toISOString().slice(0, 10);
}
