/** Saving a file from the page: one place that makes the link, clicks it and frees the URL. */
export function saveBlob(name: string, blob: Blob): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

export function saveText(name: string, text: string, type: string): void {
	saveBlob(name, new Blob([text], { type }));
}

/** A PNG from a canvas data URL (ECharts' getDataURL, a MapLibre canvas). */
export async function saveDataUrl(name: string, dataUrl: string): Promise<void> {
	saveBlob(name, await (await fetch(dataUrl)).blob());
}
