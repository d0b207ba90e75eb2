/** Messages between the Data page and import.worker.ts. */
import type { ImportResult } from './session';

export interface ImportRequest {
	files: { name: string; blob: Blob }[];
	maxDate: string;
	/** static/geo/kode-desa.txt as fetched, or null when it could not be */
	knownCodes: string | null;
}

export type ImportMessage =
	| { type: 'progress'; file: number; name: string; bytesRead: number; bytesTotal: number }
	| { type: 'done'; result: ImportResult }
	| { type: 'failed'; detail: string };
