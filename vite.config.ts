import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { duckdbEngine } from './scripts/build/duckdb-engine.ts';
import { precompress } from './scripts/build/precompress.ts';
import { previewPrecompressed } from './scripts/build/preview-precompressed.ts';

export default defineConfig({
	plugins: [duckdbEngine(), sveltekit(), precompress(), previewPrecompressed()],
	server: { host: '127.0.0.1', port: 4173 },
	preview: { host: '127.0.0.1', port: 4173 },
	worker: { format: 'es' },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
					environment: 'node',
					// Pin the time zone so date bucketing is deterministic on any machine.
					env: { TZ: 'Asia/Jakarta' },
					testTimeout: 120_000,
					// A beforeAll that runs the extract pipeline twice (scripts/pipeline/extract.test.ts) is a
					// test's work too: it ran out of vitest's default 10 s once, on a machine busy with another run.
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 180_000,
					hookTimeout: 180_000,
					// What a page does "at once" is asserted at once; expect.poll is for what follows in its
					// own time, like the URL written after a picker's change (300 ms of settling, then the
					// router), which waits behind a district database's arrival: main-thread tasks of
					// 200–330 ms measured here, more on a busier runner, where the default 1 s ran out once.
					expect: { poll: { timeout: 10_000 } },
					// One Chromium at a time: the machine has 2 cores and SwiftShader is CPU-bound.
					fileParallelism: false,
					globalSetup: 'tests/e2e/global-setup.ts'
				}
			}
		]
	}
});
