/** Messages between the page and decode.worker.ts. */
export interface DecodeRequest {
	id: number;
	url: string;
	sha256: string;
}

import type { FetchFailure } from './verified-fetch';

export type DecodeFailure = FetchFailure | 'decode';

export type DecodeResponse =
	| { id: number; ok: true; chunks: Uint8Array[] }
	| { id: number; ok: false; kind: DecodeFailure; detail: string };
