// @ts-check
/**
 * Lint for the code that is not shipped: test/, scripts/ and bench/ (`npm run lint:dev`). The package
 * itself (nodes/, credentials/, package.json) is linted by eslint.config.mjs, n8n's node-cli config, which
 * stays exactly as n8n's cloud-support check wants it; none of n8n's node rules apply here.
 */
import { createRequire } from 'node:module';

import js from '@eslint/js';
import globals from 'globals';

// typescript-eslint is not a direct dependency: it is installed for @n8n/node-cli (pinned), whose config
// lints nodes/ with it. Load that same copy, resolved from node-cli's own location.
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript-eslint')} */
const tseslint = createRequire(require.resolve('@n8n/node-cli/eslint'))('typescript-eslint');

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
		rules: {
			// A leading underscore marks a parameter kept for its position or its documented signature.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['test/**/*.ts'],
		languageOptions: { globals: { ...globals.jest } },
	},
	{
		// They handle untyped values: the page's globals (compiled without the DOM library) and n8n's JSON.
		files: ['test/e2e/**', 'test/browser/**'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		// Command-line tools (the sandbox runs on its own too): printing is what they do.
		files: ['scripts/**', 'bench/**', 'test/sandbox/**'],
		rules: { 'no-console': 'off' },
	},
);
