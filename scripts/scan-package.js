#!/usr/bin/env node
// n8n's community package scanner, the way n8n runs it: on the unpacked `npm pack` output (what users
// install), and on the TypeScript sources (what verification reads from the attested repository).
// Usage: node scripts/scan-package.js [--no-build]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

async function main() {
	if (!process.argv.includes('--no-build'))
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'armor-scan-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
		'@n8n/scan-community-package/scanner/scanner.mjs'
	);
	const legs = [
		['packed package', path.join(work, 'package'), undefined],
		['TypeScript sources', root, SOURCE_FILE_PATTERNS],
	];
	let failed = false;
	for (const [name, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		console.log(`scan ${name}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
		if (!result.passed) {
			failed = true;
			if (result.details) console.log(result.details);
		}
	}
	fs.rmSync(work, { recursive: true, force: true });
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
