#!/usr/bin/env node
// `npm run build` starts from an empty dist/, so a file removed from nodes/ or credentials/ is not shipped.
'use strict';
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'dist'), {
	recursive: true,
	force: true,
});
