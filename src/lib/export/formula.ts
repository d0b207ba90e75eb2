/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ (or a tab or carriage return before one) as a formula, so a name such as
 * `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` from an uploaded extract would run on the reader's
 * machine. Such a text cell is written with a single quote in front, which spreadsheets show as text.
 * A plain number ("-7,5", "-0.5", "+4") is no formula and stays as it is, so signed figures the app
 * writes keep reading as numbers; a lone sign ("=" for "no change") holds nothing to run.
 */

/** The characters a spreadsheet reads as the start of a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A signed decimal number, with a dot or a comma, which a spreadsheet reads as a number. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

/** The cell as a spreadsheet should show it: text that would start a formula gets a leading `'`. */
export function neutraliseFormula(s: string): string {
	if (s.length < 2 || !FORMULA_START.test(s) || PLAIN_NUMBER.test(s)) return s;
	return `'${s}`;
}
