/**
 * A load still running after this long says so. A quicker one (a filter change, usually ~0.1–0.2 s)
 * keeps what is on screen, figures and their label, until the new ones replace it, with no notice
 * flashing in and out (Peta's loading notice, Ringkasan's source line).
 */
export const LOADING_NOTICE_MS = 400;
