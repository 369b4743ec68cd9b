// @ts-check
'use strict';
/**
 * Which build `npm test` has passed. A full, green `npm test` records a fingerprint of dist/ (every file's
 * path and bytes) with the package version in `.tested-build.json` (git-ignored, not packed);
 * `prepublishOnly` (scripts/check-publishable.js) refuses to publish a dist/ with another fingerprint.
 * The build is deterministic, so the release's own `npm run build` reproduces the tested bytes.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { listFiles } = require('./list-files');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(ROOT, '.tested-build.json');

/** Fingerprint of dist/, or undefined when there is no build. */
function distFingerprint() {
	if (!fs.existsSync(DIST)) return undefined;
	const hash = crypto.createHash('sha256');
	for (const file of listFiles(DIST)) {
		hash.update(`${file}\0`);
		hash.update(fs.readFileSync(path.join(DIST, file)));
		hash.update('\0');
	}
	return hash.digest('hex');
}

function packageVersion() {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** Called by `npm test` after every step passed. */
function recordTestedBuild() {
	const stamp = {
		version: packageVersion(),
		dist: distFingerprint(),
		testedAt: new Date().toISOString(),
	};
	fs.writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
	return stamp;
}

/** @returns {string | undefined} why dist/ may not be published, or undefined when `npm test` passed it */
function whyUntested() {
	const current = distFingerprint();
	if (!current) return 'there is no build in dist/ (run `npm test`, which builds it)';
	if (!fs.existsSync(STAMP)) return '`npm test` has not passed on this machine';
	const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
	if (stamp.version !== packageVersion())
		return `\`npm test\` last passed on version ${stamp.version}, not ${packageVersion()}`;
	if (stamp.dist !== current) return 'dist/ changed after `npm test` last passed';
	return undefined;
}

module.exports = { distFingerprint, recordTestedBuild, whyUntested, STAMP };
