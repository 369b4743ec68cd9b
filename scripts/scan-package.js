#!/usr/bin/env node
// n8n's community package scanner, the way n8n runs it: on the unpacked `npm pack` output (what users
// install), and on the TypeScript sources (what verification reads from the attested repository).
// First it checks what `npm pack` puts in the tarball: dist/, README.md, LICENSE and package.json only.
// Usage: node scripts/scan-package.js [--no-build]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { listFiles } = require('./list-files');

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
	const packed = listFiles(path.join(work, 'package'));
	const stray = packed.filter(
		(file) => !file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file),
	);
	const missing = ['README.md', 'LICENSE', 'package.json'].filter((file) => !packed.includes(file));
	let failed = false;
	if (stray.length || missing.length || !packed.some((file) => file.startsWith('dist/nodes/'))) {
		failed = true;
		console.log(
			`npm pack: FAILED (not allowed: ${stray.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`,
		);
	} else {
		console.log(`npm pack: ${packed.length} files, only dist/, README.md, LICENSE, package.json`);
	}
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
		'@n8n/scan-community-package/scanner/scanner.mjs'
	);
	const legs = [
		['packed package', path.join(work, 'package'), undefined],
		['TypeScript sources', root, SOURCE_FILE_PATTERNS],
	];
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
