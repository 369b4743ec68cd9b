// @ts-check
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * Every file under a folder, as sorted paths relative to it with `/`.
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir, prefix = '') {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) => {
			const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
			return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
		})
		.sort();
}

module.exports = { listFiles };
