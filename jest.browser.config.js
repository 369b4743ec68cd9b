/** @type {import('jest').Config} */
// The browser walk through n8n's editor (scripts/test-browser.js runs it; the default `jest` run leaves it out).
module.exports = {
	...require('./jest.config.js'),
	testPathIgnorePatterns: ['/node_modules/'],
	testMatch: ['**/test/browser/**/*.browser.test.ts'],
};
