// @ts-check
'use strict';
/**
 * The n8n versions this package is tested on; scripts/ensure-n8n.sh installs each into the cache.
 * - current: what `npm start`, the e2e tests, the browser test and the benchmark run.
 * - oldest: the oldest n8n the README promises. n8n 2.6 is the first n8n 2 release whose request helpers
 *   honour `sendCredentialsOnCrossOriginRedirect: false`, which the credentials set so that n8n's HTTP
 *   Request node never re-sends them to another host after a redirect (n8n 2.0-2.5 do). The smoke e2e
 *   runs this package on both.
 */
module.exports = {
	current: '2.41.1',
	oldest: '2.6.4',
};
