/** Fixed facts of the demo case database. */

/** Last day covered by the demo extract; the 24 months of history end here. */
export const DEMO_EXTRACT_DATE = '2026-10-31';
export const HISTORY_MONTHS = 24;
export const DEFAULT_SEED = 'slrt-demo-2026';
/** Registration in DTSEN's predecessor (DTKS) goes back to its 2015 consolidation. */
export const EARLIEST_REGISTRATION = '2015-01-01';
