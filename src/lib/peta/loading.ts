/**
 * A Peta load still running after this long says so. A quicker one (a filter change, usually
 * ~0.1–0.2 s) keeps the figures on screen until the new ones replace them, with no notice flashing
 * in and out above the legend.
 */
export const LOADING_NOTICE_MS = 400;
