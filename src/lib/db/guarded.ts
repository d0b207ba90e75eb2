/**
 * AsyncDuckDB forgets its pending requests when its worker reports an uncaught error (it logs and
 * clears them), so every caller waiting on one would wait forever. The guarded class rejects them
 * instead, naming the failure, terminates the worker and fails every later request at once: the
 * page says what happened rather than hanging, and `onStop` hears of it once (duckdb.ts starts a new
 * engine on the next request). Extended at run time, since the library loads lazily.
 */
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';

type AsyncDuckDBClass = typeof AsyncDuckDB;
type Task = Parameters<AsyncDuckDB['postTask']>[0];

/** What every request gets once the worker has stopped. */
export class EngineStopped extends Error {}

export function stoppedMessage(detail: string): string {
	return `DuckDB-WASM: worker berhenti / stopped (${detail || 'script error'})`;
}

export function guarded(Base: AsyncDuckDBClass, onStop: (error: Error) => void = () => {}): AsyncDuckDBClass {
	return class GuardedDuckDB extends Base {
		private stopped: EngineStopped | null = null;

		protected override onError(event: ErrorEvent): void {
			const first = !this.stopped;
			this.stopped ??= new EngineStopped(stoppedMessage(event.message));
			for (const task of this._pendingRequests.values()) task.promiseRejecter(this.stopped);
			super.onError(event);
			this._worker?.terminate();
			if (first) onStop(this.stopped);
		}

		protected override postTask<W extends Task>(task: W, transfer?: ArrayBuffer[]): ReturnType<AsyncDuckDB['postTask']> {
			if (this.stopped) return Promise.reject(this.stopped);
			return super.postTask(task, transfer);
		}
	};
}
