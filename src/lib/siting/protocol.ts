/** Messages between the planning page and siting.worker.ts. */
import type { SitingInput, Weighting } from './problem';
import type { Objective, ScenarioResult } from './scenario';

export interface SitingRequest {
	id: number;
	input: SitingInput;
	options: { radius: number; n: number; objective: Objective; weighting: Weighting };
}

export type SitingResponse =
	| { id: number; type: 'progress'; fraction: number; stage: string }
	| { id: number; type: 'result'; result: ScenarioResult; ms: number }
	| { id: number; type: 'error'; message: string };
