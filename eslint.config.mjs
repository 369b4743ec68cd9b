import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'test/**', 'scripts/**', 'bench/**', 'gulpfile.js', 'jest*.config.js', 'eslint.config.mjs'] },
	...config,
];
