#!/usr/bin/env node
// `prepublishOnly`: npm publishes dist/ only when a full `npm test` passed on exactly these bytes.
'use strict';
const { whyUntested } = require('./tested-build');

const why = whyUntested();
if (why) {
	console.error(
		`Refusing to publish: ${why}. Run \`npm test\` (all steps, no --only), then publish the same build.`,
	);
	process.exit(1);
}
console.log('dist/ is the build `npm test` passed.');
