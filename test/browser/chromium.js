// @ts-check
'use strict';
/**
 * Debian's Chromium for the browser test: found at /usr/bin/chromium (or $ARMOR_CHROMIUM), installed with
 * `apt-get install -y chromium` when missing. Only Node built-ins, so scripts/test-browser.js can use it
 * before jest starts; the test calls it again (a no-op once installed) so a plain `jest` run also gets it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless, quiet, throw-away browser (the profile is a fresh temp folder per launch).
 * `--no-sandbox`: CI containers run as root, where Chromium's sandbox cannot start.
 */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** @param {string} file */
function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** @param {string} name */
function onPath(name) {
	return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure Chromium is installed and returns its executable. Throws an Error naming the reason when it
 * is missing and cannot be installed (no apt-get, not root and no password-less sudo, apt-get failed).
 * @param {{ log?: (message: string) => void }} [options] progress lines (default: stderr)
 * @returns {string}
 */
function ensureChromium({
	log = (message) => process.stderr.write(`[chromium] ${message}\n`),
} = {}) {
	const chromium = process.env.ARMOR_CHROMIUM || DEFAULT_CHROMIUM;
	if (isExecutable(chromium)) return chromium;
	if (process.env.ARMOR_CHROMIUM)
		throw new Error(`ARMOR_CHROMIUM=${chromium} is not an executable file`);
	if (process.platform !== 'linux' || !onPath('apt-get')) {
		throw new Error(
			`Chromium is missing (${chromium}) and this machine has no apt-get to install Debian's package; ` +
				'install Chromium and set ARMOR_CHROMIUM to its executable',
		);
	}
	/** @type {string[]} */
	let command = ['apt-get'];
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		if (!onPath('sudo') || spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
			throw new Error(
				`Chromium is missing (${chromium}) and installing it needs root: run \`sudo apt-get install -y chromium\` ` +
					'(this user is not root and has no password-less sudo)',
			);
		}
		command = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
	}
	log(`Chromium is missing (${chromium}): installing Debian's package with apt-get (once)`);
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const full = [...command, ...args];
		log(`$ ${full.join(' ')}`);
		const result = spawnSync(full[0], full.slice(1), {
			// apt's progress goes to stderr, so it never mixes with a caller's JSON on stdout
			stdio: ['ignore', process.stderr, process.stderr],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeout: 15 * 60 * 1000,
		});
		if (result.error)
			throw new Error(`could not install Chromium: ${full.join(' ')}: ${result.error.message}`);
		if (result.status !== 0) {
			throw new Error(
				`could not install Chromium: \`${full.join(' ')}\` exited with ${result.status ?? result.signal}`,
			);
		}
	}
	if (!isExecutable(chromium))
		throw new Error(`apt-get installed chromium, but ${chromium} is still missing`);
	return chromium;
}

module.exports = { CHROMIUM_ARGS, DEFAULT_CHROMIUM, ensureChromium };
