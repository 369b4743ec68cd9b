#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to find. Each step's output streams through;
// the last line sums up the jest tests as "N passed, N failed".
// Steps: build, lint (`n8n-node lint`: n8n's exact community-node config over the repository; the tests,
// scripts and benchmark under eslint.dev.config.mjs; the GitHub workflows under actionlint), n8n's package
// scanner, unit + integration tests, end-to-end tests in real n8n versions, the browser walk through n8n's
// editor. A full green run records the tested build for `prepublishOnly` (scripts/tested-build.js).
// Skip steps for a quick local loop with e.g. `npm test -- --only=unit` (CI runs everything).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : undefined;
const totals = { passed: 0, failed: 0 };

function run(name, command, args, { jestJson } = {}) {
	if (only && !only.includes(name)) return;
	console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	if (jestJson && fs.existsSync(jestJson)) {
		const report = JSON.parse(fs.readFileSync(jestJson, 'utf8'));
		totals.passed += report.numPassedTests;
		totals.failed += report.numFailedTests;
		if (report.numTotalTests === 0) {
			console.error(`${name}: no test ran`);
			totals.failed += 1;
		}
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	if (result.status !== 0) {
		console.error(`\n=== ${name} FAILED (exit ${result.status ?? result.signal}, ${seconds}s)`);
		console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
		process.exit(1);
	}
	console.log(`=== ${name} ok (${seconds}s)`);
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'armor-test-'));
run('build', 'npm', ['run', 'build', '--silent']);
// n8n's node CLI: checks that eslint.config.mjs is n8n's own (strict mode, cloud support), then lints.
run('lint', 'npm', ['run', 'lint', '--silent']);
run('lint', 'node', ['scripts/check-cloud-support.js']);
// The code that is not shipped (tests, scripts, benchmark), under its own config (eslint.dev.config.mjs).
run('lint', 'npm', ['run', 'lint:dev', '--silent']);
run('lint', 'npm', ['run', 'lint:workflows', '--silent']);
run('scan', 'node', ['scripts/scan-package.js', '--no-build']);
run('unit', 'npx', ['jest', '--ci', '--json', `--outputFile=${path.join(reports, 'unit.json')}`], {
	jestJson: path.join(reports, 'unit.json'),
});
run(
	'e2e',
	'node',
	['scripts/test-e2e.js', '--ci', '--json', `--outputFile=${path.join(reports, 'e2e.json')}`],
	{
		jestJson: path.join(reports, 'e2e.json'),
	},
);
if (fs.existsSync(path.join(root, 'scripts/test-browser.js'))) {
	run(
		'browser',
		'node',
		[
			'scripts/test-browser.js',
			'--ci',
			'--json',
			`--outputFile=${path.join(reports, 'browser.json')}`,
		],
		{
			jestJson: path.join(reports, 'browser.json'),
		},
	);
}
if (!only && !totals.failed) {
	const { recordTestedBuild } = require('./tested-build');
	console.log(
		`\nrecorded the tested build for publishing (dist ${recordTestedBuild().dist.slice(0, 12)})`,
	);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
