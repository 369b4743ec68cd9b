// @ts-check
/**
 * Lint for the code that is not shipped: test/, scripts/ and bench/ (`npm run lint:dev`), with rules for
 * tools (no console in tests, unused arguments marked with `_`, ...). eslint.config.mjs stays exactly
 * n8n's node-cli config, as n8n's cloud-support check wants it; `n8n-node lint` applies it to every
 * TypeScript file, tests included. A test file therefore names the n8n rules it may break (Node.js
 * imports and globals, the sandbox's fake secrets) in an `eslint-disable` line at its top; the same
 * n8n rules run here on test/, so those lines are checked from both sides.
 */
import { createRequire } from 'node:module';

import js from '@eslint/js';
import globals from 'globals';

// typescript-eslint is not a direct dependency: it is installed for @n8n/node-cli (pinned), whose config
// lints nodes/ with it. Load that same copy, resolved from node-cli's own location.
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript-eslint')} */
const fromNodeCli = createRequire(require.resolve('@n8n/node-cli/eslint'));
const tseslint = fromNodeCli('typescript-eslint');
const { n8nCommunityNodesPlugin } = fromNodeCli('@n8n/eslint-plugin-community-nodes');

export default tseslint.config(
	{
		ignores: ['bench/.work/**', 'test-artifacts/**', '.e2e/**', 'coverage/**', 'dist/**'],
	},
	{
		files: ['**/*.js', '**/*.ts'],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
		rules: { 'no-console': 'error' },
	},
	{
		// The package has no "type": "module": its .js files are CommonJS.
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
	},
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	{
		files: ['test/**/*.ts'],
		extends: [n8nCommunityNodesPlugin.configs.recommended],
		languageOptions: { globals: { ...globals.jest } },
	},
	{
		// Command-line tools (the sandbox runs on its own too): printing is what they do.
		files: ['scripts/**', 'bench/**', 'test/sandbox/**'],
		rules: { 'no-console': 'off' },
	},
);
