/** @type {import('jest').Config} */
module.exports = {
	...require('./jest.config.js'),
	testPathIgnorePatterns: ['/node_modules/'],
	testMatch: ['**/test/e2e/**/*.e2e.test.ts'],
};
