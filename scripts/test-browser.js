#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run test:browser`: a person's path through n8n's editor in a real browser (test/browser/**/*.browser.test.ts).
//  1. Chromium: Debian's package at /usr/bin/chromium (or $ARMOR_CHROMIUM). When it is missing, installs it
//     with `apt-get install -y chromium` (needs root, or sudo without a password); fails with the reason otherwise.
//  2. n8n 2.41 on Node 24 (scripts/ensure-n8n.sh; minutes the first time, outside any jest timeout).
//  3. jest with jest.browser.config.js, in band. Extra arguments go to jest (e.g. `-- --ci --json --outputFile=x`).
// Screenshots of every step land in test-artifacts/browser/ (git-ignored); the test prints the folder.
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const { ensureChromium } = require('../test/browser/chromium');
const { ensureN8n } = require('../test/e2e/n8n-host');

const root = path.resolve(__dirname, '..');
const log = (/** @type {string} */ message) => console.error(`[test-browser] ${message}`);

async function main() {
	const started = Date.now();
	let chromium;
	try {
		chromium = ensureChromium({ log });
	} catch (error) {
		log(`FAILED: ${error instanceof Error ? error.message : error}`);
		process.exit(1);
	}
	const version = spawnSync(chromium, ['--version'], { encoding: 'utf8' });
	log(`browser: ${(version.stdout || '').trim() || chromium}`);

	await ensureN8n();
	const seconds = Math.round((Date.now() - started) / 1000);
	if (seconds > 2) log(`Chromium and n8n ready after ${seconds}s`);

	const config = path.join(root, 'jest.browser.config.js');
	const jest = path.join(
		root,
		'node_modules',
		'.bin',
		process.platform === 'win32' ? 'jest.cmd' : 'jest',
	);
	const child = spawn(jest, ['--runInBand', '--config', config, ...process.argv.slice(2)], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ARMOR_CHROMIUM: chromium },
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, () => child.kill(signal));
	}
	child.on('error', (error) => {
		log(`could not start jest (${jest}): ${error.message}. Run npm install first.`);
		process.exit(1);
	});
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
	log(`FAILED: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
