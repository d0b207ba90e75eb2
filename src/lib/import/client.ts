/** Runs one import in a fresh worker; failures of the worker itself come back as a message, not a crash. */
import type { ImportMessage, ImportRequest } from './protocol';
import type { ImportResult } from './session';

export interface ImportProgress {
	file: number;
	name: string;
	bytesRead: number;
	bytesTotal: number;
}

export class ImportFailed extends Error {}

/** The real village codes an upload is checked against; null when they cannot be had (offline and never kept). */
export async function fetchKnownCodes(url = '/geo/kode-desa.txt'): Promise<string | null> {
	try {
		const res = await fetch(url);
		return res.ok ? await res.text() : null;
	} catch {
		return null;
	}
}

export function importFiles(files: readonly File[], maxDate: string, onProgress: (p: ImportProgress) => void, knownCodes: string | null = null): Promise<ImportResult> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ImportResult>((resolve, reject) => {
		worker.onmessage = (ev: MessageEvent<ImportMessage>) => {
			const m = ev.data;
			if (m.type === 'progress') onProgress(m);
			else if (m.type === 'done') resolve(m.result);
			else reject(new ImportFailed(m.detail));
		};
		worker.onerror = (ev) => {
			ev.preventDefault();
			reject(new ImportFailed(ev.message || 'worker error'));
		};
		worker.postMessage({ files: files.map((f) => ({ name: f.name, blob: f })), maxDate, knownCodes } satisfies ImportRequest);
	}).finally(() => worker.terminate());
}

/** Today as YYYY-MM-DD in the user's time zone: later dates are in the future. */
export function todayIso(now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
