#!/usr/bin/env node
// @ts-check
'use strict';
// `npm test`'s lint step: n8n's own `n8n-node cloud-support` must report cloud support ENABLED (strict mode
// in package.json and eslint.config.mjs exactly node-cli's), which n8n Cloud verification requires.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const result = spawnSync(process.execPath, [cli, 'cloud-support'], {
	cwd: root,
	encoding: 'utf8',
	stdio: ['ignore', 'pipe', 'pipe'],
});
const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`); // the CLI's colours
if (result.status !== 0 || !/Cloud support is ENABLED/.test(output)) {
	console.error(`n8n-node cloud-support does not report ENABLED:\n${output.trim()}`);
	process.exit(1);
}
console.log('n8n-node cloud-support: ENABLED (strict mode, n8n’s own ESLint config)');
