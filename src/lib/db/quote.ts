/** The one place identifiers enter SQL: double-quoted, embedded quotes doubled. */
export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
