/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: it runs in Node.js, outside n8n, with the sandbox’s fake secrets */
/**
 * Process set-up for the integration-test runtime (see ./index.ts): where n8n-core keeps its settings.
 */
import { mkdirSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

/**
 * n8n-core's `NodeExecutionContext` constructor does `Container.get(InstanceSettings)`, which reads (and,
 * the first time, writes) `<N8N_USER_FOLDER>/.n8n/config`. Point it at a throwaway folder so the tests
 * never touch the user's home. Runs before the first context is built (the settings are read lazily).
 */
let environmentReady = false;
export function ensureN8nEnvironment(): void {
	if (environmentReady) return;
	if (!process.env.N8N_USER_FOLDER) process.env.N8N_USER_FOLDER = userFolderForThisProcess();
	process.env.N8N_ENCRYPTION_KEY ??= 'integration-test-key';
	// n8n refuses a settings file readable by others unless told otherwise; the temp folder is ours.
	process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
	environmentReady = true;
}

/**
 * `<tmp>/n8n-nodes-armor-integration/<pid>`: one folder per jest worker (workers must not race on the
 * settings file). Jest ends its workers without an 'exit' event, so folders of processes that no longer
 * run are removed here instead.
 */
function userFolderForThisProcess(): string {
	const base = path.join(tmpdir(), 'n8n-nodes-armor-integration');
	mkdirSync(base, { recursive: true });
	for (const entry of readdirSync(base)) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH')
				rmSync(path.join(base, entry), { recursive: true, force: true });
		}
	}
	const folder = path.join(base, String(process.pid));
	mkdirSync(folder, { recursive: true });
	return folder;
}
