// The dashboard runs entirely in the browser (DuckDB-WASM, MapLibre); pages are static shells.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
