/** Day numbers (days since 1970-01-01, UTC) keep the generator's dates exact and fast. */

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
	return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOf(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** First day of the month `offset` months after the month containing `day`. */
export function addMonths(day: number, offset: number): number {
	const d = new Date(day * MS_PER_DAY);
	return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1) / MS_PER_DAY);
}
