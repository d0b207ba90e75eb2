/**
 * Global setup of the `e2e` vitest project: serves the adapter-static output in `build/`
 * on 127.0.0.1 (free port) and hands the URL to tests as `inject('baseURL')`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/lib/static-server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	const buildDir = path.resolve(project.config.root, 'build');
	for (const f of ['index.html', '200.html']) {
		if (!existsSync(path.join(buildDir, f))) {
			throw new Error(
				`e2e: ${path.join(buildDir, f)} is missing — run npm run build first (or npm test, which builds).`
			);
		}
	}
	const server = await startStaticServer(buildDir, { host: '127.0.0.1', port: 0 });
	project.provide('baseURL', server.url);
	console.log(`[e2e] serving ${buildDir} at ${server.url}`);
	return async () => {
		await server.close();
	};
}
