#!/usr/bin/env node
// @ts-check
'use strict';
// `prepublishOnly` (after n8n's `n8n-node prerelease`): npm publishes only
//  - when package.json's `repository`, `homepage` and `author` are filled in (they hold FILL-IN
//    placeholders until a maintainer sets them; npm's provenance check also needs `repository` to name
//    the GitHub repository the publish workflow runs in), and
//  - a dist/ that a full `npm test` passed, byte for byte (scripts/tested-build.js).
// `--metadata` checks only the first (the publish workflow runs it before the tests).
const fs = require('node:fs');
const path = require('node:path');

const { whyUntested } = require('./tested-build');

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
const placeholders = [
	['repository.url', manifest.repository?.url],
	['homepage', manifest.homepage],
	['author.name', manifest.author?.name],
	['author.email', manifest.author?.email],
]
	.filter(([, value]) => !value || /fill-in/i.test(String(value)))
	.map(([field]) => field);

const problems = [];
if (placeholders.length)
	problems.push(
		`package.json still has placeholders in ${placeholders.join(', ')}: fill them in (the GitHub repository this is published from, and its maintainer)`,
	);
if (!process.argv.includes('--metadata')) {
	const why = whyUntested();
	if (why)
		problems.push(`${why}: run \`npm test\` (all steps, no --only), then publish the same build`);
}
if (problems.length) {
	console.error(`Refusing to publish:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(
	process.argv.includes('--metadata')
		? 'package.json names its repository, homepage and author.'
		: 'package.json is filled in, and dist/ is the build `npm test` passed.',
);
