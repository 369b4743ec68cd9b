#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run test:e2e`: the end-to-end tests (test/e2e/**/*.e2e.test.ts) in a real n8n.
// Installs the n8n versions first (scripts/ensure-n8n.sh; minutes the first time, its progress shown here, outside
// any jest timeout), then runs jest in band (the tests start n8n processes and share ports).
// Extra arguments go to jest, e.g. `npm run test:e2e -- -t "preAuthentication"` or `-- test/e2e/smoke`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, N8N_VERSIONS } = require('../test/e2e/n8n-host');

const root = path.resolve(__dirname, '..');

async function main() {
	const started = Date.now();
	// Every version the smoke test runs on (n8n-versions.js); each install is cached after its first time.
	await ensureN8n(N8N_VERSIONS.current);
	await ensureN8n(N8N_VERSIONS.oldest);
	const seconds = Math.round((Date.now() - started) / 1000);
	if (seconds > 2) console.error(`[test-e2e] n8n ready after ${seconds}s`);

	const config = path.join(root, 'jest.e2e.config.js');
	const selection = fs.existsSync(config)
		? ['--config', config]
		: ['--testMatch', '**/test/e2e/**/*.e2e.test.ts', '--testPathIgnorePatterns', '/node_modules/'];
	const jest = path.join(
		root,
		'node_modules',
		'.bin',
		process.platform === 'win32' ? 'jest.cmd' : 'jest',
	);
	const child = spawn(jest, ['--runInBand', ...selection, ...process.argv.slice(2)], {
		cwd: root,
		stdio: 'inherit',
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => child.kill(signal));
	}
	child.on('error', (error) => {
		console.error(
			`[test-e2e] could not start jest (${jest}): ${error.message}. Run npm install first.`,
		);
		process.exit(1);
	});
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	console.error(`[test-e2e] ${error.message}`);
	process.exit(1);
});
